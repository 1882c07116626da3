// Retention of applicants' personal data (issue 7). An application names a person: name, identity
// number, phone, e-mail, address, and often an ID scan (Art. 29 asks for proof of identity). The
// Regulations say nothing about how long an agency keeps them, and neither do the archive rules in
// the project's domain notes (/work/shared/domain/REGULATIONS.md): the period is a per-agency
// setting, *practice* as the notes put it. Default 3 years after the case ended: well past the
// remedies a reply names (60 days for reconsideration, 6 months for a lawsuit — 行政复议法 art. 20,
// 行政诉讼法 art. 46), and an agency that must keep case files longer (the 10- or 30-year periods of
// 国家档案局令第8号 for archived files) sets up to 30. What is erased is the applicant's identity;
// the case itself — dates, events, outcome — stays, so statistics and the annual report do not change.
// Pure: no I/O.
import { maskText } from './privacy-scan.ts';
import { daysInMonth } from './dates.ts';

export const DEFAULT_RETENTION_YEARS = 3;
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 30;

/** What replaces an erased applicant's name. */
export const ERASED_MARK = '（已删除）';

/** The states in which handling has ended (an `ended_on` is set) and nothing is pending. */
export const ENDED_STATES = ['replied', 'closed', 'withdrawn'] as const;

/** Whether `years` is an allowed retention period; the message says why not. */
export function checkRetentionYears(years: number): string | null {
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
    return `保存期限应为 ${MIN_RETENTION_YEARS} 至 ${MAX_RETENTION_YEARS} 之间的整数（年）`;
  }
  return null;
}

/**
 * The latest end date whose retention has run out on `today`: the same calendar day `years` earlier
 * (29 February → 28 February). A case that ended on or before it is erased.
 */
export function retentionCutoff(today: string, years: number): string {
  const y = Number(today.slice(0, 4)) - years;
  const m = Number(today.slice(5, 7));
  const d = Math.min(Number(today.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The applicant's own values as stored, to be removed wherever the case's texts repeat them. */
export interface OwnPersonalData {
  name: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

/**
 * `text` without the applicant's own values (replaced by the mark) and with any other personal data
 * the scanner recognises (identity, phone and card numbers, e-mail and home addresses) masked.
 */
export function scrubText(text: string, own: OwnPersonalData): string {
  const values = [own.address, own.email, own.idNumber, own.phone, own.name]
    .map((v) => v.trim())
    .filter((v) => [...v].length >= 2)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of values) out = out.split(v).join(ERASED_MARK);
  return maskText(out);
}

/** A JSON value with every string in it scrubbed (keys, numbers and structure unchanged). */
export function scrubJson(value: unknown, own: OwnPersonalData): unknown {
  if (typeof value === 'string') return scrubText(value, own);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, own));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubJson(v, own)]));
  }
  return value;
}
