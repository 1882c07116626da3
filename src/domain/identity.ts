// Proof of identity (Art. 29(1)): resident identity card numbers of natural persons and unified
// social credit codes of legal persons and other organisations, and the masks that keep them off
// pages where the reader does not handle the application (DESIGN.md, invariants).
import { tryParseIsoDate } from './dates.ts';

export type IdentityCheck<Extra = object> = ({ ok: true; normalized: string } & Extra) | { ok: false; reason: string };

/** Full-width characters become half-width, spaces go, letters become upper case. */
function normalize(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

// GB/T 2260 province-level codes; 71 Taiwan, 81/82 Hong Kong/Macao (residence permits for their
// residents also use 810000/820000), 83 residence permits for Taiwan residents.
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

// GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits; weight i = 2^(17-i) mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('应为17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

export interface ResidentIdDetails {
  format: 18 | 15;
  /** 'YYYY-MM-DD'; 15-digit numbers were issued to people born in the 1900s. */
  birthDate: string;
}

/**
 * Validates a resident identity card number (居民身份证号码): 18 digits with the MOD 11-2 check
 * character (X allowed), or the old 15-digit format (6 region + YYMMDD + 3 sequence). Pass `today`
 * to reject birth dates in the future.
 */
export function validateResidentId(input: string, options: { today?: string } = {}): IdentityCheck<ResidentIdDetails> {
  const s = normalize(String(input ?? ''));
  if (s === '') return { ok: false, reason: '请填写身份证号码' };
  if (s.length !== 18 && s.length !== 15) return { ok: false, reason: '身份证号码应为18位（旧版为15位）' };
  const shape = s.length === 18 ? /^\d{17}[\dX]$/ : /^\d{15}$/;
  if (!shape.test(s)) {
    return { ok: false, reason: s.length === 18 ? '身份证号码应为数字，仅最后一位可以是X' : '15位身份证号码应全部为数字' };
  }
  if (!PROVINCE_CODES.has(s.slice(0, 2))) return { ok: false, reason: '身份证号码的地区代码无效' };

  const yyyymmdd = s.length === 18 ? s.slice(6, 14) : `19${s.slice(6, 12)}`;
  const birthDate = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const parts = tryParseIsoDate(birthDate);
  if (parts === null || parts.year < 1900 || (options.today !== undefined && birthDate > options.today)) {
    return { ok: false, reason: '身份证号码中的出生日期无效' };
  }
  if (s.length === 18 && residentIdCheckChar(s.slice(0, 17)) !== s[17]) {
    return { ok: false, reason: '身份证号码校验位错误，请核对' };
  }
  return { ok: true, normalized: s, format: s.length === 18 ? 18 : 15, birthDate };
}

// GB 32100-2015: 31 characters, no I, O, Z, S, V.
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// Registration authority (登记管理部门): 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游,
// 7 宗教, 8 工会, 9 市场监管（工商）, A 中央军委改革和编制办公室, N 农业, Y 其他.
const REGISTRATION_AUTHORITIES = '123456789ANY';

export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('应为17位');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = CREDIT_CHARS.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`无效字符：${first17[i]}`);
    sum += v * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/** Validates a unified social credit code (统一社会信用代码, GB 32100-2015). */
export function validateCreditCode(input: string): IdentityCheck {
  const s = normalize(String(input ?? ''));
  if (s === '') return { ok: false, reason: '请填写统一社会信用代码' };
  if (s.length !== 18) return { ok: false, reason: '统一社会信用代码应为18位' };
  for (const ch of s) {
    if (!CREDIT_CHARS.includes(ch)) {
      return { ok: false, reason: `统一社会信用代码含有无效字符“${ch}”（不使用I、O、S、V、Z）` };
    }
  }
  if (!REGISTRATION_AUTHORITIES.includes(s[0])) return { ok: false, reason: '统一社会信用代码的登记管理部门代码无效' };
  if (!/^\d{6}$/.test(s.slice(2, 8))) return { ok: false, reason: '统一社会信用代码的登记管理机关行政区划码无效' };
  if (creditCodeCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, reason: '统一社会信用代码校验位错误，请核对' };
  return { ok: true, normalized: s };
}

// ---------------------------------------------------------------------------------------------
// Masks. They work on code points, so Chinese text is never cut inside a character.

/**
 * Keeps `keepStart` characters at the start and `keepEnd` at the end and replaces the rest with
 * '*'. At least one character is always masked: short values keep less rather than show all.
 */
export function maskGeneric(value: string, keepStart = 1, keepEnd = 1): string {
  const chars = [...value];
  if (chars.length === 0) return '';
  let start = Math.max(0, Math.floor(keepStart));
  let end = Math.max(0, Math.floor(keepEnd));
  while (start + end >= chars.length) {
    if (end >= start && end > 0) end -= 1;
    else start -= 1;
  }
  return chars.slice(0, start).join('') + '*'.repeat(chars.length - start - end) + chars.slice(chars.length - end).join('');
}

/** '43128119900101123X' → '431281********123X' (region kept, birth date and sequence hidden). */
export function maskResidentId(value: string): string {
  const s = normalize(value);
  return s.length === 18 || s.length === 15 ? maskGeneric(s, 6, 4) : maskGeneric(s, 1, 1);
}

/** '13800138000' → '138****8000'; other numbers keep their last 4 digits. */
export function maskPhone(value: string): string {
  const s = normalize(value);
  const mobile = /^(\+?86)?(1\d{10})$/.exec(s);
  if (mobile) return `${mobile[2].slice(0, 3)}****${mobile[2].slice(7)}`;
  return maskGeneric(s, 0, 4);
}

/** '张三' → '张*', '欧阳娜娜' → '欧***': only the first character stays. */
export function maskName(value: string): string {
  return maskGeneric(value.trim(), 1, 0);
}
