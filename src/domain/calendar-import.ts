// Reading a year's holiday schedule (节假日安排) from the files administrators receive or prepare:
// our own JSON format (README "Working-day calendar") and iCalendar (.ics) as published by the
// chinese-days package and by calendar applications. Pure: text in, a checked schedule or a list of
// problems out. Every problem names the entry or the line, in Chinese, so the person who typed the
// file can fix it; a file with any problem yields no schedule at all (nothing half-imported).
import { fullHolidayName, type DayKind } from './calendar.ts';
import { addDays, isIsoDate, toDayNumber, weekday, weekdayZh, yearOf } from './dates.ts';

/** Years an administrator may load or ask about: wide enough for history and planning, bounded so arithmetic stays in range. */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2200;
/** A year's schedule is a few kilobytes; the chinese-days ICS for three years is 40 KB. */
export const MAX_SCHEDULE_FILE_BYTES = 1024 * 1024;
/** The longest break ever announced is 9 days; a longer range is a typing error. */
export const MAX_RANGE_DAYS = 31;
const MAX_NAME_LENGTH = 50;
const MAX_SOURCE_LENGTH = 200;

export interface ScheduleEntry {
  date: string;
  kind: DayKind;
  /** Holiday name as the notice writes it: '春节', '国庆节'. */
  name: string;
}

export interface ParsedSchedule {
  format: 'json' | 'ics';
  year: number;
  /** The notice the schedule comes from, when the file says (JSON `source`). */
  source: string | null;
  /** Sorted by date, one entry per date. */
  days: ScheduleEntry[];
  /** Days of an ICS file that lie in other years and were left out (multi-year files load one year at a time). */
  skippedOtherYears: number;
}

export type ParseResult = { ok: true; schedule: ParsedSchedule } | { ok: false; errors: string[] };

export interface ParseOptions {
  /** The year to load; required for an ICS file that covers several years, checked against a JSON file's `year`. */
  year?: number;
}

export function isCalendarYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
}

const KIND_LABEL: Record<DayKind, string> = { off: '放假', work: '调休上班' };

/** A day as read from a file, with where it was read, before the checks that need every day. */
interface RawDay extends ScheduleEntry {
  where: string;
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function checkName(name: unknown, where: string, errors: string[]): string | null {
  if (typeof name !== 'string' || name.trim() === '') {
    errors.push(`${where}：缺少节日名称（name）`);
    return null;
  }
  const trimmed = name.trim();
  if (trimmed.length > MAX_NAME_LENGTH) {
    errors.push(`${where}：节日名称过长（最多 ${MAX_NAME_LENGTH} 个字）`);
    return null;
  }
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    errors.push(`${where}：节日名称含有控制字符`);
    return null;
  }
  return trimmed;
}

/**
 * The checks every schedule must pass, whatever file it came from: each date in the year, a
 * make-up working day on a Saturday or Sunday (a weekday is a working day anyway, so such an entry
 * is a typing error), and no date both off and at work. Days off on an ordinary weekend are fine:
 * announced breaks include them. `mergeSameKind` lets overlapping ICS events that agree share a
 * date; in JSON a repeated date is an error.
 */
function checkDays(year: number | null, raw: RawDay[], mergeSameKind: boolean, errors: string[]): ScheduleEntry[] {
  const seen = new Map<string, RawDay>();
  for (const d of raw) {
    if (year !== null && yearOf(d.date) !== year) {
      errors.push(`${d.where}：日期 ${d.date} 不在 ${year} 年内`);
      continue;
    }
    if (d.kind === 'work' && weekday(d.date) !== 0 && weekday(d.date) !== 6) {
      errors.push(`${d.where}：调休上班日 ${d.date} 是${weekdayZh(d.date)}，调休上班日应为星期六或星期日`);
      continue;
    }
    const before = seen.get(d.date);
    if (before === undefined) {
      seen.set(d.date, { ...d });
    } else if (before.kind !== d.kind) {
      errors.push(`日期 ${d.date} 既被列为放假又被列为调休上班（${before.where}；${d.where}）`);
    } else if (!mergeSameKind) {
      errors.push(`日期 ${d.date} 重复（${before.where}；${d.where}）`);
    } else if (!before.name.split('、').includes(d.name)) {
      before.name = `${before.name}、${d.name}`.slice(0, MAX_NAME_LENGTH);
    }
  }
  if (raw.length === 0 && errors.length === 0) errors.push('文件中没有任何放假或调休上班日期');
  return [...seen.values()].map(({ date, kind, name }) => ({ date, kind, name })).sort(byDate);
}

/**
 * Checks days that were already read (e.g. the confirmed preview, or a caller building a schedule
 * in code) with the same rules as the files: returns the problems, empty when the schedule is fine.
 */
export function validateSchedule(year: number, days: readonly ScheduleEntry[]): string[] {
  const errors: string[] = [];
  if (!isCalendarYear(year)) return [`年份应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的整数：${String(year)}`];
  const raw: RawDay[] = [];
  days.forEach((d, i) => {
    const where = `第 ${i + 1} 项`;
    if (!isIsoDate(d.date)) {
      errors.push(`${where}：日期 ${String(d.date)} 无效，应为 YYYY-MM-DD`);
      return;
    }
    if (d.kind !== 'off' && d.kind !== 'work') {
      errors.push(`${where}：类型应为 off（放假）或 work（调休上班）`);
      return;
    }
    const name = checkName(d.name, where, errors);
    if (name !== null) raw.push({ date: d.date, kind: d.kind, name, where });
  });
  if (errors.length === 0) checkDays(year, raw, false, errors);
  return errors;
}

// ---- JSON ------------------------------------------------------------------------------------

const JSON_KEYS = ['year', 'source', 'daysOff', 'makeUpWorkdays'];
const ENTRY_KEYS = ['date', 'from', 'to', 'name'];

function lineOfPosition(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Expands one JSON entry (`date`, or an inclusive `from`–`to` range) into days. */
function jsonEntryDays(entry: unknown, kind: DayKind, where: string, errors: string[]): RawDay[] {
  if (!isPlainObject(entry)) {
    errors.push(`${where}：应为对象，例如 {"date":"2027-01-01","name":"元旦"}`);
    return [];
  }
  const unknown = Object.keys(entry).filter((k) => !ENTRY_KEYS.includes(k));
  if (unknown.length) errors.push(`${where}：未知字段${unknown.map((k) => `“${k}”`).join('、')}（允许 date 或 from/to，以及 name）`);
  const name = checkName(entry.name, where, errors);
  const hasDate = entry.date !== undefined;
  const hasRange = entry.from !== undefined || entry.to !== undefined;
  if (hasDate && hasRange) {
    errors.push(`${where}：date 与 from/to 只能二选一`);
    return [];
  }
  if (hasDate) {
    if (!isIsoDate(entry.date)) {
      errors.push(`${where}：日期 ${JSON.stringify(entry.date)} 无效，应为 YYYY-MM-DD 格式的真实日期`);
      return [];
    }
    return name === null ? [] : [{ date: entry.date, kind, name, where }];
  }
  if (!hasRange) {
    errors.push(`${where}：缺少日期（date，或 from 与 to）`);
    return [];
  }
  let ok = true;
  for (const key of ['from', 'to'] as const) {
    if (!isIsoDate(entry[key])) {
      errors.push(`${where}：${key} ${entry[key] === undefined ? '缺失' : `${JSON.stringify(entry[key])} 无效`}，应为 YYYY-MM-DD 格式的真实日期`);
      ok = false;
    }
  }
  if (!ok) return [];
  const from = entry.from as string;
  const to = entry.to as string;
  const span = toDayNumber(to) - toDayNumber(from) + 1;
  if (span < 1) {
    errors.push(`${where}：结束日期 ${to} 早于开始日期 ${from}`);
    return [];
  }
  if (span > MAX_RANGE_DAYS) {
    errors.push(`${where}：${from} 至 ${to} 共 ${span} 天，超过 ${MAX_RANGE_DAYS} 天，请检查日期`);
    return [];
  }
  if (name === null) return [];
  return Array.from({ length: span }, (_, i) => ({ date: addDays(from, i), kind, name, where }));
}

/**
 * The JSON format:
 * `{"year":2027,"source":"国务院办公厅关于2027年部分节假日安排的通知",
 *   "daysOff":[{"date":"2027-01-01","name":"元旦"},{"from":"2027-02-05","to":"2027-02-13","name":"春节"}],
 *   "makeUpWorkdays":[{"date":"2027-01-31","name":"春节"}]}`
 */
export function parseScheduleJson(text: string, opts: ParseOptions = {}): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    return { ok: false, errors: [`JSON 格式错误${m ? `（第 ${lineOfPosition(body, Number(m[1]))} 行附近）` : ''}，请检查括号、引号和逗号`] };
  }
  if (!isPlainObject(doc)) return { ok: false, errors: ['JSON 文件的最外层应为对象：{"year":…,"daysOff":[…],"makeUpWorkdays":[…]}'] };
  const errors: string[] = [];
  const unknown = Object.keys(doc).filter((k) => !JSON_KEYS.includes(k));
  if (unknown.length) errors.push(`未知字段${unknown.map((k) => `“${k}”`).join('、')}（允许的字段：${JSON_KEYS.join('、')}）`);

  let year: number | null = null;
  if (doc.year === undefined) errors.push('缺少 year（年份）');
  else if (!isCalendarYear(doc.year)) errors.push(`year 应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的整数：${JSON.stringify(doc.year)}`);
  else year = doc.year;
  if (year !== null && opts.year !== undefined && opts.year !== year) {
    errors.push(`文件中的年份 ${year} 与指定的年份 ${opts.year} 不一致`);
  }

  let source: string | null = null;
  if (doc.source !== undefined) {
    if (typeof doc.source !== 'string' || doc.source.trim() === '') errors.push('source（依据）应为非空文字');
    else if (doc.source.trim().length > MAX_SOURCE_LENGTH) errors.push(`source（依据）过长（最多 ${MAX_SOURCE_LENGTH} 个字）`);
    else source = doc.source.trim();
  }

  const raw: RawDay[] = [];
  const lists: [string, DayKind, boolean][] = [['daysOff', 'off', true], ['makeUpWorkdays', 'work', false]];
  for (const [key, kind, required] of lists) {
    const list = doc[key];
    if (list === undefined) {
      if (required) errors.push(`缺少 ${key}（${KIND_LABEL[kind]}日期列表）`);
      continue;
    }
    if (!Array.isArray(list)) {
      errors.push(`${key} 应为数组`);
      continue;
    }
    list.forEach((entry, i) => raw.push(...jsonEntryDays(entry, kind, `${key} 第 ${i + 1} 项`, errors)));
  }
  const days = checkDays(year, raw, false, errors);
  if (errors.length || year === null) return { ok: false, errors };
  return { ok: true, schedule: { format: 'json', year, source, days, skippedOtherYears: 0 } };
}

// ---- iCalendar ---------------------------------------------------------------------------------

interface IcsLine {
  line: number;
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds continuation lines (RFC 5545 §3.1) and splits NAME;PARAM=X:VALUE, keeping line numbers. */
function icsLines(text: string): IcsLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const logical: { line: number; text: string }[] = [];
  physical.forEach((t, i) => {
    if ((t.startsWith(' ') || t.startsWith('\t')) && logical.length) logical[logical.length - 1].text += t.slice(1);
    else if (t.trim() !== '') logical.push({ line: i + 1, text: t });
  });
  return logical.map(({ line, text: t }) => {
    let colon = -1;
    let quoted = false;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '"') quoted = !quoted;
      else if (t[i] === ':' && !quoted) { colon = i; break; }
    }
    const head = colon < 0 ? t : t.slice(0, colon);
    const [name, ...paramParts] = head.split(';');
    const params: Record<string, string> = {};
    for (const p of paramParts) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
    }
    return { line, name: name.trim().toUpperCase(), params, value: colon < 0 ? '' : t.slice(colon + 1) };
  });
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** 'YYYYMMDD' (a DATE value) → 'YYYY-MM-DD', or an error message. */
function icsDate(prop: IcsLine): string | { error: string } {
  const v = prop.value.trim();
  if (/^\d{8}T\d{6}Z?$/.test(v) || prop.params.VALUE === 'DATE-TIME') {
    return { error: `第 ${prop.line} 行：${prop.name} 应为全天日期（VALUE=DATE，例如 20270101），不是时刻 ${v}` };
  }
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!isIsoDate(date)) return { error: `第 ${prop.line} 行：${prop.name} 的日期 ${v || '（空）'} 无效，应为 YYYYMMDD` };
  return date;
}

// chinese-days writes 'SUMMARY:春节(休)' / '春节(班)' ('(Holiday)' / '(Workday)' in its English file);
// other calendars write '春节放假', '春节调休上班', '国庆节 补班'.
const OFF_MARK = /[（(【\[]\s*(休|假|Holiday)\s*[）)】\]]\s*$/i;
const WORK_MARK = /[（(【\[]\s*(班|Workday)\s*[）)】\]]\s*$/i;
const WORK_WORDS = /\s*(调休上班|补班|上班|调班|班)\s*$/;
const OFF_WORDS = /\s*(放假调休|放假|休假|休息|休)\s*$/;

function kindFromSummary(summary: string): { kind: DayKind; name: string } | null {
  if (OFF_MARK.test(summary)) return { kind: 'off', name: summary.replace(OFF_MARK, '') };
  if (WORK_MARK.test(summary)) return { kind: 'work', name: summary.replace(WORK_MARK, '') };
  // Work words first: '调休上班' contains 休 but is a working day.
  if (WORK_WORDS.test(summary)) return { kind: 'work', name: summary.replace(WORK_WORDS, '') };
  if (OFF_WORDS.test(summary)) return { kind: 'off', name: summary.replace(OFF_WORDS, '') };
  return null;
}

function kindFromHints(props: Map<string, IcsLine>): DayKind | null {
  const apple = props.get('X-APPLE-SPECIAL-DAY')?.value.trim().toUpperCase();
  if (apple === 'WORK-HOLIDAY') return 'off';
  if (apple === 'ALTERNATE-WORKDAY') return 'work';
  const description = unescapeText(props.get('DESCRIPTION')?.value ?? '').trim();
  if (description === '休' || description === '放假') return 'off';
  if (description === '班' || description === '上班') return 'work';
  return null;
}

interface IcsEvent {
  line: number;
  props: Map<string, IcsLine>;
}

function eventDays(ev: IcsEvent, errors: string[]): RawDay[] {
  const where = `第 ${ev.line} 行的事件`;
  const status = ev.props.get('STATUS')?.value.trim().toUpperCase();
  if (status === 'CANCELLED') return [];
  for (const p of ['RRULE', 'RDATE']) {
    const prop = ev.props.get(p);
    if (prop) {
      errors.push(`第 ${prop.line} 行：不支持重复事件（${p}），请逐一列出日期`);
      return [];
    }
  }
  const startProp = ev.props.get('DTSTART');
  if (!startProp) {
    errors.push(`${where}：缺少 DTSTART（开始日期）`);
    return [];
  }
  const start = icsDate(startProp);
  if (typeof start !== 'string') {
    errors.push(start.error);
    return [];
  }
  let span = 1; // RFC 5545 §3.6.1: an all-day event without DTEND lasts one day.
  const endProp = ev.props.get('DTEND');
  const durationProp = ev.props.get('DURATION');
  if (endProp) {
    const end = icsDate(endProp);
    if (typeof end !== 'string') {
      errors.push(end.error);
      return [];
    }
    span = toDayNumber(end) - toDayNumber(start); // DTEND is exclusive
    if (span < 1) {
      errors.push(`第 ${endProp.line} 行：DTEND ${endProp.value.trim()} 应晚于 DTSTART ${startProp.value.trim()}（DTEND 是结束后的第一天）`);
      return [];
    }
  } else if (durationProp) {
    const m = /^P(?:(\d+)W|(\d+)D)$/.exec(durationProp.value.trim());
    span = m ? (m[1] ? Number(m[1]) * 7 : Number(m[2])) : 0;
    if (span < 1) {
      errors.push(`第 ${durationProp.line} 行：DURATION ${durationProp.value.trim()} 无效，应为 P3D 这样的天数`);
      return [];
    }
  }
  if (span > MAX_RANGE_DAYS) {
    errors.push(`${where}：从 ${start} 起共 ${span} 天，超过 ${MAX_RANGE_DAYS} 天，请检查 DTEND`);
    return [];
  }

  const summaryProp = ev.props.get('SUMMARY');
  const summary = unescapeText(summaryProp?.value ?? '').trim();
  const fromSummary = kindFromSummary(summary);
  const hinted = kindFromHints(ev.props);
  if (fromSummary && hinted && fromSummary.kind !== hinted) {
    errors.push(`${where}：SUMMARY“${summary}”表示${KIND_LABEL[fromSummary.kind]}，但其他属性表示${KIND_LABEL[hinted]}`);
    return [];
  }
  const kind = fromSummary?.kind ?? hinted;
  if (kind === null) {
    errors.push(`${where}：无法判断是放假还是调休上班，SUMMARY 应写成“春节(休)”或“春节(班)”：${summary || '（空）'}`);
    return [];
  }
  const bare = (fromSummary?.name ?? summary).trim();
  const name = bare === '' ? (kind === 'off' ? '节假日' : '调休上班') : fullHolidayName(bare);
  const checked = checkName(name, where, errors);
  if (checked === null) return [];
  return Array.from({ length: span }, (_, i) => ({ date: addDays(start, i), kind, name: checked, where }));
}

/**
 * iCalendar with all-day VEVENTs: DTSTART;VALUE=DATE and DTEND;VALUE=DATE (exclusive), SUMMARY
 * '元旦(休)' / '春节(班)' — the shape of node_modules/chinese-days/dist/holidays.ics. A file that covers
 * several years needs `year`; days of the other years are left out and counted.
 */
export function parseScheduleIcs(text: string, opts: ParseOptions = {}): ParseResult {
  const lines = icsLines(text);
  if (lines.length === 0 || lines[0].name !== 'BEGIN' || lines[0].value.trim().toUpperCase() !== 'VCALENDAR') {
    return { ok: false, errors: ['不是 iCalendar 文件：第一行应为 BEGIN:VCALENDAR'] };
  }
  if (opts.year !== undefined && !isCalendarYear(opts.year)) {
    return { ok: false, errors: [`年份应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的整数：${String(opts.year)}`] };
  }
  const errors: string[] = [];
  const stack: { name: string; line: number }[] = [];
  const events: IcsEvent[] = [];
  let current: IcsEvent | null = null;
  for (const l of lines) {
    if (l.name === 'BEGIN') {
      const component = l.value.trim().toUpperCase();
      stack.push({ name: component, line: l.line });
      if (component === 'VEVENT') {
        if (current) errors.push(`第 ${l.line} 行：VEVENT 不能嵌套`);
        else current = { line: l.line, props: new Map() };
      }
    } else if (l.name === 'END') {
      const component = l.value.trim().toUpperCase();
      const open = stack.pop();
      if (!open || open.name !== component) {
        errors.push(`第 ${l.line} 行：END:${component} 与${open ? `第 ${open.line} 行的 BEGIN:${open.name}` : '任何 BEGIN'} 不匹配`);
        return { ok: false, errors };
      }
      if (component === 'VEVENT' && current) {
        events.push(current);
        current = null;
      }
    } else if (current && stack[stack.length - 1]?.name === 'VEVENT' && !current.props.has(l.name)) {
      // Properties of a nested VALARM are not the event's; a repeated property keeps its first value.
      current.props.set(l.name, l);
    }
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    errors.push(`第 ${open.line} 行的 BEGIN:${open.name} 没有对应的 END（文件不完整）`);
    return { ok: false, errors };
  }

  const all = events.flatMap((ev) => eventDays(ev, errors));
  const years = [...new Set(all.map((d) => yearOf(d.date)))].sort((a, b) => a - b);
  // With problems in some events, the others are still checked when the year is clear, so that
  // one upload reports everything there is to fix.
  let year: number;
  if (opts.year !== undefined) year = opts.year;
  else if (years.length === 1) year = years[0];
  else if (errors.length) return { ok: false, errors };
  else if (years.length === 0) return { ok: false, errors: ['文件中没有任何放假或调休上班日期'] };
  else return { ok: false, errors: [`文件包含 ${years.join('、')} 年的日期，请指定要导入的年份`] };
  if (!isCalendarYear(year)) return { ok: false, errors: [...errors, `年份应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的整数：${year}`] };
  const inYear = all.filter((d) => yearOf(d.date) === year);
  if (inYear.length === 0 && all.length > 0) {
    return { ok: false, errors: [...errors, `文件中没有 ${year} 年的日期（文件包含 ${years.join('、')} 年）`] };
  }
  const days = checkDays(year, inYear, true, errors);
  if (errors.length) return { ok: false, errors };
  return { ok: true, schedule: { format: 'ics', year, source: null, days, skippedOtherYears: all.length - inYear.length } };
}

// ---- files -------------------------------------------------------------------------------------

/**
 * Reads an uploaded or local file: UTF-8 only (a GBK file would turn every name into mojibake), the
 * format from the extension, or from the content when the name says nothing.
 */
export function parseScheduleFile(fileName: string, content: string | Uint8Array, opts: ParseOptions = {}): ParseResult {
  const size = typeof content === 'string' ? new TextEncoder().encode(content).byteLength : content.byteLength;
  if (size > MAX_SCHEDULE_FILE_BYTES) return { ok: false, errors: [`文件过大（超过 ${MAX_SCHEDULE_FILE_BYTES / 1024} KB），请检查是否选错了文件`] };
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return { ok: false, errors: ['文件不是 UTF-8 编码，请用 UTF-8 另存后再上传'] };
    }
  }
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  const start = text.replace(/^\uFEFF/, '').trimStart();
  const format = ext === 'json' ? 'json' : ext === 'ics' || ext === 'ical' ? 'ics'
    : ext === undefined || ext === 'txt' ? (start.startsWith('{') ? 'json' : /^BEGIN:VCALENDAR/i.test(start) ? 'ics' : null)
    : null;
  if (format === null) return { ok: false, errors: [`只支持 .json 或 .ics 文件：${fileName || '（未命名）'}`] };
  return format === 'json' ? parseScheduleJson(text, opts) : parseScheduleIcs(text, opts);
}

// ---- presenting a schedule ---------------------------------------------------------------------

export interface HolidayGroup {
  name: string;
  daysOff: string[];
  makeUpWorkdays: string[];
}

/** Days grouped by holiday, in the order of each holiday's first date — the way notices list them. */
export function groupByHoliday(days: readonly ScheduleEntry[]): HolidayGroup[] {
  const groups = new Map<string, HolidayGroup>();
  for (const d of [...days].sort(byDate)) {
    let g = groups.get(d.name);
    if (!g) groups.set(d.name, (g = { name: d.name, daysOff: [], makeUpWorkdays: [] }));
    (d.kind === 'off' ? g.daysOff : g.makeUpWorkdays).push(d.date);
  }
  return [...groups.values()];
}

/** '2027-02-05 至 2027-02-13（9 天）、2027-06-09': consecutive dates become one range. */
export function describeDates(dates: readonly string[]): string {
  const sorted = [...dates].sort();
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && toDayNumber(sorted[j + 1]) === toDayNumber(sorted[j]) + 1) j++;
    parts.push(j === i ? sorted[i] : `${sorted[i]} 至 ${sorted[j]}（${j - i + 1} 天）`);
    i = j + 1;
  }
  return parts.join('、');
}

/** The schedule in the JSON format (ranges collapsed), e.g. to carry a preview to its confirmation. */
export function scheduleToJson(year: number, days: readonly ScheduleEntry[], source: string | null): string {
  const entries = (kind: DayKind) => {
    const out: ({ date: string; name: string } | { from: string; to: string; name: string })[] = [];
    const list = days.filter((d) => d.kind === kind).sort(byDate);
    for (let i = 0; i < list.length; ) {
      let j = i;
      while (j + 1 < list.length && list[j + 1].name === list[i].name && toDayNumber(list[j + 1].date) === toDayNumber(list[j].date) + 1) j++;
      out.push(j === i ? { date: list[i].date, name: list[i].name } : { from: list[i].date, to: list[j].date, name: list[i].name });
      i = j + 1;
    }
    return out;
  };
  return JSON.stringify({ year, ...(source ? { source } : {}), daysOff: entries('off'), makeUpWorkdays: entries('work') });
}
