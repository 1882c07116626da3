// The letters of the workflow (受理回执, 补正告知书, 延期答复告知书, 征询函, 收费通知书, 答复书): which step
// produces which letter, the values filled in, and the per-agency templates staff may edit.
import type { Agency, ApplicationRow } from '../db/schema.ts';
import { CONSULTATION_DAYS } from '../domain/application-clock.ts';
import type { CaseEvent } from '../domain/application-events.ts';
import { caseClock, caseEventOf } from '../domain/application-events.ts';
import { CHANNEL_LABELS, DELIVERY_LABELS, FORMAT_LABELS, type Channel, type Delivery, type InfoFormat } from '../domain/application-form.ts';
import { OUTCOMES, OUTCOME_CODES, isOutcomeCode, type Action, type OutcomeCode } from '../domain/application-workflow.ts';
import { formatDateZh } from '../domain/dates.ts';
import type { FeeTier } from '../domain/fees.ts';
import { formatTrackingCode } from '../domain/tracking-code.ts';
import {
  DECISION_PLACEHOLDERS,
  DECISION_WORDING,
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  LETTER_PLACEHOLDERS,
  LETTER_TITLES,
  fillPlaceholders,
  fillTemplate,
  letterDocx,
  letterText,
  placeholdersNotIn,
  type LetterKind,
} from '../output/application-letters.ts';
import { actorLabel, type Actor, type StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import type { Repositories } from '../db/repositories/index.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { APPLICANT_FILE_KIND } from './application-intake.service.ts';
import { loadVisibleApplication } from './application-policy.service.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface GeneratedLetter {
  kind: LetterKind;
  filename: string;
  mime: string;
  content: Buffer;
  /** Sent to the applicant (downloadable in the tracking view); a consultation letter is not. */
  isPublic: boolean;
  /** The filled text, for previews and tests. */
  text: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

async function templateOf(ctx: ServiceContext, agencyId: number, kind: LetterKind): Promise<string> {
  return (await ctx.repos.applications.template(agencyId, kind)) ?? DEFAULT_TEMPLATES[kind];
}

/** The decision paragraph of a reply: the agency's own wording for the reply type, or the built-in one. */
async function decisionWordingOf(ctx: ServiceContext, agencyId: number, outcome: OutcomeCode): Promise<string> {
  return (await ctx.repos.applications.decisionWording(agencyId, outcome)) ?? DECISION_WORDING[outcome];
}

/** Administrative reconsideration goes to the government at the agency's level (行政复议法 2023, art. 24). */
async function reconsiderationBody(ctx: ServiceContext, agency: Agency): Promise<string> {
  const parent = agency.parent_id !== null ? await ctx.repos.agencies.byId(agency.parent_id) : undefined;
  return parent?.name ?? '本级人民政府';
}

/** The sentence on remedies every reply carries. */
export function remediesSentence(body: string): string {
  return `如对本答复不服，可以自收到本答复之日起60日内向${body}申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼。`;
}

function commonValues(agency: Agency, app: ApplicationRow, kind: LetterKind, on: string): Record<string, string> {
  return {
    title: LETTER_TITLES[kind],
    agencyName: agency.name,
    agencyAddress: agency.address,
    agencyPhone: agency.phone,
    officeName: agency.office_name,
    trackingCode: formatTrackingCode(app.tracking_code),
    applicantName: app.applicant_name,
    receivedOn: formatDateZh(app.received_on),
    description: app.description,
    date: formatDateZh(on),
  };
}

function feeLines(method: string, tiers: readonly FeeTier[]): string {
  const unit = method === 'per_item' ? '件' : '页';
  return tiers
    .map((t) => `- 第${t.from}${t.to === t.from ? '' : `至${t.to}`}${unit}：${t.count}${unit} × ${t.rate}元 = ${t.amount}元${t.rate === 0 ? '（免费）' : ''}`)
    .join('\n');
}

function howToObtain(outcome: OutcomeCode, app: ApplicationRow, agency: Agency): string {
  if (outcome !== 'disclosed' && outcome !== 'partially_disclosed') return '';
  const format = FORMAT_LABELS[app.format as InfoFormat] ?? app.format;
  const delivery = app.delivery as Delivery;
  const how = delivery === 'online'
    ? `您可以凭查询码 ${formatTrackingCode(app.tracking_code)} 在本机关政府信息公开网站“依申请公开”栏目下载`
    : delivery === 'pickup'
      ? `请您携带有效身份证件到本机关（${agency.address}）领取`
      : `本机关将通过${DELIVERY_LABELS[delivery] ?? delivery}向您提供`;
  return `所公开的信息以${format}形式提供，${how}。`;
}

async function render(ctx: ServiceContext, kind: LetterKind, agency: Agency, app: ApplicationRow, values: Record<string, string>, isPublic: boolean): Promise<GeneratedLetter> {
  const lines = fillTemplate(await templateOf(ctx, agency.id, kind), values);
  const content = await letterDocx(lines, { title: LETTER_TITLES[kind], creator: agency.name });
  return {
    kind,
    filename: `${LETTER_TITLES[kind]}-${app.tracking_code}.docx`,
    mime: DOCX_MIME,
    content,
    isPublic,
    text: letterText(lines),
  };
}

/** The letter a workflow step produces, if any. */
export async function letterForAction(
  ctx: ServiceContext,
  step: { action: Action; app: ApplicationRow; agency: Agency; on: string; data: Record<string, unknown>; events: readonly CaseEvent[] },
): Promise<GeneratedLetter | null> {
  const { action, app, agency, on, data } = step;
  switch (action) {
    case 'request-correction':
      return render(ctx, 'correction_notice', agency, app, {
        ...commonValues(agency, app, 'correction_notice', on),
        items: str(data.items),
        correctionDueOn: formatDateZh(str(data.dueOn)),
      }, true);
    case 'extend':
      return render(ctx, 'extension_notice', agency, app, {
        ...commonValues(agency, app, 'extension_notice', on),
        reason: str(data.reason).replace(/[。.]$/, ''),
        workingDays: String(num(data.workingDays)),
        dueOn: str(data.dueOnAfter) ? formatDateZh(str(data.dueOnAfter)) : '',
      }, true);
    case 'start-consultation': {
      const kind: LetterKind = data.partyKind === 'agency' ? 'agency_consultation_letter' : 'consultation_letter';
      return render(ctx, kind, agency, app, {
        ...commonValues(agency, app, kind, on),
        party: str(data.party),
        // The third party learns what is asked, never who asked.
        matter: str(data.matter) || `“${app.description}”`,
        answerDays: String(CONSULTATION_DAYS),
      }, false);
    }
    case 'send-fee-notice':
      return render(ctx, 'fee_notice', agency, app, {
        ...commonValues(agency, app, 'fee_notice', on),
        method: data.method === 'per_item' ? '按件' : '按量',
        feeLines: feeLines(str(data.method), (data.tiers as FeeTier[] | undefined) ?? []),
        amount: String(num(data.amount)),
        payDueOn: formatDateZh(str(data.dueOn)),
      }, true);
    case 'reply': {
      const outcome = str(data.outcome);
      if (!isOutcomeCode(outcome)) return null;
      const info = OUTCOMES[outcome];
      const values = commonValues(agency, app, 'reply', on);
      return render(ctx, 'reply', agency, app, {
        ...values,
        decision: fillPlaceholders(await decisionWordingOf(ctx, agency.id, outcome), values),
        details: str(data.details),
        legalBasis: info.legalBasis ?? '《中华人民共和国政府信息公开条例》',
        howToObtain: howToObtain(outcome, app, agency),
        remedies: remediesSentence(await reconsiderationBody(ctx, agency)),
      }, true);
    }
    case 'receive-correction':
    case 'assign':
    case 'end-consultation':
    case 'record-payment':
    case 'request-reasons':
    case 'receive-reasons':
    case 'draft-reply':
    case 'approve-reply':
    case 'return-reply':
    case 'withdraw':
    case 'close':
      return null;
  }
}

/** The acknowledgement (受理回执) as .docx, generated when asked for: it follows from the stored case. */
export async function receiptLetter(ctx: ServiceContext, app: ApplicationRow): Promise<GeneratedLetter> {
  const agency = await ctx.repos.agencies.byId(app.agency_id);
  if (!agency) throw new NotFoundError('未找到该机关');
  const [cal, eventRows, files] = await Promise.all([ctx.calendar(), ctx.repos.applications.events(app.id), ctx.repos.applications.files(app.id)]);
  const events = eventRows.map(caseEventOf);
  const attached = files.filter((f) => f.kind === APPLICANT_FILE_KIND).map((f) => f.filename);
  // The receipt states the period as it stood on receipt.
  const clock = caseClock(cal, { receivedOn: app.received_on, endedOn: null, events: events.filter((e) => e.type === 'received') }, app.received_on);
  return render(ctx, 'receipt', agency, app, {
    ...commonValues(agency, app, 'receipt', app.received_on),
    channel: CHANNEL_LABELS[app.channel as Channel] ?? app.channel,
    dueOn: clock.dueOn ? formatDateZh(clock.dueOn) : '',
    formatAndDelivery: `${FORMAT_LABELS[app.format as InfoFormat] ?? app.format}形式，${DELIVERY_LABELS[app.delivery as Delivery] ?? app.delivery}`,
    trackingUrl: `${ctx.config.publicBaseUrl.replace(/\/$/, '')}/gk/${agency.code}/track`,
    attachments: attached.length > 0 ? `随申请提交的附件（${attached.length}个）：${attached.join('、')}。` : '',
  }, true);
}

/** The receipt of a case for staff who may see it. */
export async function caseReceipt(ctx: ServiceContext, user: StaffUser, applicationId: number): Promise<GeneratedLetter> {
  return receiptLetter(ctx, await loadVisibleApplication(ctx, user, applicationId));
}

// ---------------------------------------------------------------------------------------------
// Per-agency templates

export interface TemplateView {
  kind: LetterKind;
  title: string;
  body: string;
  isDefault: boolean;
  updatedAt: string | null;
  placeholders: readonly string[];
}

function requireTemplateEditor(user: StaffUser): void {
  if (!user.roles.includes('office') && !user.roles.includes('head') && !user.roles.includes('admin')) {
    throw new ForbiddenError('只有公开办、负责人或系统管理员可以修改文书模板');
  }
}

export async function listTemplates(ctx: ServiceContext, user: StaffUser): Promise<TemplateView[]> {
  const stored = await ctx.repos.applications.templates(user.agencyId);
  return LETTER_KINDS.map((kind) => {
    const own = stored.get(kind);
    return {
      kind,
      title: LETTER_TITLES[kind],
      body: own?.body ?? DEFAULT_TEMPLATES[kind],
      isDefault: own === undefined,
      updatedAt: own?.updatedAt ?? null,
      placeholders: LETTER_PLACEHOLDERS[kind],
    };
  });
}

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

/** Refuses an empty or overlong text, or one with a placeholder that would print literally. */
function checkWording(body: string, known: readonly string[], maxLength: number, what: string): void {
  const unknown = placeholdersNotIn(known, body);
  let message = '';
  if (body.trim() === '') message = `${what}不能为空`;
  else if (body.length > maxLength) message = `${what}过长（最多${maxLength}个字符）`;
  else if (unknown.length > 0) message = `${what}中有无法识别的占位符：${unknown.map((u) => `{{${u}}}`).join('、')}`;
  if (message !== '') throw new ValidationError(message, { body: message });
}

/** One piece of an agency's editable wording: a letter template or a reply type's decision paragraph. */
interface Wording {
  subjectType: 'letter_template' | 'decision_wording';
  actions: { saved: string; reset: string };
  /** The letter kind or the outcome code, and its name in the audit summary. */
  key: string;
  keyName: 'kind' | 'outcome';
  known: readonly string[];
  maxLength: number;
  what: string;
  set(repos: Repositories, agencyId: number, body: string, userId: number, at: string): Promise<void>;
  remove(repos: Repositories, agencyId: number): Promise<void>;
}

/** Checks and saves an agency's wording (`body` null restores the built-in one), audited. */
async function saveWording(ctx: ServiceContext, actor: Actor, user: StaffUser, wording: Wording, body: string | null): Promise<void> {
  if (body !== null) checkWording(body, wording.known, wording.maxLength, wording.what);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    if (body === null) await wording.remove(repos, user.agencyId);
    else await wording.set(repos, user.agencyId, body, user.id, now.toISOString());
    await repos.audit.append({
      actorId: user.id,
      actorLabel: actorLabel(actor),
      agencyId: user.agencyId,
      action: body === null ? wording.actions.reset : wording.actions.saved,
      subjectType: wording.subjectType,
      subjectId: wording.key,
      summary: { [wording.keyName]: wording.key, length: body?.length ?? 0 },
      ip: actor.ip,
    }, now);
  });
}

/** The signed-in staff member, if they may edit the agency's wording. */
function staffEditor(actor: Actor): StaffUser {
  if (actor.kind !== 'staff') throw new ForbiddenError('请先登录');
  requireTemplateEditor(actor.user);
  return actor.user;
}

/** Saves an agency's wording of a letter; `body` null restores the built-in wording. */
export async function saveTemplate(ctx: ServiceContext, actor: Actor, kind: string, body: string | null): Promise<void> {
  const user = staffEditor(actor);
  if (!isLetterKind(kind)) throw new NotFoundError('没有该文书模板');
  await saveWording(ctx, actor, user, {
    subjectType: 'letter_template', actions: { saved: 'application.template_saved', reset: 'application.template_reset' }, key: kind, keyName: 'kind', known: LETTER_PLACEHOLDERS[kind], maxLength: 20_000, what: '模板内容',
    set: (repos, agencyId, text, userId, at) => repos.applications.setTemplate(agencyId, kind, text, userId, at),
    remove: (repos, agencyId) => repos.applications.deleteTemplate(agencyId, kind),
  }, body);
}

/** A preview of a template with sample values, so an editor sees the result before saving. */
export function previewTemplate(kind: LetterKind, body: string): string {
  const sample: Record<string, string> = {};
  for (const p of LETTER_PLACEHOLDERS[kind]) sample[p] = `〔${p}〕`;
  sample.title = LETTER_TITLES[kind];
  return letterText(fillTemplate(body, sample));
}

// ---------------------------------------------------------------------------------------------
// Per-agency decision wording of the reply letter, one per reply type

export interface DecisionWordingView {
  outcome: OutcomeCode;
  label: string;
  body: string;
  isDefault: boolean;
  updatedAt: string | null;
}

export const DECISION_WORDING_MAX = 2000;

export async function listDecisionWordings(ctx: ServiceContext, user: StaffUser): Promise<DecisionWordingView[]> {
  const stored = await ctx.repos.applications.decisionWordings(user.agencyId);
  return OUTCOME_CODES.map((outcome) => {
    const own = stored.get(outcome);
    return { outcome, label: OUTCOMES[outcome].label, body: own?.body ?? DECISION_WORDING[outcome], isDefault: own === undefined, updatedAt: own?.updatedAt ?? null };
  });
}

/** Saves an agency's decision paragraph for a reply type; `body` null restores the built-in wording. */
export async function saveDecisionWording(ctx: ServiceContext, actor: Actor, outcome: string, body: string | null): Promise<void> {
  const user = staffEditor(actor);
  if (!isOutcomeCode(outcome)) throw new NotFoundError('没有该答复类型');
  await saveWording(ctx, actor, user, {
    subjectType: 'decision_wording', actions: { saved: 'application.decision_wording_saved', reset: 'application.decision_wording_reset' }, key: outcome, keyName: 'outcome',
    known: DECISION_PLACEHOLDERS, maxLength: DECISION_WORDING_MAX, what: '决定措辞',
    set: (repos, agencyId, text, userId, at) => repos.applications.setDecisionWording(agencyId, outcome, text, userId, at),
    remove: (repos, agencyId) => repos.applications.deleteDecisionWording(agencyId, outcome),
  }, body);
}
