// Settings of the site inspection (issue 9): the columns and their update periods, the text rules
// (the agency's and the platform's), the external-link switch; and the text check staff use before
// publishing.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { GENRES } from '../../domain/document-catalog.ts';
import { COLUMN_KIND_LABELS, PERIOD_UNIT_LABELS, describePeriod } from '../../domain/inspection.ts';
import { TEXT_RULE_KINDS, TEXT_RULE_SEVERITY_LABELS } from '../../domain/text-rules.ts';
import type { ColumnConfig, TaxonomyChoices, TextRuleView } from '../../services/inspection-settings.service.ts';
import type { TextCheckHit } from '../../services/inspection.service.ts';
import { CheckGroup, Done, FormErrors, SelectField, TextAreaField, TextField, emptyForm, type FormState } from './inspection-common.tsx';

const KIND_OPTIONS = Object.entries(COLUMN_KIND_LABELS) as [string, string][];
const UNIT_OPTIONS = Object.entries(PERIOD_UNIT_LABELS) as [string, string][];
const SEVERITY_OPTIONS = Object.entries(TEXT_RULE_SEVERITY_LABELS) as [string, string][];

export function columnForm(c: ColumnConfig): FormState {
  return emptyForm({ name: c.name, kind: c.kind, periodValue: String(c.periodValue), periodUnit: c.periodUnit, categories: c.categories, topics: c.topics, genres: c.genres });
}

function ColumnFields({ form, idPrefix, taxonomy }: { form: FormState; idPrefix: string; taxonomy: TaxonomyChoices }) {
  return (
    <>
      <TextField form={form} name="name" id={`${idPrefix}-name`} label="栏目名称" required maxLength={20} />
      <SelectField form={form} name="kind" id={`${idPrefix}-kind`} label="栏目类型" options={KIND_OPTIONS} hint="动态要闻类2周、通知公告和政策文件类6个月内未更新即计入“栏目不更新”（累计5个单项否决）" />
      <div class="period-fields">
        <TextField form={form} name="periodValue" id={`${idPrefix}-periodValue`} label="更新周期" required maxLength={3} inputMode="numeric" />
        <SelectField form={form} name="periodUnit" id={`${idPrefix}-periodUnit`} label="单位" options={UNIT_OPTIONS} />
      </div>
      <CheckGroup form={form} name="categories" idPrefix={idPrefix} legend="主题分类" options={taxonomy.categories.map((c) => [c.code, c.name] as const)} />
      <CheckGroup form={form} name="topics" idPrefix={idPrefix} legend="专题" options={taxonomy.topics.map((c) => [c.code, c.name] as const)} />
      <CheckGroup form={form} name="genres" idPrefix={idPrefix} legend="体裁" options={GENRES.map((g) => [g, g] as const)} />
    </>
  );
}

function RuleRows({ ctx, rules, canDelete }: { ctx: PageContext; rules: TextRuleView[]; canDelete: boolean }) {
  if (rules.length === 0) return <p class="empty">暂无规则。</p>;
  return (
    <table class="data-table">
      <thead><tr><th scope="col">类别</th><th scope="col">表述</th><th scope="col">正确写法</th><th scope="col">严重程度</th><th scope="col">说明</th>{canDelete && <th scope="col">操作</th>}</tr></thead>
      <tbody>
        {rules.map((r) => (
          <tr>
            <td>{r.kindLabel}</td>
            <th scope="row">{r.pattern}</th>
            <td>{r.replacement}</td>
            <td>{r.severityLabel}</td>
            <td>{r.note}</td>
            {canDelete && (
              <td>
                <form method="post" action={`/console/inspection/settings/rules/${r.id}/delete`} class="inline">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="linklike">删除<span class="visually-hidden">规则“{r.pattern}”</span></button>
                </form>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SettingsPage(props: {
  ctx: PageContext;
  agencyName: string;
  columns: ColumnConfig[];
  isDefault: boolean;
  taxonomy: TaxonomyChoices;
  describe: (c: ColumnConfig) => string;
  rules: { agency: TextRuleView[]; platform: TextRuleView[] };
  externalLinks: boolean;
  isSysadmin: boolean;
  columnForm?: FormState;
  /** The id of the column whose form came back with errors. */
  editing?: { id: number; form: FormState };
  ruleForm?: FormState;
  done?: string | null;
}) {
  const { ctx, taxonomy } = props;
  const addForm = props.columnForm ?? emptyForm({ kind: 'other', periodValue: '6', periodUnit: 'month' });
  const ruleForm = props.ruleForm ?? emptyForm({ kind: 'forbidden', severity: 'deduct', scope: 'agency' });
  return (
    <ConsoleLayout ctx={ctx} title="网站检查设置" active="/console/inspection">
      <h1>网站检查设置：{props.agencyName}</h1>
      <p><a href="/console/inspection">返回网站自查</a></p>
      <Done text={props.done} />

      <section aria-labelledby="columns-h">
        <h2 id="columns-h">栏目及更新周期</h2>
        <p class="hint">每个栏目由所选主题分类、专题或体裁的已发布信息组成（任一符合即属于该栏目）。检查时，在更新周期内没有发布信息的栏目计为未更新，从未有信息的栏目计为空白栏目。</p>
        {props.isDefault && (
          <div class="notice notice-ok" role="status">
            <p>本机关尚未设置栏目，目前按默认栏目检查：通知公告类（体裁为通知、公告）和政策文件类各6个月内须更新；设有“动态”“要闻”类分类的，2周内须更新。</p>
            <form method="post" action="/console/inspection/settings/columns/adopt" class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit" class="button button-secondary">采用默认栏目并逐项修改</button>
            </form>
          </div>
        )}
        <table class="data-table">
          <thead><tr><th scope="col">栏目</th><th scope="col">类型</th><th scope="col">更新周期</th><th scope="col">内容来源</th>{!props.isDefault && <th scope="col">操作</th>}</tr></thead>
          <tbody>
            {props.columns.map((c) => {
              const editing = props.editing && props.editing.id === c.id ? props.editing.form : undefined;
              return (
                <tr id={c.id ? `col-${c.id}` : undefined}>
                  <th scope="row">{c.name}</th>
                  <td>{COLUMN_KIND_LABELS[c.kind]}</td>
                  <td>{describePeriod(c.periodValue, c.periodUnit)}</td>
                  <td>{props.describe(c)}</td>
                  {!props.isDefault && c.id !== null && (
                    <td>
                      <details open={editing !== undefined}>
                        <summary>修改<span class="visually-hidden">栏目“{c.name}”</span></summary>
                        <form method="post" action={`/console/inspection/settings/columns/${c.id}`} class="column-form">
                          <CsrfField ctx={ctx} />
                          {editing && <FormErrors form={editing} idPrefix={`col${c.id}`} />}
                          <ColumnFields form={editing ?? columnForm(c)} idPrefix={`col${c.id}`} taxonomy={taxonomy} />
                          <button type="submit" class="primary">保存</button>
                        </form>
                      </details>
                      <form method="post" action={`/console/inspection/settings/columns/${c.id}/delete`} class="inline">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="linklike">删除<span class="visually-hidden">栏目“{c.name}”</span></button>
                      </form>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        <details open={props.columnForm !== undefined}>
          <summary>添加栏目</summary>
          <form method="post" action="/console/inspection/settings/columns" class="column-form">
            <CsrfField ctx={ctx} />
            {props.columnForm && <FormErrors form={props.columnForm} idPrefix="newcol" />}
            <ColumnFields form={addForm} idPrefix="newcol" taxonomy={taxonomy} />
            <button type="submit" class="primary">添加</button>
          </form>
        </details>
      </section>

      <section aria-labelledby="rules-h">
        <h2 id="rules-h">文字规则</h2>
        <p class="hint">检查标题和正文中的禁用或敏感表述、易错词（如领导姓名、机构旧称）。繁体、全角、夹有空格的写法同样能查出。“严重”对应单项否决（严重错别字、严重表述错误），“一般”扣分。</p>
        <h3>本机关的规则</h3>
        <RuleRows ctx={ctx} rules={props.rules.agency} canDelete />
        <h3>全平台规则</h3>
        <RuleRows ctx={ctx} rules={props.rules.platform} canDelete={props.isSysadmin} />
        <details open={props.ruleForm !== undefined}>
          <summary>添加规则</summary>
          <form method="post" action="/console/inspection/settings/rules" class="rule-form">
            <CsrfField ctx={ctx} />
            {props.ruleForm && <FormErrors form={props.ruleForm} idPrefix="rule" />}
            {props.isSysadmin && <SelectField form={ruleForm} name="scope" id="rule-scope" label="适用范围" options={[['agency', '本机关'], ['platform', '全平台']]} />}
            <SelectField form={ruleForm} name="kind" id="rule-kind" label="类别" options={TEXT_RULE_KINDS.map((k) => [k.code, k.label] as const)} />
            <TextField form={ruleForm} name="pattern" id="rule-pattern" label="要查找的表述" required maxLength={50} />
            <TextField form={ruleForm} name="replacement" id="rule-replacement" label="正确写法" hint="易错词必填；禁用表述可填建议写法" maxLength={50} />
            <SelectField form={ruleForm} name="severity" id="rule-severity" label="严重程度" options={SEVERITY_OPTIONS} />
            <TextField form={ruleForm} name="note" id="rule-note" label="说明" maxLength={100} />
            <button type="submit" class="primary">添加规则</button>
          </form>
        </details>
      </section>

      <section aria-labelledby="external-h">
        <h2 id="external-h">外部链接检查</h2>
        <p>每日检查时{props.externalLinks ? '检查' : '不检查'}外部链接。检查时逐个发送 HEAD 请求（每次间隔1秒，10秒无响应即视为不可用），只访问信息正文中写明的地址，不跟随跳转。在不能访问互联网的网络中应关闭。</p>
        {props.isSysadmin && (
          <form method="post" action="/console/inspection/settings/external" class="inline">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="on" value={props.externalLinks ? '0' : '1'} />
            <button type="submit" class="button button-secondary">{props.externalLinks ? '关闭外部链接检查' : '开启外部链接检查'}</button>
          </form>
        )}
      </section>
    </ConsoleLayout>
  );
}

export function TextCheckPage(props: { ctx: PageContext; form: FormState; hits: TextCheckHit[] | null }) {
  const { ctx, form, hits } = props;
  return (
    <ConsoleLayout ctx={ctx} title="文字检查" active="/console/inspection">
      <h1>文字检查</h1>
      <p>发布前检查标题和正文是否有禁用或敏感表述、易错词（按本机关和全平台的文字规则）。<a href="/console/inspection">返回网站自查</a></p>
      <form method="post" action="/console/inspection/check-text">
        <CsrfField ctx={ctx} />
        <FormErrors form={form} />
        <TextField form={form} name="title" label="标题" maxLength={500} />
        <TextAreaField form={form} name="body" label="正文" rows={10} maxLength={200_000} />
        <button type="submit" class="primary">检查</button>
      </form>
      {hits !== null && (
        <section aria-labelledby="hits-h" aria-live="polite">
          <h2 id="hits-h">检查结果</h2>
          {hits.length === 0 ? <p class="notice notice-ok">未发现问题。</p> : (
            <table class="data-table">
              <thead><tr><th scope="col">位置</th><th scope="col">问题</th><th scope="col">严重程度</th><th scope="col">上下文</th></tr></thead>
              <tbody>
                {hits.map((h) => (
                  <tr>
                    <td>{h.field === 'title' ? '标题' : '正文'}</td>
                    <th scope="row">{h.message}</th>
                    <td>{TEXT_RULE_SEVERITY_LABELS[h.severity]}</td>
                    <td>{h.context}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </ConsoleLayout>
  );
}
