// Staff console for disclosure on application: lists by deadline, the case page (clock, actions
// the user may take, history, files, repeats, review cases), offline registration, letter
// templates and the fee calculator. View models only (no database rows).
import type { ComponentChildren } from 'preact';
import { ConsoleLayout } from './console-layout.tsx';
import { withQuery, type PageContext } from '../render.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { tx, type Lang } from '../i18n/index.ts';
import type {
  ApplicationList,
  CaseView,
  DueView,
  ListView,
  RepeatView,
} from '../../services/application-case.service.ts';
import {
  CHANNELS,
  CHANNEL_LABELS,
  DELIVERIES,
  DELIVERY_LABELS,
  FORMATS,
  FORMAT_LABELS,
  ID_TYPES,
  ID_TYPE_LABELS,
  ORG_TYPES,
  ORG_TYPE_LABELS,
  type ApplicantKind,
  type Channel,
  type Delivery,
  type IdType,
  type InfoFormat,
  type OrgType,
} from '../../domain/application-form.ts';
import type { ApplicationEventType } from '../../domain/application-events.ts';
import {
  OUTCOMES,
  OUTCOME_CATEGORY_LABELS,
  STATES,
  STATE_LABELS,
  type Action,
  type AvailableAction,
  type OutcomeCategory,
  type OutcomeCode,
  type State,
} from '../../domain/application-workflow.ts';
import { formatTrackingCode } from '../../domain/tracking-code.ts';
import { CASE_KINDS, CASE_KIND_LABELS, CASE_RESULTS, CASE_RESULT_LABELS } from '../../services/application-review.service.ts';
import type { DecisionWordingView, TemplateView } from '../../services/application-letter.service.ts';
import { APPLICANT_FILE_KIND } from '../../services/application-intake.service.ts';
import { DECISION_PLACEHOLDERS } from '../../output/application-letters.ts';
import type { FeeBreakdown } from '../../domain/fees.ts';
import type { CaseKind, CaseResult } from '../../domain/annual-report.ts';
import { OutgoingPrivacyWarnings } from './privacy-console.tsx';
import type { OutgoingWarning } from '../../services/privacy-outgoing.service.ts';

// ---------------------------------------------------------------------------------------------
// English. The labels below live in the domain and the services in Chinese; the console in English
// shows these instead, looked up by code (a code missing here shows its Chinese label).

type Ctx = { lang: Lang };
const REGS_EN = 'the Regulations on Open Government Information';

const STATE_EN: Readonly<Record<State, string>> = {
  received: 'Received', awaiting_correction: 'Awaiting correction', assigned: 'Assigned', in_process: 'In process',
  consulting: 'Third-party consultation', awaiting_fee: 'Awaiting the fee', awaiting_reasons: 'Awaiting reasons',
  reply_drafted: 'Reply drafted (awaiting review)', reply_approved: 'Reply approved', replied: 'Replied', closed: 'Closed', withdrawn: 'Withdrawn',
};
const CHANNEL_EN: Readonly<Record<Channel, string>> = {
  in_person: 'In person', post: 'By post (signed for)', ordinary_mail: 'Ordinary letter', fax: 'Fax', email: 'E-mail', online: 'Online application', oral: 'Oral',
};
const FORMAT_EN: Readonly<Record<InfoFormat, string>> = { paper: 'Paper', electronic: 'Electronic' };
const DELIVERY_EN: Readonly<Record<Delivery, string>> = { post: 'By post', email: 'By e-mail', pickup: 'Collect in person', online: 'Download online (with the tracking code)' };
const ID_TYPE_EN: Readonly<Record<IdType, string>> = { resident_id: 'Resident identity card', passport: 'Passport', credit_code: 'Unified social credit code', other: 'Other valid document' };
const ORG_TYPE_EN: Readonly<Record<OrgType, string>> = {
  commercial: 'Commercial enterprise', research: 'Research institution', public_interest: 'Public-interest organisation', legal_services: 'Legal-services institution', other: 'Other',
};
const APPLICANT_KIND_EN: Readonly<Record<ApplicantKind, string>> = { person: 'Natural person', organization: 'Legal person or other organisation' };
const OUTCOME_CATEGORY_EN: Readonly<Record<OutcomeCategory, string>> = {
  disclosed: 'Disclosed', partial: 'Partly disclosed', withheld: 'Not disclosed', unable: 'Cannot be provided', not_processed: 'Not processed', other_handling: 'Other handling',
};
const OUTCOME_EN: Readonly<Record<OutcomeCode | 'withdrawn', { label: string; basis: string | null }>> = {
  disclosed: { label: 'Disclosed', basis: `Article 36(2) of ${REGS_EN}` },
  already_public: { label: 'Already published; told where and how to obtain it', basis: `Article 36(1) of ${REGS_EN}` },
  partially_disclosed: { label: 'Partly disclosed', basis: `Article 37 of ${REGS_EN}` },
  withheld_state_secret: { label: 'Not disclosed: state secret', basis: `Articles 14 and 36(3) of ${REGS_EN}` },
  withheld_prohibited_by_law: { label: 'Not disclosed: disclosure prohibited by laws or administrative regulations', basis: `Articles 14 and 36(3) of ${REGS_EN}` },
  withheld_security_stability: { label: 'Not disclosed: would endanger national, public or economic security or social stability', basis: `Articles 14 and 36(3) of ${REGS_EN}` },
  withheld_third_party: { label: 'Not disclosed: trade secrets, personal privacy or the like; disclosure would harm a third party’s lawful rights', basis: `Articles 15 and 36(3) of ${REGS_EN}` },
  withheld_internal_affairs: { label: 'Not disclosed: internal affairs (personnel, logistics, internal procedures)', basis: `Articles 16(1) and 36(3) of ${REGS_EN}` },
  withheld_process_info: { label: 'Not disclosed: process information (minutes, drafts, consultation letters, internal requests and reports)', basis: `Articles 16(2) and 36(3) of ${REGS_EN}` },
  withheld_enforcement_file: { label: 'Not disclosed: administrative enforcement case files', basis: `Articles 16(2) and 36(3) of ${REGS_EN}` },
  withheld_administrative_query: { label: 'Not disclosed: an administrative enquiry, handled under the relevant laws and regulations', basis: `Article 36(7) of ${REGS_EN}` },
  not_held: { label: 'Cannot be provided: not held by this agency after a search', basis: `Article 36(4) of ${REGS_EN}` },
  not_this_agency: { label: 'Cannot be provided: not for this agency to disclose', basis: `Article 36(5) of ${REGS_EN}` },
  needs_compilation: { label: 'Cannot be provided: does not exist and would have to be compiled', basis: `Article 38 of ${REGS_EN}` },
  unclear_after_correction: { label: 'Cannot be provided: still unclear after correction', basis: `Article 30 of ${REGS_EN}` },
  petition_complaint: { label: 'Not processed: a petition, complaint or report; told the proper channel', basis: `Article 39(1) of ${REGS_EN}` },
  repeat_application: { label: 'Not processed: repeat application', basis: `Article 36(6) of ${REGS_EN}` },
  publication_request: { label: 'Not processed: asks for a publication; told where to obtain it', basis: `Article 39(2) of ${REGS_EN}` },
  excessive_requests: { label: 'Not processed: many repeated applications without a proper reason', basis: `Article 35 of ${REGS_EN}` },
  confirmation_request: { label: 'Not processed: asks the agency to confirm or reissue information already obtained', basis: `Article 2 of ${REGS_EN}` },
  abandoned_no_correction: { label: 'Other handling: no correction in time without a proper reason; not processed further', basis: `Article 30 of ${REGS_EN}` },
  abandoned_fee_unpaid: { label: 'Other handling: processing fee not paid in time; not processed further', basis: `Article 42 of ${REGS_EN}; Measures on Processing Fees for Open Government Information (国办函〔2020〕109号)` },
  other: { label: 'Other handling', basis: null },
  withdrawn: { label: 'Withdrawn by the applicant', basis: null },
};
/** English of the workflow's actions (the case page's buttons; the route's "已办理：…" notice too). */
export const ACTION_EN: Readonly<Record<Action, string>> = {
  'request-correction': 'Request correction', 'receive-correction': 'Correction received', assign: 'Assign', 'start-consultation': 'Start third-party consultation',
  'end-consultation': 'End consultation', extend: 'Extend the reply period', 'send-fee-notice': 'Send fee notice', 'record-payment': 'Record payment',
  'request-reasons': 'Ask for reasons', 'receive-reasons': 'Reasons received', 'draft-reply': 'Draft the reply', 'approve-reply': 'Approve the reply',
  'return-reply': 'Return the reply', reply: 'Reply', withdraw: 'Record withdrawal', close: 'Close',
};
const EVENT_EN: Readonly<Record<ApplicationEventType, string>> = {
  received: 'Application received', correction_requested: 'Correction requested', correction_received: 'Correction received', assigned: 'Assigned',
  consultation_started: 'Third-party consultation', consultation_ended: 'Consultation ended', extended: 'Extension', fee_notice_sent: 'Fee notice sent',
  payment_recorded: 'Payment received', reasons_requested: 'Reasons requested', reasons_received: 'Reasons received', reply_drafted: 'Reply drafted',
  reply_approved: 'Reply approved', reply_returned: 'Reply returned', replied: 'Replied', withdrawn: 'Withdrawn', closed: 'Closed', file_attached: 'File attached',
};
const CASE_KIND_EN: Readonly<Record<CaseKind, string>> = {
  reconsideration: 'Administrative reconsideration', lawsuit_direct: 'Administrative lawsuit (without reconsideration)', lawsuit_after_reconsideration: 'Administrative lawsuit (after reconsideration)',
};
/** English names of the letters (the templates page; the route's "已保存：…" notice too). */
export const LETTER_EN: Readonly<Record<string, string>> = {
  receipt: 'Acknowledgement of an application', correction_notice: 'Notice requesting correction', extension_notice: 'Notice of extension',
  consultation_letter: 'Third-party consultation letter', agency_consultation_letter: 'Letter consulting another agency', fee_notice: 'Processing fee notice', reply: 'Reply letter',
};
const CASE_RESULT_EN: Readonly<Record<CaseResult, string>> = { upheld: 'Upheld', corrected: 'Corrected', other: 'Other', pending: 'Pending' };

/** A label in the page's language: the English one by code, else the Chinese one given. */
function byCode<K extends string>(ctx: Ctx, en: Readonly<Record<K, string>>, code: string | null | undefined, zh: string): string {
  if (ctx.lang !== 'en' || code === null || code === undefined) return zh;
  return (en as Readonly<Record<string, string>>)[code] ?? zh;
}

/** An application state in the page's language (also for pages that only have the Chinese label). */
export function stateText(ctx: Ctx, state: string, zh?: string): string {
  return byCode(ctx, STATE_EN, state, zh ?? STATE_LABELS[state as State] ?? state);
}

function outcomeText(ctx: Ctx, outcome: string | null | undefined, zh: string | null): string | null {
  if (zh === null) return null;
  return ctx.lang === 'en' && outcome ? OUTCOME_EN[outcome as OutcomeCode]?.label ?? zh : zh;
}

/** "Reply due by 30 Oct 2025 (3 working days left)" — the English of the service's dueSentence. */
function dueSentenceText(ctx: Ctx, due: DueView, zh: string): string {
  if (ctx.lang !== 'en') return zh;
  if (due.status === 'ended') return due.dueOn ? `The reply was due by ${formatDate(due.dueOn, 'en')}` : '';
  if (due.status === 'awaiting_correction') return 'Waiting for the applicant’s correction; the reply period starts again on the day it is received';
  if (due.dueOn === null) return '';
  const note = due.provisional ? ' (holidays not yet announced: counted Monday to Friday for now)' : '';
  const paused = due.status === 'paused' ? 'The reply period is paused; if it resumed today, ' : '';
  const r = due.remainingWorkingDays ?? 0;
  const tail = r > 0 ? ` (${r} working days left)` : r === 0 ? ' (due today)' : ` (${-r} working days overdue)`;
  return `${paused}${paused ? 'the' : 'The'} reply is due by ${formatDate(due.dueOn, 'en')}${tail}${note}`;
}

function Page({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <ConsoleLayout ctx={ctx} title={title}>
      <div class="app-console">{children}</div>
    </ConsoleLayout>
  );
}

function Csrf({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p class="field-error" id={`${id}-error`}>{error}</p> : null;
}

function Text(props: { id: string; name?: string; label: string; value?: string; error?: string; hint?: string; type?: string; maxLength?: number; required?: boolean; min?: string; max?: string }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'form-row has-error' : 'form-row'}>
      <label for={props.id}>{props.label}{props.required && <span class="required" aria-hidden="true"> *</span>}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <input id={props.id} name={props.name ?? props.id} type={props.type ?? 'text'} value={props.value ?? ''} maxLength={props.maxLength}
        required={props.required} min={props.min} max={props.max} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy} />
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

function Area(props: { id: string; name?: string; label: string; value?: string; error?: string; hint?: string; rows?: number; required?: boolean }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'form-row has-error' : 'form-row'}>
      <label for={props.id}>{props.label}{props.required && <span class="required" aria-hidden="true"> *</span>}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <textarea id={props.id} name={props.name ?? props.id} rows={props.rows ?? 3} required={props.required}
        aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>{props.value ?? ''}</textarea>
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

function Sel(props: { id: string; name?: string; label: string; value?: string; options: { value: string; label: string }[]; error?: string; blank?: string; hint?: string }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'form-row has-error' : 'form-row'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <select id={props.id} name={props.name ?? props.id} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

function DueBadge({ ctx, due }: { ctx: PageContext; due: CaseView['due'] }) {
  if (due.status === 'ended') return due.onTime === false ? <span class="badge badge-danger">{tx(ctx, '逾期答复', 'Replied late')}</span> : null;
  if (due.status === 'awaiting_correction') return <span class="badge badge-warn">{tx(ctx, '待补正', 'Awaiting correction')}</span>;
  if (due.remainingWorkingDays === null) return null;
  const n = due.remainingWorkingDays;
  if (due.overdue) return <span class="badge badge-danger">{tx(ctx, `已逾期 ${-n} 个工作日`, `${-n} working days overdue`)}</span>;
  if (due.dueSoon) return <span class="badge badge-warn">{tx(ctx, `剩余 ${n} 个工作日`, `${n} working days left`)}</span>;
  return <span class="badge badge-ok">{tx(ctx, `剩余 ${n} 个工作日`, `${n} working days left`)}</span>;
}

// ---------------------------------------------------------------------------------------------
// List

const TABS: { view: ListView; label: string; en: string }[] = [
  { view: 'all', label: '全部', en: 'All' },
  { view: 'open', label: '办理中', en: 'Open' },
  { view: 'mine', label: '待我办理', en: 'Waiting for me' },
  { view: 'due_soon', label: '即将到期', en: 'Due soon' },
  { view: 'overdue', label: '已逾期', en: 'Overdue' },
];

export interface ListPageProps {
  ctx: PageContext;
  list: ApplicationList;
  view: ListView;
  filter: { state?: string; departmentId?: number; q?: string; agency?: string };
  departments: { id: number; name: string }[];
  agencies: { code: string; name: string }[];
  canRegister: boolean;
}

export function ApplicationListPage({ ctx, list, view, filter, departments, agencies, canRegister }: ListPageProps) {
  const base = '/console/applications';
  const tabUrl = (v: ListView) => withQuery(ctx.url, { view: v === 'all' ? undefined : v, page: undefined });
  return (
    <Page ctx={ctx} title={tx(ctx, '依申请公开', 'Disclosure on application')}>
      <h1>{tx(ctx, '依申请公开', 'Disclosure on application')}</h1>
      {canRegister && <p><a class="button" href={`${base}/new`}>{tx(ctx, '登记线下申请', 'Register an offline application')}</a></p>}
      <nav aria-label={tx(ctx, '申请列表视图', 'Application list views')}>
        <ul class="app-tabs">
          {TABS.map((t) => <li><a href={tabUrl(t.view)} aria-current={t.view === view ? 'page' : undefined}>{tx(ctx, t.label, t.en)}</a></li>)}
        </ul>
      </nav>
      <form method="get" action={base} class="app-filters">
        {view !== 'all' && <input type="hidden" name="view" value={view} />}
        {agencies.length > 1 && (
          <Sel id="f-agency" name="agency" label={tx(ctx, '机关', 'Agency')} value={filter.agency} blank={tx(ctx, '全部机关', 'All agencies')} options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
        )}
        {departments.length > 0 && (
          <Sel id="f-dept" name="dept" label={tx(ctx, '承办科室', 'Department')} value={filter.departmentId !== undefined ? String(filter.departmentId) : ''} blank={tx(ctx, '全部科室', 'All departments')}
            options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        )}
        <Sel id="f-state" name="state" label={tx(ctx, '状态', 'Status')} value={filter.state} blank={tx(ctx, '全部状态', 'All statuses')} options={STATES.map((s) => ({ value: s, label: stateText(ctx, s) }))} />
        <Text id="f-q" name="q" label={tx(ctx, '查询码、申请人或内容', 'Tracking code, applicant or content')} value={filter.q} maxLength={100} />
        <div class="form-row"><button type="submit" class="primary">{tx(ctx, '筛选', 'Filter')}</button></div>
      </form>
      {list.items.length === 0
        ? <p class="empty">{tx(ctx, '没有符合条件的申请。', 'No matching applications.')}</p>
        : (
          <table class="data-table">
            <caption class="visually-hidden">{tx(ctx, '申请列表', 'Applications')}</caption>
            <thead>
              <tr><th scope="col">{tx(ctx, '查询码', 'Tracking code')}</th>{agencies.length > 1 && <th scope="col">{tx(ctx, '机关', 'Agency')}</th>}<th scope="col">{tx(ctx, '收到日期', 'Received')}</th><th scope="col">{tx(ctx, '申请人', 'Applicant')}</th><th scope="col">{tx(ctx, '所需信息', 'Information sought')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th><th scope="col">{tx(ctx, '承办科室', 'Department')}</th><th scope="col">{tx(ctx, '答复期限', 'Reply due')}</th></tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr>
                  <td><a href={`${base}/${i.id}`}>{formatTrackingCode(i.trackingCode)}</a></td>
                  {agencies.length > 1 && <td>{i.agencyName}</td>}
                  <td>{formatDate(i.receivedOn, ctx.lang)}</td>
                  <td>{i.applicantName}<br /><span class="hint">{byCode(ctx, APPLICANT_KIND_EN, i.applicantKind, i.applicantKindLabel)}</span></td>
                  <td class="desc-cell">{i.description.length > 60 ? `${i.description.slice(0, 60)}…` : i.description}</td>
                  <td>{stateText(ctx, i.state, i.stateLabel)}{i.outcomeLabel && <><br /><span class="hint">{outcomeText(ctx, i.outcome, i.outcomeLabel)}</span></>}</td>
                  <td>{i.departmentName ?? tx(ctx, '未分办', 'Not assigned')}</td>
                  <td>{i.due.dueOn ? formatDate(i.due.dueOn, ctx.lang) : '—'}{i.due.provisional && tx(ctx, '（暂定）', ' (provisional)')} <DueBadge ctx={ctx} due={i.due} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      <Pager ctx={ctx} page={list.page} pageSize={list.pageSize} total={list.total} />
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{tx(ctx, '办理中的申请统计', 'Open applications in figures')}</h2>
        <table class="data-table counts-table">
          <thead><tr><th scope="col">{tx(ctx, '机关 / 承办科室', 'Agency / department')}</th><th scope="col">{tx(ctx, '办理中', 'Open')}</th><th scope="col">{tx(ctx, '5个工作日内到期', 'Due within 5 working days')}</th><th scope="col">{tx(ctx, '已逾期', 'Overdue')}</th></tr></thead>
          <tbody>
            {list.counts.map((c) => (
              <>
                <tr><th scope="row"><a href={withQuery(base, { agency: c.agencyCode })}>{c.agencyName}</a></th><td>{c.open}</td><td>{c.dueSoon}</td><td>{c.overdue}</td></tr>
                {c.departments.map((d) => (
                  <tr><td>　{d.id !== null ? <a href={withQuery(base, { agency: c.agencyCode, dept: d.id, view: 'open' })}>{d.name}</a> : tx(ctx, d.name, 'Not assigned')}</td><td>{d.open}</td><td>{d.dueSoon}</td><td>{d.overdue}</td></tr>
                ))}
              </>
            ))}
          </tbody>
        </table>
      </section>
    </Page>
  );
}

function Pager({ ctx, page, pageSize, total }: { ctx: PageContext; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav class="pager" aria-label={ctx.t('common.pagination')}>
      <span>{tx(ctx, `共 ${total} 件`, `${total} applications`)}</span>
      {page > 1 && <a href={withQuery(ctx.url, { page: page - 1 })} rel="prev">{ctx.t('common.prev')}</a>}
      {pages > 1 && <span>{ctx.t('common.page', { page, pages })}</span>}
      {page < pages && <a href={withQuery(ctx.url, { page: page + 1 })} rel="next">{ctx.t('common.next')}</a>}
    </nav>
  );
}

// ---------------------------------------------------------------------------------------------
// Registration of offline applications

export interface RegisterValues {
  kind: string; orgType: string; name: string; idType: string; idNumber: string; phone: string; email: string; address: string;
  description: string; format: string; delivery: string; channel: string; receivedOn: string; confirmedOn: string;
}

export function RepeatList({ ctx, repeats, caption }: { ctx: PageContext; repeats: RepeatView[]; caption: string }) {
  if (repeats.length === 0) return null;
  return (
    <table class="data-table">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{tx(ctx, '查询码', 'Tracking code')}</th><th scope="col">{tx(ctx, '收到日期', 'Received')}</th><th scope="col">{tx(ctx, '内容', 'Content')}</th><th scope="col">{tx(ctx, '状态 / 结果', 'Status / decision')}</th><th scope="col">{tx(ctx, '相似度', 'Similarity')}</th></tr></thead>
      <tbody>
        {repeats.map((r) => (
          <tr class={r.similar ? 'repeat-similar' : undefined}>
            <td><a href={`/console/applications/${r.id}`}>{formatTrackingCode(r.trackingCode)}</a></td>
            <td>{formatDate(r.receivedOn, ctx.lang)}</td>
            <td class="desc-cell">{r.description}</td>
            <td>{stateText(ctx, r.state, r.stateLabel)}{r.outcomeLabel ? `${tx(ctx, '：', ': ')}${outcomeText(ctx, r.outcome, r.outcomeLabel)}` : ''}</td>
            <td>{Math.round(r.similarity * 100)}%{r.similar && tx(ctx, '（内容相似）', ' (similar content)')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RegisterPage({ ctx, values, errors, repeats, checked, nonce }: { ctx: PageContext; values: RegisterValues; errors: Record<string, string>; repeats: RepeatView[]; checked: boolean; nonce: string }) {
  const opts = <T extends string>(codes: readonly T[], labels: Readonly<Record<T, string>>, en: Readonly<Record<T, string>>) => codes.map((c) => ({ value: c, label: byCode(ctx, en, c, labels[c]) }));
  const errorList = Object.entries(errors);
  return (
    <Page ctx={ctx} title={tx(ctx, '登记线下申请', 'Register an offline application')}>
      <h1>{tx(ctx, '登记线下申请', 'Register an offline application')}</h1>
      <p class="hint">{tx(ctx, '登记以信函、传真、电子邮件、当面或口头方式提出的申请。收到申请的日期依《中华人民共和国政府信息公开条例》第三十一条确定：当面提交以提交之日为准；邮政寄递以签收之日为准；平常信函、传真、电子邮件和互联网申请以双方确认之日为准。',
        'Register applications made by letter, fax, e-mail, in person or orally. The date of receipt follows Article 31 of the Regulations on Open Government Information: in person, the day of submission; by post, the day it is signed for; by ordinary letter, fax, e-mail or online, the day both sides confirm.')}</p>
      {errorList.length > 0 && (
        <div class="error-summary" role="alert">
          <h2>{tx(ctx, '请修改以下内容', 'Please correct the following')}</h2>
          <ul>{errorList.map(([f, m]) => <li><a href={`#r-${f}`}>{m}</a></li>)}</ul>
        </div>
      )}
      {checked && (repeats.length > 0
        ? <RepeatList ctx={ctx} repeats={repeats} caption={tx(ctx, '该申请人此前的申请（高亮为内容相似，可能属于重复申请）', 'Earlier applications by this applicant (highlighted: similar content, possibly a repeat application)')} />
        : <p class="notice notice-ok" role="status">{tx(ctx, '未发现该申请人此前的申请。', 'No earlier application by this applicant was found.')}</p>)}
      <form method="post" action="/console/applications/new">
        <Csrf ctx={ctx} />
        <input type="hidden" name="nonce" value={nonce} />
        <h2>{tx(ctx, '申请渠道和日期', 'Channel and dates')}</h2>
        <Sel id="r-channel" name="channel" label={tx(ctx, '申请渠道', 'Channel')} value={values.channel} error={errors.channel} options={opts(CHANNELS, CHANNEL_LABELS, CHANNEL_EN)} />
        <Text id="r-receivedOn" name="receivedOn" type="date" label={tx(ctx, '提交、签收或收到的日期', 'Date submitted, signed for or received')} value={values.receivedOn} error={errors.receivedOn} required
          hint={tx(ctx, '当面或口头：提交之日；邮政寄递：签收之日；平常信函、传真、电子邮件：收到之日', 'In person or oral: the day of submission; by post: the day signed for; ordinary letter, fax, e-mail: the day received')} />
        <Text id="r-confirmedOn" name="confirmedOn" type="date" label={tx(ctx, '与申请人确认的日期', 'Date confirmed with the applicant')} value={values.confirmedOn} error={errors.confirmedOn}
          hint={tx(ctx, '平常信函、传真、电子邮件、互联网申请必填：以双方确认之日为收到申请之日', 'Required for ordinary letters, fax, e-mail and online applications: the application counts as received on the day both sides confirm')} />
        <h2>{tx(ctx, '申请人', 'Applicant')}</h2>
        <Sel id="r-kind" name="kind" label={tx(ctx, '申请人类型', 'Applicant type')} value={values.kind} error={errors.kind} options={[{ value: 'person', label: tx(ctx, '自然人', APPLICANT_KIND_EN.person) }, { value: 'organization', label: tx(ctx, '法人或其他组织', APPLICANT_KIND_EN.organization) }]} />
        <Text id="r-name" name="name" label={tx(ctx, '姓名或名称', 'Name')} value={values.name} error={errors.name} maxLength={100} required />
        <Sel id="r-orgType" name="orgType" label={tx(ctx, '组织类型', 'Type of organisation')} value={values.orgType} error={errors.orgType} blank={tx(ctx, '（自然人无需选择）', '(not for natural persons)')} options={opts(ORG_TYPES, ORG_TYPE_LABELS, ORG_TYPE_EN)} />
        <Sel id="r-idType" name="idType" label={tx(ctx, '身份证明类型', 'Identity document')} value={values.idType} error={errors.idType} options={opts(ID_TYPES, ID_TYPE_LABELS, ID_TYPE_EN)} />
        <Text id="r-idNumber" name="idNumber" label={tx(ctx, '证件号码', 'Document number')} value={values.idNumber} error={errors.idNumber} maxLength={64} required />
        <Text id="r-phone" name="phone" label={tx(ctx, '联系电话', 'Phone')} value={values.phone} error={errors.phone} maxLength={30} required />
        <Text id="r-email" name="email" label={tx(ctx, '电子邮箱', 'E-mail')} value={values.email} error={errors.email} maxLength={200} />
        <Text id="r-address" name="address" label={tx(ctx, '通信地址', 'Postal address')} value={values.address} error={errors.address} maxLength={300} />
        <h2>{tx(ctx, '所需信息', 'Information sought')}</h2>
        <Area id="r-description" name="description" label={tx(ctx, '所需政府信息的名称、文号或描述', 'Title, document number or description of the information sought')} value={values.description} error={errors.description} rows={5} required
          hint={tx(ctx, '口头申请的，由工作人员如实记录', 'For an oral application, the staff member records it faithfully')} />
        <Sel id="r-format" name="format" label={tx(ctx, '获取信息的形式', 'Form of the information')} value={values.format} error={errors.format} options={opts(FORMATS, FORMAT_LABELS, FORMAT_EN)} />
        <Sel id="r-delivery" name="delivery" label={tx(ctx, '获取信息的方式', 'How to receive it')} value={values.delivery} error={errors.delivery} options={opts(DELIVERIES, DELIVERY_LABELS, DELIVERY_EN)} />
        <p>
          <button type="submit" name="intent" value="check">{tx(ctx, '查询此前申请（查重）', 'Look for earlier applications (repeats)')}</button>{' '}
          <button type="submit" name="intent" value="register" class="primary">{tx(ctx, '登记', 'Register')}</button>
        </p>
      </form>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------
// Case page

const CATEGORY_ORDER: OutcomeCategory[] = ['disclosed', 'partial', 'withheld', 'unable', 'not_processed', 'other_handling'];

function OutcomeSelect({ ctx, id, outcomes, value, error }: { ctx: PageContext; id: string; outcomes: readonly OutcomeCode[]; value?: string; error?: string }) {
  const optionText = (o: OutcomeCode) => ctx.lang === 'en'
    ? `${OUTCOME_EN[o].label} (${OUTCOME_EN[o].basis ?? '—'})`
    : `${OUTCOMES[o].label}（${OUTCOMES[o].legalBasis ?? '—'}）`;
  return (
    <div class={error ? 'form-row has-error' : 'form-row'}>
      <label for={id}>{tx(ctx, '答复类型', 'Type of reply')}</label>
      <select id={id} name="outcome" aria-describedby={error ? `${id}-error` : undefined}>
        {outcomes.length > 1 && <option value="">{tx(ctx, '请选择', 'Choose')}</option>}
        {CATEGORY_ORDER.map((cat) => {
          const inCat = outcomes.filter((o) => OUTCOMES[o].category === cat);
          return inCat.length === 0 ? null : (
            <optgroup label={byCode(ctx, OUTCOME_CATEGORY_EN, cat, OUTCOME_CATEGORY_LABELS[cat])}>
              {inCat.map((o) => <option value={o} selected={o === value}>{optionText(o)}</option>)}
            </optgroup>
          );
        })}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

export interface ActionFormState {
  action: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

function ActionFields({ ctx, a, view, state }: { ctx: PageContext; a: AvailableAction; view: CaseView; state?: ActionFormState }) {
  const p = `act-${a.action}`;
  const e = state?.action === a.action ? state.errors : {};
  const v = state?.action === a.action ? state.values : {};
  const note = <Area id={`${p}-note`} name="note" label={tx(ctx, '备注（内部，不向申请人公开）', 'Note (internal, not shown to the applicant)')} value={v.note} error={e.note} rows={2} />;
  switch (a.action) {
    case 'request-correction':
      return <>
        <Area id={`${p}-items`} name="items" label={tx(ctx, '需要补正的事项（一次性告知，将写入补正告知书）', 'What needs correcting (all at once; goes into the correction notice)')} value={v.items} error={e.items} rows={4} required />
        <Text id={`${p}-dueOn`} name="dueOn" type="date" label={tx(ctx, '补正期限（默认15个工作日）', 'Correction due by (15 working days by default)')} value={v.dueOn} error={e.dueOn} />
        {note}
      </>;
    case 'receive-correction':
      return <>
        <Area id={`${p}-description`} name="description" label={tx(ctx, '补正后的申请内容', 'Application as corrected')} value={v.description ?? view.description} error={e.description} rows={4} />
        {note}
      </>;
    case 'assign':
      return <>
        <Sel id={`${p}-dept`} name="departmentId" label={tx(ctx, '承办科室', 'Department')} value={v.departmentId ?? (view.department ? String(view.department.id) : '')} error={e.departmentId}
          blank={tx(ctx, '请选择', 'Choose')} options={view.departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        {note}
      </>;
    case 'start-consultation':
      return <>
        <Sel id={`${p}-kind`} name="partyKind" label={tx(ctx, '征求对象', 'Consult whom')} value={v.partyKind} error={e.partyKind}
          options={[{ value: 'third_party', label: tx(ctx, '第三方（条例第三十二条）', `A third party (Article 32 of ${REGS_EN})`) }, { value: 'agency', label: tx(ctx, '有关行政机关（条例第三十四条）', `Another administrative agency (Article 34 of ${REGS_EN})`) }]} />
        <Text id={`${p}-party`} name="party" label={tx(ctx, '第三方或机关名称', 'Name of the third party or agency')} value={v.party} error={e.party} maxLength={200} required />
        <Area id={`${p}-matter`} name="matter" label={tx(ctx, '征求意见的事项（写入征询函，不写申请人身份）', 'Matter consulted on (goes into the consultation letter, without the applicant’s identity)')} value={v.matter} error={e.matter} rows={3} />
        {note}
      </>;
    case 'end-consultation':
      return <>
        <Sel id={`${p}-result`} name="result" label={tx(ctx, '征求意见结果', 'Result of the consultation')} value={v.result} error={e.result}
          options={[{ value: 'consented', label: tx(ctx, '同意公开', 'Consents to disclosure') }, { value: 'objected', label: tx(ctx, '不同意公开', 'Objects to disclosure') }, { value: 'no_answer', label: tx(ctx, '逾期未答复', 'No answer in time') }, { value: 'answered', label: tx(ctx, '已答复（其他）', 'Answered (other)') }]} />
        {note}
      </>;
    case 'extend':
      return <>
        <Text id={`${p}-days`} name="workingDays" type="number" label={tx(ctx, '延长工作日数', 'Working days of extension')} value={v.workingDays ?? String(view.clock.regime === '2008' ? 15 : 20)} error={e.workingDays} min="1" max={view.clock.regime === '2008' ? '15' : '20'} />
        <Area id={`${p}-reason`} name="reason" label={tx(ctx, '延长理由（将写入延期答复告知书）', 'Reason for the extension (goes into the extension notice)')} value={v.reason} error={e.reason} rows={2} required />
        {note}
      </>;
    case 'send-fee-notice':
      return <>
        <Sel id={`${p}-method`} name="method" label={tx(ctx, '计收方式', 'Charging method')} value={v.method} error={e.method}
          options={[{ value: 'per_item', label: tx(ctx, '按件计收（同一申请人当月累计）', 'Per application (the applicant’s total this month)') }, { value: 'per_volume', label: tx(ctx, '按量计收（页数）', 'By volume (pages)') }]} />
        <Text id={`${p}-units`} name="units" type="number" label={tx(ctx, '件数或页数', 'Applications or pages')} value={v.units} error={e.units} min="1" required />
        <p class="hint"><a href="/console/applications/fees">{tx(ctx, '信息处理费计算器', 'Processing fee calculator')}</a></p>
        {note}
      </>;
    case 'record-payment': {
      const notice = [...view.events].reverse().find((x) => x.type === 'fee_notice_sent');
      return <>
        <Text id={`${p}-amount`} name="amount" type="number" label={tx(ctx, '缴费金额（元）', 'Amount paid (yuan)')} value={v.amount ?? String(notice?.data.amount ?? '')} error={e.amount} />
        {note}
      </>;
    }
    case 'request-reasons':
      return <>
        <Area id={`${p}-matter`} name="matter" label={tx(ctx, '请申请人说明的事项（条例第三十五条）', `What the applicant is asked to explain (Article 35 of ${REGS_EN})`)} value={v.matter} error={e.matter} rows={3} required />
        {note}
      </>;
    case 'receive-reasons':
      return <>
        <Sel id={`${p}-reasonable`} name="reasonable" label={tx(ctx, '申请理由是否合理', 'Are the reasons reasonable?')} value={v.reasonable} error={e.reasonable} blank={tx(ctx, '请选择', 'Choose')}
          options={[{ value: '1', label: tx(ctx, '合理', 'Reasonable') }, { value: '0', label: tx(ctx, '不合理（将答复不予处理）', 'Not reasonable (the reply will be: not processed)') }]} />
        <Text id={`${p}-dueOn`} name="dueOn" type="date" label={tx(ctx, '确定的合理答复期限（无法在法定期限内答复时填写）', 'Reasonable reply date set (when the statutory period cannot be met)')} value={v.dueOn} error={e.dueOn} />
        {note}
      </>;
    case 'draft-reply':
      return <>
        <OutcomeSelect ctx={ctx} id={`${p}-outcome`} outcomes={a.outcomes} value={v.outcome ?? view.draft?.outcome} error={e.outcome} />
        <Area id={`${p}-details`} name="details" label={tx(ctx, '答复内容（写入答复书：提供的信息、获取途径、不予公开的理由、负责公开的机关等）', 'Content of the reply (goes into the reply letter: information provided, where to get it, reasons for not disclosing, the agency responsible, etc.)')} value={v.details ?? view.draft?.details} error={e.details} rows={5} />
        {note}
      </>;
    case 'reply':
      return <>
        <OutcomeSelect ctx={ctx} id={`${p}-outcome`} outcomes={view.draft && a.outcomes.includes(view.draft.outcome) && view.state === 'reply_approved' ? [view.draft.outcome] : a.outcomes} value={v.outcome ?? view.draft?.outcome} error={e.outcome} />
        {view.state !== 'reply_approved' && <Area id={`${p}-details`} name="details" label={tx(ctx, '说明（写入告知书）', 'Explanation (goes into the notice)')} value={v.details} error={e.details} rows={3} />}
        <p class="hint">{tx(ctx, '发出后将生成《政府信息公开申请答复书》（.docx），申请人可凭查询码下载。', 'Sending it generates the reply letter (.docx), which the applicant can download with the tracking code.')}</p>
        {note}
      </>;
    case 'return-reply':
      return <Area id={`${p}-note`} name="note" label={tx(ctx, '退回理由', 'Reason for returning')} value={v.note} error={e.note} rows={2} required />;
    case 'approve-reply':
    case 'withdraw':
    case 'close':
      return note;
  }
}

function ActionForm({ ctx, a, view, today, state }: { ctx: PageContext; a: AvailableAction; view: CaseView; today: string; state?: ActionFormState }) {
  const p = `act-${a.action}`;
  const e = state?.action === a.action ? state.errors : {};
  return (
    <details class="action-form" open={state?.action === a.action}>
      <summary>{byCode(ctx, ACTION_EN, a.action, a.label)}</summary>
      <form method="post" action={`/console/applications/${view.id}/actions`}>
        <Csrf ctx={ctx} />
        <input type="hidden" name="type" value={a.action} />
        <input type="hidden" name="expectedVersion" value={String(view.version)} />
        <Text id={`${p}-on`} name="on" type="date" label={tx(ctx, '办理日期', 'Date')} value={state?.action === a.action ? state.values.on ?? today : today} error={e.on} max={today} />
        <ActionFields ctx={ctx} a={a} view={view} state={state} />
        <button type="submit" class="primary">{byCode(ctx, ACTION_EN, a.action, a.label)}</button>
      </form>
    </details>
  );
}

function fileSize(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export interface CasePageProps {
  ctx: PageContext;
  view: CaseView;
  today: string;
  notice?: string;
  error?: string;
  actionState?: ActionFormState;
  reviewErrors?: Record<string, string>;
  canAttach: boolean;
  canRecordCases: boolean;
  /** Issue 8: personal data of others in the reply or files going to the applicant. */
  privacyWarnings?: readonly OutgoingWarning[];
}

export function CasePage({ ctx, view, today, notice, error, actionState, reviewErrors, canAttach, canRecordCases, privacyWarnings }: CasePageProps) {
  const a = view.applicant;
  const title = tx(ctx, `申请 ${formatTrackingCode(view.trackingCode)}`, `Application ${formatTrackingCode(view.trackingCode)}`);
  const re = reviewErrors ?? {};
  return (
    <Page ctx={ctx} title={title}>
      <p><a href="/console/applications">{tx(ctx, '← 返回申请列表', '← Back to the applications')}</a></p>
      <h1>{title} <span class="badge">{stateText(ctx, view.state, view.stateLabel)}</span></h1>
      {notice && <div class="notice notice-ok" role="status">{notice}</div>}
      {error && <div class="notice notice-error" role="alert">{error}</div>}
      <OutgoingPrivacyWarnings warnings={privacyWarnings ?? []} />{/* issue 8 */}
      <div class="case-grid">
        <div>
          <section class="card clock-box" aria-labelledby="clock-title">
            <h2 id="clock-title">{tx(ctx, '答复期限', 'Reply due')}</h2>
            <p class="clock-due">{dueSentenceText(ctx, view.due, view.dueSentence) || '—'} <DueBadge ctx={ctx} due={view.due} /></p>
            {view.endedOn && <p>{tx(ctx,
              `已于 ${formatDate(view.endedOn)} 办结：${view.outcomeLabel ?? ''}${view.due.onTime === false ? '（超过答复期限）' : ''}`,
              `Closed on ${formatDate(view.endedOn, 'en')}: ${outcomeText(ctx, view.outcome, view.outcomeLabel) ?? ''}${view.due.onTime === false ? ' (after the reply deadline)' : ''}`)}</p>}
            {view.waitingUntil && <p>{view.state === 'awaiting_correction' ? tx(ctx, '申请人补正期限', 'Correction due from the applicant by') : view.state === 'awaiting_fee' ? tx(ctx, '申请人缴费期限', 'Fee due from the applicant by') : tx(ctx, '征求意见期限', 'Consultation ends')}{tx(ctx, '：', ': ')}{formatDate(view.waitingUntil, ctx.lang)}</p>}
            <p class="clock-explain"><strong>{tx(ctx, '计算过程：', 'How it was computed: ')}</strong>{view.clock.explanation}</p>
            {view.clock.pausedWorkingDays > 0 && <p>{tx(ctx, `暂停计算的工作日：${view.clock.pausedWorkingDays} 个`, `Working days paused: ${view.clock.pausedWorkingDays}`)}</p>}
            {view.clock.extended && <p>{tx(ctx, `已延长答复期限 ${view.clock.extensionDays} 个工作日`, `Reply period extended by ${view.clock.extensionDays} working days`)}</p>}
            {view.clock.warnings.map((w) => <p class="notice notice-error">{w}</p>)}
          </section>
          <section class="card" aria-labelledby="request-title">
            <h2 id="request-title">{tx(ctx, '申请内容', 'The application')}</h2>
            <table class="meta-table">
              <tbody>
                <tr><th scope="row">{tx(ctx, '受理机关', 'Agency')}</th><td>{view.agency.name}</td></tr>
                <tr><th scope="row">{tx(ctx, '申请渠道', 'Channel')}</th><td>{byCode(ctx, CHANNEL_EN, view.channel, view.channelLabel)}</td></tr>
                {view.arrivedOn && view.arrivedOn !== view.receivedOn && <tr><th scope="row">{tx(ctx, '收到（签收）日期', 'Arrived (signed for)')}</th><td>{formatDate(view.arrivedOn, ctx.lang)}</td></tr>}
                {view.confirmedOn && <tr><th scope="row">{tx(ctx, '确认日期', 'Confirmed')}</th><td>{formatDate(view.confirmedOn, ctx.lang)}</td></tr>}
                <tr><th scope="row">{tx(ctx, '收到申请日期', 'Date of receipt')}</th><td>{formatDate(view.receivedOn, ctx.lang)}{tx(ctx, '（条例第三十一条）', ` (Article 31 of ${REGS_EN})`)}</td></tr>
                <tr><th scope="row">{tx(ctx, '所需信息', 'Information sought')}</th><td>{view.description}</td></tr>
                <tr><th scope="row">{tx(ctx, '获取形式和方式', 'Form and delivery')}</th><td>{byCode(ctx, FORMAT_EN, view.format, view.formatLabel)}{tx(ctx, '，', ', ')}{byCode(ctx, DELIVERY_EN, view.delivery, view.deliveryLabel)}</td></tr>
                <tr><th scope="row">{tx(ctx, '承办科室', 'Department')}</th><td>{view.department?.name ?? tx(ctx, '未分办', 'Not assigned')}</td></tr>
              </tbody>
            </table>
            <p><a href={`/console/applications/${view.id}/receipt.docx`}>{tx(ctx, '下载受理回执（Word）', 'Download the acknowledgement (Word)')}</a></p>
          </section>
          <section class="card" aria-labelledby="applicant-title">
            <h2 id="applicant-title">{tx(ctx, '申请人', 'Applicant')}</h2>
            {a.masked && <p class="masked-note">{tx(ctx, '您不是本申请的承办人员，申请人的个人信息已脱敏显示。', 'You do not handle this application, so the applicant’s personal data is masked.')}</p>}
            <table class="meta-table">
              <tbody>
                <tr><th scope="row">{tx(ctx, '类型', 'Type')}</th><td>{byCode(ctx, APPLICANT_KIND_EN, a.kind, a.kindLabel)}{a.orgTypeLabel ? tx(ctx, `（${a.orgTypeLabel}）`, ` (${byCode(ctx, ORG_TYPE_EN, a.orgType, a.orgTypeLabel)})`) : ''}</td></tr>
                <tr><th scope="row">{tx(ctx, '姓名或名称', 'Name')}</th><td>{a.name}</td></tr>
                <tr><th scope="row">{byCode(ctx, ID_TYPE_EN, a.idType, a.idTypeLabel)}</th><td>{a.idNumber}</td></tr>
                <tr><th scope="row">{tx(ctx, '联系电话', 'Phone')}</th><td>{a.phone}</td></tr>
                {a.email && <tr><th scope="row">{tx(ctx, '电子邮箱', 'E-mail')}</th><td>{a.email}</td></tr>}
                {a.address && <tr><th scope="row">{tx(ctx, '通信地址', 'Postal address')}</th><td>{a.address}</td></tr>}
              </tbody>
            </table>
          </section>
          {view.repeats.length > 0 && (
            <section class="card" aria-labelledby="repeats-title">
              <h2 id="repeats-title">{tx(ctx, '同一申请人此前的申请', 'Earlier applications by the same applicant')}</h2>
              <RepeatList ctx={ctx} repeats={view.repeats} caption={tx(ctx, '高亮为内容相似的申请（可能属于重复申请，条例第三十六条第（六）项）', `Highlighted: similar content (possibly a repeat application, Article 36(6) of ${REGS_EN})`)} />
            </section>
          )}
          <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{tx(ctx, '办理记录', 'History')}</h2>
            <table class="data-table event-list">
              <thead><tr><th scope="col">{tx(ctx, '日期', 'Date')}</th><th scope="col">{tx(ctx, '事项', 'Step')}</th><th scope="col">{tx(ctx, '内容', 'Details')}</th><th scope="col">{tx(ctx, '办理人', 'By')}</th><th scope="col">{tx(ctx, '记录时间', 'Recorded')}</th><th scope="col">{tx(ctx, '申请人可见', 'Visible to the applicant')}</th></tr></thead>
              <tbody>
                {view.events.map((e) => (
                  <tr><td>{formatDate(e.on, ctx.lang)}</td><td>{byCode(ctx, EVENT_EN, e.type, e.label)}</td><td>{e.text}</td><td>{e.actorLabel}</td><td>{formatDateTime(e.at, ctx.lang)}</td><td>{e.isPublic ? tx(ctx, '是', 'Yes') : tx(ctx, '否', 'No')}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <div>
          <section class="card" aria-labelledby="actions-title">
            <h2 id="actions-title">{tx(ctx, '办理', 'Actions')}</h2>
            {view.actions.length === 0
              ? <p class="hint">{tx(ctx, '您当前没有可办理的事项。', 'There is nothing for you to do on this application now.')}</p>
              : view.actions.map((x) => <ActionForm ctx={ctx} a={x} view={view} today={today} state={actionState} />)}
          </section>
          {view.draft && (
            <section class="card" aria-labelledby="draft-title">
              <h2 id="draft-title">{tx(ctx, '答复草稿', 'Draft reply')}</h2>
              <p><strong>{outcomeText(ctx, view.draft.outcome, view.draft.outcomeLabel)}</strong>{tx(ctx, `（${formatDate(view.draft.on)}起草）`, ` (drafted ${formatDate(view.draft.on, 'en')})`)}</p>
              <p>{view.draft.details}</p>
            </section>
          )}
          <section class="card" aria-labelledby="files-title">
            <h2 id="files-title">{tx(ctx, '文书和附件', 'Letters and attachments')}</h2>
            {view.files.length === 0 ? <p class="hint">{tx(ctx, '暂无文书。', 'No letters yet.')}</p> : (
              <ul>
                {view.files.map((f) => (f.kind === APPLICANT_FILE_KIND ? (
                  // The applicant's own files hold personal data: downloadable only by those who handle the case.
                  <li>{view.handles ? <a href={`/console/applications/${view.id}/files/${f.id}`}>{f.filename}</a> : f.filename}{tx(ctx,
                    `（${fileSize(f.size)}，申请人提交${view.handles ? '' : '，仅承办人员可查看'}）`,
                    ` (${fileSize(f.size)}, from the applicant${view.handles ? '' : '; only the staff handling it can open it'})`)}</li>
                ) : (
                  <li><a href={`/console/applications/${view.id}/files/${f.id}`}>{f.filename}</a>{tx(ctx,
                    `（${fileSize(f.size)}，${f.isPublic ? '申请人可下载' : '内部'}）`,
                    ` (${fileSize(f.size)}, ${f.isPublic ? 'the applicant can download it' : 'internal'})`)}</li>
                )))}
              </ul>
            )}
            {canAttach && (
              <form method="post" action={`/console/applications/${view.id}/files`} enctype="multipart/form-data">
                <Csrf ctx={ctx} />
                <div class="form-row"><label for="upload-file">{tx(ctx, '上传附件', 'Upload an attachment')}</label><input id="upload-file" type="file" name="file" required /></div>
                <div class="form-row"><label><input type="checkbox" name="public" value="1" /> {tx(ctx, '向申请人提供（申请人可凭查询码下载）', 'Provide to the applicant (downloadable with the tracking code)')}</label></div>
                <Text id="upload-note" name="note" label={tx(ctx, '说明', 'Note')} maxLength={1000} />
                <button type="submit">{tx(ctx, '上传', 'Upload')}</button>
              </form>
            )}
          </section>
          <section class="card" aria-labelledby="cases-title">
            <h2 id="cases-title">{tx(ctx, '行政复议和行政诉讼', 'Administrative reconsideration and litigation')}</h2>
            {view.reviewCases.length === 0 ? <p class="hint">{tx(ctx, '没有相关案件。', 'No related cases.')}</p> : (
              <ul>
                {view.reviewCases.map((c) => (
                  <li>
                    {tx(ctx,
                      `${CASE_KIND_LABELS[c.kind as CaseKind] ?? c.kind}，${formatDate(c.filedOn)}立案${c.authority ? `（${c.authority}）` : ''}：`,
                      `${byCode(ctx, CASE_KIND_EN, c.kind, c.kind)}, filed ${formatDate(c.filedOn, 'en')}${c.authority ? ` (${c.authority})` : ''}: `)}
                    <strong>{byCode(ctx, CASE_RESULT_EN, c.result, CASE_RESULT_LABELS[c.result as CaseResult] ?? c.result)}</strong>{c.decidedOn ? tx(ctx, `，${formatDate(c.decidedOn)}审结`, `, decided ${formatDate(c.decidedOn, 'en')}`) : ''}
                    {canRecordCases && (
                      <form method="post" action={`/console/applications/${view.id}/review-cases/${c.id}`} class="app-filters">
                        <Csrf ctx={ctx} />
                        <Sel id={`case-${c.id}-result`} name="result" label={tx(ctx, '结果', 'Result')} value={c.result} options={CASE_RESULTS.map((r) => ({ value: r, label: byCode(ctx, CASE_RESULT_EN, r, CASE_RESULT_LABELS[r]) }))} />
                        <Text id={`case-${c.id}-decidedOn`} name="decidedOn" type="date" label={tx(ctx, '审结日期', 'Decided on')} value={c.decidedOn ?? ''} max={today} />
                        <div class="form-row"><button type="submit">{tx(ctx, '保存结果', 'Save the result')}</button></div>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canRecordCases && (
              <form method="post" action={`/console/applications/${view.id}/review-cases`}>
                <Csrf ctx={ctx} />
                <Sel id="case-kind" name="kind" label={tx(ctx, '案件类型', 'Kind of case')} value="" blank={tx(ctx, '请选择', 'Choose')} error={re.kind} options={CASE_KINDS.map((k) => ({ value: k, label: byCode(ctx, CASE_KIND_EN, k, CASE_KIND_LABELS[k]) }))} />
                <Text id="case-filedOn" name="filedOn" type="date" label={tx(ctx, '立案（申请）日期', 'Filed on')} error={re.filedOn} max={today} />
                <Text id="case-authority" name="authority" label={tx(ctx, '复议机关或法院', 'Reconsideration body or court')} error={re.authority} maxLength={200} />
                <button type="submit">{tx(ctx, '登记案件', 'Record the case')}</button>
              </form>
            )}
          </section>
        </div>
      </div>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------
// Letter templates and the fee calculator

export function TemplatesPage({ ctx, templates, decisions, notice, error, editing }: {
  ctx: PageContext; templates: TemplateView[]; decisions: DecisionWordingView[]; notice?: string; error?: { kind: string; message: string; body: string }; editing?: string;
}) {
  return (
    <Page ctx={ctx} title={tx(ctx, '文书模板', 'Letter templates')}>
      <h1>{tx(ctx, '依申请公开文书模板', 'Letter templates for applications')}</h1>
      <p class="hint">{tx(ctx,
        '每类文书的措辞可按本机关要求修改。以 # 开头的行为标题，= 开头为不缩进的称呼，> 开头为右对齐的落款，- 开头为列表；{{占位符}} 由系统填入。',
        'The wording of each letter can be adapted to this agency. A line starting with # is a heading, = a salutation without indent, > a right-aligned signature, - a list item; {{placeholders}} are filled in by the system.')}</p>
      {notice && <div class="notice notice-ok" role="status">{notice}</div>}
      {templates.map((t) => {
        const err = error?.kind === t.kind ? error : undefined;
        return (
          <details class="card" open={editing === t.kind || err !== undefined} id={`tpl-${t.kind}`}>
            <summary><strong>{byCode(ctx, LETTER_EN, t.kind, t.title)}</strong>{t.isDefault ? tx(ctx, '（系统默认）', ' (system default)') : tx(ctx, `（本机关修改于 ${formatDateTime(t.updatedAt)}）`, ` (changed by this agency on ${formatDateTime(t.updatedAt, 'en')})`)}</summary>
            {err && <div class="notice notice-error" role="alert">{err.message}</div>}
            <form method="post" action={`/console/applications/templates/${t.kind}`}>
              <Csrf ctx={ctx} />
              <div class="form-row">
                <label for={`tpl-body-${t.kind}`}>{tx(ctx, '模板内容', 'Template')}</label>
                <p class="hint" id={`tpl-hint-${t.kind}`}>{tx(ctx, '可用占位符：', 'Placeholders: ')}{t.placeholders.map((p) => `{{${p}}}`).join(' ')}</p>
                <textarea id={`tpl-body-${t.kind}`} name="body" class="template-body" aria-describedby={`tpl-hint-${t.kind}`}>{err ? err.body : t.body}</textarea>
              </div>
              <button type="submit" name="intent" value="save" class="primary">{ctx.t('common.save')}</button>{' '}
              {!t.isDefault && <button type="submit" name="intent" value="reset">{tx(ctx, '恢复系统默认', 'Restore the system default')}</button>}
            </form>
          </details>
        );
      })}
      <h2 id="decisions">{tx(ctx, '答复书的决定措辞', 'Wording of decisions in reply letters')}</h2>
      <p class="hint" id="decision-hint">{tx(ctx, '答复书中 {{decision}} 处按答复类型填入以下措辞。可用占位符：', 'In the reply letter, {{decision}} is replaced by the wording below for the type of reply. Placeholders: ')}{DECISION_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}</p>
      {decisions.map((d) => {
        const key = `decision:${d.outcome}`;
        const err = error?.kind === key ? error : undefined;
        return (
          <details class="card" open={editing === key || err !== undefined} id={`decision-${d.outcome}`}>
            <summary><strong>{outcomeText(ctx, d.outcome, d.label)}</strong>{d.isDefault ? tx(ctx, '（系统默认）', ' (system default)') : tx(ctx, `（本机关修改于 ${formatDateTime(d.updatedAt)}）`, ` (changed by this agency on ${formatDateTime(d.updatedAt, 'en')})`)}</summary>
            {err && <div class="notice notice-error" role="alert">{err.message}</div>}
            <form method="post" action={`/console/applications/templates/decision/${d.outcome}`}>
              <Csrf ctx={ctx} />
              <div class="form-row">
                <label for={`decision-body-${d.outcome}`}>{tx(ctx, '决定措辞', 'Wording')}</label>
                <textarea id={`decision-body-${d.outcome}`} name="body" rows={4} aria-describedby="decision-hint">{err ? err.body : d.body}</textarea>
              </div>
              <button type="submit" name="intent" value="save" class="primary">{ctx.t('common.save')}</button>{' '}
              {!d.isDefault && <button type="submit" name="intent" value="reset">{tx(ctx, '恢复系统默认', 'Restore the system default')}</button>}
            </form>
          </details>
        );
      })}
    </Page>
  );
}

export function FeeCalculatorPage({ ctx, input, result, error }: { ctx: PageContext; input: { method: string; units: string; previous: string }; result: FeeBreakdown | null; error?: string }) {
  return (
    <Page ctx={ctx} title={tx(ctx, '信息处理费计算器', 'Processing fee calculator')}>
      <h1>{tx(ctx, '信息处理费计算器', 'Processing fee calculator')}</h1>
      <p class="hint">{tx(ctx,
        '依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：按件计收，同一申请人当月累计1—10件免费，11—30件每件100元，31件起每10件为一档、每档每件比上一档多100元；按量计收，30页以内免费，31—100页每页10元，101—200页每页20元，201页起每页40元。两种方式不得同时使用。',
        'Under the Measures on Processing Fees for Open Government Information (国办函〔2020〕109号): per application, the applicant’s 1st–10th applications in a month are free, the 11th–30th cost 100 yuan each, and from the 31st every band of 10 costs 100 yuan more each than the band before; by volume, up to 30 pages are free, pages 31–100 cost 10 yuan each, 101–200 20 yuan, from 201 40 yuan. The two methods may not be combined.')}</p>
      <form method="get" action="/console/applications/fees" class="app-filters">
        <Sel id="fee-method" name="method" label={tx(ctx, '计收方式', 'Charging method')} value={input.method} options={[{ value: 'per_item', label: tx(ctx, '按件', 'Per application') }, { value: 'per_volume', label: tx(ctx, '按量（页）', 'By volume (pages)') }]} />
        <Text id="fee-units" name="units" type="number" label={tx(ctx, '本次件数或页数', 'Applications or pages this time')} value={input.units} min="0" />
        <Text id="fee-previous" name="previous" type="number" label={tx(ctx, '本月此前已申请件数（按件）', 'Applications earlier this month (per application)')} value={input.previous} min="0" />
        <div class="form-row"><button type="submit" class="primary">{tx(ctx, '计算', 'Calculate')}</button></div>
      </form>
      {error && <div class="notice notice-error" role="alert">{error}</div>}
      {result && (
        <table class="data-table fee-table">
          <caption>{tx(ctx, `计算结果：合计 ${result.total} 元`, `Result: ${result.total} yuan in total`)}</caption>
          <thead><tr><th scope="col">{tx(ctx, '区间', 'Band')}</th><th scope="col">{tx(ctx, '数量', 'Number')}</th><th scope="col">{tx(ctx, '单价（元）', 'Rate (yuan)')}</th><th scope="col">{tx(ctx, '金额（元）', 'Amount (yuan)')}</th></tr></thead>
          <tbody>
            {result.tiers.map((t) => <tr><td>{tx(ctx, `第 ${t.from}—${t.to} ${input.method === 'per_item' ? '件' : '页'}`, `${input.method === 'per_item' ? 'Applications' : 'Pages'} ${t.from}–${t.to}`)}</td><td>{t.count}</td><td>{t.rate}</td><td>{t.amount}</td></tr>)}
            <tr><th scope="row" colSpan={3}>{tx(ctx, '合计', 'Total')}</th><td>{result.total}</td></tr>
          </tbody>
        </table>
      )}
    </Page>
  );
}
