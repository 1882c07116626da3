import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Notice } from './components.tsx';
import { DocumentTabs } from './document-common.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate } from '../format.ts';
import { IMPORT_COLUMNS, type DryRunResult, type ImportMapping, type RowError } from '../../services/document-import.service.ts';

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

function ErrorTable({ errors }: { errors: RowError[] }) {
  const label = (f: RowError['field']) => IMPORT_COLUMNS.find((c) => c.field === f)?.header ?? '';
  const rows = new Set(errors.map((e) => e.row)).size;
  return (
    <section aria-labelledby="import-errors-title">
      <h2 id="import-errors-title">错误清单（{rows} 行，{errors.length} 处）</h2>
      <table class="data-table import-errors">
        <caption class="visually-hidden">导入文件中有误的行</caption>
        <thead><tr><th scope="col">行号</th><th scope="col">列</th><th scope="col">问题</th></tr></thead>
        <tbody>
          {errors.slice(0, MAX_ERRORS_SHOWN).map((e) => <tr><td>第 {e.row} 行</td><td>{label(e.field)}</td><td>{e.message}</td></tr>)}
        </tbody>
      </table>
      {errors.length > MAX_ERRORS_SHOWN && <p class="hint">仅显示前 {MAX_ERRORS_SHOWN} 处错误。</p>}
    </section>
  );
}

/** Import of an existing catalog: upload → map columns → dry run → import (all or nothing). */
export function ImportPage(props: ImportPageProps) {
  const { ctx, file, mapping = {}, result } = props;
  const errors = props.errors ?? result?.errors ?? [];
  return (
    <ConsoleLayout ctx={ctx} title="目录导入" active="/console/documents">
      <h1>导入已有公开目录</h1>
      <DocumentTabs ctx={ctx} active="/console/documents/import" />
      <p class="hint">
        将原网站导出的目录（Excel .xlsx 或 CSV）导入为已发布的主动公开信息，保留原索引号、成文日期和发布日期。
        导入前先试运行：任何一行有误，整个文件都不会导入。
      </p>
      <p>
        下载模板：<a href="/console/documents/import/template.xlsx">Excel 模板（含填写说明）</a>　<a href="/console/documents/import/template.csv">CSV 模板</a>
      </p>
      {props.error && <Notice kind="error">{props.error}</Notice>}

      <section class="card" aria-labelledby="step1">
        <h2 id="step1">第一步：上传文件</h2>
        <form method="post" action="/console/documents/import" enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <div class="form-row">
            <label for="import-file">目录文件（.xlsx 或 .csv）</label>
            <input type="file" id="import-file" name="file" required accept=".xlsx,.csv,text/csv" />
          </div>
          <button type="submit" class="button button-secondary">上传并识别列</button>
        </form>
      </section>

      {file && (
        <section class="card" aria-labelledby="step2">
          <h2 id="step2">第二步：核对列的对应关系</h2>
          <p>文件：{file.filename}，共 {file.rows} 行数据。系统已按表头自动对应，请核对。</p>
          <form method="post" action="/console/documents/import/check">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="sha256" value={file.sha256} />
            <input type="hidden" name="filename" value={file.filename} />
            <table class="data-table import-mapping">
              <caption class="visually-hidden">字段与文件列的对应关系</caption>
              <thead><tr><th scope="col">字段</th><th scope="col">文件中的列</th><th scope="col">说明</th></tr></thead>
              <tbody>
                {IMPORT_COLUMNS.map((c) => (
                  <tr>
                    <th scope="row"><label for={`map-${c.field}`}>{c.header}{c.required && <span class="required" aria-hidden="true"> *</span>}</label></th>
                    <td>
                      <select id={`map-${c.field}`} name={`map_${c.field}`}>
                        <option value="">（不导入）</option>
                        {file.headers.map((h, i) => <option value={String(i)} selected={mapping[c.field] === i}>{`第 ${i + 1} 列：${h || '（无表头）'}`}</option>)}
                      </select>
                    </td>
                    <td>{c.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div class="form-actions">
              <button type="submit" name="intent" value="check" class="button button-secondary">试运行（不导入）</button>
              {result && result.errors.length === 0 && (
                <button type="submit" name="intent" value="import" formaction="/console/documents/import/run" class="primary">正式导入 {result.total} 份文件</button>
              )}
            </div>
          </form>
        </section>
      )}

      {result && errors.length === 0 && (
        <section class="card" aria-labelledby="step3">
          <h2 id="step3">试运行结果</h2>
          <Notice kind="ok">全部 {result.total} 行检查通过，可以正式导入。</Notice>
          <table class="data-table">
            <caption>前 {result.preview.length} 行预览</caption>
            <thead><tr><th scope="col">行号</th><th scope="col">索引号</th><th scope="col">标题</th><th scope="col">主题分类</th><th scope="col">成文日期</th><th scope="col">发布日期</th></tr></thead>
            <tbody>
              {result.preview.map((p) => <tr><td>{p.row}</td><td>{p.indexNumber}</td><td>{p.title}</td><td>{p.category}</td><td>{formatDate(p.createdOn)}</td><td>{formatDate(p.publishedOn)}</td></tr>)}
            </tbody>
          </table>
        </section>
      )}
      {errors.length > 0 && (
        <>
          <Notice kind="error">有 {new Set(errors.map((e) => e.row)).size} 行存在错误，整个文件未导入。请改正后重新上传。</Notice>
          <ErrorTable errors={errors} />
        </>
      )}
    </ConsoleLayout>
  );
}
