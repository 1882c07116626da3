// Who may see an application, and who sees its applicant's personal data unmasked (STYLE.md #8:
// one place per entity). Existence is private: a user who may not see an application gets "not
// found", never "forbidden".
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApplicationRow } from '../db/schema.ts';
import { maskGeneric, maskName, maskPhone, maskResidentId } from '../domain/identity.ts';
import type { StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { NotFoundError } from './errors.ts';

/** Agencies whose applications the user may read: their own; a supervisor's whole subtree; all for a system administrator. */
export async function visibleAgencyIds(ctx: ServiceContext, user: StaffUser): Promise<number[]> {
  if (user.isSysadmin) return (await ctx.repos.agencies.all()).map((a) => a.id);
  if (user.roles.includes('supervisor')) return ctx.repos.agencies.subtreeIds(user.agencyId);
  return [user.agencyId];
}

/** Loads an application the user may see, or answers "not found". */
export async function loadVisibleApplication(ctx: ServiceContext, user: StaffUser, id: number): Promise<ApplicationRow> {
  const app = Number.isSafeInteger(id) && id > 0 ? await ctx.repos.applications.byId(id) : undefined;
  if (!app || !(await visibleAgencyIds(ctx, user)).includes(app.agency_id)) throw new NotFoundError('未找到该申请');
  return app;
}

/**
 * Whether the user handles the application and so sees the applicant's identity number, phone,
 * e-mail and address: the agency's disclosure office, reviewers and head, and the clerks of the
 * department it is assigned to. Everyone else (other departments, supervisors, administrators)
 * sees them masked.
 */
export function handlesApplication(user: StaffUser, app: Pick<ApplicationRow, 'agency_id' | 'department_id'>): boolean {
  if (user.agencyId !== app.agency_id) return false;
  if (user.roles.some((r) => r === 'office' || r === 'reviewer' || r === 'head')) return true;
  return user.roles.includes('clerk') && app.department_id !== null && user.departmentId === app.department_id;
}

export interface ApplicantView {
  kind: string;
  orgType: string | null;
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  /** True when the personal data above is masked. */
  masked: boolean;
}

function maskEmail(email: string): string {
  if (email === '') return '';
  const at = email.indexOf('@');
  return at <= 0 ? maskGeneric(email, 1, 0) : `${maskGeneric(email.slice(0, at), 1, 0)}${email.slice(at)}`;
}

/** A natural person's name is personal data; an organisation's name is not. */
export function maskedApplicantName(app: Pick<ApplicationRow, 'applicant_kind' | 'applicant_name'>): string {
  return app.applicant_kind === 'person' ? maskName(app.applicant_name) : app.applicant_name;
}

/** The applicant as a viewer may see them (whitelisted fields, STYLE.md #9). */
export function applicantView(app: ApplicationRow, unmasked: boolean): ApplicantView {
  if (unmasked) {
    return {
      kind: app.applicant_kind,
      orgType: app.applicant_org_type,
      name: app.applicant_name,
      idType: app.applicant_id_type,
      idNumber: app.applicant_id_number,
      phone: app.applicant_phone,
      email: app.applicant_email,
      address: app.applicant_address,
      masked: false,
    };
  }
  return {
    kind: app.applicant_kind,
    orgType: app.applicant_org_type,
    name: maskedApplicantName(app),
    idType: app.applicant_id_type,
    // An organisation's credit code is public register data, but masking it too costs nothing.
    idNumber: app.applicant_id_type === 'resident_id' ? maskResidentId(app.applicant_id_number) : maskGeneric(app.applicant_id_number, 2, 2),
    phone: maskPhone(app.applicant_phone),
    email: maskEmail(app.applicant_email),
    address: app.applicant_address === '' ? '' : maskGeneric(app.applicant_address, 3, 0),
    masked: true,
  };
}

/**
 * The acknowledgement page's address carries this token: only the submitter, who was redirected
 * there, knows it, so the receipt needs no second factor while anyone else cannot open it.
 */
export async function receiptToken(ctx: ServiceContext, trackingCode: string): Promise<string> {
  return createHmac('sha256', await receiptKey(ctx)).update(`receipt:${trackingCode}`).digest('base64url').slice(0, 32);
}

export async function verifyReceiptToken(ctx: ServiceContext, trackingCode: string, token: string): Promise<boolean> {
  const expected = Buffer.from(await receiptToken(ctx, trackingCode));
  const given = Buffer.from(String(token ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function receiptKey(ctx: ServiceContext): Promise<string> {
  if (ctx.config.secret) return ctx.config.secret;
  // Shared by all instances, like the CSRF secret.
  return ctx.repos.settings.getOrCreate('application_receipt_secret', () => randomBytes(32).toString('hex'));
}
