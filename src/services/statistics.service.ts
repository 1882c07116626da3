// Education statistics (教育概况): schools, pupils and teachers per level and year, published as a
// page (table + chart), and as CSV and JSON at stable URLs. The page table and the CSV are built
// by the same function (statisticsTable), so the download is exactly what the page shows.
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { audit, requireStaffFor } from './education-access.ts';
import { cleanDocumentRef } from './enrolment.service.ts';
import { STAT_LEVELS, STAT_LEVEL_LABELS, isStatLevel, type StatLevel } from '../domain/education-terms.ts';

export interface StatisticsRow {
  level: StatLevel;
  schools: number;
  pupils: number;
  teachers: number;
}

export interface StatisticsYearView {
  year: number;
  rows: StatisticsRow[];
  total: { schools: number; pupils: number; teachers: number };
  note: string;
  documentRef: string | null;
}

export interface TrendView {
  years: number[];
  totals: { year: number; schools: number; pupils: number; teachers: number }[];
}

/** A table as the page shows it and the CSV carries it: header and body cells, all text. */
export interface CellTable {
  header: string[];
  body: string[][];
}

type Lang = 'zh' | 'en';

const HEADERS: Record<Lang, [string, string, string, string]> = {
  zh: ['学段', '学校数（所）', '在校学生数（人）', '教职工数（人）'],
  en: ['Level', 'Schools', 'Pupils', 'Teachers'],
};
const TOTAL: Record<Lang, string> = { zh: '合计', en: 'Total' };
const TREND_HEADERS: Record<Lang, [string, string, string, string]> = {
  zh: ['年度', '学校数（所）', '在校学生数（人）', '教职工数（人）'],
  en: ['Year', 'Schools', 'Pupils', 'Teachers'],
};

function sum(rows: StatisticsRow[]) {
  return rows.reduce((t, r) => ({ schools: t.schools + r.schools, pupils: t.pupils + r.pupils, teachers: t.teachers + r.teachers }), { schools: 0, pupils: 0, teachers: 0 });
}

export async function statisticsYears(ctx: ServiceContext, agencyId: number): Promise<number[]> {
  return ctx.repos.education.statistics.years(agencyId);
}

export async function statisticsForYear(ctx: ServiceContext, agencyId: number, year: number): Promise<StatisticsYearView> {
  const repo = ctx.repos.education.statistics;
  const rows = await repo.rows(agencyId, year);
  if (rows.length === 0) throw new NotFoundError(`没有${year}年的教育统计数据`);
  const info = await repo.yearInfo(agencyId, year);
  const ordered = rows
    .filter((r) => isStatLevel(r.level))
    .map((r) => ({ level: r.level as StatLevel, schools: r.schools, pupils: r.pupils, teachers: r.teachers }))
    .sort((a, b) => STAT_LEVELS.indexOf(a.level) - STAT_LEVELS.indexOf(b.level));
  return { year, rows: ordered, total: sum(ordered), note: info?.note ?? '', documentRef: info?.document_ref ?? null };
}

export async function statisticsTrend(ctx: ServiceContext, agencyId: number): Promise<TrendView> {
  const rows = await ctx.repos.education.statistics.rows(agencyId);
  const byYear = new Map<number, { schools: number; pupils: number; teachers: number }>();
  for (const r of rows) {
    const t = byYear.get(r.year) ?? { schools: 0, pupils: 0, teachers: 0 };
    t.schools += r.schools;
    t.pupils += r.pupils;
    t.teachers += r.teachers;
    byYear.set(r.year, t);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return { years, totals: years.map((year) => ({ year, ...byYear.get(year)! })) };
}

/** The year's table: one row per level and the total, as text cells. */
export function statisticsTable(v: StatisticsYearView, lang: Lang): CellTable {
  return {
    header: [...HEADERS[lang]],
    body: [
      ...v.rows.map((r) => [STAT_LEVEL_LABELS[r.level][lang], String(r.schools), String(r.pupils), String(r.teachers)]),
      [TOTAL[lang], String(v.total.schools), String(v.total.pupils), String(v.total.teachers)],
    ],
  };
}

/** Every year's totals, oldest first. */
export function trendTable(t: TrendView, lang: Lang): CellTable {
  return { header: [...TREND_HEADERS[lang]], body: t.totals.map((r) => [String(r.year), String(r.schools), String(r.pupils), String(r.teachers)]) };
}

/** RFC 4180 CSV with a UTF-8 byte order mark (so Excel opens the Chinese correctly) and CRLF. */
export function toCsv(t: CellTable): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return '\ufeff' + [t.header, ...t.body].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The open-data form of a year (stable field names). */
export function statisticsJson(agency: { code: string; name: string }, v: StatisticsYearView) {
  return {
    agency: { code: agency.code, name: agency.name },
    year: v.year,
    levels: v.rows.map((r) => ({ level: r.level, label: STAT_LEVEL_LABELS[r.level].zh, schools: r.schools, pupils: r.pupils, teachers: r.teachers })),
    total: v.total,
    note: v.note,
    documentRef: v.documentRef,
  };
}

// ---------- staff ----------

export interface StatisticsInput {
  year: number;
  /** Per level: the three figures as typed ('' = level not reported). */
  rows: Partial<Record<StatLevel, { schools: string; pupils: string; teachers: string }>>;
  note: string;
  documentRef: string;
}

export async function saveStatistics(ctx: ServiceContext, actor: Actor, input: StatisticsInput): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const fields: Record<string, string> = {};
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) fields.year = '年度应为 1990 至 2100 之间的整数';
  const rows: StatisticsRow[] = [];
  for (const level of STAT_LEVELS) {
    const r = input.rows[level];
    if (!r) continue;
    const raw = [r.schools, r.pupils, r.teachers].map((x) => x.trim());
    if (raw.every((x) => x === '')) continue;
    const label = STAT_LEVEL_LABELS[level].zh;
    const nums = raw.map((x) => (/^\d{1,9}$/.test(x) ? Number(x) : NaN));
    (['schools', 'pupils', 'teachers'] as const).forEach((k, i) => {
      if (Number.isNaN(nums[i])) fields[`${level}.${k}`] = `${label}：${['学校数', '在校学生数', '教职工数'][i]}应为非负整数`;
    });
    rows.push({ level, schools: nums[0], pupils: nums[1], teachers: nums[2] });
  }
  if (rows.length === 0 && !fields.year) fields.rows = '请至少填写一个学段的数据';
  if (Object.keys(fields).length) throw new ValidationError('统计数据有误', fields);
  const documentRef = cleanDocumentRef(input.documentRef);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const before = await repos.education.statistics.rows(user.agencyId, input.year);
    await repos.education.statistics.saveYear(user.agencyId, input.year, rows, { note: input.note.trim(), documentRef }, now);
    await audit(repos, actor, {
      agencyId: user.agencyId, action: 'statistics.saved', subjectType: 'edu_statistics', subjectId: `${user.agencyId}:${input.year}`,
      summary: { year: input.year, before: before.map((r) => [r.level, r.schools, r.pupils, r.teachers]), after: rows.map((r) => [r.level, r.schools, r.pupils, r.teachers]) },
    }, now);
  });
}

export async function deleteStatisticsYear(ctx: ServiceContext, actor: Actor, year: number): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const before = await repos.education.statistics.rows(user.agencyId, year);
    if (before.length === 0) throw new NotFoundError(`没有${year}年的教育统计数据`);
    await repos.education.statistics.deleteYear(user.agencyId, year);
    await audit(repos, actor, { agencyId: user.agencyId, action: 'statistics.deleted', subjectType: 'edu_statistics', subjectId: `${user.agencyId}:${year}`, summary: { year, rows: before.length } }, now);
  });
}
