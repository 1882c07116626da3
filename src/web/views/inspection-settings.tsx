// Settings of the site inspection (issue 9): the columns and their update periods, the text rules
// (the agency's and the platform's), the external-link switch; and the text check staff use before
// publishing.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { GENRES } from '../../domain/document-catalog.ts';
import { COLUMN_KIND_LABELS, PERIOD_UNIT_LABELS, type ColumnKind, type PeriodUnit } from '../../domain/inspection.ts';
import { TEXT_RULE_KINDS, TEXT_RULE_SEVERITY_LABELS, type TextRuleSeverity } from '../../domain/text-rules.ts';
import type { ColumnConfig, TaxonomyChoices, TextRuleView } from '../../services/inspection-settings.service.ts';
import type { TextCheckHit } from '../../services/inspection.service.ts';
import { tx, type Lang } from '../i18n/index.ts';
import {
  CheckGroup, Done, FormErrors, SelectField, TextAreaField, TextField, columnKindLabel, emptyForm, periodLabel, periodUnitLabel,
  textRuleKindLabel, textRuleKindOption, textRuleSeverityLabel, type FormState,
} from './inspection-common.tsx';

type WithLang = { lang: Lang };
const kindOptions = (ctx: WithLang) => (Object.keys(COLUMN_KIND_LABELS) as ColumnKind[]).map((k) => [k, columnKindLabel(ctx, k)] as const);
const unitOptions = (ctx: WithLang) => (Object.keys(PERIOD_UNIT_LABELS) as PeriodUnit[]).map((u) => [u, periodUnitLabel(ctx, u)] as const);
const severityOptions = (ctx: WithLang) => (Object.keys(TEXT_RULE_SEVERITY_LABELS) as TextRuleSeverity[]).map((s) => [s, textRuleSeverityLabel(ctx, s)] as const);

/** Where a column's items come from, in English (the Chinese is describeColumn's, handed in by the route). */
function describeColumnEn(c: ColumnConfig, taxonomy: TaxonomyChoices): string {
  const name = (list: { code: string; name: string }[], code: string) => list.find((x) => x.code === code)?.name ?? code;
  const parts = [`${columnKindLabel({ lang: 'en' }, c.kind)}, to be updated within ${periodLabel({ lang: 'en' }, c.periodValue, c.periodUnit)}`];
  if (c.categories.length) parts.push(`categories: ${c.categories.map((x) => name(taxonomy.categories, x)).join(', ')}`);
  if (c.topics.length) parts.push(`topics: ${c.topics.map((x) => name(taxonomy.topics, x)).join(', ')}`);
  if (c.genres.length) parts.push(`genres: ${c.genres.join(', ')}`);
  return parts.join('; ');
}

export function columnForm(c: ColumnConfig): FormState {
  return emptyForm({ name: c.name, kind: c.kind, periodValue: String(c.periodValue), periodUnit: c.periodUnit, categories: c.categories, topics: c.topics, genres: c.genres });
}

function ColumnFields({ ctx, form, idPrefix, taxonomy }: { ctx: PageContext; form: FormState; idPrefix: string; taxonomy: TaxonomyChoices }) {
  return (
    <>
      <TextField form={form} name="name" id={`${idPrefix}-name`} label={tx(ctx, '栏目名称', 'Column name')} required maxLength={20} />
      <SelectField form={form} name="kind" id={`${idPrefix}-kind`} label={tx(ctx, '栏目类型', 'Column type')} options={kindOptions(ctx)}
        hint={tx(ctx, '动态要闻类2周、通知公告和政策文件类6个月内未更新即计入“栏目不更新”（累计5个单项否决）', 'News columns not updated within 2 weeks, and notice and policy columns not updated within 6 months, count as “columns not updated” (5 of them are a veto item)')} />
      <div class="period-fields">
        <TextField form={form} name="periodValue" id={`${idPrefix}-periodValue`} label={tx(ctx, '更新周期', 'Update period')} required maxLength={3} inputMode="numeric" />
        <SelectField form={form} name="periodUnit" id={`${idPrefix}-periodUnit`} label={tx(ctx, '单位', 'Unit')} options={unitOptions(ctx)} />
      </div>
      <CheckGroup form={form} name="categories" idPrefix={idPrefix} legend={tx(ctx, '主题分类', 'Categories')} options={taxonomy.categories.map((c) => [c.code, c.name] as const)} />
      <CheckGroup form={form} name="topics" idPrefix={idPrefix} legend={tx(ctx, '专题', 'Topics')} options={taxonomy.topics.map((c) => [c.code, c.name] as const)} />
      <CheckGroup form={form} name="genres" idPrefix={idPrefix} legend={tx(ctx, '体裁', 'Genres')} options={GENRES.map((g) => [g, g] as const)} />
    </>
  );
}

function RuleRows({ ctx, rules, canDelete }: { ctx: PageContext; rules: TextRuleView[]; canDelete: boolean }) {
  if (rules.length === 0) return <p class="empty">{tx(ctx, '暂无规则。', 'No rules yet.')}</p>;
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">{tx(ctx, '类别', 'Kind')}</th><th scope="col">{tx(ctx, '表述', 'Wording')}</th><th scope="col">{tx(ctx, '正确写法', 'Correct form')}</th>
          <th scope="col">{tx(ctx, '严重程度', 'Severity')}</th><th scope="col">{tx(ctx, '说明', 'Note')}</th>{canDelete && <th scope="col">{tx(ctx, '操作', 'Actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr>
            <td>{textRuleKindLabel(ctx, r.kind)}</td>
            <th scope="row">{r.pattern}</th>
            <td>{r.replacement}</td>
            <td>{textRuleSeverityLabel(ctx, r.severity)}</td>
            <td>{r.note}</td>
            {canDelete && (
              <td>
                <form method="post" action={`/console/inspection/settings/rules/${r.id}/delete`} class="inline">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="linklike">{tx(ctx, '删除', 'Delete')}<span class="visually-hidden">{tx(ctx, `规则“${r.pattern}”`, ` rule “${r.pattern}”`)}</span></button>
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
    <ConsoleLayout ctx={ctx} title={tx(ctx, '网站检查设置', 'Inspection settings')} active="/console/inspection">
      <h1>{tx(ctx, '网站检查设置：', 'Inspection settings: ')}{props.agencyName}</h1>
      <p><a href="/console/inspection">{tx(ctx, '返回网站自查', 'Back to the site inspection')}</a></p>
      <Done text={props.done} />

      <section aria-labelledby="columns-h">
        <h2 id="columns-h">{tx(ctx, '栏目及更新周期', 'Columns and update periods')}</h2>
        <p class="hint">{tx(ctx, '每个栏目由所选主题分类、专题或体裁的已发布信息组成（任一符合即属于该栏目）。检查时，在更新周期内没有发布信息的栏目计为未更新，从未有信息的栏目计为空白栏目。', 'A column is made of the published information in the chosen categories, topics or genres (any one is enough). A column with nothing published within its update period counts as not updated; one that never had anything counts as empty.')}</p>
        {props.isDefault && (
          <div class="notice notice-ok" role="status">
            <p>{tx(ctx, '本机关尚未设置栏目，目前按默认栏目检查：通知公告类（体裁为通知、公告）和政策文件类各6个月内须更新；设有“动态”“要闻”类分类的，2周内须更新。', 'This agency has not set up its columns, so the default columns are checked: notices and announcements (genres 通知 and 公告) and policy documents must each be updated within 6 months; categories such as 动态 or 要闻 (news), within 2 weeks.')}</p>
            <form method="post" action="/console/inspection/settings/columns/adopt" class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit" class="button button-secondary">{tx(ctx, '采用默认栏目并逐项修改', 'Adopt the default columns and edit them')}</button>
            </form>
          </div>
        )}
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{tx(ctx, '栏目', 'Column')}</th><th scope="col">{tx(ctx, '类型', 'Type')}</th><th scope="col">{tx(ctx, '更新周期', 'Update period')}</th>
              <th scope="col">{tx(ctx, '内容来源', 'Content from')}</th>{!props.isDefault && <th scope="col">{tx(ctx, '操作', 'Actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {props.columns.map((c) => {
              const editing = props.editing && props.editing.id === c.id ? props.editing.form : undefined;
              return (
                <tr id={c.id ? `col-${c.id}` : undefined}>
                  <th scope="row">{c.name}</th>
                  <td>{columnKindLabel(ctx, c.kind)}</td>
                  <td>{periodLabel(ctx, c.periodValue, c.periodUnit)}</td>
                  <td>{ctx.lang === 'en' ? describeColumnEn(c, taxonomy) : props.describe(c)}</td>
                  {!props.isDefault && c.id !== null && (
                    <td>
                      <details open={editing !== undefined}>
                        <summary>{tx(ctx, '修改', 'Edit')}<span class="visually-hidden">{tx(ctx, `栏目“${c.name}”`, ` column “${c.name}”`)}</span></summary>
                        <form method="post" action={`/console/inspection/settings/columns/${c.id}`} class="column-form">
                          <CsrfField ctx={ctx} />
                          {editing && <FormErrors ctx={ctx} form={editing} idPrefix={`col${c.id}`} />}
                          <ColumnFields ctx={ctx} form={editing ?? columnForm(c)} idPrefix={`col${c.id}`} taxonomy={taxonomy} />
                          <button type="submit" class="primary">{tx(ctx, '保存', 'Save')}</button>
                        </form>
                      </details>
                      <form method="post" action={`/console/inspection/settings/columns/${c.id}/delete`} class="inline">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="linklike">{tx(ctx, '删除', 'Delete')}<span class="visually-hidden">{tx(ctx, `栏目“${c.name}”`, ` column “${c.name}”`)}</span></button>
                      </form>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        <details open={props.columnForm !== undefined}>
          <summary>{tx(ctx, '添加栏目', 'Add a column')}</summary>
          <form method="post" action="/console/inspection/settings/columns" class="column-form">
            <CsrfField ctx={ctx} />
            {props.columnForm && <FormErrors ctx={ctx} form={props.columnForm} idPrefix="newcol" />}
            <ColumnFields ctx={ctx} form={addForm} idPrefix="newcol" taxonomy={taxonomy} />
            <button type="submit" class="primary">{tx(ctx, '添加', 'Add')}</button>
          </form>
        </details>
      </section>

      <section aria-labelledby="rules-h">
        <h2 id="rules-h">{tx(ctx, '文字规则', 'Text rules')}</h2>
        <p class="hint">{tx(ctx, '检查标题和正文中的禁用或敏感表述、易错词（如领导姓名、机构旧称）。繁体、全角、夹有空格的写法同样能查出。“严重”对应单项否决（严重错别字、严重表述错误），“一般”扣分。', 'Titles and texts are checked for forbidden or sensitive wording and commonly miswritten words (such as leaders\' names or former names of institutions), also when written in Traditional characters, full-width or with spaces in between. “Serious” is a veto item (serious typos, serious misstatements); “Ordinary” deducts points.')}</p>
        <h3>{tx(ctx, '本机关的规则', 'This agency\'s rules')}</h3>
        <RuleRows ctx={ctx} rules={props.rules.agency} canDelete />
        <h3>{tx(ctx, '全平台规则', 'Platform-wide rules')}</h3>
        <RuleRows ctx={ctx} rules={props.rules.platform} canDelete={props.isSysadmin} />
        <details open={props.ruleForm !== undefined}>
          <summary>{tx(ctx, '添加规则', 'Add a rule')}</summary>
          <form method="post" action="/console/inspection/settings/rules" class="rule-form">
            <CsrfField ctx={ctx} />
            {props.ruleForm && <FormErrors ctx={ctx} form={props.ruleForm} idPrefix="rule" />}
            {props.isSysadmin && <SelectField form={ruleForm} name="scope" id="rule-scope" label={tx(ctx, '适用范围', 'Applies to')} options={[['agency', tx(ctx, '本机关', 'This agency')], ['platform', tx(ctx, '全平台', 'The whole platform')]]} />}
            <SelectField form={ruleForm} name="kind" id="rule-kind" label={tx(ctx, '类别', 'Kind')} options={TEXT_RULE_KINDS.map((k) => [k.code, textRuleKindOption(ctx, k)] as const)} />
            <TextField form={ruleForm} name="pattern" id="rule-pattern" label={tx(ctx, '要查找的表述', 'Wording to look for')} required maxLength={50} />
            <TextField form={ruleForm} name="replacement" id="rule-replacement" label={tx(ctx, '正确写法', 'Correct form')} hint={tx(ctx, '易错词必填；禁用表述可填建议写法', 'Required for a miswritten word; for forbidden wording, a suggested alternative may be given')} maxLength={50} />
            <SelectField form={ruleForm} name="severity" id="rule-severity" label={tx(ctx, '严重程度', 'Severity')} options={severityOptions(ctx)} />
            <TextField form={ruleForm} name="note" id="rule-note" label={tx(ctx, '说明', 'Note')} maxLength={100} />
            <button type="submit" class="primary">{tx(ctx, '添加规则', 'Add the rule')}</button>
          </form>
        </details>
      </section>

      <section aria-labelledby="external-h">
        <h2 id="external-h">{tx(ctx, '外部链接检查', 'External link check')}</h2>
        <p>{tx(ctx, `每日检查时${props.externalLinks ? '检查' : '不检查'}外部链接。检查时逐个发送 HEAD 请求（每次间隔1秒，10秒无响应即视为不可用），只访问信息正文中写明的地址，不跟随跳转。在不能访问互联网的网络中应关闭。`, `External links are ${props.externalLinks ? '' : 'not '}checked in the daily inspection. Each is sent a HEAD request (one a second; no answer within 10 seconds counts as broken); only addresses written in the texts are visited, and redirects are not followed. Turn this off on networks without internet access.`)}</p>
        {props.isSysadmin && (
          <form method="post" action="/console/inspection/settings/external" class="inline">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="on" value={props.externalLinks ? '0' : '1'} />
            <button type="submit" class="button button-secondary">{props.externalLinks ? tx(ctx, '关闭外部链接检查', 'Turn off the external link check') : tx(ctx, '开启外部链接检查', 'Turn on the external link check')}</button>
          </form>
        )}
      </section>
    </ConsoleLayout>
  );
}

/** describeHit (domain/text-rules.ts) in English. */
function hitMessageEn(h: TextCheckHit): string {
  if (h.kind === 'miswriting') return `“${h.found}” should be “${h.replacement}”`;
  return `Forbidden or sensitive wording “${h.found}”${h.replacement ? ` (suggested: “${h.replacement}”)` : ''}`;
}

export function TextCheckPage(props: { ctx: PageContext; form: FormState; hits: TextCheckHit[] | null }) {
  const { ctx, form, hits } = props;
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '文字检查', 'Text check')} active="/console/inspection">
      <h1>{tx(ctx, '文字检查', 'Text check')}</h1>
      <p>
        {tx(ctx, '发布前检查标题和正文是否有禁用或敏感表述、易错词（按本机关和全平台的文字规则）。', 'Before publishing, check a title and text for forbidden or sensitive wording and commonly miswritten words (by this agency\'s and the platform\'s text rules). ')}
        <a href="/console/inspection">{tx(ctx, '返回网站自查', 'Back to the site inspection')}</a>
      </p>
      <form method="post" action="/console/inspection/check-text">
        <CsrfField ctx={ctx} />
        <FormErrors ctx={ctx} form={form} />
        <TextField form={form} name="title" label={tx(ctx, '标题', 'Title')} maxLength={500} />
        <TextAreaField form={form} name="body" label={tx(ctx, '正文', 'Text')} rows={10} maxLength={200_000} />
        <button type="submit" class="primary">{tx(ctx, '检查', 'Check')}</button>
      </form>
      {hits !== null && (
        <section aria-labelledby="hits-h" aria-live="polite">
          <h2 id="hits-h">{tx(ctx, '检查结果', 'Result')}</h2>
          {hits.length === 0 ? <p class="notice notice-ok">{tx(ctx, '未发现问题。', 'No problems found.')}</p> : (
            <table class="data-table">
              <thead><tr><th scope="col">{tx(ctx, '位置', 'Where')}</th><th scope="col">{tx(ctx, '问题', 'Problem')}</th><th scope="col">{tx(ctx, '严重程度', 'Severity')}</th><th scope="col">{tx(ctx, '上下文', 'Context')}</th></tr></thead>
              <tbody>
                {hits.map((h) => (
                  <tr>
                    <td>{h.field === 'title' ? tx(ctx, '标题', 'Title') : tx(ctx, '正文', 'Text')}</td>
                    <th scope="row">{ctx.lang === 'en' ? hitMessageEn(h) : h.message}</th>
                    <td>{textRuleSeverityLabel(ctx, h.severity)}</td>
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
