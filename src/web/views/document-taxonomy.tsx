import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Notice } from './components.tsx';
import { DocumentTabs } from './document-common.tsx';
import type { PageContext } from '../render.tsx';
import { tx } from '../i18n/index.ts';
import type { DocumentCategory } from '../../db/schema.ts';

export interface TaxonomyPageProps {
  ctx: PageContext;
  categories: DocumentCategory[];
  topics: DocumentCategory[];
  notice?: string;
  error?: string;
  errors?: Record<string, string>;
}

function Section({ ctx, kind, title, rows, errors }: { ctx: PageContext; kind: 'category' | 'topic'; title: string; rows: DocumentCategory[]; errors: Record<string, string> }) {
  return (
    <section class="card" aria-labelledby={`tax-${kind}`}>
      <h2 id={`tax-${kind}`}>{title}</h2>
      <table class="data-table">
        <caption class="visually-hidden">{title}</caption>
        <thead><tr><th scope="col">{tx(ctx, '代码', 'Code')}</th><th scope="col">{tx(ctx, '名称', 'Name')}</th><th scope="col">{tx(ctx, '操作', 'Actions')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td><code>{r.code}</code></td>
              <td>
                <form method="post" action={`/console/documents/taxonomy/${kind}/${r.id}`} class="tax-rename">
                  <CsrfField ctx={ctx} />
                  <label for={`tax-${kind}-${r.id}`} class="visually-hidden">{tx(ctx, `${r.code} 的名称`, `Name of ${r.code}`)}</label>
                  <input type="text" id={`tax-${kind}-${r.id}`} name="name" value={r.name} maxLength={100} required />
                  <button type="submit" class="button button-secondary">{tx(ctx, '改名', 'Rename')}</button>
                </form>
              </td>
              <td>
                <form method="post" action={`/console/documents/taxonomy/${kind}/${r.id}/delete`} class="inline">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="linklike">{tx(ctx, '删除', 'Delete')}<span class="visually-hidden"> {r.name}</span></button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action={`/console/documents/taxonomy/${kind}`} class="tax-add">
        <CsrfField ctx={ctx} />
        <div class="form-row">
          <label for={`new-${kind}-code`}>{tx(ctx, '代码', 'Code')}</label>
          <input type="text" id={`new-${kind}-code`} name="code" maxLength={32} required pattern="[a-z0-9][a-z0-9_\-]*" aria-describedby={`new-${kind}-hint`} />
          {errors[`${kind}.code`] && <p class="field-error" role="alert">{errors[`${kind}.code`]}</p>}
        </div>
        <div class="form-row">
          <label for={`new-${kind}-name`}>{tx(ctx, '名称', 'Name')}</label>
          <input type="text" id={`new-${kind}-name`} name="name" maxLength={100} required />
          {errors[`${kind}.name`] && <p class="field-error" role="alert">{errors[`${kind}.name`]}</p>}
        </div>
        <p class="hint" id={`new-${kind}-hint`}>{tx(ctx, '代码用于网址、接口和索引号规则（小写字母、数字），设定后不再修改。', 'The code is used in web addresses, the API and index number rules (lower-case letters and digits); it cannot be changed once set.')}</p>
        <button type="submit" class="primary">{tx(ctx, `新增${title}`, kind === 'category' ? 'Add a category' : 'Add a topic')}</button>
      </form>
    </section>
  );
}

/** Per-agency subject categories (主题分类) and topics (专题). */
export function TaxonomyPage(props: TaxonomyPageProps) {
  const { ctx } = props;
  const errors = props.errors ?? {};
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '分类与专题', 'Categories and topics')} active="/console/documents">
      <h1>{tx(ctx, '主题分类与专题', 'Categories and topics')}</h1>
      <DocumentTabs ctx={ctx} active="/console/documents/taxonomy" />
      <p class="hint">{tx(ctx, '已有文件使用的分类和专题只能改名，不能删除。', 'Categories and topics used by documents can be renamed but not deleted.')}</p>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <Section ctx={ctx} kind="category" title={tx(ctx, '主题分类', 'Categories')} rows={props.categories} errors={errors} />
      <Section ctx={ctx} kind="topic" title={tx(ctx, '专题', 'Topics')} rows={props.topics} errors={errors} />
    </ConsoleLayout>
  );
}
