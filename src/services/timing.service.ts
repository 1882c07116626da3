// Honest timing figures per agency and year (issue 8): median and 90th percentile working days to
// the first response and to the final reply, the share replied on time and the share extended —
// computed from the application event log and the working-day calendar (domain/response-timing.ts),
// for the console and for the annual report's prose draft (annual-report.service.ts draftOverview).
import type { Repositories } from '../db/repositories/index.ts';
import { caseClock, caseEventOf } from '../domain/application-events.ts';
import { OUTCOMES, isOutcomeCode } from '../domain/application-workflow.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { chinaDateOf } from '../domain/dates.ts';
import { computeTiming, timingProse, type TimingCase, type TimingFigures } from '../domain/response-timing.ts';
import type { Actor, StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import type { DashboardFigure } from './dashboard.service.ts';
import { staffOf } from './document-access.ts';
import { ForbiddenError, ValidationError } from './errors.ts';

/**
 * Whether an outcome is a reply to the applicant. Cases closed because the applicant never
 * corrected or never paid are not replies (the annual report counts them under 其他处理 the same way).
 */
function isReply(outcome: string | null): boolean {
  if (outcome === null || !isOutcomeCode(outcome)) return false;
  const row = OUTCOMES[outcome].reportRow;
  return row !== 'other_handling.no_correction' && row !== 'other_handling.fee_unpaid';
}

/** The cases of one agency as the timing figures need them, for every application received up to the end of `year`. */
export async function timingCases(repos: Repositories, cal: WorkingCalendar, agencyId: number, year: number): Promise<TimingCase[]> {
  const apps = await repos.reportSources.applications(agencyId, `${year}-12-31`);
  const events = await repos.reportSources.applicationEvents(apps.map((a) => a.id));
  return apps.map((a) => {
    const list = events.get(a.id) ?? [];
    const caseEvents = list.map(caseEventOf);
    let repliedOn: string | null = null;
    if (isReply(a.outcome)) {
      const replied = [...list].reverse().find((e) => e.type === 'replied');
      repliedOn = replied?.occurred_on ?? a.ended_on;
    }
    let dueOn: string | null = null;
    let clockUnreadable = false;
    if (repliedOn !== null) {
      try {
        dueOn = caseClock(cal, { receivedOn: a.received_on, endedOn: repliedOn, events: caseEvents }, repliedOn).dueOn;
      } catch {
        clockUnreadable = true;
      }
    }
    return { receivedOn: a.received_on, events: list.map((e) => ({ type: e.type, on: e.occurred_on })), repliedOn, dueOn, clockUnreadable };
  });
}

/** The timing figures of one agency and year (repositories and calendar passed in: usable inside a transaction). */
export async function agencyTiming(repos: Repositories, cal: WorkingCalendar, agencyId: number, year: number): Promise<TimingFigures> {
  return computeTiming(cal, year, await timingCases(repos, cal, agencyId, year));
}

/**
 * The paragraph for the annual report's prose draft, e.g. "答复用时：2025年自收到申请至首次回应……".
 * For annual-report.service.ts draftOverview (one call, with its own repositories and calendar).
 */
export async function timingParagraph(repos: Repositories, cal: WorkingCalendar, agencyId: number, year: number): Promise<string> {
  return timingProse(await agencyTiming(repos, cal, agencyId, year));
}

export interface AgencyTimingRow {
  agencyId: number;
  agencyName: string;
  figures: TimingFigures;
}

export interface TimingReport {
  year: number;
  rows: AgencyTimingRow[];
}

function mayReadTiming(user: StaffUser): boolean {
  return user.isSysadmin || user.roles.some((r) => r === 'office' || r === 'head' || r === 'reviewer' || r === 'supervisor' || r === 'admin');
}

/** Timing of the user's agency, and for a supervisor of every agency below it too. */
export async function timingReport(ctx: ServiceContext, actor: Actor, year: number): Promise<TimingReport> {
  const user = staffOf(actor);
  if (!mayReadTiming(user)) throw new ForbiddenError('只有公开办、审核人、负责人或监督机构可以查看答复用时');
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new ValidationError('年份无效', { year: '年份无效' });
  const cal = await ctx.calendar();
  const ids = user.roles.includes('supervisor') || user.isSysadmin ? await ctx.repos.agencies.subtreeIds(user.agencyId) : [user.agencyId];
  const all = await ctx.repos.agencies.all();
  const rows: AgencyTimingRow[] = [];
  for (const id of ids) {
    const agency = all.find((a) => a.id === id);
    if (!agency) continue;
    rows.push({ agencyId: id, agencyName: agency.name, figures: await agencyTiming(ctx.repos, cal, id, year) });
  }
  return { year, rows };
}

const pct = (x: number | null) => (x === null ? 0 : Math.round(x * 1000) / 10);

/** Dashboard figures for this year of the user's own agency (empty when nothing was received or replied yet). */
export async function timingDashboardFigures(ctx: ServiceContext, user: StaffUser): Promise<DashboardFigure[]> {
  const year = Number(chinaDateOf(ctx.now()).slice(0, 4));
  const f = await agencyTiming(ctx.repos, await ctx.calendar(), user.agencyId, year);
  const href = `/console/privacy/timing?year=${year}`;
  const out: DashboardFigure[] = [];
  if (f.firstResponse.median !== null) out.push({ label: `${year}年首次回应用时中位数（工作日）`, en: `${year}: median working days to the first response`, value: f.firstResponse.median, href });
  if (f.finalReply.median !== null) {
    out.push({ label: `${year}年答复用时中位数（工作日）`, en: `${year}: median working days to the reply`, value: f.finalReply.median, href });
    out.push({ label: `${year}年答复用时第90百分位（工作日）`, en: `${year}: 90th percentile of working days to the reply`, value: f.finalReply.p90 ?? 0, href });
    out.push({ label: `${year}年按期答复率（%）`, en: `${year}: replied on time (%)`, value: pct(f.onTimeShare), href, tone: f.onTimeShare !== null && f.onTimeShare < 1 ? 'warn' : 'ok' });
    out.push({ label: `${year}年延期答复占比（%）`, en: `${year}: replies with an extension (%)`, value: pct(f.extendedShare), href });
  }
  return out;
}
