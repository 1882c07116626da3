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
import type { FindingStatus, PrivacyKind } from '../../services/privacy.service.ts';
import { DOCUMENT_STATES, type DocumentState } from '../../domain/document-workflow.ts';
import { documentStateLabel } from './document-common.tsx';
import { tx, type Lang } from '../i18n/index.ts';

const stateLabel = (ctx: PageContext, state: string) => (DOCUMENT_STATES.includes(state as DocumentState) ? documentStateLabel(ctx, state as DocumentState) : state);

// The services label kinds and statuses in Chinese; English is kept here by code.
const KIND_EN: Record<PrivacyKind, string> = {
  resident_id: 'Resident ID number',
  resident_id_15: 'Resident ID number (15 digits)',
  mobile: 'Mobile phone number',
  landline: 'Landline number',
  bank_card: 'Bank card number',
  email: 'Email address',
  address: 'Home address',
  not_checkable: 'Attachment that cannot be checked automatically',
};
const STATUS_EN: Record<FindingStatus, string> = { open: 'To deal with', justified: 'Reason recorded', resolved: 'Removed' };

const kindLabel = (ctx: { lang: Lang }, f: { kind: PrivacyKind; kindLabel: string }) => tx(ctx, f.kindLabel, KIND_EN[f.kind] ?? f.kindLabel);

function PrivacyTabs({ ctx, active }: { ctx: PageContext; active: 'overview' | 'timing' | 'suggestions' }) {
  const tabs: [typeof active, string, string][] = [
    ['overview', '/console/privacy', tx(ctx, '已发布信息检查', 'Published information')],
    ['timing', '/console/privacy/timing', tx(ctx, '答复用时', 'Reply times')],
    ['suggestions', '/console/privacy/suggestions', tx(ctx, '建议与分流', 'Suggestions and deflection')],
  ];
  return (
    <nav aria-label={tx(ctx, '个人信息检查栏目', 'Personal data check sections')} class="tabs">
      <ul>{tabs.map(([k, href, label]) => <li><a href={href} aria-current={k === active ? 'page' : undefined}>{label}</a></li>)}</ul>
    </nav>
  );
}

function StatusBadge({ ctx, f }: { ctx: PageContext; f: FindingView }) {
  const cls = f.status === 'open' ? 'badge badge-danger' : f.status === 'justified' ? 'badge badge-warn' : 'badge badge-ok';
  return <span class={cls}>{tx(ctx, f.statusLabel, STATUS_EN[f.status] ?? f.statusLabel)}</span>;
}

function FindingRow({ ctx, view, f, error }: { ctx: PageContext; view: DocumentPrivacyView; f: FindingView; error?: { findingId: number; message: string } }) {
  const base = `/console/privacy/documents/${view.documentId}/findings/${f.id}`;
  const myError = error && error.findingId === f.id ? error.message : undefined;
  return (
    <tr>
      <td>{f.location}</td>
      <td>{kindLabel(ctx, f)}</td>
      <td><code class="masked-value">{f.masked}</code></td>
      <td>
        <StatusBadge ctx={ctx} f={f} />
        {f.justification && (
          <p class="privacy-reason">
            {tx(ctx, '理由：', 'Reason: ')}{f.justification}
            {f.decidedBy && tx(ctx, `（${f.decidedBy}，${formatDateTime(f.decidedAt, ctx.lang)}）`, ` (${f.decidedBy}, ${formatDateTime(f.decidedAt, ctx.lang)})`)}
          </p>
        )}
      </td>
      <td>
        {view.canJustify && f.status === 'open' && f.justifiable && (
          <form method="post" action={`${base}/justify`} class="privacy-justify">
            <CsrfField ctx={ctx} />
            <label for={`reason-${f.id}`} class="visually-hidden">{tx(ctx, '公开该项的理由', 'Reason for publishing this item')}</label>
            <input id={`reason-${f.id}`} name="reason" type="text" maxLength={500} required placeholder={tx(ctx, '公开理由和依据（如：公示名单依规须公开姓名）', 'Reason and basis (e.g. the rules require names on a public notice list)')}
              aria-invalid={myError ? 'true' : undefined} aria-describedby={myError ? `reason-${f.id}-error` : undefined} />
            <button type="submit">{tx(ctx, '记录理由', 'Record the reason')}</button>
            {myError && <p class="field-error" id={`reason-${f.id}-error`}>{myError}</p>}
          </form>
        )}
        {view.canJustify && f.status === 'justified' && (
          <form method="post" action={`${base}/reopen`} class="inline">
            <CsrfField ctx={ctx} />
            <button type="submit" class="linklike">{tx(ctx, '撤回理由', 'Withdraw the reason')}</button>
          </form>
        )}
        {f.status === 'open' && !f.justifiable && <p class="hint">{tx(ctx, '不得完整公开：请删除或生成遮盖副本', 'May not be published in full: delete it or make a masked copy')}</p>}
      </td>
    </tr>
  );
}

/** The personal-data check of one document. */
export function DocumentPrivacyPage(props: {
  ctx: PageContext; view: DocumentPrivacyView; notice?: string; error?: string; findingError?: { findingId: number; message: string };
}) {
  const { ctx, view } = props;
  const title = tx(ctx, `个人信息检查：${view.title}`, `Personal data check: ${view.title}`);
  return (
    <ConsoleLayout ctx={ctx} title={title} active="/console/privacy">
      <p><a href={`/console/documents/${view.documentId}`}>{tx(ctx, '← 返回文件', '← Back to the document')}</a></p>
      <h1>{title}</h1>
      <p class="doc-status">
        <span class="badge">{stateLabel(ctx, view.state)}</span>{' '}
        {view.scannedAt ? tx(ctx, '检查时间：', 'Checked: ') + formatDateTime(view.scannedAt, ctx.lang) : tx(ctx, '尚未检查', 'Not checked yet')}
      </p>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <p>
        {tx(ctx, `已检查标题、关键词、内容概述、正文和全部附件（PDF、DOCX、XLSX、CSV 的文字；图片和扫描件须人工核对）中的居民身份证号码、手机和固定电话号码、银行卡号、电子邮箱和详细住址。 存在“待处理”项时，文件不能审核通过或发布：请删除或遮盖后重新上传，或生成遮盖副本，或由审核人逐项说明公开理由。身份证号码和银行卡号不得完整公开。`,
        'The title, keywords, summary, text and all attachments (the text of PDF, DOCX, XLSX and CSV files; images and scans must be checked by eye) were checked for resident ID numbers, mobile and landline numbers, bank card numbers, email addresses and home addresses. While an item is “To deal with”, the document cannot be approved or published: delete or mask the data and upload the file again, make a masked copy, or have the reviewer record a reason for publishing each item. ID numbers and bank card numbers may never be published in full.')}
      </p>
      {view.findings.length === 0
        ? <Notice kind="ok">{tx(ctx, '未发现个人信息。', 'No personal data found.')}</Notice>
        : (
          <>
            <p class={view.open > 0 ? 'privacy-open' : undefined}>
              <strong>{view.open > 0 ? tx(ctx, `待处理 ${view.open} 项`, `${view.open} to deal with`) : tx(ctx, '全部已说明理由', 'Reasons recorded for all')}</strong>{tx(ctx, `，共 ${view.findings.length} 项。`, `, ${view.findings.length} in all.`)}
            </p>
            <table class="data-table privacy-findings">
              <caption class="visually-hidden">{tx(ctx, '检查结果', 'Findings')}</caption>
              <thead><tr><th scope="col">{tx(ctx, '位置', 'Where')}</th><th scope="col">{tx(ctx, '类型', 'Kind')}</th><th scope="col">{tx(ctx, '内容（已遮盖）', 'Content (masked)')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th><th scope="col">{tx(ctx, '处理', 'Action')}</th></tr></thead>
              <tbody>{view.findings.map((f) => <FindingRow ctx={ctx} view={view} f={f} error={props.findingError} />)}</tbody>
            </table>
          </>
        )}
      <form method="post" action={`/console/privacy/documents/${view.documentId}/rescan`} class="inline">
        <CsrfField ctx={ctx} />
        <button type="submit">{tx(ctx, '重新检查', 'Check again')}</button>
      </form>
      {view.maskable.length > 0 && (
        <section aria-labelledby="mask-h">
          <h2 id="mask-h">{tx(ctx, '生成遮盖副本', 'Masked copies')}</h2>
          <p>{tx(ctx, `适用于依规须公示的名单：身份证号码保留前6位和后4位（如 431281********1234），手机号码保留前3位和后4位（如 138****8000），姓名保留，文件中其他内容不变。 副本作为新附件替换原附件；原件移出公开附件，仅工作人员可见。`,
            'For lists that the rules require to be made public: ID numbers keep their first 6 and last 4 digits (e.g. 431281********1234), mobile numbers their first 3 and last 4 (e.g. 138****8000); names and everything else in the file stay as they are. The copy replaces the attachment; the original is taken out of the public attachments and only staff can see it.')}</p>
          <ul class="privacy-maskable">
            {view.maskable.map((a) => (
              <li>
                {a.filename}{a.openFindings > 0 ? tx(ctx, `（${a.openFindings} 项个人信息）`, ` (${a.openFindings} items of personal data)`) : tx(ctx, '（未发现个人信息）', ' (no personal data found)')}
                {view.canMask && a.openFindings > 0 && (
                  <form method="post" action={`/console/privacy/documents/${view.documentId}/attachments/${a.id}/mask`} class="inline">
                    <CsrfField ctx={ctx} />
                    <button type="submit">{tx(ctx, '生成遮盖副本', 'Make a masked copy')}</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          {!view.canMask && <p class="hint">{tx(ctx, '当前状态下您不能替换附件（登记人或公开办在送审前、审核人在审核中、公开办在发布后可以）。', 'You cannot replace attachments in the document\'s current state (the person who registered it or the disclosure office can before review, the reviewer during review, the disclosure office after publication).')}</p>}
        </section>
      )}
      {view.withheld.length > 0 && (
        <section aria-labelledby="withheld-h">
          <h2 id="withheld-h">{tx(ctx, '已移出公开附件的原件', 'Originals taken out of the public attachments')}</h2>
          <ul>
            {view.withheld.map((w) => (
              <li>
                <a href={`/console/privacy/documents/${view.documentId}/withheld/${w.id}`}>{w.filename}</a>
                {tx(ctx, `（遮盖 ${w.maskedCells} 处，${formatDateTime(w.createdAt, ctx.lang)}，不公开）`, ` (${w.maskedCells} values masked, ${formatDateTime(w.createdAt, ctx.lang)}, not public)`)}
              </li>
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
    <ConsoleLayout ctx={ctx} title={tx(ctx, '个人信息检查', 'Personal data check')} active="/console/privacy">
      <h1>{tx(ctx, '个人信息检查', 'Personal data check')}</h1>
      <PrivacyTabs ctx={ctx} active="overview" />
      {props.notice && (
        <Notice kind="ok">
          {props.notice}
          {props.swept !== undefined && tx(ctx, ` 共检查 ${props.swept} 份已发布的文件。`, ` ${props.swept} published documents checked.`)}
        </Notice>
      )}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <p>{tx(ctx, '已发布和已归档文件中仍含有的个人信息（未说明理由的），按机关列出。监督机构可据此督促整改；公开办或负责人可即时撤回文件并记录理由。', 'Personal data still in published and archived documents (without a recorded reason), by agency. The supervising office can use this to have it corrected; the disclosure office or the head can withdraw a document at once, recording the reason.')}</p>
      {props.canSweep && (
        <form method="post" action="/console/privacy/sweep" class="inline">
          <CsrfField ctx={ctx} />
          <button type="submit">{tx(ctx, '重新检查全部已发布信息', 'Check all published information again')}</button>
        </form>
      )}
      {report.agencies.length === 0 && <Notice kind="ok">{tx(ctx, '已发布的信息中未发现个人信息。', 'No personal data found in published information.')}</Notice>}
      {report.agencies.map((a) => (
        <section aria-labelledby={`agency-${a.agencyId}`} class="privacy-agency">
          <h2 id={`agency-${a.agencyId}`}>
            {a.agencyName}
            <span class="count">
              {tx(ctx, `（个人信息 ${a.findingCount} 处${a.uncheckedCount > 0 ? `，无法自动检查的附件 ${a.uncheckedCount} 个` : ''}）`,
                ` (${a.findingCount} items of personal data${a.uncheckedCount > 0 ? `, ${a.uncheckedCount} attachments that cannot be checked automatically` : ''})`)}
            </span>
          </h2>
          {a.documents.map((d) => (
            <article class="privacy-doc">
              <h3><a href={`/console/privacy/documents/${d.documentId}`}>{d.title}</a></h3>
              <p class="meta">
                {d.indexNumber && tx(ctx, `索引号 ${d.indexNumber} · `, `Index number ${d.indexNumber} · `)}
                {d.publishedOn ? tx(ctx, '发布于 ', 'Published ') + formatDate(d.publishedOn, ctx.lang) : ''} · {stateLabel(ctx, d.state)}
              </p>
              <ul>
                {d.findings.map((f) => <li>{f.location}{tx(ctx, '：', ': ')}{kindLabel(ctx, f)} <code class="masked-value">{f.masked}</code></li>)}
                {d.unchecked.map((f) => <li>{f.location}{tx(ctx, '：无法自动检查（图片或扫描件），请人工核对', ': cannot be checked automatically (image or scan); check it by eye')}</li>)}
              </ul>
              {d.canWithdraw && (
                <form method="post" action={`/console/privacy/documents/${d.documentId}/withdraw`} class="privacy-withdraw">
                  <CsrfField ctx={ctx} />
                  <label for={`withdraw-${d.documentId}`}>{tx(ctx, '撤回理由', 'Reason for withdrawal')}</label>
                  <input id={`withdraw-${d.documentId}`} name="reason" type="text" maxLength={500} required value="附件含有个人信息，撤回处理后重新发布" />
                  <button type="submit">{tx(ctx, '撤回', 'Withdraw')}</button>
                </form>
              )}
            </article>
          ))}
        </section>
      ))}
    </ConsoleLayout>
  );
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

function YearForm({ ctx, action, year }: { ctx: PageContext; action: string; year: number }) {
  return (
    <form method="get" action={action} class="filter-form">
      <div class="form-row">
        <label for="year">{tx(ctx, '年份', 'Year')}</label>
        <input id="year" name="year" type="number" min={2008} max={2100} value={String(year)} />
      </div>
      <button type="submit">{tx(ctx, '查看', 'Show')}</button>
    </form>
  );
}

/** Median and 90th percentile working days, on-time and extended shares, per agency. */
export function TimingPage({ ctx, report }: { ctx: PageContext; report: TimingReport }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '答复用时', 'Reply times')} active="/console/privacy">
      <h1>{tx(ctx, `答复用时（${report.year}年）`, `Reply times (${report.year})`)}</h1>
      <PrivacyTabs ctx={ctx} active="timing" />
      <YearForm ctx={ctx} action="/console/privacy/timing" year={report.year} />
      <p>{tx(ctx, `按工作日计算（法定节假日和调休按工作日历）。首次回应：受理告知、补正告知、延期告知、收费通知、要求说明理由或答复中最早的一项，统计本年收到的申请； 答复：自收到申请至作出答复（含征求意见、缴费等不计入答复期限的天数，即申请人实际等待的时间），统计本年作出的答复；按期答复依答复期限判断。`,
        'In working days (public holidays and swapped working days follow the calendar). First response: the earliest of the acknowledgement, a request for correction, an extension notice, a fee notice, a request to state reasons or the reply, for applications received this year. Reply: from receiving the application to the reply, including days that do not count towards the time limit such as third-party consultation and fees (the time the applicant actually waits), for replies made this year. On time is judged against the reply deadline.')}</p>
      <table class="data-table timing-table">
        <caption class="visually-hidden">{tx(ctx, '答复用时', 'Reply times')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>{tx(ctx, '机关', 'Agency')}</th><th scope="col" rowSpan={2}>{tx(ctx, '收到申请', 'Applications received')}</th>
            <th scope="colgroup" colSpan={3}>{tx(ctx, '首次回应（工作日）', 'First response (working days)')}</th><th scope="colgroup" colSpan={3}>{tx(ctx, '答复（工作日）', 'Reply (working days)')}</th>
            <th scope="col" rowSpan={2}>{tx(ctx, '按期答复', 'Replied on time')}</th><th scope="col" rowSpan={2}>{tx(ctx, '延期答复', 'Extension')}</th>
          </tr>
          <tr>
            <th scope="col">{tx(ctx, '件数', 'Count')}</th><th scope="col">{tx(ctx, '中位数', 'Median')}</th><th scope="col">{tx(ctx, '第90百分位', '90th percentile')}</th>
            <th scope="col">{tx(ctx, '件数', 'Count')}</th><th scope="col">{tx(ctx, '中位数', 'Median')}</th><th scope="col">{tx(ctx, '第90百分位', '90th percentile')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr>
              <th scope="row">{r.agencyName}</th>
              <td>{r.figures.received}</td>
              <Stats s={r.figures.firstResponse} />
              <Stats s={r.figures.finalReply} />
              <td>{r.figures.onTime}{tx(ctx, `（${share(r.figures.onTimeShare)}）`, ` (${share(r.figures.onTimeShare)})`)}</td>
              <td>{r.figures.extended}{tx(ctx, `（${share(r.figures.extendedShare)}）`, ` (${share(r.figures.extendedShare)})`)}</td>
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
    <ConsoleLayout ctx={ctx} title={tx(ctx, '建议与分流', 'Suggestions and deflection')} active="/console/privacy">
      <h1>{tx(ctx, `建议与分流（${report.year}年）`, `Suggestions and deflection (${report.year})`)}</h1>
      <PrivacyTabs ctx={ctx} active="suggestions" />
      <YearForm ctx={ctx} action="/console/privacy/suggestions" year={report.year} />
      <p>{tx(ctx, `公众填写申请或咨询时，系统展示最相关的已公开信息和已答复的咨询（“这是否是您要找的信息？”）。 “分流”指打开了建议的信息且未再提交申请或咨询的次数。统计不保存公众填写的内容。`,
        'While someone fills in an application or a question, the most relevant published information and answered questions are shown (“Is this what you are looking for?”). “Deflected” counts the times a suggestion was opened and no application or question was then submitted. Nothing the public typed is kept for these figures.')}</p>
      <table class="data-table">
        <caption class="visually-hidden">{tx(ctx, '每月建议与分流', 'Suggestions and deflection by month')}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(ctx, '月份', 'Month')}</th><th scope="col">{tx(ctx, '展示建议', 'Suggestions shown')}</th><th scope="col">{tx(ctx, '打开建议', 'Suggestions opened')}</th>
            <th scope="col">{tx(ctx, '仍提交', 'Submitted anyway')}</th><th scope="col">{tx(ctx, '分流', 'Deflected')}</th><th scope="col">{tx(ctx, '分流率（分流/打开）', 'Deflection rate (deflected / opened)')}</th>
          </tr>
        </thead>
        <tbody>
          {report.months.map((m) => row(ctx.lang === 'en' ? MONTHS_EN[Number(m.month.slice(5)) - 1] ?? m.month : `${Number(m.month.slice(5))}月`, m))}
          {row(tx(ctx, '合计', 'Total'), report.total)}
        </tbody>
      </table>
    </ConsoleLayout>
  );
}

/**
 * On an application's case page: personal data of others in what would go to the applicant (a
 * warning, not a block). Without `ctx` (a caller not yet passing it) the warning is in Chinese.
 */
export function OutgoingPrivacyWarnings({ ctx = { lang: 'zh-CN' }, warnings }: { ctx?: { lang: Lang }; warnings: readonly OutgoingWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section class="notice notice-warn privacy-outgoing" aria-labelledby="privacy-outgoing-title">
      <h2 id="privacy-outgoing-title">{tx(ctx, '个人信息提示', 'Personal data warning')}</h2>
      <p>{tx(ctx, '将提供给申请人的答复或文件中含有申请人以外的个人信息。涉及第三方个人隐私的，应当删除或者作区分处理后提供（条例第十五条、第三十七条）；请确认后再答复：', 'The reply or files to be given to the applicant contain personal data of people other than the applicant. Where a third party\'s privacy is involved, that data must be removed or handled separately before the information is provided (Articles 15 and 37 of the Regulations on Open Government Information). Check before replying:')}</p>
      <ul>{warnings.map((w) => <li>{w.location}{tx(ctx, '：', ': ')}{kindLabel(ctx, w)} <code class="masked-value">{w.masked}</code></li>)}</ul>
    </section>
  );
}
