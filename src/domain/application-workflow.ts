// The workflow of an application for disclosure (依申请公开): states, the actions that move an
// application between them, who may take each action, and the reply outcomes with their legal basis
// and annual-report row. One explicit table, checked by one function (`can`), which also decides
// which buttons a page shows (`availableActions`).
//
// Pure: anything that needs the calendar or the event history (is this within 7 working days of
// receipt? has the reply period expired?) is computed by the caller and passed in `WorkflowContext`.

import type { ResultLeafKey } from './annual-report.ts';
import { ROLE_LABELS, type Role } from './roles.ts';

// ---------------------------------------------------------------------------------------------
// States

export type State =
  | 'received' // registered by the office; Art. 31 fixes the date of receipt
  | 'awaiting_correction' // 待补正, Art. 30: the reply clock restarts when the correction arrives
  | 'assigned' // routed to the department that holds the information
  | 'in_process' // handling resumed after a consultation, a fee, reasons, or a returned draft
  | 'consulting' // Art. 32/34: third party or other agency consulted; time not counted (Art. 33)
  | 'awaiting_fee' // information processing fee notice sent, payment outstanding
  | 'awaiting_reasons' // Art. 35: applicant asked to explain an excessive number/frequency of requests
  | 'reply_drafted' // draft reply waiting for review (保密审查)
  | 'reply_approved' // reviewed, waiting to be sent
  | 'replied' // reply sent (or abandonment recorded): handling has ended, counted in the report
  | 'closed' // filed away
  | 'withdrawn'; // applicant withdrew: handling ended, report row （六）3

export const STATES: readonly State[] = [
  'received',
  'awaiting_correction',
  'assigned',
  'in_process',
  'consulting',
  'awaiting_fee',
  'awaiting_reasons',
  'reply_drafted',
  'reply_approved',
  'replied',
  'closed',
  'withdrawn',
];

export const STATE_LABELS: Readonly<Record<State, string>> = {
  received: '已受理',
  awaiting_correction: '待补正',
  assigned: '已分办',
  in_process: '办理中',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  awaiting_reasons: '待说明理由',
  reply_drafted: '答复已起草（待审核）',
  reply_approved: '答复已审核',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

/** Handling has not ended: the application counts as open on 31 December (report row 四). */
export function isOpen(state: State): boolean {
  switch (state) {
    case 'received':
    case 'awaiting_correction':
    case 'assigned':
    case 'in_process':
    case 'consulting':
    case 'awaiting_fee':
    case 'awaiting_reasons':
    case 'reply_drafted':
    case 'reply_approved':
      return true;
    case 'replied':
    case 'closed':
    case 'withdrawn':
      return false;
  }
}

/** No action can follow. `replied` is neither open nor terminal: it still has to be closed. */
export function isTerminal(state: State): boolean {
  switch (state) {
    case 'closed':
    case 'withdrawn':
      return true;
    case 'received':
    case 'awaiting_correction':
    case 'assigned':
    case 'in_process':
    case 'consulting':
    case 'awaiting_fee':
    case 'awaiting_reasons':
    case 'reply_drafted':
    case 'reply_approved':
    case 'replied':
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Actions

export type Action =
  | 'request-correction'
  | 'receive-correction'
  | 'assign'
  | 'start-consultation'
  | 'end-consultation'
  | 'extend'
  | 'send-fee-notice'
  | 'record-payment'
  | 'request-reasons'
  | 'receive-reasons'
  | 'draft-reply'
  | 'approve-reply'
  | 'return-reply'
  | 'reply'
  | 'withdraw'
  | 'close';

export const ACTIONS: readonly Action[] = [
  'request-correction',
  'receive-correction',
  'assign',
  'start-consultation',
  'end-consultation',
  'extend',
  'send-fee-notice',
  'record-payment',
  'request-reasons',
  'receive-reasons',
  'draft-reply',
  'approve-reply',
  'return-reply',
  'reply',
  'withdraw',
  'close',
];

export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  'request-correction': '告知补正',
  'receive-correction': '收到补正',
  assign: '分办',
  'start-consultation': '征求意见',
  'end-consultation': '结束征求意见',
  extend: '延长答复期限',
  'send-fee-notice': '发出收费通知',
  'record-payment': '登记缴费',
  'request-reasons': '要求说明理由',
  'receive-reasons': '收到说明理由',
  'draft-reply': '起草答复',
  'approve-reply': '批准答复',
  'return-reply': '退回答复',
  reply: '答复',
  withdraw: '登记撤回',
  close: '办结',
};

// ---------------------------------------------------------------------------------------------
// The transition table

export interface Transition {
  readonly to: State;
  readonly roles: readonly Role[];
}

const OFFICE: readonly Role[] = ['office'];
// The assigned department's clerk drafts; a small office drafts its own replies.
const DRAFTERS: readonly Role[] = ['clerk', 'office'];
const REVIEWER: readonly Role[] = ['reviewer'];
// Art. 33: an extension is approved by the head of the disclosure office.
const HEAD: readonly Role[] = ['head'];

// `extend` keeps the state: it only moves the deadline. It is offered wherever a reply clock is
// running or paused, but not while a correction is awaited: Art. 30 restarts the clock from the
// corrected application, so there is no period to extend yet.
export const TRANSITIONS: { readonly [S in State]: Readonly<Partial<Record<Action, Transition>>> } = {
  received: {
    'request-correction': { to: 'awaiting_correction', roles: OFFICE },
    assign: { to: 'assigned', roles: OFFICE },
    'request-reasons': { to: 'awaiting_reasons', roles: OFFICE },
    extend: { to: 'received', roles: HEAD },
    withdraw: { to: 'withdrawn', roles: OFFICE },
  },
  awaiting_correction: {
    // Art. 30: the corrected application is received anew; the office routes it again.
    'receive-correction': { to: 'received', roles: OFFICE },
    // Art. 30: no correction in time → abandoned; recorded directly, no draft to review.
    reply: { to: 'replied', roles: OFFICE },
    withdraw: { to: 'withdrawn', roles: OFFICE },
  },
  assigned: {
    'request-correction': { to: 'awaiting_correction', roles: OFFICE },
    assign: { to: 'assigned', roles: OFFICE }, // re-route to another department
    'start-consultation': { to: 'consulting', roles: OFFICE },
    'send-fee-notice': { to: 'awaiting_fee', roles: OFFICE },
    'request-reasons': { to: 'awaiting_reasons', roles: OFFICE },
    'draft-reply': { to: 'reply_drafted', roles: DRAFTERS },
    extend: { to: 'assigned', roles: HEAD },
    withdraw: { to: 'withdrawn', roles: OFFICE },
  },
  in_process: {
    assign: { to: 'assigned', roles: OFFICE },
    'start-consultation': { to: 'consulting', roles: OFFICE },
    'send-fee-notice': { to: 'awaiting_fee', roles: OFFICE },
    'request-reasons': { to: 'awaiting_reasons', roles: OFFICE },
    'draft-reply': { to: 'reply_drafted', roles: DRAFTERS },
    extend: { to: 'in_process', roles: HEAD },
    withdraw: { to: 'withdrawn', roles: OFFICE },
  },
  consulting: {
    'end-consultation': { to: 'in_process', roles: OFFICE },
    extend: { to: 'consulting', roles: HEAD },
    withdraw: { to: 'withdrawn', roles: OFFICE },
  },
  awaiting_fee: {
    'record-payment': { to: 'in_process', roles: OFFICE },
    // Fee not paid within 20 working days of the notice → abandoned, recorded directly.
    reply: { to: 'replied', roles: OFFICE },
    extend: { to: 'awaiting_fee', roles: HEAD },
    withdraw: { to: 'withdrawn', roles: OFFICE },
  },
  awaiting_reasons: {
    'receive-reasons': { to: 'in_process', roles: OFFICE },
    // Art. 35: reasons not given or unreasonable → a 不予处理 reply is drafted from here.
    'draft-reply': { to: 'reply_drafted', roles: DRAFTERS },
    extend: { to: 'awaiting_reasons', roles: HEAD },
    withdraw: { to: 'withdrawn', roles: OFFICE },
  },
  reply_drafted: {
    'draft-reply': { to: 'reply_drafted', roles: DRAFTERS }, // revise before review
    'approve-reply': { to: 'reply_approved', roles: REVIEWER },
    'return-reply': { to: 'in_process', roles: REVIEWER },
    extend: { to: 'reply_drafted', roles: HEAD },
    withdraw: { to: 'withdrawn', roles: OFFICE },
  },
  reply_approved: {
    reply: { to: 'replied', roles: OFFICE },
    'return-reply': { to: 'in_process', roles: REVIEWER }, // approval withdrawn before sending
    extend: { to: 'reply_approved', roles: HEAD },
    withdraw: { to: 'withdrawn', roles: OFFICE },
  },
  replied: {
    close: { to: 'closed', roles: OFFICE },
  },
  closed: {},
  withdrawn: {},
};

// ---------------------------------------------------------------------------------------------
// Outcomes of a reply

export type OutcomeCode =
  // （一） 予以公开
  | 'disclosed'
  | 'already_public'
  // （二） 部分公开
  | 'partially_disclosed'
  // （三） 不予公开
  | 'withheld_state_secret'
  | 'withheld_prohibited_by_law'
  | 'withheld_security_stability'
  | 'withheld_third_party'
  | 'withheld_internal_affairs'
  | 'withheld_process_info'
  | 'withheld_enforcement_file'
  | 'withheld_administrative_query'
  // （四） 无法提供
  | 'not_held'
  | 'not_this_agency'
  | 'needs_compilation'
  | 'unclear_after_correction'
  // （五） 不予处理
  | 'petition_complaint'
  | 'repeat_application'
  | 'publication_request'
  | 'excessive_requests'
  | 'confirmation_request'
  // （六） 其他处理
  | 'abandoned_no_correction'
  | 'abandoned_fee_unpaid'
  | 'other';

/** The six result groups of the annual report, （一）–（六）. */
export type OutcomeCategory = 'disclosed' | 'partial' | 'withheld' | 'unable' | 'not_processed' | 'other_handling';

export const OUTCOME_CATEGORY_LABELS: Readonly<Record<OutcomeCategory, string>> = {
  disclosed: '予以公开',
  partial: '部分公开',
  withheld: '不予公开',
  unable: '无法提供',
  not_processed: '不予处理',
  other_handling: '其他处理',
};

export interface OutcomeInfo {
  readonly code: OutcomeCode;
  readonly category: OutcomeCategory;
  readonly label: string;
  /** The provision the reply letter cites; null where there is none to cite. */
  readonly legalBasis: string | null;
  /** Key of the reply-letter decision wording (模板) in output/. */
  readonly templateKey: string;
  /** Leaf row of the annual report's section 三 table. */
  readonly reportRow: ResultLeafKey;
}

const REGS = '《中华人民共和国政府信息公开条例》';

export const OUTCOME_CODES: readonly OutcomeCode[] = [
  'disclosed',
  'already_public',
  'partially_disclosed',
  'withheld_state_secret',
  'withheld_prohibited_by_law',
  'withheld_security_stability',
  'withheld_third_party',
  'withheld_internal_affairs',
  'withheld_process_info',
  'withheld_enforcement_file',
  'withheld_administrative_query',
  'not_held',
  'not_this_agency',
  'needs_compilation',
  'unclear_after_correction',
  'petition_complaint',
  'repeat_application',
  'publication_request',
  'excessive_requests',
  'confirmation_request',
  'abandoned_no_correction',
  'abandoned_fee_unpaid',
  'other',
];

// Mapping to report rows follows ANNUAL-REPORT-FORMAT.md ("Typical mapping of legal outcomes to rows").
export const OUTCOMES: { readonly [C in OutcomeCode]: OutcomeInfo } = {
  disclosed: {
    code: 'disclosed',
    category: 'disclosed',
    label: '予以公开',
    legalBasis: `${REGS}第三十六条第（二）项`,
    templateKey: 'reply.disclosed',
    reportRow: 'disclosed',
  },
  already_public: {
    code: 'already_public',
    category: 'disclosed',
    label: '已主动公开，告知获取的方式和途径',
    legalBasis: `${REGS}第三十六条第（一）项`,
    templateKey: 'reply.already_public',
    reportRow: 'disclosed',
  },
  partially_disclosed: {
    code: 'partially_disclosed',
    category: 'partial',
    label: '部分公开',
    legalBasis: `${REGS}第三十七条`,
    templateKey: 'reply.partially_disclosed',
    reportRow: 'partial',
  },
  withheld_state_secret: {
    code: 'withheld_state_secret',
    category: 'withheld',
    label: '不予公开：属于国家秘密',
    legalBasis: `${REGS}第十四条、第三十六条第（三）项`,
    templateKey: 'reply.withheld_state_secret',
    reportRow: 'withheld.state_secret',
  },
  withheld_prohibited_by_law: {
    code: 'withheld_prohibited_by_law',
    category: 'withheld',
    label: '不予公开：法律、行政法规禁止公开',
    legalBasis: `${REGS}第十四条、第三十六条第（三）项`,
    templateKey: 'reply.withheld_prohibited_by_law',
    reportRow: 'withheld.prohibited_by_law',
  },
  withheld_security_stability: {
    code: 'withheld_security_stability',
    category: 'withheld',
    label: '不予公开：公开后可能危及国家安全、公共安全、经济安全、社会稳定',
    legalBasis: `${REGS}第十四条、第三十六条第（三）项`,
    templateKey: 'reply.withheld_security_stability',
    reportRow: 'withheld.security_stability',
  },
  withheld_third_party: {
    code: 'withheld_third_party',
    category: 'withheld',
    label: '不予公开：涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
    legalBasis: `${REGS}第十五条、第三十六条第（三）项`,
    templateKey: 'reply.withheld_third_party',
    reportRow: 'withheld.third_party',
  },
  withheld_internal_affairs: {
    code: 'withheld_internal_affairs',
    category: 'withheld',
    label: '不予公开：属于人事管理、后勤管理、内部工作流程等内部事务信息',
    legalBasis: `${REGS}第十六条第一款、第三十六条第（三）项`,
    templateKey: 'reply.withheld_internal_affairs',
    reportRow: 'withheld.internal_affairs',
  },
  withheld_process_info: {
    code: 'withheld_process_info',
    category: 'withheld',
    label: '不予公开：属于讨论记录、过程稿、磋商信函、请示报告等过程性信息',
    legalBasis: `${REGS}第十六条第二款、第三十六条第（三）项`,
    templateKey: 'reply.withheld_process_info',
    reportRow: 'withheld.process_info',
  },
  withheld_enforcement_file: {
    code: 'withheld_enforcement_file',
    category: 'withheld',
    label: '不予公开：属于行政执法案卷信息',
    legalBasis: `${REGS}第十六条第二款、第三十六条第（三）项`,
    templateKey: 'reply.withheld_enforcement_file',
    reportRow: 'withheld.enforcement_file',
  },
  withheld_administrative_query: {
    code: 'withheld_administrative_query',
    category: 'withheld',
    label: '不予公开：属于行政查询事项，依照有关法律、行政法规的规定办理',
    legalBasis: `${REGS}第三十六条第（七）项`,
    templateKey: 'reply.withheld_administrative_query',
    reportRow: 'withheld.administrative_query',
  },
  not_held: {
    code: 'not_held',
    category: 'unable',
    label: '无法提供：经检索没有所申请公开的信息（本机关不掌握）',
    legalBasis: `${REGS}第三十六条第（四）项`,
    templateKey: 'reply.not_held',
    reportRow: 'unable.not_held',
  },
  not_this_agency: {
    code: 'not_this_agency',
    category: 'unable',
    label: '无法提供：不属于本机关负责公开',
    legalBasis: `${REGS}第三十六条第（五）项`,
    templateKey: 'reply.not_this_agency',
    reportRow: 'unable.not_held', // the format counts Art. 36(4) and 36(5) together in （四）1
  },
  needs_compilation: {
    code: 'needs_compilation',
    category: 'unable',
    label: '无法提供：没有现成信息，需要另行制作',
    legalBasis: `${REGS}第三十八条`,
    templateKey: 'reply.needs_compilation',
    reportRow: 'unable.needs_compilation',
  },
  unclear_after_correction: {
    code: 'unclear_after_correction',
    category: 'unable',
    label: '无法提供：补正后申请内容仍不明确',
    legalBasis: `${REGS}第三十条`,
    templateKey: 'reply.unclear_after_correction',
    reportRow: 'unable.unclear_after_correction',
  },
  petition_complaint: {
    code: 'petition_complaint',
    category: 'not_processed',
    label: '不予处理：属于信访、投诉、举报，告知通过相应渠道提出',
    legalBasis: `${REGS}第三十九条第一款`,
    templateKey: 'reply.petition_complaint',
    reportRow: 'not_processed.petition_complaint',
  },
  repeat_application: {
    code: 'repeat_application',
    category: 'not_processed',
    label: '不予处理：重复申请',
    legalBasis: `${REGS}第三十六条第（六）项`,
    templateKey: 'reply.repeat_application',
    reportRow: 'not_processed.repeat_application',
  },
  publication_request: {
    code: 'publication_request',
    category: 'not_processed',
    label: '不予处理：要求提供公开出版物，告知获取的途径',
    legalBasis: `${REGS}第三十九条第二款`,
    templateKey: 'reply.publication_request',
    reportRow: 'not_processed.publication_request',
  },
  excessive_requests: {
    code: 'excessive_requests',
    category: 'not_processed',
    label: '不予处理：无正当理由大量反复申请',
    legalBasis: `${REGS}第三十五条`,
    templateKey: 'reply.excessive_requests',
    reportRow: 'not_processed.excessive_requests',
  },
  confirmation_request: {
    code: 'confirmation_request',
    category: 'not_processed',
    label: '不予处理：要求行政机关确认或重新出具已获取信息',
    // Practice: such a request does not seek recorded information as defined in Art. 2.
    legalBasis: `${REGS}第二条`,
    templateKey: 'reply.confirmation_request',
    reportRow: 'not_processed.confirmation_request',
  },
  abandoned_no_correction: {
    code: 'abandoned_no_correction',
    category: 'other_handling',
    label: '其他处理：申请人无正当理由逾期不补正，不再处理',
    legalBasis: `${REGS}第三十条`,
    templateKey: 'reply.abandoned_no_correction',
    reportRow: 'other_handling.no_correction',
  },
  abandoned_fee_unpaid: {
    code: 'abandoned_fee_unpaid',
    category: 'other_handling',
    label: '其他处理：申请人逾期未缴纳信息处理费，不再处理',
    legalBasis: `${REGS}第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`,
    templateKey: 'reply.abandoned_fee_unpaid',
    reportRow: 'other_handling.fee_unpaid',
  },
  other: {
    code: 'other',
    category: 'other_handling',
    label: '其他处理',
    legalBasis: null,
    templateKey: 'reply.other',
    reportRow: 'other_handling.other',
  },
};

/**
 * What the annual report counts for an application whose handling has ended: a reply outcome, or
 * `withdrawn` (the applicant withdrew; there is no reply).
 */
export type ReportOutcome = OutcomeCode | 'withdrawn';

/** A withdrawal is "withdrawn and the like" → （六）3 其他 (ANNUAL-REPORT-FORMAT.md). */
export const WITHDRAWAL = {
  label: '申请人撤回申请',
  reportRow: 'other_handling.other',
} as const satisfies { label: string; reportRow: ResultLeafKey };

export function reportRowOf(outcome: ReportOutcome): ResultLeafKey {
  return outcome === 'withdrawn' ? WITHDRAWAL.reportRow : OUTCOMES[outcome].reportRow;
}

export function isOutcomeCode(value: string): value is OutcomeCode {
  return (OUTCOME_CODES as readonly string[]).includes(value);
}

// Abandonment is a fact recorded when the applicant's period runs out, not a decision to draft
// and review, so these two are recorded only from the state that waits for the applicant.
const ABANDONMENT_FROM: Readonly<Partial<Record<State, OutcomeCode>>> = {
  awaiting_correction: 'abandoned_no_correction',
  awaiting_fee: 'abandoned_fee_unpaid',
};

const DRAFTABLE_OUTCOMES: readonly OutcomeCode[] = OUTCOME_CODES.filter(
  (c) => c !== 'abandoned_no_correction' && c !== 'abandoned_fee_unpaid',
);

/**
 * The outcomes an action may carry from a state (for `draft-reply` and `reply`; empty for the
 * other actions). Context-dependent restrictions are applied by `can`.
 */
export function outcomesFor(state: State, action: Action): readonly OutcomeCode[] {
  if (TRANSITIONS[state][action] === undefined) return [];
  switch (action) {
    case 'draft-reply':
      return DRAFTABLE_OUTCOMES;
    case 'reply': {
      const abandonment = ABANDONMENT_FROM[state];
      return abandonment !== undefined ? [abandonment] : DRAFTABLE_OUTCOMES;
    }
    case 'request-correction':
    case 'receive-correction':
    case 'assign':
    case 'start-consultation':
    case 'end-consultation':
    case 'extend':
    case 'send-fee-notice':
    case 'record-payment':
    case 'request-reasons':
    case 'receive-reasons':
    case 'approve-reply':
    case 'return-reply':
    case 'withdraw':
    case 'close':
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Guards

/** Facts about the application and the actor that the caller derives from history and calendar. */
export interface WorkflowContext {
  /** Art. 30: correction may be requested once only. */
  readonly correctionRequestedBefore: boolean;
  /** Art. 30: today is within 7 working days of receipt. */
  readonly withinCorrectionWindow: boolean;
  /** Art. 33: one extension only. */
  readonly extendedBefore: boolean;
  /** The reply period (with any extension) has run out; an extension must be decided within it. */
  readonly replyPeriodExpired: boolean;
  /** The period the applicant was given (to correct, or to pay the fee) has run out. */
  readonly applicantPeriodExpired: boolean;
  /** Art. 35: the applicant has been asked for reasons. */
  readonly reasonsRequestedBefore: boolean;
  /** The actor wrote the current draft reply: nobody reviews their own draft. */
  readonly isDraftAuthor: boolean;
  /** The actor belongs to the department the application is assigned to. */
  readonly inAssignedDepartment: boolean;
  /** The outcome the reply (or draft) carries, where the action has one. */
  readonly outcome?: OutcomeCode;
}

export type Decision = { readonly ok: true; readonly to: State } | { readonly ok: false; readonly reason: string };

function wrongStateReason(action: Action): string {
  switch (action) {
    case 'request-correction':
      return '只有已受理或已分办、尚未开始办理的申请才能告知补正';
    case 'receive-correction':
      return '只有待补正的申请才能登记收到补正';
    case 'assign':
      return '只有已受理、已分办或办理中的申请才能分办';
    case 'start-consultation':
      return '只有已分办或办理中的申请才能征求意见';
    case 'end-consultation':
      return '只有征求意见中的申请才能结束征求意见';
    case 'extend':
      return '只有尚未答复、且不在待补正状态的申请才能延长答复期限';
    case 'send-fee-notice':
      return '只有已分办或办理中的申请才能发出收费通知';
    case 'record-payment':
      return '只有待缴费的申请才能登记缴费';
    case 'request-reasons':
      return '只有已受理、已分办或办理中的申请才能要求说明理由';
    case 'receive-reasons':
      return '只有待说明理由的申请才能登记收到理由';
    case 'draft-reply':
      return '只有已分办、办理中、待说明理由或答复已起草的申请才能起草答复';
    case 'approve-reply':
      return '只有已起草、待审核的答复才能批准';
    case 'return-reply':
      return '只有待审核或已审核、尚未发出的答复才能退回';
    case 'reply':
      return '只有已审核的答复才能发出（待补正、待缴费的申请只能按逾期处理）';
    case 'withdraw':
      return '只有尚未答复的申请才能登记撤回';
    case 'close':
      return '只有已答复的申请才能办结';
  }
}

const quoted = (code: OutcomeCode): string => `“${OUTCOMES[code].label}”`;

/** Context guards of an action already allowed from this state for these roles. Null = passes. */
function guardReason(state: State, action: Action, ctx: WorkflowContext): string | null {
  switch (action) {
    case 'request-correction':
      if (ctx.correctionRequestedBefore) {
        return '补正只能一次性告知（条例第三十条），本申请已告知过补正';
      }
      if (!ctx.withinCorrectionWindow) {
        return '已超过收到申请之日起7个工作日，不能再告知补正（条例第三十条）';
      }
      return null;
    case 'extend':
      if (ctx.extendedBefore) return '答复期限只能延长一次（条例第三十三条），本申请已延长过';
      if (ctx.replyPeriodExpired) return '答复期限已届满，不能再延长；延长须在答复期限内经负责人同意';
      return null;
    case 'approve-reply':
      if (ctx.isDraftAuthor) return '不能批准自己起草的答复，请由其他审核人审核';
      return null;
    case 'draft-reply':
    case 'reply':
      return outcomeReason(state, action, ctx);
    case 'receive-correction':
    case 'assign':
    case 'start-consultation':
    case 'end-consultation':
    case 'send-fee-notice':
    case 'record-payment':
    case 'request-reasons':
    case 'receive-reasons':
    case 'return-reply':
    case 'withdraw':
    case 'close':
      return null;
  }
}

function outcomeReason(state: State, action: 'draft-reply' | 'reply', ctx: WorkflowContext): string | null {
  const abandonment = action === 'reply' ? ABANDONMENT_FROM[state] : undefined;
  if (abandonment !== undefined && !ctx.applicantPeriodExpired) {
    return abandonment === 'abandoned_no_correction'
      ? '补正期限尚未届满，不能按逾期不补正处理（条例第三十条）'
      : '缴费期限（收到收费通知次日起20个工作日）尚未届满，不能按逾期未缴费处理';
  }
  const outcome = ctx.outcome;
  if (outcome === undefined) return null; // deciding which buttons to show: no outcome chosen yet
  if (!outcomesFor(state, action).includes(outcome)) {
    if (abandonment !== undefined) {
      return `${STATE_LABELS[state]}的申请只能按${quoted(abandonment)}答复`;
    }
    return `${quoted(outcome)}不需起草答复，应在申请人逾期后直接登记`;
  }
  if (outcome === 'unclear_after_correction' && !ctx.correctionRequestedBefore) {
    return `本申请未经补正，不能以${quoted(outcome)}答复（条例第三十条）`;
  }
  if (outcome === 'excessive_requests' && !ctx.reasonsRequestedBefore) {
    return `须先要求申请人说明理由，才能以${quoted(outcome)}答复（条例第三十五条）`;
  }
  return null;
}

function rolesReason(action: Action, allowed: readonly Role[]): string {
  return `“${ACTION_LABELS[action]}”须由${allowed.map((r) => ROLE_LABELS[r]).join('或')}办理`;
}

/** May someone holding `roles` take `action` on an application in `state`? */
export function can(roles: readonly Role[], state: State, action: Action, ctx: WorkflowContext): Decision {
  const transition = TRANSITIONS[state][action];
  if (transition === undefined) {
    return { ok: false, reason: `${wrongStateReason(action)}（当前状态：${STATE_LABELS[state]}）` };
  }
  const qualifying = transition.roles.filter((r) => roles.includes(r));
  if (qualifying.length === 0) return { ok: false, reason: rolesReason(action, transition.roles) };
  // A clerk acts only for the department the application is assigned to.
  if (qualifying.every((r) => r === 'clerk') && !ctx.inAssignedDepartment) {
    return { ok: false, reason: `只有承办科室的经办人才能${ACTION_LABELS[action]}` };
  }
  const reason = guardReason(state, action, ctx);
  if (reason !== null) return { ok: false, reason };
  return { ok: true, to: transition.to };
}

export interface AvailableAction {
  readonly action: Action;
  readonly label: string;
  readonly to: State;
  /** For `draft-reply` and `reply`: the outcomes that would be accepted now. */
  readonly outcomes: readonly OutcomeCode[];
}

/** The actions to render as buttons, in table order, with the outcomes each may carry. */
export function availableActions(roles: readonly Role[], state: State, ctx: WorkflowContext): AvailableAction[] {
  const result: AvailableAction[] = [];
  for (const action of ACTIONS) {
    const decision = can(roles, state, action, { ...ctx, outcome: undefined });
    if (!decision.ok) continue;
    const outcomes = outcomesFor(state, action).filter((outcome) => can(roles, state, action, { ...ctx, outcome }).ok);
    if ((action === 'draft-reply' || action === 'reply') && outcomes.length === 0) continue;
    result.push({ action, label: ACTION_LABELS[action], to: decision.to, outcomes });
  }
  return result;
}
