// The workflow of a document published proactively (主动公开, Arts. 19–21, 26) and the attributes a
// catalog entry carries. One transition table (STYLE.md #5) answers both "may this person do this
// now?" (services refuse with the message) and "which buttons does this page show?".
import type { Role } from './roles.ts';

export type DocumentState =
  | 'draft' // 草稿: collected, not yet registered (no index number)
  | 'registered' // 已登记: index number assigned
  | 'in_review' // 审核中: confidentiality review (保密审查)
  | 'approved' // 已审核
  | 'published' // 已发布
  | 'returned' // 已退回: sent back by the reviewer or the office, with a reason
  | 'archived' // 已归档
  | 'withdrawn'; // 已撤回: taken off the public site after publication; keeps its index number

export const DOCUMENT_STATES: readonly DocumentState[] = [
  'draft',
  'registered',
  'in_review',
  'approved',
  'published',
  'returned',
  'archived',
  'withdrawn',
];

export const DOCUMENT_STATE_LABELS: Readonly<Record<DocumentState, string>> = {
  draft: '草稿',
  registered: '已登记',
  in_review: '审核中',
  approved: '已审核',
  published: '已发布',
  returned: '已退回',
  archived: '已归档',
  withdrawn: '已撤回',
};

export type DocumentAction = 'register' | 'submit' | 'approve' | 'return' | 'publish' | 'archive' | 'withdraw';

export const DOCUMENT_ACTIONS: readonly DocumentAction[] = ['register', 'submit', 'approve', 'return', 'publish', 'archive', 'withdraw'];

export const DOCUMENT_ACTION_LABELS: Readonly<Record<DocumentAction, string>> = {
  register: '登记',
  submit: '提交审核',
  approve: '审核通过',
  return: '退回',
  publish: '发布',
  archive: '归档',
  withdraw: '撤回',
};

/**
 * States in which the document is on the public site. Archived documents stay in the public
 * catalog (their validity, e.g. 失效, tells readers they no longer apply); withdrawn ones do not.
 */
export const PUBLIC_DOCUMENT_STATES: readonly DocumentState[] = ['published', 'archived'];

export function isPubliclyVisible(state: DocumentState): boolean {
  return PUBLIC_DOCUMENT_STATES.includes(state);
}

interface Transition {
  to: DocumentState;
  roles: readonly Role[];
  /** Review actions: the person who registered the document may not do them. */
  notByAuthor?: true;
  /** The message shown when no reason was given; its presence means a reason is required. */
  reasonRequired?: string;
}

const RETURN_REASON = '退回时须填写理由';
const WITHDRAW_REASON = '撤回时须填写理由';

/** Who may move a document from which state by which action, and where it goes. */
export const DOCUMENT_TRANSITIONS: Readonly<Record<DocumentState, Partial<Record<DocumentAction, Transition>>>> = {
  draft: {
    // Registration assigns the index number (gap-free per agency and year).
    register: { to: 'registered', roles: ['clerk', 'office'] },
  },
  registered: {
    submit: { to: 'in_review', roles: ['clerk', 'office'] },
  },
  returned: {
    submit: { to: 'in_review', roles: ['clerk', 'office'] },
  },
  in_review: {
    approve: { to: 'approved', roles: ['reviewer'], notByAuthor: true },
    return: { to: 'returned', roles: ['reviewer'], notByAuthor: true, reasonRequired: RETURN_REASON },
  },
  approved: {
    publish: { to: 'published', roles: ['office'] },
    // The office may still send an approved document back before it goes out.
    return: { to: 'returned', roles: ['office', 'reviewer'], reasonRequired: RETURN_REASON },
  },
  published: {
    archive: { to: 'archived', roles: ['office'] },
    // The index number stays with the withdrawn document: numbers are never reused.
    withdraw: { to: 'withdrawn', roles: ['office', 'head'], reasonRequired: WITHDRAW_REASON },
  },
  archived: {},
  withdrawn: {},
};

export interface DocumentActionContext {
  /** The acting user registered (authored) this document. */
  isAuthor?: boolean;
  /** The reason typed for a return or withdrawal. */
  reason?: string;
}

export type DocumentDecision =
  | { ok: true; to: DocumentState }
  | { ok: false; code: 'invalid_state' | 'forbidden' | 'own_document' | 'reason_required'; message: string };

function statesAllowing(action: DocumentAction): DocumentState[] {
  return DOCUMENT_STATES.filter((s) => DOCUMENT_TRANSITIONS[s][action] !== undefined);
}

function decide(
  roles: readonly Role[],
  state: DocumentState,
  action: DocumentAction,
  ctx: DocumentActionContext,
  checkReason: boolean,
): DocumentDecision {
  const t = DOCUMENT_TRANSITIONS[state][action];
  const label = DOCUMENT_ACTION_LABELS[action];
  if (!t) {
    const from = statesAllowing(action).map((s) => DOCUMENT_STATE_LABELS[s]);
    return {
      ok: false,
      code: 'invalid_state',
      message: `只有${from.join('或')}的文件才能${label}，该文件当前状态为${DOCUMENT_STATE_LABELS[state]}`,
    };
  }
  if (!t.roles.some((r) => roles.includes(r))) {
    return { ok: false, code: 'forbidden', message: `您没有${label}该文件的权限` };
  }
  if (t.notByAuthor && ctx.isAuthor) {
    return { ok: false, code: 'own_document', message: '不能审核自己登记的文件' };
  }
  if (checkReason && t.reasonRequired && (ctx.reason ?? '').trim() === '') {
    return { ok: false, code: 'reason_required', message: t.reasonRequired };
  }
  return { ok: true, to: t.to };
}

/**
 * Whether a user holding `roles` may take `action` on a document in `state`; if so, the state it
 * moves to, otherwise a message the user can act on. Services refuse with that message.
 */
export function can(
  roles: readonly Role[],
  state: DocumentState,
  action: DocumentAction,
  ctx: DocumentActionContext = {},
): DocumentDecision {
  return decide(roles, state, action, ctx, true);
}

/**
 * The actions to offer as buttons, in DOCUMENT_ACTIONS order. The reason is asked for when the
 * button is used, so it is not required here.
 */
export function availableActions(
  roles: readonly Role[],
  state: DocumentState,
  ctx: Omit<DocumentActionContext, 'reason'> = {},
): DocumentAction[] {
  return DOCUMENT_ACTIONS.filter((a) => decide(roles, state, a, ctx, false).ok);
}

/** Whether an action asks the user for a reason (a return or a withdrawal). */
export function requiresReason(state: DocumentState, action: DocumentAction): boolean {
  return DOCUMENT_TRANSITIONS[state][action]?.reasonRequired !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Catalog attributes.

export type DisclosureAttribute = 'proactive' | 'on_request' | 'withheld';

export const DISCLOSURE_ATTRIBUTES: readonly { code: DisclosureAttribute; label: string; requiresGround: boolean }[] = [
  { code: 'proactive', label: '主动公开', requiresGround: false },
  { code: 'on_request', label: '依申请公开', requiresGround: true },
  { code: 'withheld', label: '不予公开', requiresGround: true },
];

export type NonDisclosureGround =
  | 'state_secret'
  | 'prohibited_by_law'
  | 'security_stability'
  | 'third_party_rights'
  | 'internal_affairs'
  | 'process_information'
  | 'enforcement_case_file';

/**
 * Grounds for not publishing (Arts. 14–16). Labels follow the rows of the annual report's table 三
 * (（三）1–7, ANNUAL-REPORT-FORMAT.md) so a decision maps to its row without translation.
 */
export const NON_DISCLOSURE_GROUNDS: readonly {
  code: NonDisclosureGround;
  label: string;
  article: string;
  description: string;
}[] = [
  {
    code: 'state_secret',
    label: '属于国家秘密',
    article: '第十四条',
    description: '依法确定为国家秘密的政府信息',
  },
  {
    code: 'prohibited_by_law',
    label: '其他法律行政法规禁止公开',
    article: '第十四条',
    description: '法律、行政法规禁止公开的政府信息',
  },
  {
    code: 'security_stability',
    label: '危及"三安全一稳定"',
    article: '第十四条',
    description: '公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息',
  },
  {
    code: 'third_party_rights',
    label: '保护第三方合法权益',
    article: '第十五条',
    description: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息',
  },
  {
    code: 'internal_affairs',
    label: '属于三类内部事务信息',
    article: '第十六条第一款',
    description: '行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息',
  },
  {
    code: 'process_information',
    label: '属于四类过程性信息',
    article: '第十六条第二款',
    description: '行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  },
  {
    code: 'enforcement_case_file',
    label: '属于行政执法案卷',
    article: '第十六条第二款',
    description: '行政执法案卷信息',
  },
];

export function isNonDisclosureGround(value: string): value is NonDisclosureGround {
  return NON_DISCLOSURE_GROUNDS.some((g) => g.code === value);
}

/**
 * Checks the disclosure attribute and ground of a catalog entry: 依申请公开 and 不予公开 need a
 * ground from Arts. 14–16; 主动公开 takes none. Returns an error message, or null when consistent.
 */
export function checkDisclosure(attribute: DisclosureAttribute, ground: NonDisclosureGround | null | undefined): string | null {
  const entry = DISCLOSURE_ATTRIBUTES.find((a) => a.code === attribute)!;
  if (entry.requiresGround && !ground) return `公开属性为“${entry.label}”时须选择不公开的依据（条例第十四条至第十六条）`;
  if (!entry.requiresGround && ground) return '主动公开的信息不应填写不予公开的依据';
  return null;
}

export type Validity = 'valid' | 'expired' | 'repealed' | 'amended';

export const VALIDITY: readonly { code: Validity; label: string }[] = [
  { code: 'valid', label: '有效' },
  { code: 'expired', label: '失效' },
  { code: 'repealed', label: '废止' },
  { code: 'amended', label: '已修订' },
];

/** Art. 20(1): rules and normative documents are counted separately in the annual report's table 二. */
export type Art20Class = 'rules' | 'normative_document' | 'none';

export const ART20_CLASSES: readonly { code: Art20Class; label: string }[] = [
  { code: 'rules', label: '规章' },
  { code: 'normative_document', label: '行政规范性文件' },
  { code: 'none', label: '其他' },
];

/** Art. 26: proactive information is published within 20 working days of being created or changed. */
export const PUBLICATION_WORKING_DAYS = 20;

export interface WorkingDayAdder {
  addWorkingDays(from: string, n: number): { date: string; provisional: boolean };
}

/**
 * The last day to publish a document created (or changed) on `createdOn` ('YYYY-MM-DD'): the 20th
 * working day after it (Art. 26). `provisional` when the calendar for that period is not loaded.
 */
export function publicationDueOn(cal: WorkingDayAdder, createdOn: string): { date: string; provisional: boolean } {
  return cal.addWorkingDays(createdOn, PUBLICATION_WORKING_DAYS);
}
