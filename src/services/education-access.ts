// Who may do what in the education disclosure and public engagement area (issue 6): one typed map,
// used both to refuse in the services and to decide which console actions a page shows.
import type { Role } from '../domain/roles.ts';
import type { Repositories } from '../db/repositories/index.ts';
import { actorLabel, actorUserId, type Actor, type StaffUser } from './actor.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';

export type EducationAction =
  | 'content.manage' // schools, zones, schedules, recruitment, statistics, power lists, monthly work, fees
  | 'question.answer'
  | 'question.publish' // decide what of a question becomes public (personal data removed)
  | 'question.configure' // the number of working days to answer
  | 'consultation.manage' // drafts for comment, feedback summary
  | 'consultation.moderate'; // comments

export const EDUCATION_POLICY: Readonly<Record<EducationAction, readonly Role[]>> = {
  'content.manage': ['clerk', 'office', 'admin'],
  'question.answer': ['clerk', 'office', 'head'],
  'question.publish': ['office', 'reviewer', 'head'],
  'question.configure': ['office', 'head', 'admin'],
  'consultation.manage': ['clerk', 'office', 'head'],
  'consultation.moderate': ['office', 'reviewer', 'head'],
};

export function can(user: StaffUser, action: EducationAction): boolean {
  return user.isSysadmin || EDUCATION_POLICY[action].some((r) => user.roles.includes(r));
}

/** The staff member performing one of `actions`, or an error the web layer turns into 401/403. */
export function requireStaffFor(actor: Actor, ...actions: [EducationAction, ...EducationAction[]]): StaffUser {
  if (actor.kind !== 'staff') throw new UnauthorizedError();
  if (!actions.some((a) => can(actor.user, a))) throw new ForbiddenError();
  return actor.user;
}

/** Records of another agency are answered as not found (their existence is not this user's business). */
export function assertSameAgency(user: StaffUser, agencyId: number, what = '未找到该记录'): void {
  if (!user.isSysadmin && user.agencyId !== agencyId) throw new NotFoundError(what);
}

/** The record, if it exists and is of the user's agency; otherwise the same "not found" either way. */
export function inOwnAgency<T extends { agency_id: number }>(user: StaffUser, row: T | undefined, what: string): T {
  if (!row) throw new NotFoundError(what);
  assertSameAgency(user, row.agency_id, what);
  return row;
}

/** Appends the audit event of a state change; call inside the change's transaction. */
export async function audit(
  repos: Repositories,
  actor: Actor,
  e: { agencyId: number | null; action: string; subjectType: string; subjectId: string | number; summary: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await repos.audit.append({
    actorId: actorUserId(actor), actorLabel: actorLabel(actor), agencyId: e.agencyId, action: e.action,
    subjectType: e.subjectType, subjectId: e.subjectId, summary: e.summary, ip: actor.ip ?? '',
  }, now);
}
