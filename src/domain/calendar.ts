// The working-day calendar (工作日): Monday–Friday, minus the announced days off, plus the announced
// make-up working days (调休上班). See REGULATIONS.md "Working days".
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { fromDayNumber, isWeekend, parseIsoDate, toDayNumber, yearOf } from './dates.ts';

export { parseIsoDate } from './dates.ts';

export type DayKind = 'off' | 'work';

export interface DayOverride {
  date: string;
  kind: DayKind;
  /** Holiday name in Chinese, e.g. '国庆节'. */
  name?: string;
  /** Where the row comes from: 'chinese-days', 'admin', an import file name … */
  source: string;
}

export interface CalendarData {
  overrides: DayOverride[];
  knownYears: Iterable<number>;
}

export interface WorkingDayResult {
  date: string;
  /**
   * True when a day that was counted lies in a year whose official schedule is not loaded: the
   * result was computed on Monday–Friday only and may move once the State Council announces it.
   */
  provisional: boolean;
}

export interface ScheduleDay {
  date: string;
  name: string | null;
  source: string;
}

export interface YearSchedule {
  year: number;
  /** Whether the official schedule for this year is loaded. */
  known: boolean;
  /** Every day declared off, including weekend days inside a holiday break. */
  daysOff: ScheduleDay[];
  /** Weekend days declared working days (调休上班). */
  makeUpWorkdays: ScheduleDay[];
}

export interface DayInfo {
  date: string;
  working: boolean;
  /** 'off'/'work' when an override decides the day, otherwise the ordinary week decides it. */
  basis: 'override' | 'week';
  name: string | null;
  source: string | null;
  knownYear: boolean;
}

/** Upper bound for a count of working days: far beyond any statutory period, but stops runaway loops. */
export const MAX_WORKING_DAYS = 2000;

export function assertWorkingDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`工作日数应为 0 至 ${MAX_WORKING_DAYS} 之间的整数：${n}`);
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`年份应为四位整数：${year}`);
  }
}

export class WorkingCalendar {
  readonly #overrides = new Map<string, DayOverride>();
  readonly #knownYears = new Set<number>();

  /** Later overrides for the same date replace earlier ones. */
  constructor(data: CalendarData) {
    for (const o of data.overrides) {
      parseIsoDate(o.date);
      if (o.kind !== 'off' && o.kind !== 'work') {
        throw new RangeError(`日期类型应为 off 或 work：${o.date} ${String(o.kind)}`);
      }
      this.#overrides.set(o.date, { ...o });
    }
    for (const y of data.knownYears) {
      assertYear(y);
      this.#knownYears.add(y);
    }
  }

  /**
   * The chinese-days baseline (2004–2026 today) with database rows on top: a row replaces the
   * baseline for its date, and a year an administrator imported becomes known. An imported year
   * replaces the baseline's schedule for that year entirely: when a corrected notice moves a
   * holiday, the day it no longer covers must not stay off because the package still lists it.
   */
  static fromBaseline(extra: DayOverride[] = [], extraKnownYears: number[] = []): WorkingCalendar {
    const base = baselineFromChineseDays();
    const imported = new Set(extraKnownYears);
    return new WorkingCalendar({
      overrides: [...base.overrides.filter((o) => !imported.has(yearOf(o.date))), ...extra],
      knownYears: [...base.knownYears, ...extraKnownYears],
    });
  }

  get knownYears(): number[] {
    return [...this.#knownYears].sort((a, b) => a - b);
  }

  isKnownYear(year: number): boolean {
    return this.#knownYears.has(year);
  }

  override(date: string): DayOverride | undefined {
    const o = this.#overrides.get(parseIsoDate(date));
    return o === undefined ? undefined : { ...o };
  }

  isWorkingDay(date: string): boolean {
    const o = this.#overrides.get(parseIsoDate(date));
    if (o !== undefined) return o.kind === 'work';
    return !isWeekend(date);
  }

  dayInfo(date: string): DayInfo {
    const o = this.#overrides.get(parseIsoDate(date));
    return {
      date,
      working: o !== undefined ? o.kind === 'work' : !isWeekend(date),
      basis: o !== undefined ? 'override' : 'week',
      name: o?.name ?? null,
      source: o?.source ?? null,
      knownYear: this.#knownYears.has(yearOf(date)),
    };
  }

  /**
   * The n-th working day after `from` (the start day itself is not counted — REGULATIONS.md,
   * *practice* after Civil Code art. 201). n = 0 returns `from` and examines no day, so it is
   * never provisional.
   */
  addWorkingDays(from: string, n: number): WorkingDayResult {
    parseIsoDate(from);
    assertWorkingDayCount(n);
    let day = toDayNumber(from);
    let provisional = false;
    let counted = 0;
    while (counted < n) {
      day += 1;
      const date = fromDayNumber(day);
      if (!this.#knownYears.has(Number(date.slice(0, 4)))) provisional = true;
      if (this.#isWorkingDayNumber(day, date)) counted += 1;
    }
    return { date: fromDayNumber(day), provisional };
  }

  /** Number of working days d with a < d <= b; 0 when b <= a. */
  workingDaysBetween(a: string, b: string): number {
    const start = toDayNumber(a);
    const end = toDayNumber(b);
    let count = 0;
    for (let day = start + 1; day <= end; day += 1) {
      if (this.#isWorkingDayNumber(day, fromDayNumber(day))) count += 1;
    }
    return count;
  }

  /**
   * isWorkingDay for the day loops above, which make valid dates themselves: no parsing and
   * re-validation of every day (a reply deadline walks 30–60 days, several times per application).
   */
  #isWorkingDayNumber(day: number, date: string): boolean {
    const o = this.#overrides.get(date);
    if (o !== undefined) return o.kind === 'work';
    const wd = (((day + 4) % 7) + 7) % 7; // 1970-01-01 (day 0) was a Thursday
    return wd !== 0 && wd !== 6;
  }

  /** Whether every day d with a < d <= b lies in a known year (true for an empty range). */
  isRangeKnown(a: string, b: string): boolean {
    const start = toDayNumber(a) + 1;
    const end = toDayNumber(b);
    if (end < start) return true;
    for (let y = yearOf(fromDayNumber(start)); y <= yearOf(b); y += 1) {
      if (!this.#knownYears.has(y)) return false;
    }
    return true;
  }

  /** Overrides with a < date <= b, in date order. */
  overridesBetween(a: string, b: string): DayOverride[] {
    parseIsoDate(a);
    parseIsoDate(b);
    const out: DayOverride[] = [];
    // Valid 'YYYY-MM-DD' strings compare as their dates do: no parsing of every override.
    for (const o of this.#overrides.values()) {
      if (o.date > a && o.date <= b) out.push({ ...o });
    }
    return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  }

  yearSchedule(year: number): YearSchedule {
    assertYear(year);
    const prefix = `${year}-`;
    const daysOff: ScheduleDay[] = [];
    const makeUpWorkdays: ScheduleDay[] = [];
    for (const o of this.#overrides.values()) {
      if (!o.date.startsWith(prefix)) continue;
      const row = { date: o.date, name: o.name ?? null, source: o.source };
      (o.kind === 'off' ? daysOff : makeUpWorkdays).push(row);
    }
    const byDate = (x: ScheduleDay, y: ScheduleDay) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0);
    return { year, known: this.#knownYears.has(year), daysOff: daysOff.sort(byDate), makeUpWorkdays: makeUpWorkdays.sort(byDate) };
  }
}

// chinese-days abbreviates some names; official notices (e.g. 国办发明电〔2024〕12号) use the full ones.
const FULL_HOLIDAY_NAMES: Record<string, string> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

/** The full name of a holiday as official notices write it ('清明' → '清明节'); other names unchanged. */
export function fullHolidayName(name: string): string {
  return FULL_HOLIDAY_NAMES[name] ?? name;
}

/** Values look like "National Day,国庆节,3": English name, Chinese name, number of days off. */
function chineseName(value: string): string | undefined {
  const parts = value.split(',');
  if (parts.length < 2) return undefined;
  const zh = parts[parts.length - 2].trim();
  if (zh === '') return undefined;
  return fullHolidayName(zh);
}

let baselineCache: { overrides: DayOverride[]; knownYears: number[] } | undefined;

/**
 * The announced schedules carried by the chinese-days package: `holidays` are days off (including
 * weekend days inside a break), `workdays` are make-up working days. `inLieuDays` (调休 weekdays
 * already inside `holidays`) adds nothing for counting and is ignored.
 */
export function baselineFromChineseDays(): { overrides: DayOverride[]; knownYears: number[] } {
  if (baselineCache === undefined) {
    const overrides: DayOverride[] = [];
    const years = new Set<number>();
    const add = (table: Record<string, string>, kind: DayKind) => {
      for (const [date, value] of Object.entries(table)) {
        parseIsoDate(date);
        const name = chineseName(value);
        overrides.push(name === undefined ? { date, kind, source: 'chinese-days' } : { date, kind, name, source: 'chinese-days' });
        years.add(yearOf(date));
      }
    };
    add(chineseDays.holidays as Record<string, string>, 'off');
    add(chineseDays.workdays as Record<string, string>, 'work');
    overrides.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    baselineCache = { overrides, knownYears: [...years].sort((a, b) => a - b) };
  }
  // Copies, so a caller mutating the result cannot change the next calendar built from it.
  return { overrides: baselineCache.overrides.map((o) => ({ ...o })), knownYears: [...baselineCache.knownYears] };
}
