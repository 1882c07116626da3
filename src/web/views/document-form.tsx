import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import { DocumentTabs } from './document-common.tsx';
import type { PageContext } from '../render.tsx';
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
  const title = edit ? `修改：${edit.title}` : '登记文件';
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
          <legend>基本信息</legend>
          <Field id="d-title" label="标题" required error={e.title}>
            <input type="text" id="d-title" name="title" value={v(values, 'title')} maxLength={500} required aria-invalid={e.title ? 'true' : undefined} class="wide" />
          </Field>
          <Field id="d-docNumber" label="发文字号" hint="如：洪教发〔2026〕12号；没有文号的留空" error={e.docNumber}>
            <input type="text" id="d-docNumber" name="docNumber" value={v(values, 'docNumber')} maxLength={100} aria-describedby="d-docNumber-hint" />
          </Field>
          <Field id="d-createdOn" label="成文日期" required hint="主动公开的期限（20个工作日）从成文日期起算" error={e.createdOn}>
            <input type="date" id="d-createdOn" name="createdOn" value={v(values, 'createdOn')} required aria-describedby="d-createdOn-hint" aria-invalid={e.createdOn ? 'true' : undefined} />
          </Field>
          {options.chooseDepartment
            ? (
              <Field id="d-department" label="起草部门" error={e.departmentId}>
                <select id="d-department" name="departmentId">
                  <option value="">（未指定）</option>
                  {options.departments.map((d) => <option value={String(d.id)} selected={v(values, 'departmentId') === String(d.id)}>{d.name}</option>)}
                </select>
              </Field>
            )
            : <p class="hint">起草部门：您所在的科室。</p>}
        </fieldset>

        <fieldset>
          <legend>分类</legend>
          <Field id="d-category" label="主题分类" required error={e.category}>
            <select id="d-category" name="category" required aria-invalid={e.category ? 'true' : undefined}>
              <option value="">请选择</option>
              {options.categories.map((c) => <option value={String(c.id)} selected={v(values, 'category') === String(c.id)}>{c.name}</option>)}
            </select>
          </Field>
          <Field id="d-genre" label="体裁" required error={e.genre}>
            <select id="d-genre" name="genre" required aria-invalid={e.genre ? 'true' : undefined}>
              <option value="">请选择</option>
              {GENRES.map((g) => <option value={g} selected={v(values, 'genre') === g}>{g}</option>)}
            </select>
          </Field>
          <fieldset class="checks">
            <legend>专题</legend>
            {e.topics && <p class="field-error" role="alert">{e.topics}</p>}
            {options.topics.map((t) => (
              <label><input type="checkbox" name="topics" value={String(t.id)} checked={topics.includes(String(t.id))} /> {t.name}</label>
            ))}
          </fieldset>
          <Field id="d-keywords" label="关键词" hint="以空格或顿号分隔" error={e.keywords}>
            <input type="text" id="d-keywords" name="keywords" value={v(values, 'keywords')} maxLength={500} aria-describedby="d-keywords-hint" />
          </Field>
          <Field id="d-art20" label="条例第二十条第（一）项类别" hint="年度报告第二项按此统计规章和行政规范性文件" error={e.art20Class}>
            <select id="d-art20" name="art20Class" aria-describedby="d-art20-hint">
              {ART20_CLASSES.map((a) => <option value={a.code} selected={(v(values, 'art20Class') || 'none') === a.code}>{a.label}</option>)}
            </select>
          </Field>
          <p class="check-row">
            <label><input type="checkbox" name="inRulesColumn" value="1" checked={v(values, 'inRulesColumn') === '1'} /> 同时列入“政府信息公开制度”栏目</label>
          </p>
        </fieldset>

        <fieldset>
          <legend>内容</legend>
          <Field id="d-summary" label="内容概述" hint="目录中显示的简要说明（条例第十二条）" error={e.summary}>
            <textarea id="d-summary" name="summary" rows={3} maxLength={5000} aria-describedby="d-summary-hint">{v(values, 'summary')}</textarea>
          </Field>
          <Field id="d-body" label="正文" hint="可直接输入文字（每行一段），也可粘贴网页格式；只保留段落、加粗、列表、表格、标题和链接，其余格式和脚本一律清除" error={e.body}>
            <textarea id="d-body" name="body" rows={14} class="wide" aria-describedby="d-body-hint">{v(values, 'body')}</textarea>
          </Field>
        </fieldset>

        <fieldset>
          <legend>公开</legend>
          <fieldset class="checks">
            <legend>公开属性 <span aria-hidden="true" class="required">*</span></legend>
            {DISCLOSURE_ATTRIBUTES.map((a) => (
              <label><input type="radio" name="disclosure" value={a.code} checked={disclosure === a.code} /> {a.label}</label>
            ))}
          </fieldset>
          <Field id="d-ground" label="不公开（依申请公开）的依据" hint="公开属性为依申请公开或不予公开时必选（条例第十四条至第十六条）" error={e.withheldGround}>
            <select id="d-ground" name="withheldGround" aria-describedby="d-ground-hint" aria-invalid={e.withheldGround ? 'true' : undefined}>
              <option value="">（无）</option>
              {NON_DISCLOSURE_GROUNDS.map((g) => <option value={g.code} selected={v(values, 'withheldGround') === g.code}>{g.label}（{g.article}）</option>)}
            </select>
          </Field>
          <Field id="d-scope" label="公开范围" error={e.disclosureScope}>
            <input type="text" id="d-scope" name="disclosureScope" value={v(values, 'disclosureScope') || '面向社会'} maxLength={200} />
          </Field>
          <Field id="d-channel" label="公开方式" error={e.disclosureChannel}>
            <input type="text" id="d-channel" name="disclosureChannel" value={v(values, 'disclosureChannel') || '政府网站'} maxLength={200} />
          </Field>
          <Field id="d-scheduled" label="定时发布日期" hint="审核通过后在该日自动发布；留空由公开办发布" error={e.scheduledOn}>
            <input type="date" id="d-scheduled" name="scheduledOn" value={v(values, 'scheduledOn')} aria-describedby="d-scheduled-hint" />
          </Field>
        </fieldset>

        <fieldset>
          <legend>有效性与关联</legend>
          <Field id="d-validity" label="有效性" error={e.validity}>
            <select id="d-validity" name="validity">
              {VALIDITY.map((x) => <option value={x.code} selected={(v(values, 'validity') || 'valid') === x.code}>{x.label}</option>)}
            </select>
          </Field>
          <Field id="d-replacedBy" label="替代文件" hint="失效、废止或已修订时，链接到替代它的文件" error={e.replacedById}>
            <select id="d-replacedBy" name="replacedById" aria-describedby="d-replacedBy-hint">
              <option value="">（无）</option>
              {options.linkable.filter((d) => d.id !== edit?.id).map((d) => <option value={String(d.id)} selected={v(values, 'replacedById') === String(d.id)}>{d.label}</option>)}
            </select>
          </Field>
          <Field id="d-interp" label="本文件解读的政策文件" hint="政策解读文件选择其解读的原文件；两份文件的页面将互相链接" error={e.interpretationOfId}>
            <select id="d-interp" name="interpretationOfId" aria-describedby="d-interp-hint">
              <option value="">（不是政策解读）</option>
              {options.linkable.filter((d) => d.id !== edit?.id).map((d) => <option value={String(d.id)} selected={v(values, 'interpretationOfId') === String(d.id)}>{d.label}</option>)}
            </select>
          </Field>
        </fieldset>

        <div class="form-actions">
          {edit
            ? <button type="submit" class="primary">保存修改</button>
            : (
              <>
                <button type="submit" name="intent" value="register" class="primary">登记并分配索引号</button>
                <button type="submit" name="intent" value="draft" class="button button-secondary">保存为草稿</button>
              </>
            )}
          <a href={edit ? `/console/documents/${edit.id}` : '/console/documents'}>取消</a>
        </div>
      </form>
    </ConsoleLayout>
  );
}
