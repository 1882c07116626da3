import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import { DocumentTabs, art20Option, disclosureOption, groundOption, validityOption } from './document-common.tsx';
import type { PageContext } from '../render.tsx';
import { tx } from '../i18n/index.ts';
import { GENRES } from '../../domain/document-catalog.ts';
import { ART20_CLASSES, DISCLOSURE_ATTRIBUTES, NON_DISCLOSURE_GROUNDS, VALIDITY } from '../../domain/document-workflow.ts';
import type { DocumentFormOptions } from '../../services/document-query.service.ts';

export type FormValues = Record<string, string | string[] | undefined>;

export interface DocumentFormProps {
  ctx: PageContext;
  options: DocumentFormOptions;
  values: FormValues;
  errors?: Record<string, string>;
  error?: string;
  /** Editing an existing document (else registering a new one). */
  edit?: { id: number; title: string };
}

function v(values: FormValues, key: string): string {
  const x = values[key];
  return Array.isArray(x) ? x[0] ?? '' : x ?? '';
}

function list(values: FormValues, key: string): string[] {
  const x = values[key];
  return Array.isArray(x) ? x : x ? [x] : [];
}

/** The registration form (登记) for a new document or a change before review. */
export function DocumentFormPage(props: DocumentFormProps) {
  const { ctx, options, values, edit } = props;
  const e = props.errors ?? {};
  const title = edit ? tx(ctx, `修改：${edit.title}`, `Edit: ${edit.title}`) : tx(ctx, '登记文件', 'Register a document');
  const action = edit ? `/console/documents/${edit.id}` : '/console/documents';
  const topics = list(values, 'topics');
  const disclosure = v(values, 'disclosure') || 'proactive';
  return (
    <ConsoleLayout ctx={ctx} title={title} active="/console/documents">
      <h1>{title}</h1>
      <DocumentTabs ctx={ctx} active={edit ? '' : '/console/documents/new'} />
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <form method="post" action={action} class="doc-form" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{tx(ctx, '基本信息', 'Basic information')}</legend>
          <Field id="d-title" label={tx(ctx, '标题', 'Title')} required error={e.title}>
            <input type="text" id="d-title" name="title" value={v(values, 'title')} maxLength={500} required aria-invalid={e.title ? 'true' : undefined} class="wide" />
          </Field>
          <Field id="d-docNumber" label={tx(ctx, '发文字号', 'Document number')} hint={tx(ctx, '如：洪教发〔2026〕12号；没有文号的留空', 'For example 洪教发〔2026〕12号; leave empty if the document has none')} error={e.docNumber}>
            <input type="text" id="d-docNumber" name="docNumber" value={v(values, 'docNumber')} maxLength={100} aria-describedby="d-docNumber-hint" />
          </Field>
          <Field id="d-createdOn" label={tx(ctx, '成文日期', 'Date created')} required hint={tx(ctx, '主动公开的期限（20个工作日）从成文日期起算', 'The proactive disclosure deadline (20 working days) runs from this date')} error={e.createdOn}>
            <input type="date" id="d-createdOn" name="createdOn" value={v(values, 'createdOn')} required aria-describedby="d-createdOn-hint" aria-invalid={e.createdOn ? 'true' : undefined} />
          </Field>
          {options.chooseDepartment
            ? (
              <Field id="d-department" label={tx(ctx, '起草部门', 'Drafting department')} error={e.departmentId}>
                <select id="d-department" name="departmentId">
                  <option value="">{tx(ctx, '（未指定）', '(not specified)')}</option>
                  {options.departments.map((d) => <option value={String(d.id)} selected={v(values, 'departmentId') === String(d.id)}>{d.name}</option>)}
                </select>
              </Field>
            )
            : <p class="hint">{tx(ctx, '起草部门：您所在的科室。', 'Drafting department: your own section.')}</p>}
        </fieldset>

        <fieldset>
          <legend>{tx(ctx, '分类', 'Classification')}</legend>
          <Field id="d-category" label={tx(ctx, '主题分类', 'Category')} required error={e.category}>
            <select id="d-category" name="category" required aria-invalid={e.category ? 'true' : undefined}>
              <option value="">{tx(ctx, '请选择', 'Choose')}</option>
              {options.categories.map((c) => <option value={String(c.id)} selected={v(values, 'category') === String(c.id)}>{c.name}</option>)}
            </select>
          </Field>
          <Field id="d-genre" label={tx(ctx, '体裁', 'Genre')} required error={e.genre}>
            <select id="d-genre" name="genre" required aria-invalid={e.genre ? 'true' : undefined}>
              <option value="">{tx(ctx, '请选择', 'Choose')}</option>
              {GENRES.map((g) => <option value={g} selected={v(values, 'genre') === g}>{g}</option>)}
            </select>
          </Field>
          <fieldset class="checks">
            <legend>{tx(ctx, '专题', 'Topics')}</legend>
            {e.topics && <p class="field-error" role="alert">{e.topics}</p>}
            {options.topics.map((t) => (
              <label><input type="checkbox" name="topics" value={String(t.id)} checked={topics.includes(String(t.id))} /> {t.name}</label>
            ))}
          </fieldset>
          <Field id="d-keywords" label={tx(ctx, '关键词', 'Keywords')} hint={tx(ctx, '以空格或顿号分隔', 'Separated by spaces or 、')} error={e.keywords}>
            <input type="text" id="d-keywords" name="keywords" value={v(values, 'keywords')} maxLength={500} aria-describedby="d-keywords-hint" />
          </Field>
          <Field id="d-art20" label={tx(ctx, '条例第二十条第（一）项类别', 'Class under Article 20(1) of the Regulations')} hint={tx(ctx, '年度报告第二项按此统计规章和行政规范性文件', 'Section 2 of the annual report counts rules and normative documents by this class')} error={e.art20Class}>
            <select id="d-art20" name="art20Class" aria-describedby="d-art20-hint">
              {ART20_CLASSES.map((a) => <option value={a.code} selected={(v(values, 'art20Class') || 'none') === a.code}>{art20Option(ctx, a)}</option>)}
            </select>
          </Field>
          <p class="check-row">
            <label><input type="checkbox" name="inRulesColumn" value="1" checked={v(values, 'inRulesColumn') === '1'} /> {tx(ctx, '同时列入“政府信息公开制度”栏目', 'Also list under “Disclosure rules”')}</label>
          </p>
        </fieldset>

        <fieldset>
          <legend>{tx(ctx, '内容', 'Content')}</legend>
          <Field id="d-summary" label={tx(ctx, '内容概述', 'Summary')} hint={tx(ctx, '目录中显示的简要说明（条例第十二条）', 'The short description shown in the catalog (Article 12 of the Regulations on Open Government Information)')} error={e.summary}>
            <textarea id="d-summary" name="summary" rows={3} maxLength={5000} aria-describedby="d-summary-hint">{v(values, 'summary')}</textarea>
          </Field>
          <Field id="d-body" label={tx(ctx, '正文', 'Text')} hint={tx(ctx, '可直接输入文字（每行一段），也可粘贴网页格式；只保留段落、加粗、列表、表格、标题和链接，其余格式和脚本一律清除', 'Type the text (one paragraph a line) or paste formatted web content; only paragraphs, bold, lists, tables, headings and links are kept, all other formatting and scripts are removed')} error={e.body}>
            <textarea id="d-body" name="body" rows={14} class="wide" aria-describedby="d-body-hint">{v(values, 'body')}</textarea>
          </Field>
        </fieldset>

        <fieldset>
          <legend>{tx(ctx, '公开', 'Disclosure')}</legend>
          <fieldset class="checks">
            <legend>{tx(ctx, '公开属性', 'Disclosure')} <span aria-hidden="true" class="required">*</span></legend>
            {DISCLOSURE_ATTRIBUTES.map((a) => (
              <label><input type="radio" name="disclosure" value={a.code} checked={disclosure === a.code} /> {disclosureOption(ctx, a)}</label>
            ))}
          </fieldset>
          <Field id="d-ground" label={tx(ctx, '不公开（依申请公开）的依据', 'Ground for not publishing (disclosure on application)')} hint={tx(ctx, '公开属性为依申请公开或不予公开时必选（条例第十四条至第十六条）', 'Required when the document is disclosed on application or not disclosed (Articles 14–16 of the Regulations on Open Government Information)')} error={e.withheldGround}>
            <select id="d-ground" name="withheldGround" aria-describedby="d-ground-hint" aria-invalid={e.withheldGround ? 'true' : undefined}>
              <option value="">{tx(ctx, '（无）', '(none)')}</option>
              {NON_DISCLOSURE_GROUNDS.map((g) => <option value={g.code} selected={v(values, 'withheldGround') === g.code}>{groundOption(ctx, g)}</option>)}
            </select>
          </Field>
          <Field id="d-scope" label={tx(ctx, '公开范围', 'Audience')} error={e.disclosureScope}>
            <input type="text" id="d-scope" name="disclosureScope" value={v(values, 'disclosureScope') || '面向社会'} maxLength={200} />
          </Field>
          <Field id="d-channel" label={tx(ctx, '公开方式', 'Published through')} error={e.disclosureChannel}>
            <input type="text" id="d-channel" name="disclosureChannel" value={v(values, 'disclosureChannel') || '政府网站'} maxLength={200} />
          </Field>
          <Field id="d-scheduled" label={tx(ctx, '定时发布日期', 'Scheduled publication date')} hint={tx(ctx, '审核通过后在该日自动发布；留空由公开办发布', 'Once approved, published automatically on this day; leave empty for the disclosure office to publish')} error={e.scheduledOn}>
            <input type="date" id="d-scheduled" name="scheduledOn" value={v(values, 'scheduledOn')} aria-describedby="d-scheduled-hint" />
          </Field>
        </fieldset>

        <fieldset>
          <legend>{tx(ctx, '有效性与关联', 'Validity and related documents')}</legend>
          <Field id="d-validity" label={tx(ctx, '有效性', 'Validity')} error={e.validity}>
            <select id="d-validity" name="validity">
              {VALIDITY.map((x) => <option value={x.code} selected={(v(values, 'validity') || 'valid') === x.code}>{validityOption(ctx, x)}</option>)}
            </select>
          </Field>
          <Field id="d-replacedBy" label={tx(ctx, '替代文件', 'Replaced by')} hint={tx(ctx, '失效、废止或已修订时，链接到替代它的文件', 'When the document has expired, been repealed or amended, link the document that replaces it')} error={e.replacedById}>
            <select id="d-replacedBy" name="replacedById" aria-describedby="d-replacedBy-hint">
              <option value="">{tx(ctx, '（无）', '(none)')}</option>
              {options.linkable.filter((d) => d.id !== edit?.id).map((d) => <option value={String(d.id)} selected={v(values, 'replacedById') === String(d.id)}>{d.label}</option>)}
            </select>
          </Field>
          <Field id="d-interp" label={tx(ctx, '本文件解读的政策文件', 'Policy document this one interprets')} hint={tx(ctx, '政策解读文件选择其解读的原文件；两份文件的页面将互相链接', 'For a policy interpretation, choose the document it interprets; the pages of both will link to each other')} error={e.interpretationOfId}>
            <select id="d-interp" name="interpretationOfId" aria-describedby="d-interp-hint">
              <option value="">{tx(ctx, '（不是政策解读）', '(not a policy interpretation)')}</option>
              {options.linkable.filter((d) => d.id !== edit?.id).map((d) => <option value={String(d.id)} selected={v(values, 'interpretationOfId') === String(d.id)}>{d.label}</option>)}
            </select>
          </Field>
        </fieldset>

        <div class="form-actions">
          {edit
            ? <button type="submit" class="primary">{tx(ctx, '保存修改', 'Save changes')}</button>
            : (
              <>
                <button type="submit" name="intent" value="register" class="primary">{tx(ctx, '登记并分配索引号', 'Register and assign an index number')}</button>
                <button type="submit" name="intent" value="draft" class="button button-secondary">{tx(ctx, '保存为草稿', 'Save as draft')}</button>
              </>
            )}
          <a href={edit ? `/console/documents/${edit.id}` : '/console/documents'}>{tx(ctx, '取消', 'Cancel')}</a>
        </div>
      </form>
    </ConsoleLayout>
  );
}
