// Importing an agency's existing catalog (a CSV or XLSX export of the old site): map the file's
// columns, check every row (a dry run lists row-level errors in Chinese), then register all rows
// as published documents with their original index numbers and dates — or none of them.
import { decodeText, parseCsv } from '../lib/csv.ts';
import ExcelJS from 'exceljs';
import { openZipWithinLimit } from '../lib/zip-guard.ts';
import type { Repositories } from '../db/repositories/index.ts';
import { isIsoDate, yearOf } from '../domain/dates.ts';
import { GENRES } from '../domain/document-catalog.ts';
import { VALIDITY } from '../domain/document-workflow.ts';
import { parseIndexNumber } from '../domain/index-number.ts';
import { actorLabel, type Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { staffOf } from './document-access.ts';
import { documentSearchEntry } from './document-search.ts';
import type { NewDocumentRow } from '../db/schema.ts';
import type { SearchEntry } from '../search/search-index.repository.ts';
import { assignIndexNumber, cleanDocumentInput, todayOf, DEFAULT_DISCLOSURE_CHANNEL, DEFAULT_DISCLOSURE_SCOPE } from './document.service.ts';
import { ForbiddenError, ValidationError } from './errors.ts';
import { ensureTaxonomy } from './taxonomy.service.ts';
import { FileStore } from '../storage/file-store.ts';
import { safeFilename } from '../storage/file-type.ts';

export type ImportField =
  | 'indexNumber' | 'title' | 'docNumber' | 'createdOn' | 'publishedOn' | 'category' | 'genre' | 'topics'
  | 'keywords' | 'summary' | 'body' | 'validity' | 'department' | 'inRulesColumn';

export interface ImportColumn {
  field: ImportField;
  header: string;
  required: boolean;
  note: string;
  /** Other headers old systems use for the same column. */
  aliases: string[];
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'indexNumber', header: '索引号', required: false, note: '原索引号；留空则按本机关规则分配新索引号', aliases: ['索引编号'] },
  { field: 'title', header: '标题', required: true, note: '', aliases: ['名称', '信息名称', '文件名称', '标  题'] },
  { field: 'docNumber', header: '发文字号', required: false, note: '如 洪教发〔2016〕3号', aliases: ['文号', '发文号'] },
  { field: 'createdOn', header: '成文日期', required: true, note: 'YYYY-MM-DD，或 2016年3月1日、2016/3/1', aliases: ['生成日期', '形成日期'] },
  { field: 'publishedOn', header: '发布日期', required: true, note: '不早于成文日期，不晚于今天', aliases: ['公开日期', '发文日期'] },
  { field: 'category', header: '主题分类', required: true, note: '本机关的主题分类名称或代码', aliases: ['分类', '信息分类', '所属分类'] },
  { field: 'genre', header: '体裁', required: true, note: GENRES.join('、'), aliases: ['体裁分类', '文种'] },
  { field: 'topics', header: '专题', required: false, note: '多个专题以顿号或逗号分隔', aliases: ['所属专题'] },
  { field: 'keywords', header: '关键词', required: false, note: '', aliases: ['主题词'] },
  { field: 'summary', header: '内容概述', required: false, note: '', aliases: ['摘要', '内容摘要', '概述'] },
  { field: 'body', header: '正文', required: false, note: '文字或网页格式', aliases: ['内容', '全文'] },
  { field: 'validity', header: '有效性', required: false, note: `${VALIDITY.map((v) => v.label).join('、')}；留空为有效`, aliases: ['时效', '效力状态'] },
  { field: 'department', header: '起草部门', required: false, note: '本机关的科室名称', aliases: ['部门', '责任部门', '发布部门'] },
  { field: 'inRulesColumn', header: '列入公开制度栏目', required: false, note: '是/否', aliases: [] },
];

export const MAX_IMPORT_ROWS = 20_000;

/** A sheet as text: the header row and the data rows. */
export interface ImportTable {
  headers: string[];
  rows: string[][];
}

export type ImportMapping = Partial<Record<ImportField, number>>;

export interface RowError {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  field: ImportField | null;
  message: string;
}

export interface DryRunResult {
  total: number;
  errors: RowError[];
  /** The first rows as they would be imported. */
  preview: { row: number; indexNumber: string; title: string; createdOn: string; publishedOn: string; category: string }[];
}

// ---- reading files ---------------------------------------------------------------------------



function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates are stored as UTC midnights of the calendar day.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

export async function parseXlsx(data: Buffer): Promise<string[][]> {
  await openZipWithinLimit(data); // ExcelJS inflates every part in memory: refuse a zip bomb first
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(r.cellCount, ws.columnCount); c++) cells.push(cellText(r.getCell(c).value));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Reads an uploaded catalog (by content: an XLSX is a ZIP, anything else is read as CSV text). */
export async function readImportFile(filename: string, data: Buffer): Promise<ImportTable> {
  let rows: string[][];
  const isZip = data.length > 4 && data[0] === 0x50 && data[1] === 0x4b;
  if (isZip) {
    try {
      rows = await parseXlsx(data);
    } catch {
      throw new ValidationError('无法读取该 Excel 文件，请另存为 .xlsx 格式后重试', { file: '无法读取该 Excel 文件' });
    }
  } else if (data.length > 8 && data[0] === 0xd0 && data[1] === 0xcf) {
    throw new ValidationError('不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后重试', { file: '请另存为 .xlsx 或 CSV' });
  } else {
    rows = parseCsv(decodeText(data));
  }
  const cleaned = rows.map((r) => r.map((c) => c.replace(/^\ufeff/, '').trim()));
  while (cleaned.length && cleaned[cleaned.length - 1].every((c) => c === '')) cleaned.pop();
  if (cleaned.length < 2) throw new ValidationError(`文件“${filename}”中没有数据行：第一行应为表头，从第二行起每行一份文件`, { file: '没有数据行' });
  if (cleaned.length - 1 > MAX_IMPORT_ROWS) throw new ValidationError(`一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`, { file: '行数过多' });
  return { headers: cleaned[0], rows: cleaned.slice(1) };
}

function normalHeader(h: string): string {
  return h.replace(/[\s*＊（）()]/g, '').replace(/\u3000/g, '');
}

/** Guesses which file column holds which field, by the template's headers and common aliases. */
export function autoMap(headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const norm = headers.map(normalHeader);
  for (const col of IMPORT_COLUMNS) {
    const names = [col.header, ...col.aliases].map(normalHeader);
    const at = norm.findIndex((h) => names.includes(h));
    if (at >= 0) mapping[col.field] = at;
  }
  return mapping;
}

// ---- checking rows ---------------------------------------------------------------------------

/** '2016-3-1', '2016/03/01', '2016.3.1', '2016年3月1日' → '2016-03-01'; null when not a date. */
export function normalizeDate(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const FIELD_OF_INPUT: Record<string, ImportField> = {
  title: 'title', docNumber: 'docNumber', createdOn: 'createdOn', category: 'category', genre: 'genre', topics: 'topics',
  keywords: 'keywords', summary: 'summary', body: 'body', validity: 'validity', departmentId: 'department',
};

interface PreparedRow {
  row: number;
  indexNumber: string | null;
  publishedOn: string;
  clean: Awaited<ReturnType<typeof cleanDocumentInput>>;
  categoryName: string;
}

function requireImporter(actor: Actor) {
  const user = staffOf(actor);
  if (!user.roles.includes('office')) throw new ForbiddenError('只有公开办可以导入公开目录');
  return user;
}

function checkMapping(mapping: ImportMapping, width: number): void {
  const fields: Record<string, string> = {};
  for (const col of IMPORT_COLUMNS) {
    const at = mapping[col.field];
    if (at === undefined) {
      if (col.required) fields[col.field] = `请指定“${col.header}”所在的列`;
    } else if (!Number.isInteger(at) || at < 0 || at >= width) fields[col.field] = `“${col.header}”对应的列不存在`;
  }
  const used = Object.values(mapping).filter((x) => x !== undefined);
  if (new Set(used).size !== used.length) fields.mapping = '同一列不能对应两个字段';
  if (Object.keys(fields).length) throw new ValidationError(`列对应关系有误：${Object.values(fields).join('；')}`, fields);
}

async function prepareRows(repos: Repositories, agencyId: number, table: ImportTable, mapping: ImportMapping, today: string): Promise<{ prepared: PreparedRow[]; errors: RowError[] }> {
  await ensureTaxonomy(repos, agencyId);
  const [categories, topics, departments] = await Promise.all([
    repos.taxonomy.list('category', [agencyId]),
    repos.taxonomy.list('topic', [agencyId]),
    repos.agencies.departments(agencyId),
  ]);
  const errors: RowError[] = [];
  const prepared: PreparedRow[] = [];
  const seenIndex = new Map<string, number>();
  const get = (cells: string[], f: ImportField) => (mapping[f] === undefined ? '' : (cells[mapping[f]!] ?? '').trim());
  for (const [i, cells] of table.rows.entries()) {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) continue; // blank lines in the middle are not rows
    const rowErrors: RowError[] = [];
    const err = (field: ImportField | null, message: string) => rowErrors.push({ row, field, message });

    const rawCreated = get(cells, 'createdOn');
    const createdOn = normalizeDate(rawCreated);
    const rawPublished = get(cells, 'publishedOn');
    const publishedOn = normalizeDate(rawPublished);
    if (rawPublished === '') err('publishedOn', '发布日期不能为空');
    else if (!publishedOn) err('publishedOn', `发布日期“${rawPublished}”不是有效日期`);
    else if (publishedOn > today) err('publishedOn', '发布日期不能晚于今天');
    else if (createdOn && publishedOn < createdOn) err('publishedOn', '发布日期不能早于成文日期');

    const indexNumber = get(cells, 'indexNumber') || null;
    if (indexNumber !== null) {
      if (indexNumber.length > 100) err('indexNumber', '索引号最长 100 个字符');
      const first = seenIndex.get(indexNumber);
      if (first !== undefined) err('indexNumber', `索引号“${indexNumber}”与第 ${first} 行重复`);
      else seenIndex.set(indexNumber, row);
    }

    const validityText = get(cells, 'validity');
    const validity = validityText === '' ? 'valid' : VALIDITY.find((v) => v.label === validityText || v.code === validityText)?.code;
    if (!validity) err('validity', `有效性“${validityText}”无效，应为${VALIDITY.map((v) => v.label).join('、')}之一`);

    const deptName = get(cells, 'department');
    const dept = deptName === '' ? null : departments.find((d) => d.name === deptName);
    if (deptName !== '' && !dept) err('department', `起草部门“${deptName}”不是本机关的科室`);

    const rules = get(cells, 'inRulesColumn');
    if (rules !== '' && !['是', '否', '1', '0', 'Y', 'N', 'y', 'n'].includes(rules)) err('inRulesColumn', '“列入公开制度栏目”应填“是”或“否”');

    try {
      const clean = await cleanDocumentInput(repos, agencyId, {
        title: get(cells, 'title'),
        docNumber: get(cells, 'docNumber'),
        createdOn: createdOn ?? (rawCreated === '' ? '' : rawCreated),
        category: get(cells, 'category'),
        genre: get(cells, 'genre'),
        topics: get(cells, 'topics').split(/[、,，;；]/).map((t) => t.trim()).filter(Boolean),
        keywords: get(cells, 'keywords'),
        summary: get(cells, 'summary'),
        bodyHtml: get(cells, 'body'),
        disclosure: 'proactive',
        disclosureScope: DEFAULT_DISCLOSURE_SCOPE,
        disclosureChannel: DEFAULT_DISCLOSURE_CHANNEL,
        validity: validity ?? 'valid',
        inRulesColumn: rules === '是' || rules === '1' || rules.toUpperCase() === 'Y',
      }, today, { departmentFixed: dept ? dept.id : null, taxonomy: { categories, topics } });
      if (rowErrors.length === 0) {
        prepared.push({ row, indexNumber, publishedOn: publishedOn!, clean, categoryName: categories.find((c) => c.id === clean.category_id)!.name });
      }
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      for (const [k, message] of Object.entries(e.fields ?? {})) {
        const field = FIELD_OF_INPUT[k] ?? null;
        // A date that could not be read is reported once, in the import's own words.
        const text = k === 'createdOn' && rawCreated !== '' && !createdOn ? `成文日期“${rawCreated}”不是有效日期` : k === 'createdOn' && rawCreated === '' ? '成文日期不能为空' : k === 'title' && message === '请填写标题' ? '标题不能为空' : message;
        err(field, text);
      }
    }
    errors.push(...rowErrors.sort((a, b) => order(a.field) - order(b.field)));
  }
  // Original numbers may not collide with numbers the agency already uses.
  const wanted = prepared.map((p) => p.indexNumber).filter((x): x is string => x !== null);
  const taken = new Set(await repos.documents.indexNumberTaken(agencyId, wanted));
  for (const p of prepared) {
    if (p.indexNumber && taken.has(p.indexNumber)) errors.push({ row: p.row, field: 'indexNumber', message: `索引号“${p.indexNumber}”已被本机关的其他文件使用` });
  }
  errors.sort((a, b) => a.row - b.row || order(a.field) - order(b.field));
  return { prepared, errors };
}

function order(field: ImportField | null): number {
  const i = IMPORT_COLUMNS.findIndex((c) => c.field === field);
  return i < 0 ? 99 : i;
}

/** Checks every row and writes nothing. */
export async function dryRunImport(ctx: ServiceContext, actor: Actor, table: ImportTable, mapping: ImportMapping): Promise<DryRunResult> {
  const user = requireImporter(actor);
  checkMapping(mapping, table.headers.length);
  const { prepared, errors } = await prepareRows(ctx.repos, user.agencyId, table, mapping, todayOf(ctx));
  return {
    total: table.rows.filter((r) => r.some((c) => c.trim() !== '')).length,
    errors,
    preview: prepared.slice(0, 10).map((p) => ({
      row: p.row, indexNumber: p.indexNumber ?? '（导入时分配）', title: p.clean.title, createdOn: p.clean.created_on, publishedOn: p.publishedOn, category: p.categoryName,
    })),
  };
}

export class ImportRejectedError extends ValidationError {
  constructor(readonly errors: RowError[]) {
    super(`导入文件有 ${new Set(errors.map((e) => e.row)).size} 行存在错误，未导入任何文件`, { file: '存在错误的行' });
  }
}

/**
 * Imports every row as a published document, in one transaction: any error, and nothing is
 * imported. Returns the number of documents registered.
 */
export async function importCatalog(ctx: ServiceContext, actor: Actor, table: ImportTable, mapping: ImportMapping, opts: { source?: string } = {}): Promise<{ imported: number }> {
  const user = requireImporter(actor);
  checkMapping(mapping, table.headers.length);
  const today = todayOf(ctx);
  return ctx.transaction(async (repos) => {
    const { prepared, errors } = await prepareRows(repos, user.agencyId, table, mapping, today);
    if (errors.length > 0) throw new ImportRejectedError(errors);
    const agency = (await repos.agencies.byId(user.agencyId))!;
    // Raise the counters past every original serial in the agency's pattern first, so numbers
    // allocated below for rows without one cannot collide with those.
    for (const p of prepared) {
      if (!p.indexNumber) continue;
      const parsed = safeParse(agency.index_pattern, p.indexNumber);
      if (parsed?.serial !== undefined && parsed.year !== undefined) await repos.documents.raiseSerial(user.agencyId, parsed.year, parsed.serial);
    }
    const now = ctx.now().toISOString();
    const [categories, topics] = await Promise.all([repos.taxonomy.list('category', [user.agencyId]), repos.taxonomy.list('topic', [user.agencyId])]);
    const departments = await repos.agencies.departments(user.agencyId);
    const rows: NewDocumentRow[] = [];
    for (const p of prepared) {
      const { topicIds: _t, ...clean } = p.clean;
      const index = p.indexNumber
        ? { index_number: p.indexNumber, ...indexParts(agency.index_pattern, p.indexNumber, clean.created_on) }
        : await assignIndexNumber(repos, user.agencyId, clean.created_on, clean.category_id);
      rows.push({ ...clean, ...index, agency_id: user.agencyId, state: 'published', author_id: null, source: 'imported', published_on: p.publishedOn, created_at: now, updated_at: now });
    }
    // Bulk statements: a 1,000-row catalog is a few dozen round trips, not thousands.
    const inserted = await repos.documents.insertMany(rows);
    const links: { document_id: number; topic_id: number }[] = [];
    const entries: SearchEntry[] = [];
    for (const [k, p] of prepared.entries()) {
      const doc = inserted.get(rows[k].index_number!)!;
      for (const topicId of new Set(p.clean.topicIds)) links.push({ document_id: doc.id, topic_id: topicId });
      entries.push(documentSearchEntry({
        doc: { ...doc, published_on: p.publishedOn },
        agencyCode: agency.code,
        categoryCode: categories.find((c) => c.id === doc.category_id)!.code,
        departmentName: departments.find((d) => d.id === doc.department_id)?.name ?? null,
        topicCodes: [...new Set(p.clean.topicIds)].map((id) => topics.find((t) => t.id === id)!.code),
        attachments: [],
      }));
      await repos.audit.append({
        actorId: user.id, actorLabel: actorLabel(actor), agencyId: user.agencyId, action: 'document.imported', subjectType: 'document', subjectId: doc.id,
        summary: { title: doc.title, indexNumber: doc.index_number, publishedOn: p.publishedOn, row: p.row, source: opts.source ?? '' }, ip: actor.ip,
      }, ctx.now());
    }
    await repos.documents.addTopicLinks(links);
    await repos.search.upsertMany(entries);
    return { imported: prepared.length };
  });
}

function safeParse(pattern: string, indexNumber: string) {
  try {
    return parseIndexNumber(pattern, indexNumber);
  } catch {
    return null;
  }
}

/** Year and serial of an original index number when it follows the agency's pattern (else the year created). */
function indexParts(pattern: string, indexNumber: string, createdOn: string): { index_year: number; index_serial: number | null } {
  const parsed = safeParse(pattern, indexNumber);
  return { index_year: parsed?.year ?? yearOf(createdOn), index_serial: parsed?.serial ?? null };
}

// ---- templates -------------------------------------------------------------------------------

const EXAMPLE: Record<ImportField, string> = {
  indexNumber: '11431281006109018N/2016-00001',
  title: '洪江市教育局关于做好2016年秋季义务教育招生工作的通知',
  docNumber: '洪教发〔2016〕12号',
  createdOn: '2016-06-20',
  publishedOn: '2016-06-22',
  category: '政策文件',
  genre: '通知',
  topics: '招生入学',
  keywords: '招生 义务教育',
  summary: '部署2016年秋季义务教育阶段招生入学工作。',
  body: '各中小学：现就2016年秋季义务教育招生工作通知如下……',
  validity: '失效',
  department: '基础教育股',
  inRulesColumn: '否',
};

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV template: UTF-8 with a BOM (so Excel opens it as Chinese), headers and one example row. */
export function csvTemplate(): Buffer {
  const lines = [IMPORT_COLUMNS.map((c) => c.header), IMPORT_COLUMNS.map((c) => EXAMPLE[c.field])].map((r) => r.map(csvField).join(','));
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The XLSX template: the columns with an example row, and a sheet explaining each column and the allowed values. */
export async function xlsxTemplate(ctx: ServiceContext, actor: Actor): Promise<Buffer> {
  const user = requireImporter(actor);
  await ensureTaxonomy(ctx.repos, user.agencyId);
  const [categories, topics, departments] = await Promise.all([
    ctx.repos.taxonomy.list('category', [user.agencyId]),
    ctx.repos.taxonomy.list('topic', [user.agencyId]),
    ctx.repos.agencies.departments(user.agencyId),
  ]);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet('公开目录');
  ws.addRow(IMPORT_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
  ws.addRow(IMPORT_COLUMNS.map((c) => EXAMPLE[c.field]));
  ws.getRow(1).font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => { ws.getColumn(i + 1).width = Math.max(12, c.header.length * 3); });
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '必填', '说明']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow([c.header, c.required ? '是' : '否', c.note]);
  help.addRow([]);
  help.addRow(['主题分类可选值', categories.map((c) => c.name).join('、')]);
  help.addRow(['专题可选值', topics.map((t) => t.name).join('、')]);
  help.addRow(['体裁可选值', GENRES.join('、')]);
  help.addRow(['起草部门可选值', departments.map((d) => d.name).join('、')]);
  help.addRow(['说明', '任一行有误则整个文件不导入；请先“试运行”检查，改正后再导入。第一行为表头，示例行请删除。']);
  help.getColumn(1).width = 18;
  help.getColumn(3).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- uploads between the steps ---------------------------------------------------------------

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Step 1: keeps the uploaded file (by SHA-256) for the next steps and reads its header. */
export async function receiveImportFile(ctx: ServiceContext, actor: Actor, file: { filename: string; data: Buffer }): Promise<{ sha256: string; filename: string; table: ImportTable; mapping: ImportMapping }> {
  requireImporter(actor);
  if (file.data.length === 0) throw new ValidationError('上传的文件是空的', { file: '上传的文件是空的' });
  if (file.data.length > MAX_IMPORT_BYTES) throw new ValidationError('导入文件不能超过 20 MB', { file: '文件过大' });
  const table = await readImportFile(file.filename, file.data);
  const { sha256 } = await new FileStore(ctx.config.storageDir).put(file.data);
  return { sha256, filename: safeFilename(file.filename, '目录.csv'), table, mapping: autoMap(table.headers) };
}

/** Steps 2 and 3: the file uploaded in step 1. */
export async function loadImportFile(ctx: ServiceContext, actor: Actor, sha256: string, filename: string): Promise<ImportTable> {
  requireImporter(actor);
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ValidationError('导入文件标识无效，请重新上传', { file: '请重新上传' });
  const data = await new FileStore(ctx.config.storageDir).get(sha256);
  if (!data) throw new ValidationError('找不到已上传的文件，请重新上传', { file: '请重新上传' });
  return readImportFile(filename, data);
}
