// The annual report in the staff console: the list of years with the 31 January reminder, the
// workspace where the office writes the prose, enters figures with their source, checks the
// tables (each number links to its records) and submits; the supervising office's overview,
// review and consolidated tables.
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { tx } from '../i18n/index.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, SECTION_TITLES, type ApplicantColumnKey } from '../../domain/annual-report.ts';
import { REPORT_STATUS_LABELS_EN, deadlineLabel, reportDeadline, type DeadlineState, type ReportStatus } from '../../domain/report-workflow.ts';
import { ADJUSTABLE_COLUMNS, ADJUSTABLE_ROWS } from '../../domain/report-tables.ts';
import {
  FIGURE_KEYS,
  FIGURE_LABELS,
  type AdjustmentView,
  type DrillResult,
  type FigureKey,
  type ReportIndex,
  type ReportWorkspace,
  type SupervisionOverview,
} from '../../services/annual-report.service.ts';
import { ApplicationTableView, ProactiveTableView, Prose, ReviewTableView, applicantColumnLabel, applicationRowFullLabel, type CellHref } from './report-tables.tsx';

const ACTIVE = '/console/reports';

// The service builds its labels in Chinese and hands over the status and action keys with them;
// in English the console words those keys (REPORT_STATUS_LABELS_EN, HISTORY_EN).

/**
 * A report's status in the page's language: the service's Chinese label ('已发布', '已发布（存档）',
 * '尚未编制') as given, or the English for its status (null: no report yet), marked archived when
 * the label carries （存档）.
 */
function statusText(ctx: PageContext, status: ReportStatus | null, zh: string, archived = false): string {
  if (ctx.lang !== 'en') return zh;
  return `${status ? REPORT_STATUS_LABELS_EN[status] : 'Not started'}${archived ? ' (archived)' : ''}`;
}

/** The service's HISTORY_LABELS in English, by audit action. */
const HISTORY_EN: Readonly<Record<string, string>> = {
  'report.created': 'Created',
  'report.prose_saved': 'Text edited',
  'report.draft_generated': 'Overview draft generated',
  'report.figures_saved': 'Figures entered',
  'report.adjustment_added': 'Off-platform applications added',
  'report.adjustment_removed': 'Off-platform entry deleted',
  'report.submitted': 'Submitted for review',
  'report.returned': 'Returned for changes',
  'report.accepted': 'Accepted',
  'report.published': 'Published',
  'report.correction_started': 'Correction version created',
  'report.archived_imported': 'Archived report imported',
};

/** FIGURE_LABELS in English, worded as table 二's rows and columns are (report-tables.tsx). */
const FIGURE_EN: Readonly<Record<FigureKey, string>> = {
  licensing: 'Administrative licensing: decisions this year',
  penalty: 'Administrative penalties: decisions this year',
  coercion: 'Administrative compulsion: decisions this year',
  fees: 'Administrative and institutional fees: fees collected this year (10,000 yuan)',
};
const figureLabel = (ctx: PageContext, k: FigureKey) => (ctx.lang === 'en' ? FIGURE_EN[k] : FIGURE_LABELS[k]);

/** 'YYYY年1月31日' or '31 Jan YYYY' (Art. 49's deadline for the report on `year`). */
const deadlineText = (ctx: PageContext, year: number) => (ctx.lang === 'en' ? formatDate(reportDeadline(year), 'en') : deadlineLabel(year));

/** 一、总体情况 … 六、其他需要报告的事项; messages.ts has the same Chinese with English. */
const SECTION_KEYS = ['reports.s1', 'reports.s2', 'reports.s3', 'reports.s4', 'reports.s5', 'reports.s6'] as const;
const sectionTitle = (ctx: PageContext, i: number) => (ctx.lang === 'en' ? ctx.t(SECTION_KEYS[i]) : SECTION_TITLES[i]);

function DeadlineText({ ctx, year, state }: { ctx: PageContext; year: number; state: DeadlineState }) {
  const due = deadlineLabel(year);
  const dueEn = deadlineText(ctx, year);
  switch (state.kind) {
    case 'year_running':
      return <span>{tx(ctx, `${year}年尚未结束；报告须于${due}前公布`, `${year} is not over yet; the report must be published by ${dueEn}`)}</span>;
    case 'due':
      return <strong class={state.daysLeft <= 7 ? 'deadline-soon' : 'deadline-due'}>{tx(ctx, `距${due}还有${state.daysLeft}天`, `${state.daysLeft} day(s) left until ${dueEn}`)}</strong>;
    case 'overdue':
      return <strong class="deadline-missed">{tx(ctx, `已超过${due}，逾期${state.daysOverdue}天未公布`, `${dueEn} has passed; not published, ${state.daysOverdue} day(s) overdue`)}</strong>;
    case 'on_time':
      return <span class="deadline-ok">{tx(ctx, `已于${formatDate(state.publishedOn)}按期公布`, `Published on time on ${formatDate(state.publishedOn, 'en')}`)}</span>;
    case 'late':
      return <span class="deadline-missed">{tx(ctx, `于${formatDate(state.publishedOn)}公布，晚于${due}${state.daysLate}天`, `Published on ${formatDate(state.publishedOn, 'en')}, ${state.daysLate} day(s) after ${dueEn}`)}</span>;
  }
}

function Errors({ message, fields }: { message?: string; fields?: Record<string, string> }) {
  if (!message) return null;
  const list = Object.values(fields ?? {}).filter((f) => f !== message && !message.includes(f));
  return (
    <Notice kind="error">
      <p>{message}</p>
      {list.length > 0 && <ul>{list.map((e) => <li>{e}</li>)}</ul>}
    </Notice>
  );
}

// ---------------------------------------------------------------------------------------------

export function ReportsIndexPage({ ctx, index }: { ctx: PageContext; index: ReportIndex }) {
  const current = index.entries?.find((e) => e.year === index.reportingYear);
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '年度报告', 'Annual reports')} active={ACTIVE}>
      <h1>{tx(ctx, '政府信息公开工作年度报告', 'Annual reports on government information disclosure')}</h1>
      <p class="hint">{tx(ctx, '依据《中华人民共和国政府信息公开条例》第四十九条，每年1月31日前向本级政府信息公开工作主管部门报送并向社会公布上一年度的年度报告。', 'Under Article 49 of the Regulations on Open Government Information, the annual report for the previous year is submitted to the supervising office at the same level and published before 31 January each year.')}</p>
      {current && (current.deadlineState.kind === 'due' || current.deadlineState.kind === 'overdue') && (
        <Notice kind="error">
          {ctx.lang === 'en'
            ? <p>Reminder: the {current.year} annual report of {index.agency.name}: {statusText(ctx, current.status, current.statusLabel)}. <DeadlineText ctx={ctx} year={current.year} state={current.deadlineState} />. <a href={`/console/reports/${current.year}`}>Prepare it</a></p>
            : <p>提醒：{index.agency.name}{current.year}年度报告{current.statusLabel}。<DeadlineText ctx={ctx} year={current.year} state={current.deadlineState} />。 <a href={`/console/reports/${current.year}`}>前往编制</a></p>}
        </Notice>
      )}
      {index.isSupervisor && <p><a class="button" href={`/console/reports/supervision?year=${index.reportingYear}`}>{tx(ctx, '下级机关年度报告（审核、汇总）', 'Reports of subordinate agencies (review, consolidation)')}</a></p>}
      {index.entries && (
        <table class="data-table">
          <caption>{tx(ctx, `${index.agency.name}的年度报告`, `Annual reports of ${index.agency.name}`)}</caption>
          <thead><tr><th scope="col">{tx(ctx, '年度', 'Year')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th><th scope="col">{tx(ctx, '期限', 'Deadline')}</th><th scope="col">{tx(ctx, '操作', 'Actions')}</th></tr></thead>
          <tbody>
            {index.entries.map((e) => (
              <tr>
                <th scope="row">{ctx.t('reports.year', { year: e.year })}</th>
                <td>{statusText(ctx, e.status, e.statusLabel)}{e.version !== null && e.version > 1 ? tx(ctx, `（第${e.version}版）`, ` (version ${e.version})`) : ''}{e.archived ? tx(ctx, '（存档）', ' (archived)') : ''}</td>
                <td><DeadlineText ctx={ctx} year={e.year} state={e.deadlineState} /></td>
                <td>{e.archived
                  ? <a href={`/gk/${encodeURIComponent(index.agency.code)}/reports/${e.year}`}>{tx(ctx, '查看存档', 'View the archive')}</a>
                  : <a href={`/console/reports/${e.year}`} aria-label={tx(ctx, `打开${e.year}年度报告`, `Open the ${e.year} annual report`)}>{tx(ctx, '打开', 'Open')}</a>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsoleLayout>
  );
}

// ---------------------------------------------------------------------------------------------

export interface WorkspaceProps {
  ctx: PageContext;
  ws: ReportWorkspace;
  notice?: string;
  error?: { message: string; fields?: Record<string, string>; form?: string };
  /** Values typed into a form that was refused, to show them again. */
  values?: Record<string, string>;
  /** '?agency=CODE' when a supervisor looks at a child agency's report. */
  agencyQuery: string;
}

const ROW_OPTIONS = APPLICATION_ROWS.filter((r) => ADJUSTABLE_ROWS.includes(r.key)).map((r) => r.key);
const RESULT_OPTIONS = ROW_OPTIONS.filter((k) => !['new', 'carried_in', 'total'].includes(k));
const COLUMN_OPTIONS = APPLICANT_COLUMNS.filter((c) => (ADJUSTABLE_COLUMNS as readonly string[]).includes(c.key)).map((c) => c.key);

/** A 补录 entry's row and column, from their keys (the service's labels are Chinese). */
const adjustmentRow = (ctx: PageContext, a: AdjustmentView) => (ctx.lang === 'en' ? applicationRowFullLabel(a.row, 'en') : a.rowLabel);
const adjustmentColumn = (ctx: PageContext, a: AdjustmentView) =>
  (ctx.lang === 'en' && APPLICANT_COLUMNS.some((c) => c.key === a.column) ? applicantColumnLabel(a.column as ApplicantColumnKey, 'en') : a.columnLabel);

function ErrorFor({ error, form }: { error: WorkspaceProps['error']; form: string }) {
  return error?.form === form ? <Errors message={error.message} fields={error.fields} /> : null;
}

export function ReportWorkspacePage(props: WorkspaceProps) {
  const { ctx, ws, error } = props;
  const v = props.values ?? {};
  const r = ws.report;
  const m = ws.document;
  const base = `/console/reports/${ws.year}`;
  const q = props.agencyQuery;
  const cellHref: CellHref = (table, row, column) => {
    const params = new URLSearchParams({ table, row, column });
    if (q) params.set('agency', ws.agency.code);
    return `${base}/records?${params.toString()}`;
  };
  const title = tx(ctx, `${ws.agency.name}${ws.year}年政府信息公开工作年度报告`, `${ws.agency.name}: annual report on government information disclosure ${ws.year}`);
  const tables = m.tables;
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, `${ws.year}年度报告`, `Annual report ${ws.year}`)} active={ACTIVE}>
      <p class="crumb-back"><a href={ws.party === 'supervisor' ? `/console/reports/supervision?year=${ws.year}` : '/console/reports'}>{tx(ctx, '← 返回年度报告列表', '← Back to the annual reports')}</a></p>
      <h1>{title}</h1>
      <p class="report-status">
        <span class={`status status-${r?.status ?? 'none'}`}>{r ? statusText(ctx, r.status, r.statusLabel) : tx(ctx, '尚未开始编制', 'Not started')}</span>
        {r && r.version > 1 && <span>{tx(ctx, `第${r.version}版（更正）`, `Version ${r.version} (correction)`)}</span>}
        <span>{tx(ctx, `报送和公开期限：${deadlineLabel(ws.year)}`, `Deadline for submission and publication: ${deadlineText(ctx, ws.year)}`)}　<DeadlineText ctx={ctx} year={ws.year} state={ws.deadlineState} /></span>
        {ws.supervisorName && <span>{tx(ctx, '报送至：', 'Submitted to: ')}{ws.supervisorName}</span>}
      </p>
      {props.notice && <Notice kind="ok"><p>{props.notice}</p></Notice>}
      <ErrorFor error={error} form="workflow" />
      {error && error.form !== 'workflow' && (ctx.lang === 'en'
        ? <p class="notice notice-error">Not saved; please correct the <a href={`#form-${error.form}`}>form below</a> as indicated.</p>
        : <p class="notice notice-error">未保存，请按<a href={`#form-${error.form}`}>下方表单</a>中的提示修改。</p>)}
      {r?.status === 'returned' && r.reviewComment && <Notice kind="error"><p>{tx(ctx, '上级主管部门退回修改，意见：', 'Returned for changes by the supervising office. Comments: ')}{r.reviewComment}</p></Notice>}
      {r?.correctionNote && <p class="hint">{tx(ctx, '更正说明：', 'Correction note: ')}{r.correctionNote}</p>}

      <section class="card" aria-labelledby="checks-h">
        <h2 id="checks-h">{tx(ctx, '校验', 'Checks')}</h2>
        <p class="hint">{ws.live
          ? tx(ctx, '统计表按平台记录即时计算（报送时冻结）。', 'The tables are computed from the platform\'s records as you look (and frozen on submission).')
          : tx(ctx, `统计表已于报送时冻结（${formatDateTime(r?.submittedAt)}），此后记录的变化不影响本版本。`, `The tables were frozen on submission (${formatDateTime(r?.submittedAt, 'en')}); later changes to the records do not affect this version.`)}</p>
        {ws.failures.length === 0 && ws.missing.length === 0
          ? <p class="check-ok">{tx(ctx,
            `全部校验通过：表三各列“第一项加第二项之和，等于第三项加第四项之和”，（七）总计等于各项之和，总计列等于各列之和${m.checks.some((c) => c.rule === 'carried_in') ? '，上年结转与上年报告的结转下年度一致' : ''}。`,
            `All checks passed: in every column of table 3, item 1 plus item 2 equals item 3 plus item 4; (7) Total equals the sum of the items; the Total column equals the sum of the columns${m.checks.some((c) => c.rule === 'carried_in') ? '; carried over from last year matches last year\'s report' : ''}.`)}</p>
          : (
            <div role="alert">
              <ul class="check-failures">
                {ws.failures.map((f) => <li>{f.detail}</li>)}
                {ws.missing.map((x) => <li>{x}</li>)}
              </ul>
            </div>
          )}
        <div class="actions">
          {ws.can.submit && (
            <form method="post" action={`${base}/submit`} class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit" class="primary">{tx(ctx, '报送上级主管部门审核', 'Submit to the supervising office for review')}</button>
            </form>
          )}
          {ws.can.publish && (
            <form method="post" action={`${base}/publish`} class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit" class="primary">{tx(ctx, '发布到“政府信息公开年报”栏目', 'Publish in the “Annual reports” column')}</button>
            </form>
          )}
          <a class="button button-secondary" href={`${base}/report.docx${q}`}>{ctx.t('reports.docx')}</a>
          <a class="button button-secondary" href={`${base}/tables.xlsx${q}`}>{ctx.t('reports.xlsx')}</a>
          {r?.status === 'published' && <a href={`/gk/${encodeURIComponent(ws.agency.code)}/reports/${ws.year}`}>{tx(ctx, '查看公开页面', 'View the public page')}</a>}
        </div>
      </section>

      {ws.can.review && r && (
        <section class="card" aria-labelledby="review-h">
          <h2 id="review-h">{tx(ctx, '审核', 'Review')}</h2>
          <ErrorFor error={error} form="review" />
          <form method="post" action={`/console/reports/review/${r.id}`} id="form-review">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="year" value={String(ws.year)} />
            <input type="hidden" name="agency" value={ws.agency.code} />
            <Field id="review-comment" label={tx(ctx, '审核意见（退回时必填）', 'Comments (required when returning)')} error={error?.fields?.comment}>
              <textarea id="review-comment" name="comment" rows={4} maxLength={5000}>{v.comment ?? ''}</textarea>
            </Field>
            <button type="submit" name="decision" value="accept" class="primary">{tx(ctx, '审核通过', 'Accept')}</button>{' '}
            <button type="submit" name="decision" value="return" class="button button-secondary">{tx(ctx, '退回修改', 'Return for changes')}</button>
          </form>
        </section>
      )}

      {ws.can.correct && (
        <section class="card" aria-labelledby="correct-h">
          <h2 id="correct-h">{tx(ctx, '更正已发布的报告', 'Correct the published report')}</h2>
          <p class="hint">{tx(ctx, '已发布的报告不能修改。更正将创建新版本，经审核后发布；原版本继续公开，并注明已更正。', 'A published report cannot be changed. A correction creates a new version, published after review; the original stays public, marked as corrected.')}</p>
          <ErrorFor error={error} form="correct" />
          <form method="post" action={`${base}/correct`} id="form-correct">
            <CsrfField ctx={ctx} />
            <Field id="correct-note" label={tx(ctx, '更正说明（更正的内容和原因）', 'Correction note (what is corrected and why)')} required error={error?.fields?.note}>
              <textarea id="correct-note" name="note" rows={3} maxLength={2000} required>{v.note ?? ''}</textarea>
            </Field>
            <button type="submit" class="primary">{tx(ctx, '创建更正版本', 'Create a correction version')}</button>
          </form>
        </section>
      )}

      <section aria-labelledby="prose-h">
        <h2 id="prose-h">{tx(ctx, '正文（一、五、六）', 'Text (sections 1, 5 and 6)')}</h2>
        {ws.can.edit ? (
          <>
            <ErrorFor error={error} form="prose" />
            <form method="post" action={`${base}/draft-overview`} class="inline-form">
              <CsrfField ctx={ctx} />
              <button type="submit" class="button button-secondary">{tx(ctx, '用本年度数据生成“一、总体情况”初稿', 'Draft “1. Overview” from this year\'s data')}</button>
              <span class="hint">{tx(ctx, '（将替换下方“一、总体情况”的内容，生成后请改写）', '(replaces the text of “1. Overview” below; rewrite it afterwards)')}</span>
            </form>
            <form method="post" action={`${base}/prose`} id="form-prose">
              <CsrfField ctx={ctx} />
              <Field id="overview" label={sectionTitle(ctx, 0)} hint={tx(ctx, '概述主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况。', 'Summarise proactive disclosure, disclosure on application, information management, platforms, supervision and safeguards.')}>
                <textarea id="overview" name="overview" rows={14} maxLength={20000}>{v.overview ?? r?.overview ?? ''}</textarea>
              </Field>
              <Field id="problems" label={sectionTitle(ctx, 4)}>
                <textarea id="problems" name="problems" rows={6} maxLength={20000}>{v.problems ?? r?.problems ?? ''}</textarea>
              </Field>
              <Field id="otherMatters" label={sectionTitle(ctx, 5)} hint={tx(ctx, '如收取信息处理费情况、人大代表建议和政协提案办理结果公开情况等。', 'E.g. information processing fees charged, and disclosure of how deputies\' suggestions and CPPCC proposals were handled.')}>
                <textarea id="otherMatters" name="otherMatters" rows={6} maxLength={20000}>{v.otherMatters ?? r?.otherMatters ?? ''}</textarea>
              </Field>
              <button type="submit" class="primary">{tx(ctx, '保存正文', 'Save the text')}</button>
            </form>
          </>
        ) : (
          <>
            <h3>{sectionTitle(ctx, 0)}</h3><Prose text={m.overview} empty={tx(ctx, '（尚未填写）', '(not written yet)')} />
            <h3>{sectionTitle(ctx, 4)}</h3><Prose text={m.problems} empty={tx(ctx, '（尚未填写）', '(not written yet)')} />
            <h3>{sectionTitle(ctx, 5)}</h3><Prose text={m.otherMatters} empty={tx(ctx, '（尚未填写）', '(not written yet)')} />
          </>
        )}
      </section>

      {tables && (
        <>
          <section aria-labelledby="s2-h">
            <h2 id="s2-h">{sectionTitle(ctx, 1)}</h2>
            <p class="hint">{tx(ctx, '点击数字查看统计依据。规章和行政规范性文件的件数来自公开目录（第二十条第（一）项分类和有效性记录）；其余数字由公开办按年度填写并注明来源。', 'Click a number to see the records behind it. The counts of rules and normative documents come from the disclosure catalog (Article 20(1) classification and validity records); the other figures are entered by the disclosure office each year with their source.')}</p>
            <ProactiveTableView table={tables.proactive} caption={ctx.t('reports.table2')} cellHref={cellHref} lang={ctx.lang} />
            {ws.can.edit && (
              <form method="post" action={`${base}/figures`} class="figures-form" id="form-figures">
                <CsrfField ctx={ctx} />
                <h3>{tx(ctx, '填写平台不掌握的数字', 'Figures the platform does not hold')}</h3>
                <ErrorFor error={error} form="figures" />
                {FIGURE_KEYS.map((k) => (
                  <div class="figure-row">
                    <Field id={`figure-${k}`} label={figureLabel(ctx, k)} error={error?.fields?.[k]}>
                      <input id={`figure-${k}`} name={k} type="text" inputMode={k === 'fees' ? 'decimal' : 'numeric'} maxLength={16} value={v[k] ?? r?.figures[k] ?? ''} />
                    </Field>
                    <Field id={`source-${k}`} label={tx(ctx, '数据来源', 'Source')} error={error?.fields?.[`source_${k}`]}>
                      <input id={`source-${k}`} name={`source_${k}`} type="text" maxLength={500} value={v[`source_${k}`] ?? r?.sources[k] ?? ''} />
                    </Field>
                  </div>
                ))}
                <button type="submit" class="primary">{tx(ctx, '保存数字', 'Save the figures')}</button>
              </form>
            )}
          </section>

          <section aria-labelledby="s3-h">
            <h2 id="s3-h">{sectionTitle(ctx, 2)}</h2>
            <p class="hint">{tx(ctx, '按申请的收到日期、办结日期和答复类型统计；点击数字查看对应的申请。', 'Counted by the dates applications were received and concluded and by the type of reply; click a number to see the applications.')}</p>
            <ApplicationTableView table={tables.applications} caption={ctx.t('reports.table3')} cellHref={cellHref} lang={ctx.lang} />
            {ws.adjustments.length > 0 && (
              <table class="data-table adjustments">
                <caption>{tx(ctx, '平台外办理的申请（补录）', 'Applications handled outside the platform (added by hand)')}</caption>
                <thead><tr><th scope="col">{tx(ctx, '行', 'Row')}</th><th scope="col">{tx(ctx, '申请人类别', 'Applicant type')}</th><th scope="col">{tx(ctx, '数量', 'Number')}</th><th scope="col">{tx(ctx, '来源说明', 'Source')}</th>{ws.can.edit && <th scope="col">{tx(ctx, '操作', 'Actions')}</th>}</tr></thead>
                <tbody>
                  {ws.adjustments.map((a) => (
                    <tr>
                      <td>{adjustmentRow(ctx, a)}</td><td>{adjustmentColumn(ctx, a)}</td><td class="num">{a.delta > 0 ? `+${a.delta}` : a.delta}</td><td>{a.note}</td>
                      {ws.can.edit && (
                        <td>
                          <form method="post" action={`${base}/entries/${a.id}/delete`} class="inline">
                            <CsrfField ctx={ctx} />
                            <button type="submit" class="linklike" aria-label={tx(ctx, `删除补录：${a.rowLabel}·${a.columnLabel}`, `Delete entry: ${adjustmentRow(ctx, a)}·${adjustmentColumn(ctx, a)}`)}>{tx(ctx, '删除', 'Delete')}</button>
                          </form>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {ws.can.edit && (
              <div class="entry-forms">
                <form method="post" action={`${base}/off-platform`} class="card" id="form-off-platform">
                  <CsrfField ctx={ctx} />
                  <h3>{tx(ctx, '补录平台外办理的申请', 'Add applications handled outside the platform')}</h3>
                  <p class="hint">{tx(ctx, '例如平台上线前收到的纸质申请。自动计入第一项（或第二项）以及办理结果和（七）总计。', 'For example paper applications received before the platform went live. They are counted in item 1 (or item 2), in their outcome and in (7) Total.')}</p>
                  <ErrorFor error={error} form="off-platform" />
                  <Field id="op-column" label={tx(ctx, '申请人类别', 'Applicant type')} error={error?.fields?.column}>
                    <select id="op-column" name="column">{COLUMN_OPTIONS.map((c) => <option value={c} selected={v.column === c}>{applicantColumnLabel(c, ctx.lang)}</option>)}</select>
                  </Field>
                  <Field id="op-count" label={tx(ctx, '件数', 'Number')} error={error?.fields?.count}>
                    <input id="op-count" name="count" type="number" min={1} max={100000} value={v.count ?? '1'} />
                  </Field>
                  <Field id="op-origin" label={tx(ctx, '收到时间', 'Received')}>
                    <select id="op-origin" name="origin">
                      <option value="new" selected={v.origin !== 'carried_in'}>{tx(ctx, '本年新收', 'This year')}</option>
                      <option value="carried_in" selected={v.origin === 'carried_in'}>{tx(ctx, '上年结转', 'Carried over from last year')}</option>
                    </select>
                  </Field>
                  <Field id="op-result" label={tx(ctx, '办理结果', 'Outcome')} error={error?.fields?.result}>
                    <select id="op-result" name="result">{RESULT_OPTIONS.map((k) => <option value={k} selected={v.result === k}>{applicationRowFullLabel(k, ctx.lang)}</option>)}</select>
                  </Field>
                  <Field id="op-note" label={tx(ctx, '来源说明', 'Source')} required error={error?.fields?.note}>
                    <input id="op-note" name="note" type="text" maxLength={500} required value={v.note ?? ''} />
                  </Field>
                  <button type="submit" class="primary">{tx(ctx, '补录', 'Add')}</button>
                </form>
                <form method="post" action={`${base}/entries`} class="card" id="form-entries">
                  <CsrfField ctx={ctx} />
                  <h3>{tx(ctx, '更正单个单元格', 'Correct a single cell')}</h3>
                  <p class="hint">{tx(ctx, '只改动所选单元格；改动后表三必须仍然平衡，否则不予保存并指出不平衡的单元格。', 'Only the chosen cell changes; table 3 must still balance afterwards, otherwise nothing is saved and the cells that do not balance are shown.')}</p>
                  <ErrorFor error={error} form="entries" />
                  <Field id="en-row" label={tx(ctx, '行', 'Row')} error={error?.fields?.row}>
                    <select id="en-row" name="row">{ROW_OPTIONS.map((k) => <option value={k} selected={v.row === k}>{applicationRowFullLabel(k, ctx.lang)}</option>)}</select>
                  </Field>
                  <Field id="en-column" label={tx(ctx, '申请人类别', 'Applicant type')} error={error?.fields?.column}>
                    <select id="en-column" name="column">{COLUMN_OPTIONS.map((c) => <option value={c} selected={v.column === c}>{applicantColumnLabel(c, ctx.lang)}</option>)}</select>
                  </Field>
                  <Field id="en-delta" label={tx(ctx, '增减数量（减少填负数）', 'Change (negative to reduce)')} error={error?.fields?.delta}>
                    <input id="en-delta" name="delta" type="number" min={-100000} max={100000} value={v.delta ?? ''} />
                  </Field>
                  <Field id="en-note" label={tx(ctx, '来源说明', 'Source')} required error={error?.fields?.note}>
                    <input id="en-note" name="note" type="text" maxLength={500} required value={v.note ?? ''} />
                  </Field>
                  <button type="submit" class="primary">{ctx.t('common.save')}</button>
                </form>
              </div>
            )}
          </section>

          <section aria-labelledby="s4-h">
            <h2 id="s4-h">{sectionTitle(ctx, 3)}</h2>
            <p class="hint">{tx(ctx, '行政复议和行政诉讼案件在依申请公开的办理页面登记；本机关作为原行政行为机关的案件计入本表（复议机关作共同被告的，由原行政行为机关统计）。', 'Reconsideration and litigation cases are recorded on the pages of the applications; cases where this agency took the original decision are counted here (where the reconsideration body is co-defendant, the agency that took the original decision counts the case).')}</p>
            <ReviewTableView table={tables.reviewLitigation} caption={ctx.t('reports.table4')} cellHref={cellHref} lang={ctx.lang} />
          </section>
        </>
      )}

      {ws.versions.length > 0 && (
        <section aria-labelledby="versions-h">
          <h2 id="versions-h">{tx(ctx, '版本和办理记录', 'Versions and history')}</h2>
          <ul>
            {ws.versions.map((x) => ctx.lang === 'en'
              ? <li>Version {x.version}: {REPORT_STATUS_LABELS_EN[x.status]}{x.publishedOn ? `, published ${formatDate(x.publishedOn, 'en')}` : ''}{x.correctionNote ? ` (correction note: ${x.correctionNote})` : ''}</li>
              : <li>第{x.version}版：{x.statusLabel}{x.publishedOn ? `，${formatDate(x.publishedOn)}发布` : ''}{x.correctionNote ? `（更正说明：${x.correctionNote}）` : ''}</li>)}
          </ul>
          {ws.history.length > 0 && (
            <table class="data-table audit-table">
              <caption class="visually-hidden">{tx(ctx, '办理记录', 'History')}</caption>
              <thead><tr><th scope="col">{tx(ctx, '时间', 'Time')}</th><th scope="col">{tx(ctx, '人员', 'By')}</th><th scope="col">{tx(ctx, '操作', 'Action')}</th><th scope="col">{tx(ctx, '说明', 'Details')}</th></tr></thead>
              <tbody>{ws.history.map((e) => <tr><td>{formatDateTime(e.at, ctx.lang)}</td><td>{e.actor}</td><td>{tx(ctx, e.action, HISTORY_EN[e.actionKey] ?? e.action)}</td><td>{e.detail}</td></tr>)}</tbody>
            </table>
          )}
        </section>
      )}
    </ConsoleLayout>
  );
}

// ---------------------------------------------------------------------------------------------

export function RecordsPage({ ctx, d, backHref }: { ctx: PageContext; d: DrillResult; backHref: string }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '统计依据', 'Records behind a figure')} active={ACTIVE}>
      <p class="crumb-back"><a href={backHref}>{tx(ctx, `← 返回${d.year}年度报告`, `← Back to the ${d.year} annual report`)}</a></p>
      <h1>{tx(ctx, '统计依据：', 'Records behind: ')}{d.cellLabel}</h1>
      <p>{tx(ctx, `${d.agency.name}${d.year}年度　数值：`, `${d.agency.name}, ${d.year}. Value: `)}<strong>{Number.isInteger(d.value) ? d.value : d.value.toFixed(4).replace(/0+$/, '')}</strong></p>
      {d.source !== null && <p>{tx(ctx, '数据来源：', 'Source: ')}{d.source}</p>}
      {d.records.length > 0 ? (
        <table class="data-table">
          <caption>{tx(ctx, `计入该数字的记录（${d.records.length}条）`, `Records counted in this figure (${d.records.length})`)}</caption>
          <thead><tr><th scope="col">{tx(ctx, '编号', 'Reference')}</th><th scope="col">{tx(ctx, '内容', 'Subject')}</th><th scope="col">{tx(ctx, '情况', 'Details')}</th></tr></thead>
          <tbody>
            {d.records.map((x) => (
              <tr>
                <td><a href={x.href}>{x.reference}</a></td>
                <td>{x.title}</td>
                <td><ul class="facts">{x.facts.map((f) => <li>{f}</li>)}</ul></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : d.source === null && d.adjustments.length === 0 ? <p class="empty">{tx(ctx, '没有计入该数字的记录。', 'No records are counted in this figure.')}</p> : null}
      {d.adjustments.length > 0 && (
        <table class="data-table">
          <caption>{tx(ctx, '补录的平台外数据', 'Off-platform entries added by hand')}</caption>
          <thead><tr><th scope="col">{tx(ctx, '行', 'Row')}</th><th scope="col">{tx(ctx, '申请人类别', 'Applicant type')}</th><th scope="col">{tx(ctx, '数量', 'Number')}</th><th scope="col">{tx(ctx, '来源说明', 'Source')}</th></tr></thead>
          <tbody>{d.adjustments.map((a) => <tr><td>{adjustmentRow(ctx, a)}</td><td>{adjustmentColumn(ctx, a)}</td><td class="num">{a.delta > 0 ? `+${a.delta}` : a.delta}</td><td>{a.note}</td></tr>)}</tbody>
        </table>
      )}
    </ConsoleLayout>
  );
}

// ---------------------------------------------------------------------------------------------

export function SupervisionPage({ ctx, o, years }: { ctx: PageContext; o: SupervisionOverview; years: number[] }) {
  const t = o.consolidated.tables;
  const failures = o.consolidated.checks.filter((c) => !c.ok);
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '下级机关年度报告', 'Reports of subordinate agencies')} active={ACTIVE}>
      <h1>{tx(ctx, `下级机关${o.year}年度政府信息公开工作年度报告`, `Annual reports ${o.year} of subordinate agencies`)}</h1>
      <form method="get" action="/console/reports/supervision" class="filter-form">
        <Field id="sv-year" label={tx(ctx, '年度', 'Year')}>
          <select id="sv-year" name="year">{years.map((y) => <option value={String(y)} selected={y === o.year}>{ctx.t('reports.year', { year: y })}</option>)}</select>
        </Field>
        <button type="submit" class="button button-secondary">{tx(ctx, '查看', 'Show')}</button>
      </form>
      <p>{tx(ctx, `报送和公开期限：${deadlineLabel(o.year)}。今天：${formatDate(o.today)}。`, `Deadline for submission and publication: ${deadlineText(ctx, o.year)}. Today: ${formatDate(o.today, 'en')}.`)}</p>
      {o.missed.length > 0
        ? <Notice kind="error"><p>{tx(ctx, `未按期（${deadlineLabel(o.year)}前）公布年度报告的机关：`, `Agencies that did not publish their report on time (by ${deadlineText(ctx, o.year)}): `)}{o.missed.map((r) => r.agency.name).join(tx(ctx, '、', ', '))}</p></Notice>
        : <p class="check-ok">{tx(ctx, '没有逾期未公布的机关。', 'No agency is late.')}</p>}
      <table class="data-table">
        <caption>{tx(ctx, '各机关报告状态', 'Status by agency')}</caption>
        <thead><tr><th scope="col">{tx(ctx, '机关', 'Agency')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th><th scope="col">{tx(ctx, '报送时间', 'Submitted')}</th><th scope="col">{tx(ctx, '公布情况', 'Publication')}</th><th scope="col">{tx(ctx, '操作', 'Actions')}</th></tr></thead>
        <tbody>
          {o.rows.map((row) => (
            <tr class={row.missed ? 'row-missed' : undefined}>
              <th scope="row">{row.agency.name}</th>
              <td>{statusText(ctx, row.status, row.statusLabel, row.archived)}{row.version !== null && row.version > 1 ? tx(ctx, `（第${row.version}版）`, ` (version ${row.version})`) : ''}</td>
              <td>{formatDateTime(row.submittedAt, ctx.lang) || '—'}</td>
              <td><DeadlineText ctx={ctx} year={o.year} state={row.deadlineState} /></td>
              <td>{row.reportId !== null && row.status !== null
                ? <a href={`/console/reports/${o.year}?agency=${encodeURIComponent(row.agency.code)}`}
                  aria-label={row.canReview ? tx(ctx, `审核${row.agency.name}的报告`, `Review the report of ${row.agency.name}`) : tx(ctx, `查看${row.agency.name}的报告`, `View the report of ${row.agency.name}`)}>
                  {row.canReview ? tx(ctx, '审核', 'Review') : tx(ctx, '查看', 'View')}</a>
                : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tx(ctx, '汇总统计表', 'Consolidated tables')}</h2>
      {ctx.lang === 'en'
        ? <p>Included (reports accepted or published): {o.consolidated.included.join(', ') || 'none'}.{o.consolidated.excluded.length > 0 && ` Not included: ${o.consolidated.excluded.map((e) => `${e.name} (${statusText(ctx, e.status, e.statusLabel, e.archived)})`).join(', ')}.`}</p>
        : <p>汇总范围（已审核通过或已发布的报告）：{o.consolidated.included.join('、') || '无'}。{o.consolidated.excluded.length > 0 && `未计入：${o.consolidated.excluded.map((e) => `${e.name}（${e.statusLabel}）`).join('、')}。`}</p>}
      {failures.length > 0 && <div role="alert"><ul class="check-failures">{failures.map((f) => <li>{f.detail}</li>)}</ul></div>}
      <p><a class="button button-secondary" href={`/console/reports/supervision/${o.year}/consolidated.xlsx`}>{tx(ctx, '导出汇总表（Excel）', 'Export the consolidated tables (Excel)')}</a></p>
      <h3>{sectionTitle(ctx, 1)}</h3>
      <ProactiveTableView table={t.proactive} caption={tx(ctx, '汇总表二：主动公开政府信息情况', 'Consolidated table 2: proactive disclosure')} lang={ctx.lang} />
      <h3>{sectionTitle(ctx, 2)}</h3>
      <ApplicationTableView table={t.applications} caption={tx(ctx, '汇总表三：收到和处理政府信息公开申请情况', 'Consolidated table 3: applications received and handled')} lang={ctx.lang} />
      <h3>{sectionTitle(ctx, 3)}</h3>
      <ReviewTableView table={t.reviewLitigation} caption={tx(ctx, '汇总表四：政府信息公开行政复议、行政诉讼情况', 'Consolidated table 4: administrative reconsideration and litigation')} lang={ctx.lang} />
    </ConsoleLayout>
  );
}
