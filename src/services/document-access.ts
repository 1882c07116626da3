// Who may see and change which document (STYLE.md #8). Workflow actions are decided by the
// transition table in domain/document-workflow.ts; this adds the agency boundary and editing.
import type { Repositories } from '../db/repositories/index.ts';
import type { DocumentRow } from '../db/schema.ts';
import type { DocumentState } from '../domain/document-workflow.ts';
import type { Actor, StaffUser } from './actor.ts';
import { DomainError, ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';

export function staffOf(actor: Actor): StaffUser {
  if (actor.kind !== 'staff') throw new UnauthorizedError();
  return actor.user;
}

/** States in which the registration form may still be changed. */
export const EDITABLE_STATES: readonly DocumentState[] = ['draft', 'registered', 'returned'];

/** Agencies whose documents a staff member reads in the console: their own, or a supervisor's subtree. */
export async function readableAgencyIds(repos: Repositories, user: StaffUser): Promise<number[]> {
  if (user.roles.includes('supervisor') || user.isSysadmin) return repos.agencies.subtreeIds(user.agencyId);
  return [user.agencyId];
}

/**
 * A document the user may read in the console. Documents of other agencies answer "not found":
 * their existence is not this user's business.
 */
export async function documentForStaff(repos: Repositories, user: StaffUser, id: number, opts: { forUpdate?: boolean; write?: boolean } = {}): Promise<DocumentRow> {
  const doc = opts.forUpdate ? await repos.documents.byIdForUpdate(id) : await repos.documents.byId(id);
  if (!doc) throw new NotFoundError('未找到该文件');
  const allowed = opts.write ? [user.agencyId] : await readableAgencyIds(repos, user);
  if (!allowed.includes(doc.agency_id)) throw new NotFoundError('未找到该文件');
  return doc;
}

/** The registration form may be changed by its author or the disclosure office, before review. */
export function canEdit(user: StaffUser, doc: Pick<DocumentRow, 'state' | 'author_id' | 'agency_id'>): boolean {
  if (doc.agency_id !== user.agencyId) return false;
  if (!EDITABLE_STATES.includes(doc.state as DocumentState)) return false;
  return doc.author_id === user.id || user.roles.includes('office');
}

/** Refuses, with the reason, a user who may not change the registration form (see canEdit). */
export function assertCanEdit(user: StaffUser, doc: Pick<DocumentRow, 'state' | 'author_id' | 'agency_id'>): void {
  if (canEdit(user, doc)) return;
  throw doc.author_id !== user.id && !user.roles.includes('office')
    ? new ForbiddenError('只有登记人或公开办可以修改该文件')
    : new DomainError('只有草稿、已登记或已退回的文件可以修改；送审后如需修改，请审核人退回');
}

/** Validity (有效性) and links of a published document are kept up to date by the office. */
export function canMaintain(user: StaffUser, doc: Pick<DocumentRow, 'state' | 'agency_id'>): boolean {
  return doc.agency_id === user.agencyId && (doc.state === 'published' || doc.state === 'archived') && user.roles.includes('office');
}

/** Attachments are added and removed while the registration form may be changed. */
export const canChangeAttachments = canEdit;
