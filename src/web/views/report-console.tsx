// The annual report in the staff console: the list of years with the 31 January reminder, the
// workspace where the office writes the prose, enters figures with their source, checks the
// tables (each number links to its records) and submits; the supervising office's overview,
// review and consolidated tables.
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, SECTION_TITLES } from '../../domain/annual-report.ts';
import { deadlineLabel, type DeadlineState } from '../../domain/report-workflow.ts';
import { ADJUSTABLE_COLUMNS, ADJUSTABLE_ROWS } from '../../domain/report-tables.ts';
import {
  FIGURE_KEYS,
  FIGURE_LABELS,
  type DrillResult,
  type ReportIndex,
  type ReportWorkspace,
  type SupervisionOverview,
} from '../../services/annual-report.service.ts';
import { ApplicationTableView, ProactiveTableView, Prose, ReviewTableView, type CellHref } from './report-tables.tsx';

const ACTIVE = '/console/reports';

function DeadlineText({ year, state }: { year: number; state: DeadlineState }) {
  const due = deadlineLabel(year);
  switch (state.kind) {
    case 'year_running':
      return <span>{year}年尚未结束；报告须于{due}前公布</span>;
    case 'due':
      return <strong class={state.daysLeft <= 7 ? 'deadline-soon' : 'deadline-due'}>距{due}还有{state.daysLeft}天</strong>;
    case 'overdue':
      return <strong class="deadline-missed">已超过{due}，逾期{state.daysOverdue}天未公布</strong>;
    case 'on_time':
      return <span class="deadline-ok">已于{formatDate(state.publishedOn)}按期公布</span>;
    case 'late':
      return <span class="deadline-missed">于{formatDate(state.publishedOn)}公布，晚于{due}{state.daysLate}天</span>;
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
    <ConsoleLayout ctx={ctx} title="年度报告" active={ACTIVE}>
      <h1>政府信息公开工作年度报告</h1>
      <p class="hint">依据《中华人民共和国政府信息公开条例》第四十九条，每年1月31日前向本级政府信息公开工作主管部门报送并向社会公布上一年度的年度报告。</p>
      {current && (current.deadlineState.kind === 'due' || current.deadlineState.kind === 'overdue') && (
        <Notice kind="error">
          <p>提醒：{index.agency.name}{current.year}年度报告{current.statusLabel}。<DeadlineText year={current.year} state={current.deadlineState} />。 <a href={`/console/reports/${current.year}`}>前往编制</a></p>
        </Notice>
      )}
      {index.isSupervisor && <p><a class="button" href={`/console/reports/supervision?year=${index.reportingYear}`}>下级机关年度报告（审核、汇总）</a></p>}
      {index.entries && (
        <table class="data-table">
          <caption>{index.agency.name}的年度报告</caption>
          <thead><tr><th scope="col">年度</th><th scope="col">状态</th><th scope="col">期限</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {index.entries.map((e) => (
              <tr>
                <th scope="row">{e.year}年度</th>
                <td>{e.statusLabel}{e.version !== null && e.version > 1 ? `（第${e.version}版）` : ''}{e.archived ? '（存档）' : ''}</td>
                <td><DeadlineText year={e.year} state={e.deadlineState} /></td>
                <td>{e.archived ? <a href={`/gk/${encodeURIComponent(index.agency.code)}/reports/${e.year}`}>查看存档</a> : <a href={`/console/reports/${e.year}`} aria-label={`打开${e.year}年度报告`}>打开</a>}</td>
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

const ROW_OPTIONS = APPLICATION_ROWS.filter((r) => ADJUSTABLE_ROWS.includes(r.key)).map((r) => ({
  key: r.key,
  label: r.level === 2 ? `${APPLICATION_ROWS.find((x) => x.key === r.parent)!.label}${r.label}` : r.label,
}));
const RESULT_OPTIONS = ROW_OPTIONS.filter((o) => !['new', 'carried_in', 'total'].includes(o.key));
const COLUMN_OPTIONS = APPLICANT_COLUMNS.filter((c) => (ADJUSTABLE_COLUMNS as readonly string[]).includes(c.key));

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
  const title = `${ws.agency.name}${ws.year}年政府信息公开工作年度报告`;
  const tables = m.tables;
  return (
    <ConsoleLayout ctx={ctx} title={`${ws.year}年度报告`} active={ACTIVE}>
      <p class="crumb-back"><a href={ws.party === 'supervisor' ? `/console/reports/supervision?year=${ws.year}` : '/console/reports'}>← 返回年度报告列表</a></p>
      <h1>{title}</h1>
      <p class="report-status">
        <span class={`status status-${r?.status ?? 'none'}`}>{r ? r.statusLabel : '尚未开始编制'}</span>
        {r && r.version > 1 && <span>第{r.version}版（更正）</span>}
        <span>报送和公开期限：{deadlineLabel(ws.year)}　<DeadlineText year={ws.year} state={ws.deadlineState} /></span>
        {ws.supervisorName && <span>报送至：{ws.supervisorName}</span>}
      </p>
      {props.notice && <Notice kind="ok"><p>{props.notice}</p></Notice>}
      <ErrorFor error={error} form="workflow" />
      {error && error.form !== 'workflow' && <p class="notice notice-error">未保存，请按<a href={`#form-${error.form}`}>下方表单</a>中的提示修改。</p>}
      {r?.status === 'returned' && r.reviewComment && <Notice kind="error"><p>上级主管部门退回修改，意见：{r.reviewComment}</p></Notice>}
      {r?.correctionNote && <p class="hint">更正说明：{r.correctionNote}</p>}

      <section class="card" aria-labelledby="checks-h">
        <h2 id="checks-h">校验</h2>
        <p class="hint">{ws.live ? '统计表按平台记录即时计算（报送时冻结）。' : `统计表已于报送时冻结（${formatDateTime(r?.submittedAt)}），此后记录的变化不影响本版本。`}</p>
        {ws.failures.length === 0 && ws.missing.length === 0
          ? <p class="check-ok">全部校验通过：表三各列“第一项加第二项之和，等于第三项加第四项之和”，（七）总计等于各项之和，总计列等于各列之和{m.checks.some((c) => c.rule === 'carried_in') ? '，上年结转与上年报告的结转下年度一致' : ''}。</p>
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
              <button type="submit" class="primary">报送上级主管部门审核</button>
            </form>
          )}
          {ws.can.publish && (
            <form method="post" action={`${base}/publish`} class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit" class="primary">发布到“政府信息公开年报”栏目</button>
            </form>
          )}
          <a class="button button-secondary" href={`${base}/report.docx${q}`}>下载报告（Word）</a>
          <a class="button button-secondary" href={`${base}/tables.xlsx${q}`}>下载统计表（Excel）</a>
          {r?.status === 'published' && <a href={`/gk/${encodeURIComponent(ws.agency.code)}/reports/${ws.year}`}>查看公开页面</a>}
        </div>
      </section>

      {ws.can.review && r && (
        <section class="card" aria-labelledby="review-h">
          <h2 id="review-h">审核</h2>
          <ErrorFor error={error} form="review" />
          <form method="post" action={`/console/reports/review/${r.id}`} id="form-review">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="year" value={String(ws.year)} />
            <input type="hidden" name="agency" value={ws.agency.code} />
            <Field id="review-comment" label="审核意见（退回时必填）" error={error?.fields?.comment}>
              <textarea id="review-comment" name="comment" rows={4} maxLength={5000}>{v.comment ?? ''}</textarea>
            </Field>
            <button type="submit" name="decision" value="accept" class="primary">审核通过</button>{' '}
            <button type="submit" name="decision" value="return" class="button button-secondary">退回修改</button>
          </form>
        </section>
      )}

      {ws.can.correct && (
        <section class="card" aria-labelledby="correct-h">
          <h2 id="correct-h">更正已发布的报告</h2>
          <p class="hint">已发布的报告不能修改。更正将创建新版本，经审核后发布；原版本继续公开，并注明已更正。</p>
          <ErrorFor error={error} form="correct" />
          <form method="post" action={`${base}/correct`} id="form-correct">
            <CsrfField ctx={ctx} />
            <Field id="correct-note" label="更正说明（更正的内容和原因）" required error={error?.fields?.note}>
              <textarea id="correct-note" name="note" rows={3} maxLength={2000} required>{v.note ?? ''}</textarea>
            </Field>
            <button type="submit" class="primary">创建更正版本</button>
          </form>
        </section>
      )}

      <section aria-labelledby="prose-h">
        <h2 id="prose-h">正文（一、五、六）</h2>
        {ws.can.edit ? (
          <>
            <ErrorFor error={error} form="prose" />
            <form method="post" action={`${base}/draft-overview`} class="inline-form">
              <CsrfField ctx={ctx} />
              <button type="submit" class="button button-secondary">用本年度数据生成“一、总体情况”初稿</button>
              <span class="hint">（将替换下方“一、总体情况”的内容，生成后请改写）</span>
            </form>
            <form method="post" action={`${base}/prose`} id="form-prose">
              <CsrfField ctx={ctx} />
              <Field id="overview" label={SECTION_TITLES[0]} hint="概述主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况。">
                <textarea id="overview" name="overview" rows={14} maxLength={20000}>{v.overview ?? r?.overview ?? ''}</textarea>
              </Field>
              <Field id="problems" label={SECTION_TITLES[4]}>
                <textarea id="problems" name="problems" rows={6} maxLength={20000}>{v.problems ?? r?.problems ?? ''}</textarea>
              </Field>
              <Field id="otherMatters" label={SECTION_TITLES[5]} hint="如收取信息处理费情况、人大代表建议和政协提案办理结果公开情况等。">
                <textarea id="otherMatters" name="otherMatters" rows={6} maxLength={20000}>{v.otherMatters ?? r?.otherMatters ?? ''}</textarea>
              </Field>
              <button type="submit" class="primary">保存正文</button>
            </form>
          </>
        ) : (
          <>
            <h3>{SECTION_TITLES[0]}</h3><Prose text={m.overview} empty="（尚未填写）" />
            <h3>{SECTION_TITLES[4]}</h3><Prose text={m.problems} empty="（尚未填写）" />
            <h3>{SECTION_TITLES[5]}</h3><Prose text={m.otherMatters} empty="（尚未填写）" />
          </>
        )}
      </section>

      {tables && (
        <>
          <section aria-labelledby="s2-h">
            <h2 id="s2-h">{SECTION_TITLES[1]}</h2>
            <p class="hint">点击数字查看统计依据。规章和行政规范性文件的件数来自公开目录（第二十条第（一）项分类和有效性记录）；其余数字由公开办按年度填写并注明来源。</p>
            <ProactiveTableView table={tables.proactive} caption="表二：主动公开政府信息情况" cellHref={cellHref} />
            {ws.can.edit && (
              <form method="post" action={`${base}/figures`} class="figures-form" id="form-figures">
                <CsrfField ctx={ctx} />
                <h3>填写平台不掌握的数字</h3>
                <ErrorFor error={error} form="figures" />
                {FIGURE_KEYS.map((k) => (
                  <div class="figure-row">
                    <Field id={`figure-${k}`} label={FIGURE_LABELS[k]} error={error?.fields?.[k]}>
                      <input id={`figure-${k}`} name={k} type="text" inputMode={k === 'fees' ? 'decimal' : 'numeric'} maxLength={16} value={v[k] ?? r?.figures[k] ?? ''} />
                    </Field>
                    <Field id={`source-${k}`} label="数据来源" error={error?.fields?.[`source_${k}`]}>
                      <input id={`source-${k}`} name={`source_${k}`} type="text" maxLength={500} value={v[`source_${k}`] ?? r?.sources[k] ?? ''} />
                    </Field>
                  </div>
                ))}
                <button type="submit" class="primary">保存数字</button>
              </form>
            )}
          </section>

          <section aria-labelledby="s3-h">
            <h2 id="s3-h">{SECTION_TITLES[2]}</h2>
            <p class="hint">按申请的收到日期、办结日期和答复类型统计；点击数字查看对应的申请。</p>
            <ApplicationTableView table={tables.applications} caption="表三：收到和处理政府信息公开申请情况" cellHref={cellHref} />
            {ws.adjustments.length > 0 && (
              <table class="data-table adjustments">
                <caption>平台外办理的申请（补录）</caption>
                <thead><tr><th scope="col">行</th><th scope="col">申请人类别</th><th scope="col">数量</th><th scope="col">来源说明</th>{ws.can.edit && <th scope="col">操作</th>}</tr></thead>
                <tbody>
                  {ws.adjustments.map((a) => (
                    <tr>
                      <td>{a.rowLabel}</td><td>{a.columnLabel}</td><td class="num">{a.delta > 0 ? `+${a.delta}` : a.delta}</td><td>{a.note}</td>
                      {ws.can.edit && (
                        <td>
                          <form method="post" action={`${base}/entries/${a.id}/delete`} class="inline">
                            <CsrfField ctx={ctx} />
                            <button type="submit" class="linklike" aria-label={`删除补录：${a.rowLabel}·${a.columnLabel}`}>删除</button>
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
                  <h3>补录平台外办理的申请</h3>
                  <p class="hint">例如平台上线前收到的纸质申请。自动计入第一项（或第二项）以及办理结果和（七）总计。</p>
                  <ErrorFor error={error} form="off-platform" />
                  <Field id="op-column" label="申请人类别" error={error?.fields?.column}>
                    <select id="op-column" name="column">{COLUMN_OPTIONS.map((c) => <option value={c.key} selected={v.column === c.key}>{c.label}</option>)}</select>
                  </Field>
                  <Field id="op-count" label="件数" error={error?.fields?.count}>
                    <input id="op-count" name="count" type="number" min={1} max={100000} value={v.count ?? '1'} />
                  </Field>
                  <Field id="op-origin" label="收到时间">
                    <select id="op-origin" name="origin">
                      <option value="new" selected={v.origin !== 'carried_in'}>本年新收</option>
                      <option value="carried_in" selected={v.origin === 'carried_in'}>上年结转</option>
                    </select>
                  </Field>
                  <Field id="op-result" label="办理结果" error={error?.fields?.result}>
                    <select id="op-result" name="result">{RESULT_OPTIONS.map((o) => <option value={o.key} selected={v.result === o.key}>{o.label}</option>)}</select>
                  </Field>
                  <Field id="op-note" label="来源说明" required error={error?.fields?.note}>
                    <input id="op-note" name="note" type="text" maxLength={500} required value={v.note ?? ''} />
                  </Field>
                  <button type="submit" class="primary">补录</button>
                </form>
                <form method="post" action={`${base}/entries`} class="card" id="form-entries">
                  <CsrfField ctx={ctx} />
                  <h3>更正单个单元格</h3>
                  <p class="hint">只改动所选单元格；改动后表三必须仍然平衡，否则不予保存并指出不平衡的单元格。</p>
                  <ErrorFor error={error} form="entries" />
                  <Field id="en-row" label="行" error={error?.fields?.row}>
                    <select id="en-row" name="row">{ROW_OPTIONS.map((o) => <option value={o.key} selected={v.row === o.key}>{o.label}</option>)}</select>
                  </Field>
                  <Field id="en-column" label="申请人类别" error={error?.fields?.column}>
                    <select id="en-column" name="column">{COLUMN_OPTIONS.map((c) => <option value={c.key} selected={v.column === c.key}>{c.label}</option>)}</select>
                  </Field>
                  <Field id="en-delta" label="增减数量（减少填负数）" error={error?.fields?.delta}>
                    <input id="en-delta" name="delta" type="number" min={-100000} max={100000} value={v.delta ?? ''} />
                  </Field>
                  <Field id="en-note" label="来源说明" required error={error?.fields?.note}>
                    <input id="en-note" name="note" type="text" maxLength={500} required value={v.note ?? ''} />
                  </Field>
                  <button type="submit" class="primary">保存</button>
                </form>
              </div>
            )}
          </section>

          <section aria-labelledby="s4-h">
            <h2 id="s4-h">{SECTION_TITLES[3]}</h2>
            <p class="hint">行政复议和行政诉讼案件在依申请公开的办理页面登记；本机关作为原行政行为机关的案件计入本表（复议机关作共同被告的，由原行政行为机关统计）。</p>
            <ReviewTableView table={tables.reviewLitigation} caption="表四：政府信息公开行政复议、行政诉讼情况" cellHref={cellHref} />
          </section>
        </>
      )}

      {ws.versions.length > 0 && (
        <section aria-labelledby="versions-h">
          <h2 id="versions-h">版本和办理记录</h2>
          <ul>
            {ws.versions.map((x) => <li>第{x.version}版：{x.statusLabel}{x.publishedOn ? `，${formatDate(x.publishedOn)}发布` : ''}{x.correctionNote ? `（更正说明：${x.correctionNote}）` : ''}</li>)}
          </ul>
          {ws.history.length > 0 && (
            <table class="data-table audit-table">
              <caption class="visually-hidden">办理记录</caption>
              <thead><tr><th scope="col">时间</th><th scope="col">人员</th><th scope="col">操作</th><th scope="col">说明</th></tr></thead>
              <tbody>{ws.history.map((e) => <tr><td>{formatDateTime(e.at)}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.detail}</td></tr>)}</tbody>
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
    <ConsoleLayout ctx={ctx} title="统计依据" active={ACTIVE}>
      <p class="crumb-back"><a href={backHref}>← 返回{d.year}年度报告</a></p>
      <h1>统计依据：{d.cellLabel}</h1>
      <p>{d.agency.name}{d.year}年度　数值：<strong>{Number.isInteger(d.value) ? d.value : d.value.toFixed(4).replace(/0+$/, '')}</strong></p>
      {d.source !== null && <p>数据来源：{d.source}</p>}
      {d.records.length > 0 ? (
        <table class="data-table">
          <caption>计入该数字的记录（{d.records.length}条）</caption>
          <thead><tr><th scope="col">编号</th><th scope="col">内容</th><th scope="col">情况</th></tr></thead>
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
      ) : d.source === null && d.adjustments.length === 0 ? <p class="empty">没有计入该数字的记录。</p> : null}
      {d.adjustments.length > 0 && (
        <table class="data-table">
          <caption>补录的平台外数据</caption>
          <thead><tr><th scope="col">行</th><th scope="col">申请人类别</th><th scope="col">数量</th><th scope="col">来源说明</th></tr></thead>
          <tbody>{d.adjustments.map((a) => <tr><td>{a.rowLabel}</td><td>{a.columnLabel}</td><td class="num">{a.delta > 0 ? `+${a.delta}` : a.delta}</td><td>{a.note}</td></tr>)}</tbody>
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
    <ConsoleLayout ctx={ctx} title="下级机关年度报告" active={ACTIVE}>
      <h1>下级机关{o.year}年度政府信息公开工作年度报告</h1>
      <form method="get" action="/console/reports/supervision" class="filter-form">
        <Field id="sv-year" label="年度">
          <select id="sv-year" name="year">{years.map((y) => <option value={String(y)} selected={y === o.year}>{y}年度</option>)}</select>
        </Field>
        <button type="submit" class="button button-secondary">查看</button>
      </form>
      <p>报送和公开期限：{deadlineLabel(o.year)}。今天：{formatDate(o.today)}。</p>
      {o.missed.length > 0
        ? <Notice kind="error"><p>未按期（{deadlineLabel(o.year)}前）公布年度报告的机关：{o.missed.map((r) => r.agency.name).join('、')}</p></Notice>
        : <p class="check-ok">没有逾期未公布的机关。</p>}
      <table class="data-table">
        <caption>各机关报告状态</caption>
        <thead><tr><th scope="col">机关</th><th scope="col">状态</th><th scope="col">报送时间</th><th scope="col">公布情况</th><th scope="col">操作</th></tr></thead>
        <tbody>
          {o.rows.map((row) => (
            <tr class={row.missed ? 'row-missed' : undefined}>
              <th scope="row">{row.agency.name}</th>
              <td>{row.statusLabel}{row.version !== null && row.version > 1 ? `（第${row.version}版）` : ''}</td>
              <td>{formatDateTime(row.submittedAt) || '—'}</td>
              <td><DeadlineText year={o.year} state={row.deadlineState} /></td>
              <td>{row.reportId !== null && row.status !== null
                ? <a href={`/console/reports/${o.year}?agency=${encodeURIComponent(row.agency.code)}`} aria-label={`${row.canReview ? '审核' : '查看'}${row.agency.name}的报告`}>{row.canReview ? '审核' : '查看'}</a>
                : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>汇总统计表</h2>
      <p>汇总范围（已审核通过或已发布的报告）：{o.consolidated.included.join('、') || '无'}。{o.consolidated.excluded.length > 0 && `未计入：${o.consolidated.excluded.map((e) => `${e.name}（${e.statusLabel}）`).join('、')}。`}</p>
      {failures.length > 0 && <div role="alert"><ul class="check-failures">{failures.map((f) => <li>{f.detail}</li>)}</ul></div>}
      <p><a class="button button-secondary" href={`/console/reports/supervision/${o.year}/consolidated.xlsx`}>导出汇总表（Excel）</a></p>
      <h3>{SECTION_TITLES[1]}</h3>
      <ProactiveTableView table={t.proactive} caption="汇总表二：主动公开政府信息情况" />
      <h3>{SECTION_TITLES[2]}</h3>
      <ApplicationTableView table={t.applications} caption="汇总表三：收到和处理政府信息公开申请情况" />
      <h3>{SECTION_TITLES[3]}</h3>
      <ReviewTableView table={t.reviewLitigation} caption="汇总表四：政府信息公开行政复议、行政诉讼情况" />
    </ConsoleLayout>
  );
}
