// The working-day calendar as the platform administrators keep it: a new year's schedule imported when
// the State Council announces it, local extra holidays, and the questions everyone asks of it
// (when is a reply due, what does a year look like). Deadlines everywhere derive from this calendar,
// so every change is audited and drops the cached calendar at once.
import type { Repositories } from '../db/repositories/index.ts';
import { WorkingCalendar, baselineFromChineseDays, type DayKind, type DayOverride } from '../domain/calendar.ts';
import {
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  isCalendarYear,
  parseScheduleFile,
  parseScheduleJson,
  validateSchedule,
  type ParsedSchedule,
  type ScheduleEntry,
} from '../domain/calendar-import.ts';
import { isIsoDate, weekdayZh, yearOf } from '../domain/dates.ts';
import { isPlatformAdmin } from './account.service.ts';
import { actorLabel, actorUserId, type Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

/** `source` of a local extra holiday, followed by its basis: '本地增设：洪政办发〔2027〕3号'. */
export const LOCAL_HOLIDAY_SOURCE = '本地增设';
/** Far beyond any statutory period (Art. 33: 20 + 20 working days), small enough to answer at once. */
export const DUE_DATE_MAX_WORKING_DAYS = 1000;
const MAX_SOURCE_LENGTH = 200;
const MAX_NAME_LENGTH = 50;
const MAX_BASIS_LENGTH = 150;

export function isLocalSource(source: string): boolean {
  return source === LOCAL_HOLIDAY_SOURCE || source.startsWith(`${LOCAL_HOLIDAY_SOURCE}：`);
}

/**
 * The calendar is the platform's: one calendar counts the deadlines of every agency on the
 * installation, so only platform administrators (and the command line) change it. An agency's
 * administrator (role admin) may look at it but not change it: on a city platform one county's
 * administrator would otherwise move every agency's deadlines.
 */
export function mayManageCalendar(actor: Actor): boolean {
  return isPlatformAdmin(actor);
}

/** The refusal: the calendar is shared by every agency on the platform. */
export const CALENDAR_PLATFORM_ONLY = '工作日历由平台管理员维护，全平台各机关共用，只有平台管理员可以导入年度安排或增设、删除本地假日';

/** Refuses anybody but a platform administrator (or the command line), before anything is read or stored. */
export function assertMayManageCalendar(actor: Actor): void {
  if (!mayManageCalendar(actor)) throw new ForbiddenError(CALENDAR_PLATFORM_ONLY);
}

function auditActor(actor: Actor) {
  return {
    actorId: actorUserId(actor),
    actorLabel: actorLabel(actor),
    agencyId: actor.kind === 'staff' ? actor.user.agencyId : null,
    ip: actor.ip ?? '',
  };
}

/** The merged calendar as the transaction sees it (the shared cache may be a minute old). */
async function calendarIn(repos: Repositories): Promise<WorkingCalendar> {
  const [overrides, years] = await Promise.all([repos.calendar.overrides(), repos.calendar.knownYears()]);
  return WorkingCalendar.fromBaseline(overrides, years.map((y) => y.year));
}

function counts(days: readonly { kind: DayKind }[]) {
  return { daysOff: days.filter((d) => d.kind === 'off').length, makeUpWorkdays: days.filter((d) => d.kind === 'work').length };
}

// ---- questions -------------------------------------------------------------------------------

export interface DueDateResult {
  from: string;
  workingDays: number;
  /** The workingDays-th working day after `from` (the start day is not counted). */
  due: string;
  /** True when a counted day lies in a year whose schedule is not loaded. */
  provisional: boolean;
}

export async function dueDate(ctx: ServiceContext, from: string, workingDays: number): Promise<DueDateResult> {
  const fields: Record<string, string> = {};
  if (!isIsoDate(from)) fields.from = '应为 YYYY-MM-DD 格式的真实日期';
  else if (!isCalendarYear(yearOf(from))) fields.from = `日期应在 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 年之间`;
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > DUE_DATE_MAX_WORKING_DAYS) {
    fields.workingDays = `应为 0 至 ${DUE_DATE_MAX_WORKING_DAYS} 之间的整数`;
  }
  if (Object.keys(fields).length) throw new ValidationError(`参数有误：${Object.keys(fields).join('、')}`, fields);
  const { date, provisional } = (await ctx.calendar()).addWorkingDays(from, workingDays);
  return { from, workingDays, due: date, provisional };
}

export interface ScheduleDayView {
  date: string;
  name: string | null;
  source: string;
  /** A local extra holiday (本地增设), which administrators may remove. */
  local: boolean;
}

export interface YearScheduleView {
  year: number;
  /** Whether the official schedule of the year is loaded. */
  known: boolean;
  /** Deadlines that count days of this year are provisional while it is not known. */
  provisional: boolean;
  /** Where the year's schedule comes from: 'chinese-days', an imported notice, or null. */
  scheduleSource: string | null;
  /** When an administrator imported it (ISO time), null for the built-in schedule. */
  loadedAt: string | null;
  daysOff: ScheduleDayView[];
  makeUpWorkdays: ScheduleDayView[];
}

function assertYear(year: number): void {
  if (!isCalendarYear(year)) {
    throw new ValidationError(`年份应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的整数`, { year: `应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的整数` });
  }
}

/** The year's days off and make-up working days, baseline and database merged, each with its source. */
export async function yearSchedule(ctx: ServiceContext, year: number): Promise<YearScheduleView> {
  assertYear(year);
  const [cal, imported] = await Promise.all([ctx.calendar(), ctx.repos.calendar.knownYears()]);
  const s = cal.yearSchedule(year);
  const row = imported.find((y) => y.year === year);
  const view = (d: { date: string; name: string | null; source: string }): ScheduleDayView => ({ date: d.date, name: d.name || null, source: d.source, local: isLocalSource(d.source) });
  return {
    year,
    known: s.known,
    provisional: !s.known,
    scheduleSource: row?.source ?? (s.known ? 'chinese-days' : null),
    loadedAt: row?.loaded_at ?? null,
    daysOff: s.daysOff.map(view),
    makeUpWorkdays: s.makeUpWorkdays.map(view),
  };
}

export interface KnownYear {
  year: number;
  source: string;
  loadedAt: string | null;
}

/** Every year with a loaded schedule: the built-in ones and those administrators imported. */
export async function knownYears(ctx: ServiceContext): Promise<KnownYear[]> {
  const imported = await ctx.repos.calendar.knownYears();
  const byYear = new Map<number, KnownYear>();
  for (const y of baselineFromChineseDays().knownYears) byYear.set(y, { year: y, source: 'chinese-days', loadedAt: null });
  for (const y of imported) byYear.set(y.year, { year: y.year, source: y.source, loadedAt: y.loaded_at });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

// ---- importing a year ----------------------------------------------------------------------------

/** A schedule file that cannot be read: every problem, each naming its entry or line. */
export class ScheduleFileError extends ValidationError {
  constructor(readonly problems: string[]) {
    super(`日历文件有误（${problems.length} 处）：${problems[0]}${problems.length > 1 ? ' 等' : ''}`, { file: problems.join('\n') });
  }
}

export interface ImportYearInput {
  year: number;
  days: ScheduleEntry[];
  /** The notice the schedule comes from, e.g. '国务院办公厅关于2027年部分节假日安排的通知'. */
  source: string;
}

export interface ImportYearResult {
  year: number;
  source: string;
  daysOff: number;
  makeUpWorkdays: number;
  /** What the calendar said about the year before. */
  before: { known: boolean; source: string | null; daysOff: number; makeUpWorkdays: number };
  /** Local extra holidays of the year that stay. */
  keptLocal: string[];
  /** Local extra holidays on dates the new schedule decides itself. */
  droppedLocal: string[];
}

function checkSource(source: unknown): string {
  const s = typeof source === 'string' ? source.trim() : '';
  if (s === '' || s.length > MAX_SOURCE_LENGTH) {
    throw new ValidationError('请填写日历的依据（通知名称或文号）', { source: s === '' ? '请填写依据' : `最多 ${MAX_SOURCE_LENGTH} 个字` });
  }
  return s;
}

/**
 * Replaces the stored schedule of a year with an announced one and marks the year known; the
 * chinese-days days of that year no longer count. Local extra holidays of the year stay unless the
 * new schedule decides their date.
 */
export async function importYear(ctx: ServiceContext, actor: Actor, input: ImportYearInput): Promise<ImportYearResult> {
  assertMayManageCalendar(actor);
  assertYear(input.year);
  const source = checkSource(input.source);
  const problems = validateSchedule(input.year, input.days);
  if (problems.length) throw new ScheduleFileError(problems);
  const now = ctx.now();
  const result = await ctx.transaction(async (repos) => {
    const previous = (await calendarIn(repos)).yearSchedule(input.year);
    const previousSource = (await repos.calendar.knownYears()).find((y) => y.year === input.year)?.source ?? (previous.known ? 'chinese-days' : null);
    const decided = new Set(input.days.map((d) => d.date));
    const stored = (await repos.calendar.overrides()).filter((o) => yearOf(o.date) === input.year && isLocalSource(o.source));
    const kept = stored.filter((o) => !decided.has(o.date));
    const dropped = stored.filter((o) => decided.has(o.date));
    const rows: DayOverride[] = [
      ...input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim(), source })),
      ...kept,
    ];
    await repos.calendar.replaceYear(input.year, rows, source, now);
    const summary: ImportYearResult = {
      year: input.year,
      source,
      ...counts(input.days),
      before: { known: previous.known, source: previousSource, daysOff: previous.daysOff.length, makeUpWorkdays: previous.makeUpWorkdays.length },
      keptLocal: kept.map((o) => o.date),
      droppedLocal: dropped.map((o) => o.date),
    };
    await repos.audit.append({
      ...auditActor(actor),
      action: 'calendar.year_imported',
      subjectType: 'calendar_year',
      subjectId: input.year,
      summary: { ...summary },
    }, now);
    return summary;
  });
  ctx.invalidateCalendar();
  return result;
}

export interface ScheduleFileInput {
  fileName: string;
  content: string | Uint8Array;
  /** Needed for a file covering several years; checked against a JSON file's own year. */
  year?: number;
  /** Overrides the file's own `source` (and the file name used when it has none). */
  source?: string;
}

export interface ScheduleDiff {
  /** Dates the new schedule adds or changes, with what they become. */
  added: ScheduleEntry[];
  /** Dates the current calendar decides that the new schedule leaves to the ordinary week. */
  removed: ScheduleEntry[];
}

export interface SchedulePreview {
  schedule: ParsedSchedule;
  /** The source that will be recorded. */
  source: string;
  current: YearScheduleView;
  diff: ScheduleDiff;
}

function parseFile(input: ScheduleFileInput): ParsedSchedule {
  const parsed = parseScheduleFile(input.fileName, input.content, input.year === undefined ? {} : { year: input.year });
  if (!parsed.ok) throw new ScheduleFileError(parsed.errors);
  return parsed.schedule;
}

function sourceFor(input: ScheduleFileInput, schedule: ParsedSchedule): string {
  const given = input.source?.trim();
  return checkSource(given || schedule.source || `文件 ${input.fileName.trim().slice(0, 150) || '（未命名）'}`);
}

/** Reads a file and compares it with the calendar, storing nothing (the admin page's preview step). */
export async function previewScheduleFile(ctx: ServiceContext, actor: Actor, input: ScheduleFileInput): Promise<SchedulePreview> {
  assertMayManageCalendar(actor);
  if (input.year !== undefined) assertYear(input.year);
  const schedule = parseFile(input);
  const source = sourceFor(input, schedule);
  const current = await yearSchedule(ctx, schedule.year);
  const currentDays = new Map<string, ScheduleEntry>();
  for (const d of current.daysOff) if (!d.local) currentDays.set(d.date, { date: d.date, kind: 'off', name: d.name ?? '' });
  for (const d of current.makeUpWorkdays) if (!d.local) currentDays.set(d.date, { date: d.date, kind: 'work', name: d.name ?? '' });
  const added = schedule.days.filter((d) => currentDays.get(d.date)?.kind !== d.kind);
  const next = new Set(schedule.days.map((d) => d.date));
  const removed = [...currentDays.values()].filter((d) => !next.has(d.date));
  return { schedule, source, current, diff: { added, removed } };
}

/** Reads a file and imports it (the command line). */
export async function importScheduleFile(ctx: ServiceContext, actor: Actor, input: ScheduleFileInput): Promise<ImportYearResult> {
  assertMayManageCalendar(actor);
  if (input.year !== undefined) assertYear(input.year);
  const schedule = parseFile(input);
  return importYear(ctx, actor, { year: schedule.year, days: schedule.days, source: sourceFor(input, schedule) });
}

/** Imports a schedule confirmed after its preview, carried as the JSON format (checked again in full). */
export async function importConfirmedSchedule(ctx: ServiceContext, actor: Actor, json: string, source: string): Promise<ImportYearResult> {
  assertMayManageCalendar(actor);
  const parsed = parseScheduleJson(json);
  if (!parsed.ok) throw new ScheduleFileError(parsed.errors);
  return importYear(ctx, actor, { year: parsed.schedule.year, days: parsed.schedule.days, source });
}

// ---- local extra holidays ------------------------------------------------------------------------

export interface LocalHolidayInput {
  date: string;
  /** e.g. '洪江市侗族芦笙节'. */
  name: string;
  /** The decision that grants it, e.g. '洪政办发〔2027〕3号'. */
  basis?: string;
}

/** A day off the county grants on top of the national schedule (a local festival, a disaster day). */
export async function addLocalHoliday(ctx: ServiceContext, actor: Actor, input: LocalHolidayInput): Promise<DayOverride> {
  assertMayManageCalendar(actor);
  const fields: Record<string, string> = {};
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const basis = typeof input.basis === 'string' ? input.basis.trim() : '';
  if (!isIsoDate(input.date)) fields.date = '应为 YYYY-MM-DD 格式的真实日期';
  else if (!isCalendarYear(yearOf(input.date))) fields.date = `日期应在 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 年之间`;
  if (name === '') fields.name = '请填写假日名称';
  else if (name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) fields.name = `最多 ${MAX_NAME_LENGTH} 个字，不含控制字符`;
  if (basis.length > MAX_BASIS_LENGTH || /[\u0000-\u001f\u007f]/.test(basis)) fields.basis = `最多 ${MAX_BASIS_LENGTH} 个字，不含控制字符`;
  if (Object.keys(fields).length) throw new ValidationError(`本地假日有误：${Object.keys(fields).join('、')}`, fields);
  const day: DayOverride = { date: input.date, kind: 'off', name, source: basis ? `${LOCAL_HOLIDAY_SOURCE}：${basis}` : LOCAL_HOLIDAY_SOURCE };
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const cal = await calendarIn(repos);
    const existing = cal.override(day.date);
    if (existing?.kind === 'off') {
      throw new DomainError(`${day.date} 已是休息日（${existing.name || existing.source}），无需增设`);
    }
    if (existing?.kind === 'work') {
      throw new DomainError(`${day.date} 是${existing.name ? `${existing.name}的` : ''}调休上班日，由国家安排决定，不能增设为本地假日`);
    }
    if (!cal.isWorkingDay(day.date)) throw new DomainError(`${day.date} 是${weekdayZh(day.date)}，本来就不是工作日，无需增设`);
    await repos.calendar.upsertDay(day, now);
    await repos.audit.append({
      ...auditActor(actor),
      action: 'calendar.local_holiday_added',
      subjectType: 'calendar_day',
      subjectId: day.date,
      summary: { date: day.date, name, basis: basis || null },
    }, now);
  });
  ctx.invalidateCalendar();
  return day;
}

/** Removes a local extra holiday; the national schedule itself changes only by importing the year again. */
export async function removeDay(ctx: ServiceContext, actor: Actor, date: string): Promise<void> {
  assertMayManageCalendar(actor);
  if (!isIsoDate(date)) throw new ValidationError('日期无效', { date: '应为 YYYY-MM-DD 格式的真实日期' });
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const row = (await repos.calendar.overrides()).find((o) => o.date === date);
    if (!row) throw new NotFoundError(`${date} 没有本地增设的假日`);
    if (!isLocalSource(row.source)) {
      throw new DomainError(`${date} 属于国家节假日安排（${row.source}），不能单独删除；如需更正请重新导入该年度的安排`);
    }
    await repos.calendar.deleteDay(date);
    await repos.audit.append({
      ...auditActor(actor),
      action: 'calendar.local_holiday_removed',
      subjectType: 'calendar_day',
      subjectId: date,
      summary: { date, name: row.name || null, source: row.source },
    }, now);
  });
  ctx.invalidateCalendar();
}
