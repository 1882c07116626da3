// Schools, enrolment zones (划片就近入学) and the admission timeline: the directory, the zones per
// year, the public lookup by address or community name, and zone import from CSV/XLSX.
import { decodeText, parseCsv } from '../lib/csv.ts';
import ExcelJS from 'exceljs';
import { openZipWithinLimit } from '../lib/zip-guard.ts';
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { DomainError, NotFoundError, ValidationError } from './errors.ts';
import { agencyByCode } from './portal.service.ts';
import { audit, inOwnAgency, requireStaffFor } from './education-access.ts';
import type { EduSchool } from '../db/schema.ts';
import {
  matchEntries, parseAddressQuery, parseZoneArea, splitAreas, MIN_QUERY_LENGTH, type MatchKind, type ZoneArea,
} from '../domain/address-match.ts';
import { documentPath, isOwnership, isSchoolLevel, type Ownership, type SchoolLevel } from '../domain/education-terms.ts';
import { isIsoDate } from '../domain/dates.ts';
import { documentUrl } from './document-search.ts';
import { RefreshingMemo } from '../lib/refreshing-memo.ts';

export const MAX_IMPORT_ROWS = 5000;
const MAX_AREA_LENGTH = 300;

// ---------- view models ----------

export interface SchoolView {
  id: number;
  name: string;
  level: SchoolLevel;
  ownership: Ownership;
  town: string;
  address: string;
  phone: string;
  website: string;
  intro: string;
  sort: number;
}

export interface ZoneEntryView {
  area: string;
  note: string;
}

export interface AdmissionStepView {
  id: number;
  level: SchoolLevel | '';
  title: string;
  startsOn: string;
  endsOn: string | null;
  description: string;
  documentRef: string | null;
}

export interface DocumentLink {
  label: string;
  indexNumber: string;
  url: string;
}

export interface LookupMatch {
  area: string;
  note: string;
  match: MatchKind;
}

export interface LookupSchool {
  school: SchoolView;
  matches: LookupMatch[];
  plan: { classes: number; places: number; note: string } | null;
}

export interface LookupResult {
  agency: { id: number; code: string; name: string };
  /** Published enrolment years, newest first. */
  years: number[];
  year: number | null;
  title: string;
  notes: string;
  query: string;
  /** The query was given but is too short to search for. */
  tooShort: boolean;
  results: LookupSchool[];
  schedule: AdmissionStepView[];
  documents: DocumentLink[];
}

function schoolView(s: EduSchool): SchoolView {
  return {
    id: s.id, name: s.name, level: isSchoolLevel(s.level) ? s.level : 'primary', ownership: isOwnership(s.ownership) ? s.ownership : 'public',
    town: s.town, address: s.address, phone: s.phone, website: s.website, intro: s.intro, sort: s.sort,
  };
}

function stepView(s: { id: number; level: string; title: string; starts_on: string; ends_on: string | null; description: string; document_ref: string | null }): AdmissionStepView {
  return { id: s.id, level: isSchoolLevel(s.level) ? s.level : '', title: s.title, startsOn: s.starts_on, endsOn: s.ends_on, description: s.description, documentRef: s.document_ref };
}

/** Trimmed, empty → null; an index number is at most 100 characters. */
export function cleanDocumentRef(v: string | null | undefined, field = 'documentRef'): string | null {
  const s = (v ?? '').trim();
  if (s === '') return null;
  if (s.length > 100) throw new ValidationError('索引号过长', { [field]: '索引号最多 100 个字符' });
  return s;
}

/**
 * The public catalog page of a document of the agency by its index number. Only documents the
 * catalog shows (published, archived, withdrawn with its notice) resolve; anything else is not found.
 */
export async function catalogDocumentUrl(ctx: ServiceContext, agencyCode: string, indexNumber: string): Promise<string> {
  const agency = await agencyByCode(ctx, agencyCode);
  const doc = indexNumber.trim() === '' ? undefined : await ctx.repos.documents.byIndexNumber(indexNumber.trim(), [agency.id]);
  if (!doc || !['published', 'archived', 'withdrawn'].includes(doc.state)) throw new NotFoundError(`未找到索引号为“${indexNumber}”的公开文件`);
  return documentUrl(agency.code, doc.id);
}

// ---------- public reading ----------

export async function listSchools(ctx: ServiceContext, agencyId: number): Promise<SchoolView[]> {
  return (await ctx.repos.education.enrolment.schools(agencyId)).map(schoolView);
}

/** Published enrolment years of an agency, newest first. */
export async function publishedYears(ctx: ServiceContext, agencyId: number): Promise<number[]> {
  return (await ctx.repos.education.enrolment.years(agencyId)).filter((y) => y.published === 1).map((y) => y.year);
}

async function yearDocuments(ctx: ServiceContext, agencyCode: string, yearRef: string | null, steps: AdmissionStepView[], year: number): Promise<DocumentLink[]> {
  const docs: DocumentLink[] = [];
  const seen = new Set<string>();
  const add = (label: string, ref: string | null) => {
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    docs.push({ label, indexNumber: ref, url: documentPath(agencyCode, ref) });
  };
  add(`${year}年义务教育招生入学工作方案`, yearRef);
  for (const s of steps) add(s.title, s.documentRef);
  return docs;
}

/**
 * The public lookup: which schools serve an address or community in a year, with the year's
 * admission schedule and the documents behind it. Only published years are visible.
 */
/** A year's zones as the lookup needs them: fetched and parsed once (see yearMemo). */
interface ZoneYear {
  base: LookupResult;
  schools: Map<number, EduSchool>;
  entries: { schoolId: number; text: string; note: string; area: ZoneArea }[];
  plans: Map<number, { classes: number; places: number; note: string }>;
}

// On enrolment day the lookup is the busiest page: the zones of a year are read and parsed once
// per process and kept until this process writes to the tables they come from (or to agencies).
// Another instance's changes show within ZONE_MEMO_MS and one reload: after ZONE_MEMO_MS the
// year is reloaded in the background while requests go on being answered from the loaded one
// (see RefreshingMemo). Only the address matching runs per request.
const ZONE_MEMO_MS = 30_000;
const ZONE_TABLES = new Set(['agencies', 'edu_schools', 'edu_school_plans', 'edu_enrolment_years', 'edu_zone_entries', 'edu_admission_steps']);
const zoneMemos = new WeakMap<object, RefreshingMemo<string, ZoneYear>>();

function yearMemo(ctx: ServiceContext): RefreshingMemo<string, ZoneYear> {
  let memo = zoneMemos.get(ctx.db);
  if (!memo) {
    const fresh = new RefreshingMemo<string, ZoneYear>(ZONE_MEMO_MS);
    ctx.db.onWrite((table) => { if (table === '' || ZONE_TABLES.has(table)) fresh.clear(); });
    zoneMemos.set(ctx.db, fresh);
    memo = fresh;
  }
  return memo;
}

async function loadZoneYear(ctx: ServiceContext, agencyCode: string, wantedYear: number | undefined): Promise<ZoneYear> {
  const agency = await agencyByCode(ctx, agencyCode);
  const repo = ctx.repos.education.enrolment;
  const years = await publishedYears(ctx, agency.id);
  const year = wantedYear ?? years[0] ?? null;
  if (wantedYear !== undefined && !years.includes(wantedYear)) throw new NotFoundError(`${wantedYear}年的招生片区尚未公布`);
  const base: LookupResult = {
    agency: { id: agency.id, code: agency.code, name: agency.name }, years, year, title: '', notes: '', query: '',
    tooShort: false, results: [], schedule: [], documents: [],
  };
  if (year === null) return { base, schools: new Map(), entries: [], plans: new Map() };
  const [info, stepRows, schools, zones, plans] = await Promise.all([
    repo.year(agency.id, year), repo.steps(agency.id, year), repo.schools(agency.id), repo.zones(agency.id, year), repo.plans(agency.id, year),
  ]);
  base.title = info?.title ?? `${year}年义务教育招生入学`;
  base.notes = info?.notes ?? '';
  base.schedule = stepRows.map(stepView);
  base.documents = await yearDocuments(ctx, agency.code, info?.document_ref ?? null, base.schedule, year);
  const byId = new Map(schools.map((s) => [s.id, s]));
  const towns = [...new Set(schools.map((s) => s.town).filter((t) => t !== ''))];
  return {
    base,
    schools: byId,
    entries: zones.map((z) => ({ schoolId: z.school_id, text: z.area, note: z.note, area: parseZoneArea(z.area, towns, byId.get(z.school_id)?.town ?? '') })),
    plans: new Map(plans.map((p) => [p.school_id, { classes: p.classes, places: p.places, note: p.note }])),
  };
}

export async function lookupZones(ctx: ServiceContext, input: { agencyCode: string; year?: number; q?: string }): Promise<LookupResult> {
  const zoneYear = await yearMemo(ctx).get(`${input.agencyCode}\u0000${input.year ?? ''}`, () => loadZoneYear(ctx, input.agencyCode, input.year));
  const base: LookupResult = { ...zoneYear.base, query: (input.q ?? '').trim() };
  if (base.year === null || base.query === '') return base;
  const query = parseAddressQuery(base.query);
  if (!query) return { ...base, tooShort: true };

  const ranked = matchEntries(query, zoneYear.entries);
  const grouped = new Map<number, LookupMatch[]>();
  for (const r of ranked) {
    const list = grouped.get(r.entry.schoolId) ?? [];
    list.push({ area: r.entry.text, note: r.entry.note, match: r.match });
    grouped.set(r.entry.schoolId, list);
  }
  const levelOrder = (l: SchoolLevel) => ['primary', 'nine_year', 'junior', 'senior'].indexOf(l);
  base.results = [...grouped.entries()].map(([schoolId, matches]) => ({
    school: schoolView(zoneYear.schools.get(schoolId)!), matches, plan: zoneYear.plans.get(schoolId) ?? null,
  })).sort((a, b) => levelOrder(a.school.level) - levelOrder(b.school.level) || a.school.sort - b.school.sort || a.school.id - b.school.id);
  return base;
}

export interface ZoneYearView {
  agency: { id: number; code: string; name: string };
  year: number;
  title: string;
  notes: string;
  published: boolean;
  documentRef: string | null;
  schools: { school: SchoolView; entries: ZoneEntryView[]; plan: { classes: number; places: number; note: string } | null }[];
  schedule: AdmissionStepView[];
  documents: DocumentLink[];
}

/** Every school and its zone for a year (the full published list; staff also see unpublished years). */
export async function zoneYear(ctx: ServiceContext, agencyId: number, year: number, opts: { includeUnpublished?: boolean } = {}): Promise<ZoneYearView> {
  const agency = await ctx.repos.agencies.byId(agencyId);
  if (!agency) throw new NotFoundError('未找到该机关');
  const repo = ctx.repos.education.enrolment;
  const info = await repo.year(agencyId, year);
  if (!opts.includeUnpublished && info?.published !== 1) throw new NotFoundError(`${year}年的招生片区尚未公布`);
  const [schools, zones, plans, steps] = await Promise.all([repo.schools(agencyId), repo.zones(agencyId, year), repo.plans(agencyId, year), repo.steps(agencyId, year)]);
  const planBySchool = new Map(plans.map((p) => [p.school_id, p]));
  const schedule = steps.map(stepView);
  return {
    agency: { id: agency.id, code: agency.code, name: agency.name },
    year,
    title: info?.title ?? `${year}年义务教育招生入学`,
    notes: info?.notes ?? '',
    published: info?.published === 1,
    documentRef: info?.document_ref ?? null,
    schools: schools.map((s) => {
      const p = planBySchool.get(s.id);
      return {
        school: schoolView(s),
        entries: zones.filter((z) => z.school_id === s.id).map((z) => ({ area: z.area, note: z.note })),
        plan: p ? { classes: p.classes, places: p.places, note: p.note } : null,
      };
    }),
    schedule,
    documents: await yearDocuments(ctx, agency.code, info?.document_ref ?? null, schedule, year),
  };
}

/** Staff: every enrolment year (published or not), newest first. */
export async function enrolmentYears(ctx: ServiceContext, actor: Actor): Promise<{ year: number; title: string; published: boolean; zoneCount: number }[]> {
  const user = requireStaffFor(actor, 'content.manage');
  const repo = ctx.repos.education.enrolment;
  const years = await repo.years(user.agencyId);
  const out = [];
  for (const y of years) out.push({ year: y.year, title: y.title, published: y.published === 1, zoneCount: (await repo.zones(user.agencyId, y.year)).length });
  return out;
}

// ---------- staff changes ----------

export interface SchoolInput {
  name: string;
  level: string;
  ownership: string;
  town: string;
  address: string;
  phone: string;
  website: string;
  intro: string;
  sort: number;
}

function cleanSchool(input: SchoolInput): SchoolInput {
  const fields: Record<string, string> = {};
  const v = { ...input, name: input.name.trim(), town: input.town.trim(), address: input.address.trim(), phone: input.phone.trim(), website: input.website.trim(), intro: input.intro.trim() };
  if (v.name === '') fields.name = '请填写学校名称';
  else if (v.name.length > 200) fields.name = '学校名称最多 200 个字符';
  if (!isSchoolLevel(v.level)) fields.level = '请选择学段';
  if (!isOwnership(v.ownership)) fields.ownership = '请选择办学性质';
  if (v.website !== '' && !/^https?:\/\/[^\s]+$/i.test(v.website)) fields.website = '网址应以 http:// 或 https:// 开头';
  if (!Number.isInteger(v.sort)) fields.sort = '排序应为整数';
  if (Object.keys(fields).length) throw new ValidationError('学校信息有误', fields);
  return v;
}

export async function saveSchool(ctx: ServiceContext, actor: Actor, id: number | null, input: SchoolInput): Promise<number> {
  const user = requireStaffFor(actor, 'content.manage');
  const v = cleanSchool(input);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const repo = repos.education.enrolment;
    const clash = await repo.schoolByName(user.agencyId, v.name);
    if (clash && clash.id !== id) throw new ValidationError('学校名称重复', { name: `学校“${v.name}”已在名录中` });
    const row = { name: v.name, level: v.level, ownership: v.ownership, town: v.town, address: v.address, phone: v.phone, website: v.website, intro: v.intro, sort: v.sort, updated_at: now.toISOString() };
    let schoolId: number;
    if (id === null) {
      schoolId = (await repo.insertSchool({ agency_id: user.agencyId, created_at: now.toISOString(), ...row })).id;
    } else {
      const old = inOwnAgency(user, await repo.schoolById(id), '未找到该学校');
      await repo.updateSchool(id, row);
      schoolId = id;
    }
    await audit(repos, actor, { agencyId: user.agencyId, action: id === null ? 'school.created' : 'school.updated', subjectType: 'edu_school', subjectId: schoolId, summary: { name: v.name, level: v.level } }, now);
    return schoolId;
  });
}

export async function deleteSchool(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const repo = repos.education.enrolment;
    const old = inOwnAgency(user, await repo.schoolById(id), '未找到该学校');
    if ((await repo.zoneCountForSchool(id)) > 0) throw new DomainError('该学校仍有招生片区，不能删除；请先在各年度片区中移除');
    await repo.deleteSchool(id);
    await audit(repos, actor, { agencyId: old.agency_id, action: 'school.deleted', subjectType: 'edu_school', subjectId: id, summary: { name: old.name } }, now);
  });
}

export async function getSchool(ctx: ServiceContext, actor: Actor, id: number): Promise<SchoolView> {
  const user = requireStaffFor(actor, 'content.manage');
  const s = inOwnAgency(user, await ctx.repos.education.enrolment.schoolById(id), '未找到该学校');
  return schoolView(s);
}

function assertYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError('年度有误', { [field]: '年度应为 2000 至 2100 之间的整数' });
}

export async function saveEnrolmentYear(ctx: ServiceContext, actor: Actor, input: { year: number; title: string; notes: string; documentRef: string; published: boolean }): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  assertYear(input.year);
  const title = input.title.trim() || `${input.year}年义务教育招生入学`;
  if (title.length > 200) throw new ValidationError('标题过长', { title: '标题最多 200 个字符' });
  const documentRef = cleanDocumentRef(input.documentRef);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const before = await repos.education.enrolment.year(user.agencyId, input.year);
    await repos.education.enrolment.saveYear(user.agencyId, input.year, { title, notes: input.notes.trim(), documentRef, published: input.published }, now);
    await audit(repos, actor, {
      agencyId: user.agencyId, action: 'enrolment_year.saved', subjectType: 'edu_enrolment_year', subjectId: `${user.agencyId}:${input.year}`,
      summary: { year: input.year, published: input.published, wasPublished: before?.published === 1 },
    }, now);
  });
}

export async function setSchoolPlan(ctx: ServiceContext, actor: Actor, input: { schoolId: number; year: number; classes: number | null; places: number | null; note: string }): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  assertYear(input.year);
  const fields: Record<string, string> = {};
  const clear = input.classes === null && input.places === null;
  if (!clear) {
    if (input.classes === null || !Number.isInteger(input.classes) || input.classes < 0 || input.classes > 1000) fields.classes = '计划班数应为 0 至 1000 的整数';
    if (input.places === null || !Number.isInteger(input.places) || input.places < 0 || input.places > 100000) fields.places = '计划招生人数应为 0 至 100000 的整数';
  }
  if (Object.keys(fields).length) throw new ValidationError('招生计划有误', fields);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const s = inOwnAgency(user, await repos.education.enrolment.schoolById(input.schoolId), '未找到该学校');
    if (clear) await repos.education.enrolment.deletePlan(s.id, input.year);
    else await repos.education.enrolment.setPlan(s.id, input.year, input.classes!, input.places!, input.note.trim());
    await audit(repos, actor, { agencyId: s.agency_id, action: 'school_plan.saved', subjectType: 'edu_school', subjectId: s.id, summary: { year: input.year, classes: input.classes, places: input.places } }, now);
  });
}

/**
 * Replaces one school's zone for a year from a text: one area per line, several per line separated
 * by 、 or ；, an optional note after ｜ or |.
 */
export async function setSchoolZones(ctx: ServiceContext, actor: Actor, input: { schoolId: number; year: number; text: string }): Promise<number> {
  const user = requireStaffFor(actor, 'content.manage');
  assertYear(input.year);
  const entries: { area: string; note: string }[] = [];
  for (const [i, line] of input.text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const [areas, ...noteParts] = line.split(/[|｜]/);
    const note = noteParts.join('｜').trim();
    for (const area of splitAreas(areas)) {
      if (area.length > MAX_AREA_LENGTH) throw new ValidationError('片区过长', { text: `第${i + 1}行：“${area.slice(0, 20)}…”超过 ${MAX_AREA_LENGTH} 个字符` });
      entries.push({ area, note });
    }
  }
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const s = inOwnAgency(user, await repos.education.enrolment.schoolById(input.schoolId), '未找到该学校');
    await repos.education.enrolment.replaceZones(s.agency_id, input.year, [s.id], entries.map((e) => ({ schoolId: s.id, ...e })));
    await audit(repos, actor, { agencyId: s.agency_id, action: 'zones.edited', subjectType: 'edu_school', subjectId: s.id, summary: { year: input.year, entries: entries.length } }, now);
    return entries.length;
  });
}

export async function schoolZoneText(ctx: ServiceContext, actor: Actor, schoolId: number, year: number): Promise<string> {
  const user = requireStaffFor(actor, 'content.manage');
  const s = inOwnAgency(user, await ctx.repos.education.enrolment.schoolById(schoolId), '未找到该学校');
  const zones = (await ctx.repos.education.enrolment.zones(s.agency_id, year)).filter((z) => z.school_id === s.id);
  return zones.map((z) => (z.note ? `${z.area}｜${z.note}` : z.area)).join('\n');
}

// ---------- admission schedule ----------

export interface AdmissionStepInput {
  year: number;
  level: string;
  title: string;
  startsOn: string;
  endsOn: string;
  description: string;
  documentRef: string;
}

function cleanStep(input: AdmissionStepInput) {
  assertYear(input.year);
  const fields: Record<string, string> = {};
  const title = input.title.trim();
  if (title === '') fields.title = '请填写环节名称';
  else if (title.length > 200) fields.title = '环节名称最多 200 个字符';
  if (input.level !== '' && !isSchoolLevel(input.level)) fields.level = '学段无效';
  if (!isIsoDate(input.startsOn)) fields.startsOn = '请填写开始日期（YYYY-MM-DD）';
  const endsOn = input.endsOn.trim() === '' ? null : input.endsOn.trim();
  if (endsOn !== null && !isIsoDate(endsOn)) fields.endsOn = '结束日期格式应为 YYYY-MM-DD';
  else if (endsOn !== null && isIsoDate(input.startsOn) && endsOn < input.startsOn) fields.endsOn = '结束日期不能早于开始日期';
  if (Object.keys(fields).length) throw new ValidationError('招生日程有误', fields);
  return { level: input.level, title, startsOn: input.startsOn, endsOn, description: input.description.trim(), documentRef: cleanDocumentRef(input.documentRef) };
}

export async function addAdmissionStep(ctx: ServiceContext, actor: Actor, input: AdmissionStepInput): Promise<number> {
  const user = requireStaffFor(actor, 'content.manage');
  const v = cleanStep(input);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const row = await repos.education.enrolment.insertStep(user.agencyId, input.year, v);
    await audit(repos, actor, { agencyId: user.agencyId, action: 'admission_step.created', subjectType: 'edu_admission_step', subjectId: row.id, summary: { year: input.year, title: v.title, startsOn: v.startsOn, endsOn: v.endsOn } }, now);
    return row.id;
  });
}

export async function updateAdmissionStep(ctx: ServiceContext, actor: Actor, id: number, input: AdmissionStepInput): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const v = cleanStep(input);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const old = inOwnAgency(user, await repos.education.enrolment.stepById(id), '未找到该招生日程');
    await repos.education.enrolment.updateStep(id, v);
    await audit(repos, actor, { agencyId: old.agency_id, action: 'admission_step.updated', subjectType: 'edu_admission_step', subjectId: id, summary: { before: { title: old.title, startsOn: old.starts_on, endsOn: old.ends_on }, after: { title: v.title, startsOn: v.startsOn, endsOn: v.endsOn } } }, now);
  });
}

export async function deleteAdmissionStep(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const old = inOwnAgency(user, await repos.education.enrolment.stepById(id), '未找到该招生日程');
    await repos.education.enrolment.deleteStep(id);
    await audit(repos, actor, { agencyId: old.agency_id, action: 'admission_step.deleted', subjectType: 'edu_admission_step', subjectId: id, summary: { year: old.year, title: old.title } }, now);
  });
}

// ---------- zone import ----------

export interface ImportRowError {
  row: number;
  message: string;
}

/** An import refused as a whole, with every row that is wrong. Nothing was imported. */
export class ZoneImportError extends ValidationError {
  constructor(readonly errors: ImportRowError[]) {
    super(`导入失败：共 ${errors.length} 处错误，未导入任何数据。请修改后重新导入。`, Object.fromEntries(errors.slice(0, 50).map((e) => [`row${e.row}`, `第${e.row}行：${e.message}`])));
  }
}



async function readXlsx(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await openZipWithinLimit(data); // ExcelJS inflates every part in memory: refuse a zip bomb first
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('无法读取该 Excel 文件，请确认是 .xlsx 格式', { file: '文件格式无效' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ValidationError('Excel 文件中没有工作表', { file: '文件为空' });
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(r.cellCount, 3); c++) cells.push(r.getCell(c).text ?? '');
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** The rows of an uploaded table by its file name: .csv or .xlsx. */
export async function readTable(fileName: string, data: Buffer): Promise<string[][]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return parseCsv(decodeText(data));
  if (lower.endsWith('.xlsx')) return readXlsx(data);
  throw new ValidationError('只支持 .csv 和 .xlsx 文件', { file: '文件类型不支持' });
}

const SCHOOL_HEADERS = ['学校名称', '学校', '校名'];
const AREA_HEADERS = ['招生范围', '服务范围', '划片范围', '片区', '范围', '社区'];
const NOTE_HEADERS = ['备注', '说明'];

function findColumn(header: string[], names: string[]): number {
  return header.findIndex((h) => names.includes(h.replace(/\s/g, '')));
}

/**
 * Imports a year's zones from a table with the columns 学校名称 / 招生范围 / 备注 (header row
 * first). All or nothing: any wrong row refuses the whole file with every error listed; otherwise
 * the year's zones are replaced in one transaction.
 */
export async function importZones(ctx: ServiceContext, actor: Actor, input: { year: number; fileName: string; data: Buffer }): Promise<{ rows: number; entries: number; schools: number }> {
  const user = requireStaffFor(actor, 'content.manage');
  assertYear(input.year);
  const table = (await readTable(input.fileName, input.data)).map((r) => r.map((c) => c.trim()));
  while (table.length > 0 && table[table.length - 1].every((c) => c === '')) table.pop();
  if (table.length < 2) throw new ZoneImportError([{ row: 1, message: '文件中没有数据行（第1行应为表头：学校名称、招生范围、备注）' }]);
  if (table.length - 1 > MAX_IMPORT_ROWS) throw new ZoneImportError([{ row: MAX_IMPORT_ROWS + 2, message: `数据行超过 ${MAX_IMPORT_ROWS} 行，请分年度或精简后导入` }]);
  const header = table[0];
  const schoolCol = findColumn(header, SCHOOL_HEADERS);
  const areaCol = findColumn(header, AREA_HEADERS);
  const noteCol = findColumn(header, NOTE_HEADERS);
  if (schoolCol < 0 || areaCol < 0) {
    throw new ZoneImportError([{ row: 1, message: `表头应包含“学校名称”和“招生范围”两列（可选“备注”），实际为：${header.filter(Boolean).join('、') || '（空）'}` }]);
  }
  const schools = await ctx.repos.education.enrolment.schools(user.agencyId);
  const byName = new Map(schools.map((s) => [s.name, s]));
  const errors: ImportRowError[] = [];
  const entries: { schoolId: number; area: string; note: string }[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < table.length; i++) {
    const rowNo = i + 1;
    const r = table[i];
    const name = r[schoolCol] ?? '';
    const areaCell = r[areaCol] ?? '';
    const note = noteCol >= 0 ? (r[noteCol] ?? '') : '';
    if (r.every((c) => c === '')) continue;
    const problems: string[] = [];
    const school = byName.get(name);
    if (name === '') problems.push('学校名称为空');
    else if (!school) problems.push(`学校“${name}”不在学校名录中，请先在学校名录中添加或核对名称`);
    const areas = splitAreas(areaCell);
    if (areas.length === 0) problems.push('招生范围为空');
    for (const a of areas) {
      if (a.length > MAX_AREA_LENGTH) problems.push(`招生范围“${a.slice(0, 20)}…”超过 ${MAX_AREA_LENGTH} 个字符`);
      else if ([...a.replace(/[\s\p{P}]/gu, '')].length < MIN_QUERY_LENGTH) problems.push(`招生范围“${a}”过短`);
    }
    if (note.length > 500) problems.push('备注超过 500 个字符');
    if (problems.length === 0 && school) {
      for (const a of areas) {
        const key = `${school.id}\u0000${a}`;
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push(`“${a}”与第${first}行重复`);
          continue;
        }
        seen.set(key, rowNo);
        entries.push({ schoolId: school.id, area: a, note });
      }
    }
    for (const p of problems) errors.push({ row: rowNo, message: p });
  }
  if (errors.length > 0) throw new ZoneImportError(errors);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    await repos.education.enrolment.replaceZones(user.agencyId, input.year, null, entries);
    await audit(repos, actor, {
      agencyId: user.agencyId, action: 'zones.imported', subjectType: 'edu_enrolment_year', subjectId: `${user.agencyId}:${input.year}`,
      summary: { year: input.year, file: input.fileName, rows: table.length - 1, entries: entries.length },
    }, now);
  });
  return { rows: table.length - 1, entries: entries.length, schools: new Set(entries.map((e) => e.schoolId)).size };
}
