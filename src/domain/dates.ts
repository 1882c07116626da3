// Calendar dates with legal meaning (received on, due on) are 'YYYY-MM-DD' strings in China
// Standard Time. All arithmetic here is integer arithmetic on day numbers, never a JS Date in local
// time, so the server's time zone cannot shift a deadline by a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '（空）' : value;
  return String(value);
}

/** Splits a strict 'YYYY-MM-DD' date (years 1000–9999) into parts, or returns null. */
export function tryParseIsoDate(value: unknown): DateParts | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is string {
  return tryParseIsoDate(value) !== null;
}

/**
 * Validates a 'YYYY-MM-DD' calendar date and returns it unchanged.
 * Rejects '2025-2-3', '2025-02-30', '2025-02-03T00:00' and anything that is not a string.
 */
export function parseIsoDate(value: unknown): string {
  if (tryParseIsoDate(value) === null) {
    throw new RangeError(`日期格式应为 YYYY-MM-DD：${describe(value)}`);
  }
  return value as string;
}

/** Days since 1970-01-01 (days_from_civil, proleptic Gregorian; exact for any year). */
export function toDayNumber(date: string): number {
  const p = tryParseIsoDate(date);
  if (p === null) throw new RangeError(`日期格式应为 YYYY-MM-DD：${describe(date)}`);
  const y = p.month <= 2 ? p.year - 1 : p.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (p.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + p.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (civil_from_days). */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`日序号必须是整数：${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) throw new RangeError(`日期超出支持范围（1000–9999年）：${dayNumber}`);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of the week: 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function yearOf(date: string): number {
  return Number(parseIsoDate(date).slice(0, 4));
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareDates(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function maxDate(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000; // Asia/Shanghai has had no daylight saving since 1991.

/** The calendar date in China Standard Time at the given instant (the caller supplies the clock). */
export function chinaDateOf(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('无效的时间');
  return fromDayNumber(Math.floor((ms + CHINA_OFFSET_MS) / 86_400_000));
}

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export function weekdayZh(date: string): string {
  return WEEKDAY_ZH[weekday(date)];
}

/** '2025-09-26' → '2025年9月26日', or '9月26日' when the year goes without saying. */
export function formatDateZh(date: string, options: { withYear?: boolean } = {}): string {
  const p = tryParseIsoDate(date);
  if (p === null) throw new RangeError(`日期格式应为 YYYY-MM-DD：${describe(date)}`);
  const md = `${p.month}月${p.day}日`;
  return options.withYear === false ? md : `${p.year}年${md}`;
}
