import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Notice } from './components.tsx';
import { DocumentTabs } from './document-common.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate } from '../format.ts';
import { tx } from '../i18n/index.ts';
import { IMPORT_COLUMNS, type DryRunResult, type ImportColumn, type ImportField, type ImportMapping, type RowError } from '../../services/document-import.service.ts';
import { GENRES } from '../../domain/document-catalog.ts';
import { VALIDITY } from '../../domain/document-workflow.ts';

export interface ImportPageProps {
  ctx: PageContext;
  /** Step 2 onwards: the uploaded file, its headers and the column mapping. */
  file?: { sha256: string; filename: string; headers: string[]; rows: number };
  mapping?: ImportMapping;
  result?: DryRunResult;
  /** Errors of a refused import (or dry run). */
  errors?: RowError[];
  error?: string;
}

const MAX_ERRORS_SHOWN = 500;

// The template's headers are Chinese (files are read by them), so English pages name the field and
// keep the header: “Index number (索引号)”.
const COLUMN_EN: Record<ImportField, { name: string; note: string }> = {
  indexNumber: { name: 'Index number', note: 'The original index number; leave empty to assign a new one by this agency\'s rule' },
  title: { name: 'Title', note: '' },
  docNumber: { name: 'Document number', note: 'For example 洪教发〔2016〕3号' },
  createdOn: { name: 'Date created', note: 'YYYY-MM-DD, or 2016年3月1日, 2016/3/1' },
  publishedOn: { name: 'Date published', note: 'Not before the date created, not after today' },
  category: { name: 'Category', note: 'The name or code of one of this agency\'s categories' },
  genre: { name: 'Genre', note: `One of ${GENRES.join('、')}` },
  topics: { name: 'Topics', note: 'Several topics separated by 、 or commas' },
  keywords: { name: 'Keywords', note: '' },
  summary: { name: 'Summary', note: '' },
  body: { name: 'Text', note: 'Plain text or web formatting' },
  validity: { name: 'Validity', note: `One of ${VALIDITY.map((v) => v.label).join('、')}; empty means 有效 (in force)` },
  department: { name: 'Drafting department', note: 'The name of one of this agency\'s sections' },
  inRulesColumn: { name: 'Listed under disclosure rules', note: '是 (yes) or 否 (no)' },
};

const columnName = (ctx: PageContext, c: ImportColumn) => tx(ctx, c.header, `${COLUMN_EN[c.field].name} (${c.header})`);
const columnNote = (ctx: PageContext, c: ImportColumn) => tx(ctx, c.note, COLUMN_EN[c.field].note);

function ErrorTable({ ctx, errors }: { ctx: PageContext; errors: RowError[] }) {
  const label = (f: RowError['field']) => {
    const c = IMPORT_COLUMNS.find((x) => x.field === f);
    return c ? columnName(ctx, c) : '';
  };
  const rows = new Set(errors.map((e) => e.row)).size;
  return (
    <section aria-labelledby="import-errors-title">
      <h2 id="import-errors-title">{tx(ctx, `错误清单（${rows} 行，${errors.length} 处）`, `Errors (${errors.length} in ${rows} ${rows === 1 ? 'row' : 'rows'})`)}</h2>
      <table class="data-table import-errors">
        <caption class="visually-hidden">{tx(ctx, '导入文件中有误的行', 'Rows of the file with errors')}</caption>
        <thead><tr><th scope="col">{tx(ctx, '行号', 'Row')}</th><th scope="col">{tx(ctx, '列', 'Column')}</th><th scope="col">{tx(ctx, '问题', 'Problem')}</th></tr></thead>
        <tbody>
          {errors.slice(0, MAX_ERRORS_SHOWN).map((e) => <tr><td>{tx(ctx, `第 ${e.row} 行`, `Row ${e.row}`)}</td><td>{label(e.field)}</td><td>{e.message}</td></tr>)}
        </tbody>
      </table>
      {errors.length > MAX_ERRORS_SHOWN && <p class="hint">{tx(ctx, `仅显示前 ${MAX_ERRORS_SHOWN} 处错误。`, `Only the first ${MAX_ERRORS_SHOWN} errors are shown.`)}</p>}
    </section>
  );
}

/** Import of an existing catalog: upload → map columns → dry run → import (all or nothing). */
export function ImportPage(props: ImportPageProps) {
  const { ctx, file, mapping = {}, result } = props;
  const errors = props.errors ?? result?.errors ?? [];
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '目录导入', 'Import a catalog')} active="/console/documents">
      <h1>{tx(ctx, '导入已有公开目录', 'Import an existing disclosure catalog')}</h1>
      <DocumentTabs ctx={ctx} active="/console/documents/import" />
      <p class="hint">
        {tx(ctx, '将原网站导出的目录（Excel .xlsx 或 CSV）导入为已发布的主动公开信息，保留原索引号、成文日期和发布日期。 导入前先试运行：任何一行有误，整个文件都不会导入。', 'Imports a catalog exported from the old site (Excel .xlsx or CSV) as published proactive disclosure, keeping the original index numbers, dates created and dates published. Do a dry run first: if any row has an error, nothing in the file is imported.')}
      </p>
      <p>
        {tx(ctx, '下载模板：', 'Templates: ')}<a href="/console/documents/import/template.xlsx">{tx(ctx, 'Excel 模板（含填写说明）', 'Excel template (with instructions)')}</a>　<a href="/console/documents/import/template.csv">{tx(ctx, 'CSV 模板', 'CSV template')}</a>
      </p>
      {props.error && <Notice kind="error">{props.error}</Notice>}

      <section class="card" aria-labelledby="step1">
        <h2 id="step1">{tx(ctx, '第一步：上传文件', 'Step 1: upload the file')}</h2>
        <form method="post" action="/console/documents/import" enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <div class="form-row">
            <label for="import-file">{tx(ctx, '目录文件（.xlsx 或 .csv）', 'Catalog file (.xlsx or .csv)')}</label>
            <input type="file" id="import-file" name="file" required accept=".xlsx,.csv,text/csv" />
          </div>
          <button type="submit" class="button button-secondary">{tx(ctx, '上传并识别列', 'Upload and detect columns')}</button>
        </form>
      </section>

      {file && (
        <section class="card" aria-labelledby="step2">
          <h2 id="step2">{tx(ctx, '第二步：核对列的对应关系', 'Step 2: check the column mapping')}</h2>
          <p>{tx(ctx, `文件：${file.filename}，共 ${file.rows} 行数据。系统已按表头自动对应，请核对。`, `File: ${file.filename}, ${file.rows} data rows. Columns were matched by their headers; please check.`)}</p>
          <form method="post" action="/console/documents/import/check">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="sha256" value={file.sha256} />
            <input type="hidden" name="filename" value={file.filename} />
            <table class="data-table import-mapping">
              <caption class="visually-hidden">{tx(ctx, '字段与文件列的对应关系', 'Fields and the file\'s columns')}</caption>
              <thead><tr><th scope="col">{tx(ctx, '字段', 'Field')}</th><th scope="col">{tx(ctx, '文件中的列', 'Column in the file')}</th><th scope="col">{tx(ctx, '说明', 'Notes')}</th></tr></thead>
              <tbody>
                {IMPORT_COLUMNS.map((c) => (
                  <tr>
                    <th scope="row"><label for={`map-${c.field}`}>{columnName(ctx, c)}{c.required && <span class="required" aria-hidden="true"> *</span>}</label></th>
                    <td>
                      <select id={`map-${c.field}`} name={`map_${c.field}`}>
                        <option value="">{tx(ctx, '（不导入）', '(not imported)')}</option>
                        {file.headers.map((h, i) => <option value={String(i)} selected={mapping[c.field] === i}>{tx(ctx, `第 ${i + 1} 列：${h || '（无表头）'}`, `Column ${i + 1}: ${h || '(no header)'}`)}</option>)}
                      </select>
                    </td>
                    <td>{columnNote(ctx, c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div class="form-actions">
              <button type="submit" name="intent" value="check" class="button button-secondary">{tx(ctx, '试运行（不导入）', 'Dry run (imports nothing)')}</button>
              {result && result.errors.length === 0 && (
                <button type="submit" name="intent" value="import" formaction="/console/documents/import/run" class="primary">{tx(ctx, `正式导入 ${result.total} 份文件`, `Import ${result.total} documents`)}</button>
              )}
            </div>
          </form>
        </section>
      )}

      {result && errors.length === 0 && (
        <section class="card" aria-labelledby="step3">
          <h2 id="step3">{tx(ctx, '试运行结果', 'Dry run result')}</h2>
          <Notice kind="ok">{tx(ctx, `全部 ${result.total} 行检查通过，可以正式导入。`, `All ${result.total} rows passed the checks and can be imported.`)}</Notice>
          <table class="data-table">
            <caption>{tx(ctx, `前 ${result.preview.length} 行预览`, `Preview of the first ${result.preview.length} rows`)}</caption>
            <thead><tr><th scope="col">{tx(ctx, '行号', 'Row')}</th><th scope="col">{tx(ctx, '索引号', 'Index number')}</th><th scope="col">{tx(ctx, '标题', 'Title')}</th><th scope="col">{tx(ctx, '主题分类', 'Category')}</th><th scope="col">{tx(ctx, '成文日期', 'Date created')}</th><th scope="col">{tx(ctx, '发布日期', 'Date published')}</th></tr></thead>
            <tbody>
              {result.preview.map((p) => <tr><td>{p.row}</td><td>{p.indexNumber}</td><td>{p.title}</td><td>{p.category}</td><td>{formatDate(p.createdOn, ctx.lang)}</td><td>{formatDate(p.publishedOn, ctx.lang)}</td></tr>)}
            </tbody>
          </table>
        </section>
      )}
      {errors.length > 0 && (
        <>
          <Notice kind="error">{tx(ctx, `有 ${new Set(errors.map((e) => e.row)).size} 行存在错误，整个文件未导入。请改正后重新上传。`, `${new Set(errors.map((e) => e.row)).size} rows have errors; nothing in the file was imported. Correct them and upload the file again.`)}</Notice>
          <ErrorTable ctx={ctx} errors={errors} />
        </>
      )}
    </ConsoleLayout>
  );
}
