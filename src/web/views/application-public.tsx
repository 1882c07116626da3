// The public side of disclosure on application: the form (Art. 29), the acknowledgement with its
// printable receipt (受理回执), and the tracking view. Personal data appears only masked; no staff
// names, no internal notes. Everything works without JavaScript.
import type { ComponentChildren } from 'preact';
import { PortalLayout, type PortalAgency } from './layout.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate } from '../format.ts';
import {
  DELIVERY_LABELS,
  FORMAT_LABELS,
  ID_TYPE_LABELS,
  ORG_TYPE_LABELS,
  type Delivery,
  type IdType,
  type InfoFormat,
  type OrgType,
} from '../../domain/application-form.ts';
import { formatTrackingCode } from '../../domain/tracking-code.ts';
import type { PublicApplicationView } from '../../services/application-case.service.ts';
import {
  APPLICANT_FILE_EXTENSIONS,
  APPLICANT_FILE_TYPES_LABEL,
  MAX_APPLICANT_FILES,
  MAX_APPLICANT_FILE_BYTES,
} from '../../services/application-intake.service.ts';
import { SuggestBox } from './privacy-suggest.tsx';

/** zh-CN text (zh-TW is converted from it for the whole page) or the English one. */
export const bi = (ctx: PageContext) => (zh: string, en: string) => (ctx.lang === 'en' ? en : zh);

export interface ApplyFormValues {
  kind: string;
  orgType: string;
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  description: string;
  format: string;
  delivery: string;
}

export const EMPTY_FORM: ApplyFormValues = {
  kind: 'person', orgType: '', name: '', idType: 'resident_id', idNumber: '', phone: '', email: '', address: '', description: '', format: 'electronic', delivery: 'online',
};

/** Service field paths → form control names. */
export function formFieldOf(path: string): string {
  return path.startsWith('applicant.') ? path.slice('applicant.'.length) : path;
}

const EN: Record<string, string> = {
  person: 'Natural person', organization: 'Legal person or other organisation',
  commercial: 'Commercial enterprise', research: 'Research institution', public_interest: 'Public-interest organisation', legal_services: 'Legal-services institution', other: 'Other',
  resident_id: 'Resident identity card', passport: 'Passport', credit_code: 'Unified social credit code',
  paper: 'Paper', electronic: 'Electronic',
  post: 'By post', email: 'By e-mail', pickup: 'Collect in person', online: 'Download online (with the tracking code)',
};

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? <p class="field-error" id={`${id}-error`}>{error}</p> : null;
}

function described(id: string, error?: string, hint?: boolean): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function TextInput(props: {
  id: string; label: string; value: string; error?: string; hint?: string; required?: boolean; type?: string; maxLength: number; autocomplete?: string; inputMode?: string;
}) {
  return (
    <div class={props.error ? 'form-row has-error' : 'form-row'}>
      <label for={props.id}>{props.label}{props.required && <span class="required" aria-hidden="true"> *</span>}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <input
        id={props.id} name={props.id} type={props.type ?? 'text'} value={props.value} maxLength={props.maxLength}
        required={props.required} autocomplete={props.autocomplete} inputMode={props.inputMode as never}
        aria-invalid={props.error ? 'true' : undefined} aria-describedby={described(props.id, props.error, !!props.hint)}
      />
      <ErrorText id={props.id} error={props.error} />
    </div>
  );
}

function Choice(props: { name: string; legend: string; value: string; options: { value: string; label: string }[]; error?: string; hint?: string; required?: boolean }) {
  return (
    <fieldset class={props.error ? 'form-row choice has-error' : 'form-row choice'} aria-describedby={described(props.name, props.error, !!props.hint)}>
      <legend>{props.legend}{props.required && <span class="required" aria-hidden="true"> *</span>}</legend>
      {props.hint && <p class="hint" id={`${props.name}-hint`}>{props.hint}</p>}
      {props.options.map((o) => (
        <label class="choice-option">
          <input type="radio" name={props.name} value={o.value} checked={props.value === o.value} required={props.required} />
          {' '}{o.label}
        </label>
      ))}
      <ErrorText id={props.name} error={props.error} />
    </fieldset>
  );
}

function Select(props: { id: string; label: string; value: string; options: { value: string; label: string }[]; error?: string; hint?: string; required?: boolean; blank?: string }) {
  return (
    <div class={props.error ? 'form-row has-error' : 'form-row'}>
      <label for={props.id}>{props.label}{props.required && <span class="required" aria-hidden="true"> *</span>}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <select id={props.id} name={props.id} aria-invalid={props.error ? 'true' : undefined} aria-describedby={described(props.id, props.error, !!props.hint)}>
        {props.blank !== undefined && <option value="" selected={props.value === ''}>{props.blank}</option>}
        {props.options.map((o) => <option value={o.value} selected={props.value === o.value}>{o.label}</option>)}
      </select>
      <ErrorText id={props.id} error={props.error} />
    </div>
  );
}

/** A summary of the errors at the top, each linking to its field (GOV.UK pattern; read first by screen readers). */
export function ErrorSummary({ ctx, errors, labels }: { ctx: PageContext; errors: Record<string, string>; labels: Record<string, string> }) {
  const t = bi(ctx);
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('请修改以下内容后重新提交', 'Please correct the following')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>{labels[field] ? <a href={`#${field}`}>{labels[field]}：{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The optional attachments (a scan of the identity document, a letter, a power of attorney). When a
 * page comes back after a submission, the browser has forgotten the chosen files: `reattach` names
 * them so that they can be chosen again.
 */
export function AttachmentsField({ ctx, error, reattach = [] }: { ctx: PageContext; error?: string; reattach?: string[] }) {
  const t = bi(ctx);
  const mb = MAX_APPLICANT_FILE_BYTES / 1024 / 1024;
  const described = ['attachments-hint', reattach.length > 0 ? 'attachments-reattach' : '', error ? 'attachments-error' : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'form-row has-error' : 'form-row'}>
      <label for="attachments">{t('附件（可选）', 'Attachments (optional)')}</label>
      <p class="hint" id="attachments-hint">{t(
        `如身份证件扫描件、申请书、授权委托书等。最多${MAX_APPLICANT_FILES}个文件，每个不超过${mb}MB，可接受${APPLICANT_FILE_TYPES_LABEL}（按文件内容判断）。`,
        `For example a scan of your identity document, a letter or a power of attorney. Up to ${MAX_APPLICANT_FILES} files of at most ${mb} MB each: ${APPLICANT_FILE_TYPES_LABEL} (checked by content).`,
      )}</p>
      {reattach.length > 0 && (
        <p class="notice notice-warn" id="attachments-reattach">{t(
          `您选择的附件（${reattach.join('、')}）没有随本页保留，请重新选择后再提交；不重新选择的，申请将不带附件提交。`,
          `The files you chose (${reattach.join(', ')}) were not kept on this page: please choose them again before submitting, or the application is sent without them.`,
        )}</p>
      )}
      <input type="file" id="attachments" name="attachments" multiple accept={APPLICANT_FILE_EXTENSIONS.map((x) => `.${x}`).join(',')}
        aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
      <ErrorText id="attachments" error={error} />
    </div>
  );
}

export interface ApplyPageProps {
  ctx: PageContext;
  agency: PortalAgency & { fax?: string; email?: string; officeName?: string };
  values: ApplyFormValues;
  nonce: string;
  errors: Record<string, string>;
  notice?: string;
  /** Names of files sent with the previous submission, to be chosen again. */
  reattach?: string[];
}

/** The application form (Art. 29: who applies, what is sought, in which form and how). */
export function ApplyPage({ ctx, agency, values, nonce, errors, notice, reattach }: ApplyPageProps) {
  const t = bi(ctx);
  const labelOf = (zh: string, en: string) => t(zh, en);
  const labels: Record<string, string> = {
    kind: labelOf('申请人类型', 'Applicant type'), orgType: labelOf('组织类型', 'Type of organisation'), name: labelOf('姓名或名称', 'Name'),
    idType: labelOf('身份证明类型', 'Identity document'), idNumber: labelOf('证件号码', 'Document number'), phone: labelOf('联系电话', 'Phone'),
    email: labelOf('电子邮箱', 'E-mail'), address: labelOf('通信地址', 'Postal address'), description: labelOf('所需信息的描述', 'Information sought'),
    format: labelOf('获取信息的形式', 'Form of the information'), delivery: labelOf('获取信息的方式', 'How to receive it'),
    attachments: labelOf('附件', 'Attachments'),
  };
  const en = ctx.lang === 'en';
  const opt = <T extends string>(codes: readonly T[], zh: Record<T, string>) => codes.map((c) => ({ value: c, label: en ? EN[c] ?? zh[c] : zh[c] }));
  const title = t('政府信息公开申请', 'Apply for government information');
  return (
    <PortalLayout ctx={ctx} agency={agency} column="apply" title={title}>
      <h1>{title}</h1>
      <div class="apply-intro">
        <p>{t(
          `依据《中华人民共和国政府信息公开条例》，公民、法人或者其他组织可以向${agency.name}申请获取政府信息。本页在线申请无需注册；提交后您将获得受理回执和查询码。`,
          `Under the Regulations on Open Government Information, anyone may apply to ${agency.name} for government information. No account is needed; you will receive an acknowledgement with a tracking code.`,
        )}</p>
        <p>{t('已提交申请的，可', 'Already applied? ')}<a href={`/gk/${agency.code}/track`}>{t('查询办理进度', 'Track your application')}</a>{t('。也可以通过信函、传真或当面提交书面申请：', '. You may also apply in writing, by fax or in person: ')}
          {agency.address}{agency.phone ? `，${t('电话', 'phone')} ${agency.phone}` : ''}{agency.fax ? `，${t('传真', 'fax')} ${agency.fax}` : ''}。</p>
      </div>
      {notice && <div class="notice notice-error" role="alert">{notice}</div>}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`/gk/${agency.code}/apply`} class="apply-form" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="nonce" value={nonce} />
        <section aria-labelledby="apply-applicant">
          <h2 id="apply-applicant">{t('申请人信息', 'Applicant')}</h2>
          <Choice name="kind" legend={labels.kind} value={values.kind} required error={errors.kind}
            options={[{ value: 'person', label: en ? EN.person : '自然人' }, { value: 'organization', label: en ? EN.organization : '法人或其他组织' }]} />
          <TextInput id="name" label={labels.name} value={values.name} error={errors.name} required maxLength={100} autocomplete="name"
            hint={t('自然人填写姓名；法人或其他组织填写单位全称', 'Your full name, or the full name of the organisation')} />
          <Select id="orgType" label={labels.orgType} value={values.orgType} error={errors.orgType} blank={t('（自然人无需选择）', '(not for natural persons)')}
            options={opt(['commercial', 'research', 'public_interest', 'legal_services', 'other'] as const, ORG_TYPE_LABELS as Record<OrgType, string>)}
            hint={t('仅法人或其他组织填写', 'Organisations only')} />
          <Select id="idType" label={labels.idType} value={values.idType} error={errors.idType} required
            options={opt(['resident_id', 'passport', 'credit_code', 'other'] as const, ID_TYPE_LABELS as Record<IdType, string>)}
            hint={t('自然人提供身份证件；法人或其他组织提供统一社会信用代码', 'Persons: identity document; organisations: unified social credit code')} />
          <TextInput id="idNumber" label={labels.idNumber} value={values.idNumber} error={errors.idNumber} required maxLength={64} autocomplete="off" />
          <TextInput id="phone" label={labels.phone} value={values.phone} error={errors.phone} required maxLength={30} type="tel" autocomplete="tel" inputMode="tel"
            hint={t('查询办理进度时需要输入联系电话的后四位', 'You will need its last four digits to track the application')} />
          <TextInput id="email" label={labels.email} value={values.email} error={errors.email} maxLength={200} type="email" autocomplete="email" />
          <TextInput id="address" label={labels.address} value={values.address} error={errors.address} maxLength={300} autocomplete="street-address"
            hint={t('选择邮寄的须填写', 'Required if the information is to be posted')} />
        </section>
        <section aria-labelledby="apply-request">
          <h2 id="apply-request">{t('所需信息', 'Information sought')}</h2>
          <div class={errors.description ? 'form-row has-error' : 'form-row'}>
            <label for="description">{labels.description}<span class="required" aria-hidden="true"> *</span></label>
            <p class="hint" id="description-hint">{t('请写明所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）', 'The title, document number or another description that identifies the information')}</p>
            <textarea id="description" name="description" rows={6} maxLength={5000} required
              aria-invalid={errors.description ? 'true' : undefined} aria-describedby={described('description', errors.description, true)}>{values.description}</textarea>
            <ErrorText id="description" error={errors.description} />
          </div>
          <SuggestBox ctx={ctx} agencyCode={agency.code} form="apply" inputs={['description']} />{/* issue 8: "这是否是您要找的信息？" while typing */}
          <Choice name="format" legend={labels.format} value={values.format} required error={errors.format}
            options={opt(['paper', 'electronic'] as const, FORMAT_LABELS as Record<InfoFormat, string>)} />
          <Choice name="delivery" legend={labels.delivery} value={values.delivery} required error={errors.delivery}
            options={opt(['post', 'email', 'pickup', 'online'] as const, DELIVERY_LABELS as Record<Delivery, string>)}
            hint={t('纸质形式可邮寄或当面领取；电子形式可通过电子邮件或凭查询码在线下载', 'Paper: by post or collected in person. Electronic: by e-mail or downloaded online')} />
        </section>
        {/* Last in the form: every field, the CSRF token first of all, reaches the server before the files. */}
        <section aria-labelledby="apply-attachments">
          <h2 id="apply-attachments">{t('附件', 'Attachments')}</h2>
          <AttachmentsField ctx={ctx} error={errors.attachments} reattach={reattach} />
        </section>
        <p class="privacy-note">{t('您填写的身份证件号码、联系电话和地址仅用于办理本申请，不会在网站上公开。', 'Your identity number, phone and address are used only to handle this application and are never published.')}</p>
        <button type="submit" class="primary">{t('提交申请', 'Submit application')}</button>
      </form>
    </PortalLayout>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return <tr><th scope="row">{label}</th><td>{children}</td></tr>;
}

function AttachmentNames({ names }: { names: string[] }) {
  return <ul class="attachment-names">{names.map((n) => <li>{n}</li>)}</ul>;
}

export interface ReceiptView {
  trackingCode: string;
  agencyName: string;
  receivedOn: string;
  dueOn: string | null;
  applicantName: string;
  description: string;
  formatLabel: string;
  deliveryLabel: string;
  channelLabel: string;
  attachments: string[];
}

/** The acknowledgement page with the printable receipt (受理回执). */
export function ReceiptPage({ ctx, agency, receipt, docxUrl, replayed }: { ctx: PageContext; agency: PortalAgency; receipt: ReceiptView; docxUrl: string; replayed?: boolean }) {
  const t = bi(ctx);
  const title = t('申请已提交', 'Application received');
  return (
    <PortalLayout ctx={ctx} agency={agency} column="apply" title={title}>
      <div class="notice notice-ok no-print" role="status">
        {replayed
          ? t('该申请此前已经提交，以下是其受理回执（同一份申请不会重复登记）。', 'This application had already been submitted; here is its acknowledgement (it was not filed twice).')
          : t('您的政府信息公开申请已提交成功。请记下或打印以下查询码。', 'Your application has been received. Please note or print the tracking code below.')}
      </div>
      <article class="receipt" aria-labelledby="receipt-title">
        <h1 id="receipt-title">{t('政府信息公开申请受理回执', 'Acknowledgement of receipt')}</h1>
        <p class="tracking-code-box">
          <span class="tracking-code-label">{t('查询码', 'Tracking code')}</span>
          <strong class="tracking-code">{formatTrackingCode(receipt.trackingCode)}</strong>
        </p>
        <table class="meta-table">
          <tbody>
            <Row label={t('受理机关', 'Agency')}>{receipt.agencyName}</Row>
            <Row label={t('收到申请日期', 'Date received')}>{formatDate(receipt.receivedOn, ctx.lang)}</Row>
            {receipt.dueOn && <Row label={t('答复期限', 'Reply due by')}>{t(`应于 ${formatDate(receipt.dueOn, 'zh-CN')} 前答复`, formatDate(receipt.dueOn, 'en'))}</Row>}
            <Row label={t('申请人', 'Applicant')}>{receipt.applicantName}</Row>
            <Row label={t('申请方式', 'Channel')}>{receipt.channelLabel}</Row>
            <Row label={t('所需信息', 'Information sought')}>{receipt.description}</Row>
            <Row label={t('获取形式和方式', 'Form and delivery')}>{receipt.formatLabel}，{receipt.deliveryLabel}</Row>
            {receipt.attachments.length > 0 && <Row label={t('随申请提交的附件', 'Attachments')}><AttachmentNames names={receipt.attachments} /></Row>}
          </tbody>
        </table>
        <p>{t(
          '本机关将自收到申请之日起20个工作日内答复；需要延长答复期限的，将告知您。征求第三方或者其他机关意见所需时间不计算在答复期限内。',
          'The agency replies within 20 working days of receipt; you will be told if the period is extended. Time spent consulting third parties is not counted.',
        )}</p>
        <p>{t('凭查询码和联系电话的后四位可以随时', 'With the tracking code and the last four digits of your phone you can ')}<a href={`/gk/${agency.code}/track?code=${receipt.trackingCode}`}>{t('查询办理进度', 'track the application')}</a>{t('，并下载答复文书。', ' and download the reply.')}</p>
      </article>
      <p class="no-print receipt-actions">
        <a class="button" href={docxUrl} download>{t('下载受理回执（Word）', 'Download the receipt (Word)')}</a>
        {' '}<span class="hint">{t('也可使用浏览器的“打印”功能打印本页。', 'You can also print this page with your browser.')}</span>
      </p>
    </PortalLayout>
  );
}

export interface TrackFormProps {
  ctx: PageContext;
  agency: PortalAgency;
  code: string;
  errors: Record<string, string>;
  message?: string;
}

/** The tracking form: the code from the receipt and the last four digits of the phone. */
export function TrackPage({ ctx, agency, code, errors, message }: TrackFormProps) {
  const t = bi(ctx);
  const title = t('申请办理进度查询', 'Track an application');
  return (
    <PortalLayout ctx={ctx} agency={agency} column="apply" title={title}>
      <h1>{title}</h1>
      {message && <div class="notice notice-error" role="alert">{message}</div>}
      <TrackForm ctx={ctx} agency={agency} code={code} errors={errors} />
      <p><a href={`/gk/${agency.code}/apply`}>{t('提交新的申请', 'Submit a new application')}</a></p>
    </PortalLayout>
  );
}

function TrackForm({ ctx, agency, code, errors }: { ctx: PageContext; agency: PortalAgency; code: string; errors: Record<string, string> }) {
  const t = bi(ctx);
  return (
    <form method="post" action={`/gk/${agency.code}/track`} class="track-form" novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <TextInput id="trackingCode" label={t('查询码', 'Tracking code')} value={code} error={errors.trackingCode} required maxLength={40} autocomplete="off"
        hint={t('受理回执上的16位查询码，可以带或不带连字符', 'The 16-character code on the acknowledgement, with or without dashes')} />
      <TextInput id="phoneLast4" label={t('联系电话后四位', 'Last 4 digits of your phone')} value="" error={errors.phoneLast4} required maxLength={4} inputMode="numeric" autocomplete="off" />
      <button type="submit" class="primary">{t('查询', 'Track')}</button>
    </form>
  );
}

/** One hidden-field form per download: the second factor is re-checked, nothing is cached in the browser. */
function DownloadButton({ ctx, agency, view, phoneLast4, fileId, label }: { ctx: PageContext; agency: PortalAgency; view: PublicApplicationView; phoneLast4: string; fileId: number | 'receipt'; label: string }) {
  return (
    <form method="post" action={`/gk/${agency.code}/track/file`} class="inline">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="trackingCode" value={view.trackingCode} />
      <input type="hidden" name="phoneLast4" value={phoneLast4} />
      <input type="hidden" name="fileId" value={String(fileId)} />
      <button type="submit" class="linklike">{label}</button>
    </form>
  );
}

const STATUS_EN: Record<PublicApplicationView['status'], string> = {
  received: 'Received', awaiting_correction: 'Waiting for your correction', in_process: 'Being processed', paused: 'Being processed (consultation; period paused)',
  awaiting_fee: 'Waiting for the processing fee', awaiting_reasons: 'Waiting for your reasons', replied: 'Replied', withdrawn: 'Withdrawn',
};

/** What the applicant sees: status, the due date, the public timeline, letters to download. */
export function TrackResultPage({ ctx, agency, view, phoneLast4 }: { ctx: PageContext; agency: PortalAgency; view: PublicApplicationView; phoneLast4: string }) {
  const t = bi(ctx);
  const title = t('申请办理进度', 'Application status');
  const status = ctx.lang === 'en' ? STATUS_EN[view.status] : view.statusLabel;
  return (
    <PortalLayout ctx={ctx} agency={agency} column="apply" title={title}>
      <h1>{title}</h1>
      <table class="meta-table track-summary">
        <tbody>
          <Row label={t('查询码', 'Tracking code')}><span class="tracking-code-inline">{formatTrackingCode(view.trackingCode)}</span></Row>
          <Row label={t('受理机关', 'Agency')}>{view.agency.name}</Row>
          <Row label={t('申请人', 'Applicant')}>{view.applicantName}</Row>
          <Row label={t('收到申请日期', 'Date received')}>{formatDate(view.receivedOn, ctx.lang)}</Row>
          <Row label={t('所需信息', 'Information sought')}>{view.description}</Row>
          {view.applicantFiles.length > 0 && <Row label={t('您提交的附件', 'Your attachments')}><AttachmentNames names={view.applicantFiles} /></Row>}
          <Row label={t('办理状态', 'Status')}><strong class={`status status-${view.status}`}>{status}</strong></Row>
          {view.outcomeLabel && <Row label={t('处理结果', 'Decision')}>{view.outcomeLabel}{view.endedOn ? `（${formatDate(view.endedOn, ctx.lang)}）` : ''}</Row>}
          {view.dueSentence && view.due.status !== 'ended' && <Row label={t('答复期限', 'Reply due')}><span class="due-sentence">{view.dueSentence}</span></Row>}
          {view.waitingUntil && (
            <Row label={view.state === 'awaiting_fee' ? t('缴费期限', 'Pay by') : t('补正期限', 'Correct by')}>
              {t(`请于 ${formatDate(view.waitingUntil, 'zh-CN')} 前${view.state === 'awaiting_fee' ? '缴纳信息处理费' : '提交补正材料'}`, formatDate(view.waitingUntil, 'en'))}
            </Row>
          )}
        </tbody>
      </table>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('办理过程', 'Timeline')}</h2>
        <ol class="timeline">
          {view.timeline.map((e) => (
            <li><time dateTime={e.on}>{formatDate(e.on, ctx.lang)}</time> <span class="timeline-label">{e.label}</span><p>{e.text}</p></li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="files-title">
        <h2 id="files-title">{t('文书下载', 'Letters')}</h2>
        <ul class="file-list">
          <li><DownloadButton ctx={ctx} agency={agency} view={view} phoneLast4={phoneLast4} fileId="receipt" label={t('政府信息公开申请受理回执（Word）', 'Acknowledgement of receipt (Word)')} /></li>
          {view.files.map((f) => (
            <li><DownloadButton ctx={ctx} agency={agency} view={view} phoneLast4={phoneLast4} fileId={f.id} label={f.filename} /></li>
          ))}
        </ul>
      </section>
      <p class="hint">{t('如对办理有疑问，请联系', 'Questions? Contact ')}{view.agency.name}{view.agency.phone ? `（${view.agency.phone}）` : ''}。</p>
      <p><a href={`/gk/${agency.code}/track`}>{t('查询其他申请', 'Track another application')}</a></p>
    </PortalLayout>
  );
}
