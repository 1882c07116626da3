// Every step of the workflow goes through `performAction`: load → check the transition table and
// its guards (application-workflow.ts) on the date the step takes effect → validate the step's own
// details → check that the reply clock still makes sense with the new event → in ONE transaction:
// move the state (optimistic lock), append the application event, attach the letter, append the
// audit event.
import { createHash } from 'node:crypto';
import type { ApplicationRow } from '../db/schema.ts';
import type { ApplicationChanges } from '../db/repositories/application.repository.ts';
import { ClockHistoryError, limitsFor } from '../domain/application-clock.ts';
import {
  ACTION_EVENT,
  applicantDeadline,
  caseClock,
  caseEventOf,
  currentDraft,
  isPublicEventType,
  workflowContextOf,
  DEFAULT_CORRECTION_PERIOD_DAYS,
  type CaseEvent,
} from '../domain/application-events.ts';
import {
  ACTIONS,
  ACTION_LABELS,
  OUTCOMES,
  TRANSITIONS,
  can,
  isOutcomeCode,
  outcomesFor,
  type Action,
  type OutcomeCode,
  type State,
} from '../domain/application-workflow.ts';
import { compareDates, formatDateZh, isIsoDate } from '../domain/dates.ts';
import { feePaymentDeadline } from '../domain/application-clock.ts';
import { perItemFee, perVolumeFee, type FeeBreakdown } from '../domain/fees.ts';
import { actorLabel, type Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { DomainError, ForbiddenError, ValidationError } from './errors.ts';
import { todayOf } from './application-intake.service.ts';
import { loadVisibleApplication } from './application-policy.service.ts';
import { buildCaseView, type CaseView } from './application-case.service.ts';
import { letterForAction, type GeneratedLetter } from './application-letter.service.ts';

/** What a client sends: `type` (a stable action code), `on` (the legal date, default today), and the step's details. */
export type ActionRequest = { type: string; on?: string; expectedVersion?: number } & Record<string, unknown>;

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

const text = (v: unknown): string => (typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim() : '');

function intOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d{1,9}$/.test(v.trim())) return Number(v.trim());
  return null;
}

function boolOf(v: unknown): boolean | null {
  if (v === true || v === '1' || v === 'true' || v === 'yes') return true;
  if (v === false || v === '0' || v === 'false' || v === 'no') return false;
  return null;
}

interface Step {
  data: Record<string, unknown>;
  changes: ApplicationChanges;
  /** Outcome the guards check (draft-reply, reply). */
  outcome?: OutcomeCode;
}

// Outcomes whose letter must say something specific (where to find it, why the rest is withheld,
// who is responsible, where to get the publication, the proper channel).
const DETAILS_REQUIRED: Partial<Record<OutcomeCode, string>> = {
  already_public: '请写明已主动公开的信息的获取方式和途径（条例第三十六条第（一）项）',
  partially_disclosed: '请写明不予公开部分的理由（条例第三十七条）',
  not_this_agency: '请写明负责公开该信息的行政机关的名称和联系方式（条例第三十六条第（五）项）',
  publication_request: '请写明获取该公开出版物的途径（条例第三十九条第二款）',
  petition_complaint: '请写明应通过的信访、投诉、举报渠道（条例第三十九条第一款）',
  other: '请写明处理情况',
};

const MAX_TEXT = 5000;

/** Validates the details of one step and says what it changes. Throws ValidationError naming each bad field. */
async function stepOf(
  ctx: ServiceContext,
  app: ApplicationRow,
  action: Action,
  req: ActionRequest,
  on: string,
  events: readonly CaseEvent[],
): Promise<Step> {
  const fields: Record<string, string> = {};
  const note = text(req.note);
  if (note.length > MAX_TEXT) fields.note = `备注不能超过${MAX_TEXT}个字`;
  const base: Record<string, unknown> = note ? { note } : {};
  const cal = await ctx.calendar();
  const done = (step: Step): Step => {
    if (Object.keys(fields).length > 0) throw new ValidationError(`办理信息有误：${Object.values(fields).join('；')}`, fields);
    return step;
  };

  switch (action) {
    case 'request-correction': {
      // Art. 30: once, in full, with a reasonable period to correct.
      const items = text(req.items);
      if (items === '') fields.items = '请一次性写明需要补正的事项和要求（条例第三十条）';
      else if (items.length > MAX_TEXT) fields.items = `补正事项不能超过${MAX_TEXT}个字`;
      let dueOn = text(req.dueOn);
      if (dueOn === '') dueOn = cal.addWorkingDays(on, DEFAULT_CORRECTION_PERIOD_DAYS).date;
      else if (!isIsoDate(dueOn)) fields.dueOn = '补正期限的格式应为 YYYY-MM-DD';
      else if (compareDates(dueOn, on) <= 0) fields.dueOn = '补正期限应晚于告知日期';
      return done({ data: { ...base, items, dueOn }, changes: {} });
    }
    case 'receive-correction': {
      const description = text(req.description);
      if (description.length > MAX_TEXT) fields.description = `补正后的申请内容不能超过${MAX_TEXT}个字`;
      const data = { ...base, ...(description && description !== app.description ? { previousDescription: app.description, description } : {}) };
      return done({ data, changes: description && description !== app.description ? { description } : {} });
    }
    case 'assign': {
      const departmentId = intOf(req.departmentId);
      const dept = departmentId === null ? undefined : await ctx.repos.agencies.departmentById(departmentId);
      if (!dept || dept.agency_id !== app.agency_id) fields.departmentId = '请选择本机关的承办科室';
      return done({ data: { ...base, departmentId, departmentName: dept?.name ?? '' }, changes: { department_id: departmentId } });
    }
    case 'start-consultation': {
      const partyKind = req.partyKind === undefined || req.partyKind === '' ? 'third_party' : req.partyKind;
      if (partyKind !== 'third_party' && partyKind !== 'agency') fields.partyKind = '征求意见对象应为第三方（third_party）或有关行政机关（agency）';
      const party = text(req.party);
      if (party === '') fields.party = '请填写征求意见的第三方或行政机关名称';
      else if (party.length > 200) fields.party = '名称不能超过200个字';
      const matter = text(req.matter);
      if (matter.length > MAX_TEXT) fields.matter = `征求意见事项不能超过${MAX_TEXT}个字`;
      return done({ data: { ...base, partyKind, party, ...(matter ? { matter } : {}) }, changes: {} });
    }
    case 'end-consultation': {
      const result = text(req.result) || 'answered';
      if (!['consented', 'objected', 'no_answer', 'answered'].includes(result)) {
        fields.result = '征求意见结果应为 consented（同意公开）、objected（不同意公开）、no_answer（逾期未答复）或 answered';
      }
      return done({ data: { ...base, result }, changes: {} });
    }
    case 'extend': {
      // Art. 33: one extension of at most 20 working days (15 under the 2008 Regulations).
      const max = limitsFor(app.received_on).extensionDays;
      const given = req.workingDays === undefined || req.workingDays === '' ? max : intOf(req.workingDays);
      if (given === null || given < 1 || given > max) fields.workingDays = `延长的工作日数应为1至${max}之间的整数`;
      const reason = text(req.reason);
      if (reason === '') fields.reason = '请写明延长答复期限的理由（将告知申请人）';
      else if (reason.length > 1000) fields.reason = '理由不能超过1000个字';
      return done({ data: { ...base, workingDays: given, reason }, changes: {} });
    }
    case 'send-fee-notice': {
      // 国办函〔2020〕109号: per item or per volume, never both.
      const method = text(req.method);
      if (method !== 'per_item' && method !== 'per_volume') fields.method = '计收方式应为按件（per_item）或按量（per_volume）';
      const units = intOf(req.units);
      if (units === null || units < 1 || units > 100_000) fields.units = method === 'per_volume' ? '请填写页数（正整数）' : '请填写本次申请的件数（正整数）';
      let fee: FeeBreakdown | null = null;
      let previousItems = 0;
      if (!fields.method && !fields.units) {
        if (method === 'per_item') {
          // Practice: "the same applicant" is counted per agency, per calendar month.
          previousItems = await ctx.repos.applications.countSameApplicantInMonth(app.agency_id, app.applicant_id_number, app.received_on.slice(0, 7), app.id);
          fee = perItemFee(previousItems, units!);
        } else {
          fee = perVolumeFee(units!);
        }
        if (fee.total === 0) fields.units = '按规定本申请不需收取信息处理费（按件：每月前10件免费；按量：30页以内免费）';
      }
      const dueOn = feePaymentDeadline(cal, on).date;
      return done({ data: { ...base, method, units, previousItems, amount: fee?.total ?? 0, tiers: fee?.tiers ?? [], dueOn }, changes: {} });
    }
    case 'record-payment': {
      const notice = [...events].reverse().find((e) => e.type === 'fee_notice_sent');
      const expected = typeof notice?.data.amount === 'number' ? notice.data.amount : 0;
      const amount = req.amount === undefined || req.amount === '' ? expected : Number(req.amount);
      if (!Number.isFinite(amount) || amount !== expected) fields.amount = `缴费金额应与收费通知一致（${expected}元）`;
      return done({ data: { ...base, amount }, changes: {} });
    }
    case 'request-reasons': {
      const matter = text(req.matter) || note;
      if (matter === '') fields.matter = '请写明需要申请人说明的理由事项（条例第三十五条）';
      return done({ data: { ...base, matter }, changes: {} });
    }
    case 'receive-reasons': {
      const reasonable = boolOf(req.reasonable);
      if (reasonable === null) fields.reasonable = '请选择申请理由是否合理';
      const dueOn = text(req.dueOn);
      if (dueOn !== '') {
        if (reasonable === false) fields.dueOn = '理由不合理的，不予处理，无需确定答复期限';
        else if (!isIsoDate(dueOn)) fields.dueOn = '答复期限的格式应为 YYYY-MM-DD';
        else if (compareDates(dueOn, on) <= 0) fields.dueOn = '确定的答复期限应晚于今天';
      }
      return done({ data: { ...base, reasonable, ...(dueOn ? { dueOn } : {}) }, changes: {} });
    }
    case 'draft-reply': {
      const outcome = text(req.outcome);
      if (!isOutcomeCode(outcome)) {
        fields.outcome = '请选择答复类型';
        return done({ data: {}, changes: {} });
      }
      const details = text(req.details);
      if (details === '' && DETAILS_REQUIRED[outcome]) fields.details = DETAILS_REQUIRED[outcome]!;
      else if (details.length > MAX_TEXT) fields.details = `答复内容不能超过${MAX_TEXT}个字`;
      return done({ data: { ...base, outcome, details }, changes: {}, outcome });
    }
    case 'approve-reply':
      return done({ data: base, changes: {} });
    case 'return-reply':
      if (note === '') fields.note = '请写明退回的理由';
      return done({ data: base, changes: {} });
    case 'reply': {
      const state = app.state as State;
      const allowed = outcomesFor(state, 'reply');
      const draft = currentDraft(events);
      // From an approved draft the reply carries the draft's decision; from a waiting state, the abandonment.
      const expected: OutcomeCode | undefined = state === 'reply_approved' ? draft?.outcome : allowed.length === 1 ? allowed[0] : undefined;
      const given = text(req.outcome);
      if (given !== '' && !isOutcomeCode(given)) fields.outcome = '答复类型代码无效';
      const outcome = (given !== '' ? given : expected) as OutcomeCode | undefined;
      if (!fields.outcome && outcome === undefined) fields.outcome = '请选择答复类型';
      else if (!fields.outcome && expected !== undefined && outcome !== expected) {
        fields.outcome = state === 'reply_approved'
          ? `答复类型应与已批准的答复一致（${OUTCOMES[expected].label}）；如需改变，请退回重新起草`
          : `${OUTCOMES[expected].label}`;
      }
      const details = text(req.details) || (state === 'reply_approved' ? draft?.details ?? '' : '');
      return done({
        data: { ...base, outcome, details },
        changes: { outcome: outcome ?? null, ended_on: on },
        ...(outcome ? { outcome } : {}),
      });
    }
    case 'withdraw':
      return done({ data: base, changes: { outcome: 'withdrawn', ended_on: on } });
    case 'close':
      return done({ data: base, changes: {} });
  }
}

/**
 * Performs one workflow action on an application for a staff member, and returns the updated case.
 * Wrong state or timing → DomainError (409); a role the user lacks → ForbiddenError (403); bad
 * details → ValidationError (400); someone else acted first → DomainError asking to reload.
 */
export async function performAction(ctx: ServiceContext, actor: Actor, applicationId: number, req: ActionRequest): Promise<CaseView> {
  if (actor.kind !== 'staff') throw new ForbiddenError('请先登录');
  const user = actor.user;
  const action = req.type;
  if (!isAction(action)) {
    throw new ValidationError('办理事项无效', { type: `办理事项应为以下之一：${ACTIONS.join('、')}` });
  }
  const app = await loadVisibleApplication(ctx, user, applicationId);
  if (app.agency_id !== user.agencyId) throw new ForbiddenError('只能办理本机关的申请');
  if (req.expectedVersion !== undefined && req.expectedVersion !== app.version) {
    throw new DomainError('该申请已被他人更新，请刷新页面后重新办理', 'stale');
  }
  const today = todayOf(ctx);
  const cal = await ctx.calendar();
  const eventRows = await ctx.repos.applications.events(app.id);
  const events = eventRows.map(caseEventOf);

  // The legal date of the step: today unless given; never in the future, never before the last step.
  const on = req.on === undefined || req.on === '' ? today : req.on;
  if (!isIsoDate(on)) throw new ValidationError('办理日期格式应为 YYYY-MM-DD', { on: '办理日期格式应为 YYYY-MM-DD' });
  if (compareDates(on, today) > 0) throw new ValidationError('办理日期不能晚于今天', { on: '办理日期不能晚于今天' });
  const lastOn = eventRows.filter((e) => e.type !== 'file_attached').reduce((m, e) => (compareDates(e.occurred_on, m) > 0 ? e.occurred_on : m), app.received_on);
  if (compareDates(on, lastOn) < 0) {
    throw new ValidationError(`办理日期不能早于上一办理环节（${formatDateZh(lastOn)}）`, { on: `办理日期不能早于${formatDateZh(lastOn)}` });
  }

  const state = app.state as State;
  const transition = TRANSITIONS[state]?.[action];
  const baseCtx = workflowContextOf(cal, { receivedOn: app.received_on, state, departmentId: app.department_id, events }, on, user);
  if (transition !== undefined && !transition.roles.some((r) => user.roles.includes(r))) {
    const decision = can(user.roles, state, action, baseCtx);
    throw new ForbiddenError(decision.ok ? '您没有执行此操作的权限' : decision.reason);
  }
  // A clerk acts only for the department the application is assigned to.
  if (transition !== undefined && !baseCtx.inAssignedDepartment && transition.roles.filter((r) => user.roles.includes(r)).every((r) => r === 'clerk')) {
    throw new ForbiddenError(`只有承办科室的经办人才能${ACTION_LABELS[action]}`);
  }
  // State and guards first (a clear message even when the details are incomplete); a reply's guards
  // depend on its outcome, so they are checked again once the details are known.
  const pre = can(user.roles, state, action, baseCtx);
  if (!pre.ok && (transition === undefined || (action !== 'draft-reply' && action !== 'reply'))) throw new DomainError(pre.reason);

  const step = await stepOf(ctx, app, action, req, on, events);
  const decision = can(user.roles, state, action, { ...baseCtx, ...(step.outcome ? { outcome: step.outcome } : {}) });
  if (!decision.ok) throw new DomainError(decision.reason);

  const type = ACTION_EVENT[action];
  const newEvent: CaseEvent = { type, on, actorId: user.id, data: step.data };
  // The clock must still make sense with this event (e.g. no pause while awaiting a correction).
  try {
    caseClock(cal, { receivedOn: app.received_on, endedOn: step.changes.ended_on ?? app.ended_on, events: [...events, newEvent] }, today);
  } catch (err) {
    if (err instanceof ClockHistoryError) throw new DomainError(err.message);
    throw err;
  }
  if (action === 'extend') step.data.previousDueOn = caseClock(cal, { receivedOn: app.received_on, endedOn: null, events }, on).dueOn;
  if (action === 'extend' || action === 'reply' || action === 'request-correction' || action === 'send-fee-notice') {
    step.data.dueOnAfter = caseClock(cal, { receivedOn: app.received_on, endedOn: null, events: [...events, newEvent] }, on).dueOn;
  }

  // Letters are generated before the transaction (pure CPU), stored inside it.
  const agency = (await ctx.repos.agencies.byId(app.agency_id))!;
  const letter: GeneratedLetter | null = await letterForAction(ctx, { action, app, agency, on, data: step.data, events });

  const now = ctx.now();
  const at = now.toISOString();
  await ctx.transaction(async (repos) => {
    const changed = await repos.applications.update(app.id, app.version, { state: decision.to, ...step.changes }, at);
    if (!changed) throw new DomainError('该申请已被他人更新，请刷新页面后重新办理', 'stale');
    const event = await repos.applications.appendEvent({
      applicationId: app.id,
      type,
      on,
      at,
      actorId: user.id,
      actorLabel: actorLabel(actor),
      data: letter ? { ...step.data, letter: letter.filename } : step.data,
      isPublic: isPublicEventType(type),
    });
    if (letter) {
      await repos.applications.insertFile({
        applicationId: app.id,
        eventId: event.id,
        kind: letter.kind,
        filename: letter.filename,
        mime: letter.mime,
        content: letter.content,
        sha256: createHash('sha256').update(letter.content).digest('hex'),
        isPublic: letter.isPublic,
        createdBy: user.id,
        createdAt: at,
      });
    }
    await repos.audit.append({
      actorId: user.id,
      actorLabel: actorLabel(actor),
      agencyId: app.agency_id,
      action: `application.${type}`,
      subjectType: 'application',
      subjectId: app.id,
      summary: { from: state, to: decision.to, on, ...(step.outcome ? { outcome: step.outcome } : {}), ...(letter ? { letter: letter.filename } : {}) },
      ip: actor.ip,
    }, now);
  });
  const updated = (await ctx.repos.applications.byId(app.id))!;
  return buildCaseView(ctx, user, updated);
}

/** When the applicant's period to correct or to pay ends, for forms that offer "treat as abandoned". */
export async function waitingDeadline(ctx: ServiceContext, app: ApplicationRow): Promise<string | null> {
  const cal = await ctx.calendar();
  const events = (await ctx.repos.applications.events(app.id)).map(caseEventOf);
  return applicantDeadline(cal, app.state, events);
}
