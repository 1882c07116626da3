// Who may do what in the site inspection area (issue 9): one typed map, used to refuse in the
// services and to decide which actions the console shows. An agency's inspection is its own
// business and its supervisors': other agencies answer "not found".
import type { Repositories } from '../db/repositories/index.ts';
import type { Agency } from '../db/schema.ts';
import type { Role } from '../domain/roles.ts';
import type { Actor, StaffUser } from './actor.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';

export type InspectionAction =
  | 'inspection.view' // health page, findings, trend, monthly report
  | 'inspection.run' // run on demand
  | 'inspection.configure' // columns and the agency's text rules
  | 'inspection.supervise' // league table, run across the agencies below
  | 'error_report.handle'; // the public's error reports: list and reply

export const INSPECTION_POLICY: Readonly<Record<InspectionAction, readonly Role[]>> = {
  'inspection.view': ['office', 'head', 'reviewer', 'admin', 'supervisor'],
  'inspection.run': ['office', 'head', 'admin', 'supervisor'],
  'inspection.configure': ['office', 'admin'],
  'inspection.supervise': ['supervisor'],
  'error_report.handle': ['office', 'head'],
};

export function can(user: StaffUser, action: InspectionAction): boolean {
  return user.isSysadmin || INSPECTION_POLICY[action].some((r) => user.roles.includes(r));
}

export function requireStaffFor(actor: Actor, action: InspectionAction): StaffUser {
  if (actor.kind !== 'staff') throw new UnauthorizedError();
  if (!can(actor.user, action)) throw new ForbiddenError();
  return actor.user;
}

/**
 * The agencies a user sees in this area: system administrators every agency, supervisors their
 * agency and every agency below it, everyone else their own agency.
 */
export async function visibleAgencies(repos: Repositories, user: StaffUser): Promise<Agency[]> {
  const all = await repos.agencies.all();
  if (user.isSysadmin) return all;
  if (user.roles.includes('supervisor')) {
    const ids = new Set(await repos.agencies.subtreeIds(user.agencyId));
    return all.filter((a) => ids.has(a.id));
  }
  return all.filter((a) => a.id === user.agencyId);
}

/** An agency by code that the user may see in this area; else not found. */
export async function visibleAgency(repos: Repositories, user: StaffUser, code: string | undefined): Promise<Agency> {
  const agencies = await visibleAgencies(repos, user);
  const agency = code === undefined ? agencies.find((a) => a.id === user.agencyId) : agencies.find((a) => a.code === code);
  if (!agency) throw new NotFoundError('未找到该机关');
  return agency;
}

/** Settings are changed for one's own agency only (a supervisor looks, the agency decides). */
export function assertOwnAgency(user: StaffUser, agencyId: number): void {
  if (!user.isSysadmin && user.agencyId !== agencyId) throw new NotFoundError('未找到该机关');
}
