// Console pages of the privacy guard (issue 8): the personal-data check of one document (findings
// with where they are and the masked value, reasons, masked copies, withheld originals), the list of
// open findings in published documents by agency (the sweep), answer timing, suggestions, and the
// warning on an application's case page when a reply would carry someone else's personal data.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Notice } from './components.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import type { DocumentPrivacyView, FindingView } from '../../services/privacy.service.ts';
import type { SweepReport } from '../../services/privacy-sweep.service.ts';
import type { TimingReport } from '../../services/timing.service.ts';
import type { DeflectionReport } from '../../services/suggestion.service.ts';
import type { DurationStats } from '../../domain/response-timing.ts';
import type { OutgoingWarning } from '../../services/privacy-outgoing.service.ts';

const STATE_LABELS: Record<string, string> = {
  draft: '草稿', registered: '已登记', in_review: '审核中', approved: '已审核', published: '已发布', returned: '已退回', archived: '已归档', withdrawn: '已撤回',
};

export const PRIVACY_NOTICES = {
  justified: '理由已记录。',
  reopened: '理由已撤回，该项重新待处理。',
  masked: '已生成遮盖副本并替换原附件，原件已移出公开附件，仅工作人员可见。',
  swept: '已重新检查全部已发布信息。',
  withdrawn: '文件已撤回。',
  rescanned: '已重新检查。',
} as const;

export type PrivacyNotice = keyof typeof PRIVACY_NOTICES;

function PrivacyTabs({ active }: { active: 'overview' | 'timing' | 'suggestions' }) {
  const tabs: [typeof active, string, string][] = [
    ['overview', '/console/privacy', '已发布信息检查'],
    ['timing', '/console/privacy/timing', '答复用时'],
    ['suggestions', '/console/privacy/suggestions', '建议与分流'],
  ];
  return (
    <nav aria-label="个人信息检查栏目" class="tabs">
      <ul>{tabs.map(([k, href, label]) => <li><a href={href} aria-current={k === active ? 'page' : undefined}>{label}</a></li>)}</ul>
    </nav>
  );
}

function StatusBadge({ f }: { f: FindingView }) {
  const cls = f.status === 'open' ? 'badge badge-danger' : f.status === 'justified' ? 'badge badge-warn' : 'badge badge-ok';
  return <span class={cls}>{f.statusLabel}</span>;
}

function FindingRow({ ctx, view, f, error }: { ctx: PageContext; view: DocumentPrivacyView; f: FindingView; error?: { findingId: number; message: string } }) {
  const base = `/console/privacy/documents/${view.documentId}/findings/${f.id}`;
  const myError = error && error.findingId === f.id ? error.message : undefined;
  return (
    <tr>
      <td>{f.location}</td>
      <td>{f.kindLabel}</td>
      <td><code class="masked-value">{f.masked}</code></td>
      <td>
        <StatusBadge f={f} />
        {f.justification && <p class="privacy-reason">理由：{f.justification}{f.decidedBy && `（${f.decidedBy}，${formatDateTime(f.decidedAt, ctx.lang)}）`}</p>}
      </td>
      <td>
        {view.canJustify && f.status === 'open' && f.justifiable && (
          <form method="post" action={`${base}/justify`} class="privacy-justify">
            <CsrfField ctx={ctx} />
            <label for={`reason-${f.id}`} class="visually-hidden">公开该项的理由</label>
            <input id={`reason-${f.id}`} name="reason" type="text" maxLength={500} required placeholder="公开理由和依据（如：公示名单依规须公开姓名）"
              aria-invalid={myError ? 'true' : undefined} aria-describedby={myError ? `reason-${f.id}-error` : undefined} />
            <button type="submit">记录理由</button>
            {myError && <p class="field-error" id={`reason-${f.id}-error`}>{myError}</p>}
          </form>
        )}
        {view.canJustify && f.status === 'justified' && (
          <form method="post" action={`${base}/reopen`} class="inline">
            <CsrfField ctx={ctx} />
            <button type="submit" class="linklike">撤回理由</button>
          </form>
        )}
        {f.status === 'open' && !f.justifiable && <p class="hint">不得完整公开：请删除或生成遮盖副本</p>}
      </td>
    </tr>
  );
}

/** The personal-data check of one document. */
export function DocumentPrivacyPage(props: {
  ctx: PageContext; view: DocumentPrivacyView; notice?: string; error?: string; findingError?: { findingId: number; message: string };
}) {
  const { ctx, view } = props;
  const title = `个人信息检查：${view.title}`;
  return (
    <ConsoleLayout ctx={ctx} title={title} active="/console/privacy">
      <p><a href={`/console/documents/${view.documentId}`}>← 返回文件</a></p>
      <h1>{title}</h1>
      <p class="doc-status">
        <span class="badge">{STATE_LABELS[view.state] ?? view.state}</span>{' '}
        {view.scannedAt ? `检查时间：${formatDateTime(view.scannedAt, ctx.lang)}` : '尚未检查'}
      </p>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <p>
        已检查标题、关键词、内容概述、正文和全部附件（PDF、DOCX、XLSX、CSV 的文字；图片和扫描件须人工核对）中的居民身份证号码、手机和固定电话号码、银行卡号、电子邮箱和详细住址。
        存在“待处理”项时，文件不能审核通过或发布：请删除或遮盖后重新上传，或生成遮盖副本，或由审核人逐项说明公开理由。身份证号码和银行卡号不得完整公开。
      </p>
      {view.findings.length === 0
        ? <Notice kind="ok">未发现个人信息。</Notice>
        : (
          <>
            <p class={view.open > 0 ? 'privacy-open' : undefined}><strong>{view.open > 0 ? `待处理 ${view.open} 项` : '全部已说明理由'}</strong>，共 {view.findings.length} 项。</p>
            <table class="data-table privacy-findings">
              <caption class="visually-hidden">检查结果</caption>
              <thead><tr><th scope="col">位置</th><th scope="col">类型</th><th scope="col">内容（已遮盖）</th><th scope="col">状态</th><th scope="col">处理</th></tr></thead>
              <tbody>{view.findings.map((f) => <FindingRow ctx={ctx} view={view} f={f} error={props.findingError} />)}</tbody>
            </table>
          </>
        )}
      <form method="post" action={`/console/privacy/documents/${view.documentId}/rescan`} class="inline">
        <CsrfField ctx={ctx} />
        <button type="submit">重新检查</button>
      </form>
      {view.maskable.length > 0 && (
        <section aria-labelledby="mask-h">
          <h2 id="mask-h">生成遮盖副本</h2>
          <p>适用于依规须公示的名单：身份证号码保留前6位和后4位（如 431281********1234），手机号码保留前3位和后4位（如 138****8000），姓名保留，文件中其他内容不变。
            副本作为新附件替换原附件；原件移出公开附件，仅工作人员可见。</p>
          <ul class="privacy-maskable">
            {view.maskable.map((a) => (
              <li>
                {a.filename}（{a.openFindings > 0 ? `${a.openFindings} 项个人信息` : '未发现个人信息'}）
                {view.canMask && a.openFindings > 0 && (
                  <form method="post" action={`/console/privacy/documents/${view.documentId}/attachments/${a.id}/mask`} class="inline">
                    <CsrfField ctx={ctx} />
                    <button type="submit">生成遮盖副本</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          {!view.canMask && <p class="hint">当前状态下您不能替换附件（登记人或公开办在送审前、审核人在审核中、公开办在发布后可以）。</p>}
        </section>
      )}
      {view.withheld.length > 0 && (
        <section aria-labelledby="withheld-h">
          <h2 id="withheld-h">已移出公开附件的原件</h2>
          <ul>
            {view.withheld.map((w) => (
              <li><a href={`/console/privacy/documents/${view.documentId}/withheld/${w.id}`}>{w.filename}</a>（遮盖 {w.maskedCells} 处，{formatDateTime(w.createdAt, ctx.lang)}，不公开）</li>
            ))}
          </ul>
        </section>
      )}
    </ConsoleLayout>
  );
}

/** Findings in published documents, by agency. */
export function PrivacyOverviewPage(props: { ctx: PageContext; report: SweepReport; canSweep: boolean; notice?: string; error?: string; swept?: number }) {
  const { ctx, report } = props;
  return (
    <ConsoleLayout ctx={ctx} title="个人信息检查" active="/console/privacy">
      <h1>个人信息检查</h1>
      <PrivacyTabs active="overview" />
      {props.notice && <Notice kind="ok">{props.notice}{props.swept !== undefined && ` 共检查 ${props.swept} 份已发布的文件。`}</Notice>}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <p>已发布和已归档文件中仍含有的个人信息（未说明理由的），按机关列出。监督机构可据此督促整改；公开办或负责人可即时撤回文件并记录理由。</p>
      {props.canSweep && (
        <form method="post" action="/console/privacy/sweep" class="inline">
          <CsrfField ctx={ctx} />
          <button type="submit">重新检查全部已发布信息</button>
        </form>
      )}
      {report.agencies.length === 0 && <Notice kind="ok">已发布的信息中未发现个人信息。</Notice>}
      {report.agencies.map((a) => (
        <section aria-labelledby={`agency-${a.agencyId}`} class="privacy-agency">
          <h2 id={`agency-${a.agencyId}`}>{a.agencyName}<span class="count">（个人信息 {a.findingCount} 处{a.uncheckedCount > 0 ? `，无法自动检查的附件 ${a.uncheckedCount} 个` : ''}）</span></h2>
          {a.documents.map((d) => (
            <article class="privacy-doc">
              <h3><a href={`/console/privacy/documents/${d.documentId}`}>{d.title}</a></h3>
              <p class="meta">{d.indexNumber && `索引号 ${d.indexNumber} · `}{d.publishedOn ? `发布于 ${formatDate(d.publishedOn, ctx.lang)}` : ''} · {STATE_LABELS[d.state] ?? d.state}</p>
              <ul>
                {d.findings.map((f) => <li>{f.location}：{f.kindLabel} <code class="masked-value">{f.masked}</code></li>)}
                {d.unchecked.map((f) => <li>{f.location}：无法自动检查（图片或扫描件），请人工核对</li>)}
              </ul>
              {d.canWithdraw && (
                <form method="post" action={`/console/privacy/documents/${d.documentId}/withdraw`} class="privacy-withdraw">
                  <CsrfField ctx={ctx} />
                  <label for={`withdraw-${d.documentId}`}>撤回理由</label>
                  <input id={`withdraw-${d.documentId}`} name="reason" type="text" maxLength={500} required value="附件含有个人信息，撤回处理后重新发布" />
                  <button type="submit">撤回</button>
                </form>
              )}
            </article>
          ))}
        </section>
      ))}
    </ConsoleLayout>
  );
}

function days(x: number | null): string {
  if (x === null) return '—';
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function share(x: number | null): string {
  return x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

function Stats({ s }: { s: DurationStats }) {
  return <><td>{s.count}</td><td>{days(s.median)}</td><td>{days(s.p90)}</td></>;
}

function YearForm({ action, year }: { action: string; year: number }) {
  return (
    <form method="get" action={action} class="filter-form">
      <div class="form-row">
        <label for="year">年份</label>
        <input id="year" name="year" type="number" min={2008} max={2100} value={String(year)} />
      </div>
      <button type="submit">查看</button>
    </form>
  );
}

/** Median and 90th percentile working days, on-time and extended shares, per agency. */
export function TimingPage({ ctx, report }: { ctx: PageContext; report: TimingReport }) {
  return (
    <ConsoleLayout ctx={ctx} title="答复用时" active="/console/privacy">
      <h1>答复用时（{report.year}年）</h1>
      <PrivacyTabs active="timing" />
      <YearForm action="/console/privacy/timing" year={report.year} />
      <p>按工作日计算（法定节假日和调休按工作日历）。首次回应：受理告知、补正告知、延期告知、收费通知、要求说明理由或答复中最早的一项，统计本年收到的申请；
        答复：自收到申请至作出答复（含征求意见、缴费等不计入答复期限的天数，即申请人实际等待的时间），统计本年作出的答复；按期答复依答复期限判断。</p>
      <table class="data-table timing-table">
        <caption class="visually-hidden">答复用时</caption>
        <thead>
          <tr><th scope="col" rowSpan={2}>机关</th><th scope="col" rowSpan={2}>收到申请</th><th scope="colgroup" colSpan={3}>首次回应（工作日）</th><th scope="colgroup" colSpan={3}>答复（工作日）</th><th scope="col" rowSpan={2}>按期答复</th><th scope="col" rowSpan={2}>延期答复</th></tr>
          <tr><th scope="col">件数</th><th scope="col">中位数</th><th scope="col">第90百分位</th><th scope="col">件数</th><th scope="col">中位数</th><th scope="col">第90百分位</th></tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr>
              <th scope="row">{r.agencyName}</th>
              <td>{r.figures.received}</td>
              <Stats s={r.figures.firstResponse} />
              <Stats s={r.figures.finalReply} />
              <td>{r.figures.onTime}（{share(r.figures.onTimeShare)}）</td>
              <td>{r.figures.extended}（{share(r.figures.extendedShare)}）</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>
  );
}

/** Suggestions shown on the application and question forms, and deflection per month. */
export function SuggestionsPage({ ctx, report }: { ctx: PageContext; report: DeflectionReport }) {
  const row = (label: string, m: DeflectionReport['total']) => (
    <tr><th scope="row">{label}</th><td>{m.shown}</td><td>{m.opened}</td><td>{m.followed}</td><td>{m.deflected}</td><td>{share(m.rate)}</td></tr>
  );
  return (
    <ConsoleLayout ctx={ctx} title="建议与分流" active="/console/privacy">
      <h1>建议与分流（{report.year}年）</h1>
      <PrivacyTabs active="suggestions" />
      <YearForm action="/console/privacy/suggestions" year={report.year} />
      <p>公众填写申请或咨询时，系统展示最相关的已公开信息和已答复的咨询（“这是否是您要找的信息？”）。
        “分流”指打开了建议的信息且未再提交申请或咨询的次数。统计不保存公众填写的内容。</p>
      <table class="data-table">
        <caption class="visually-hidden">每月建议与分流</caption>
        <thead><tr><th scope="col">月份</th><th scope="col">展示建议</th><th scope="col">打开建议</th><th scope="col">仍提交</th><th scope="col">分流</th><th scope="col">分流率（分流/打开）</th></tr></thead>
        <tbody>
          {report.months.map((m) => row(`${Number(m.month.slice(5))}月`, m))}
          {row('合计', report.total)}
        </tbody>
      </table>
    </ConsoleLayout>
  );
}

/** On an application's case page: personal data of others in what would go to the applicant (a warning, not a block). */
export function OutgoingPrivacyWarnings({ warnings }: { warnings: readonly OutgoingWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section class="notice notice-warn privacy-outgoing" aria-labelledby="privacy-outgoing-title">
      <h2 id="privacy-outgoing-title">个人信息提示</h2>
      <p>将提供给申请人的答复或文件中含有申请人以外的个人信息。涉及第三方个人隐私的，应当删除或者作区分处理后提供（条例第十五条、第三十七条）；请确认后再答复：</p>
      <ul>{warnings.map((w) => <li>{w.location}：{w.kindLabel} <code class="masked-value">{w.masked}</code></li>)}</ul>
    </section>
  );
}
