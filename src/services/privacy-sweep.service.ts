// The sweep of what is already published (issue 8): every public document and its attachments are
// scanned again, and the open findings are listed by agency, so a supervisor can order corrections
// and an office can take a document down (撤回, with the reason) at once.
import type { OpenFindingRow } from '../db/repositories/privacy.repository.ts';
import { PUBLIC_DOCUMENT_STATES } from '../domain/document-workflow.ts';
import type { Actor, StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { staffOf } from './document-access.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import { PRIVACY_KIND_LABELS, formatLocation, scanDocument, type PrivacyKind } from './privacy.service.ts';
import type { DashboardFigure } from './dashboard.service.ts';
import { timingDashboardFigures } from './timing.service.ts';

export interface SweepFinding {
  id: number;
  kind: PrivacyKind;
  kindLabel: string;
  masked: string;
  location: string;
}

export interface SweepDocument {
  documentId: number;
  title: string;
  indexNumber: string | null;
  publishedOn: string | null;
  state: string;
  findings: SweepFinding[];
  /** Attachments that could not be checked automatically (images, scans). */
  unchecked: SweepFinding[];
  /** The viewer may withdraw (撤回) it: office or head of its own agency. */
  canWithdraw: boolean;
}

export interface SweepAgency {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  documents: SweepDocument[];
  findingCount: number;
  uncheckedCount: number;
}

export interface SweepReport {
  agencies: SweepAgency[];
  findingCount: number;
  uncheckedCount: number;
}

function group(rows: readonly OpenFindingRow[], viewer: StaffUser | null): SweepAgency[] {
  const agencies = new Map<number, SweepAgency>();
  const docs = new Map<number, SweepDocument>();
  for (const r of rows) {
    let a = agencies.get(r.agency_id);
    if (!a) {
      a = { agencyId: r.agency_id, agencyCode: r.agency_code, agencyName: r.agency_name, documents: [], findingCount: 0, uncheckedCount: 0 };
      agencies.set(r.agency_id, a);
    }
    let d = docs.get(r.document_id);
    if (!d) {
      d = {
        documentId: r.document_id, title: r.title, indexNumber: r.index_number, publishedOn: r.published_on, state: r.state, findings: [], unchecked: [],
        canWithdraw: viewer !== null && viewer.agencyId === r.agency_id && r.state === 'published' && viewer.roles.some((x) => x === 'office' || x === 'head'),
      };
      docs.set(r.document_id, d);
      a.documents.push(d);
    }
    const f: SweepFinding = {
      id: r.id, kind: r.kind as PrivacyKind, kindLabel: PRIVACY_KIND_LABELS[r.kind as PrivacyKind] ?? r.kind, masked: r.masked, location: formatLocation(r, r.attachment_id !== null),
    };
    if (r.kind === 'not_checkable') {
      d.unchecked.push(f);
      a.uncheckedCount++;
    } else {
      d.findings.push(f);
      a.findingCount++;
    }
  }
  return [...agencies.values()];
}

/** The open findings of public documents of these agencies, as stored by the last scans. */
export async function sweepReport(ctx: ServiceContext, agencyIds: readonly number[], viewer: StaffUser | null = null): Promise<SweepReport> {
  const rows = await ctx.repos.privacy.findings.openFindings(agencyIds, PUBLIC_DOCUMENT_STATES);
  const agencies = group(rows, viewer);
  return {
    agencies,
    findingCount: agencies.reduce((n, a) => n + a.findingCount, 0),
    uncheckedCount: agencies.reduce((n, a) => n + a.uncheckedCount, 0),
  };
}

export interface SweepRun extends SweepReport {
  scanned: number;
}

/** The agencies a sweep covers: the one named (and those below it), or all of them. */
export async function sweepAgencyIds(ctx: ServiceContext, agencyCode?: string): Promise<number[]> {
  if (!agencyCode) return (await ctx.repos.agencies.all()).map((a) => a.id);
  const agency = await ctx.repos.agencies.byCode(agencyCode);
  if (!agency) throw new NotFoundError(`未找到机关代码为“${agencyCode}”的机关`);
  return ctx.repos.agencies.subtreeIds(agency.id);
}

/** Scans every public document of the agencies again and reports what is open. */
export async function sweepPublished(ctx: ServiceContext, agencyIds: readonly number[], opts: { actor?: Actor; viewer?: StaffUser | null } = {}): Promise<SweepRun> {
  const docs = await ctx.repos.documents.all({ agencyIds: [...agencyIds], states: PUBLIC_DOCUMENT_STATES });
  for (const d of docs) await scanDocument(ctx, d.id, { actor: opts.actor });
  return { scanned: docs.length, ...(await sweepReport(ctx, agencyIds, opts.viewer ?? null)) };
}

const READERS = ['office', 'reviewer', 'head', 'supervisor', 'admin'] as const;

/** Agencies whose findings the user sees: a supervisor's (or system administrator's) subtree, otherwise their own. */
export async function privacyAgencyIds(ctx: ServiceContext, user: StaffUser): Promise<number[]> {
  if (!user.isSysadmin && !user.roles.some((r) => (READERS as readonly string[]).includes(r))) {
    throw new ForbiddenError('只有公开办、审核人、负责人或监督机构可以查看个人信息检查结果');
  }
  return user.roles.includes('supervisor') || user.isSysadmin ? ctx.repos.agencies.subtreeIds(user.agencyId) : [user.agencyId];
}

/** The admin page's list: stored findings by agency. */
export async function privacyOverview(ctx: ServiceContext, actor: Actor): Promise<SweepReport> {
  const user = staffOf(actor);
  return sweepReport(ctx, await privacyAgencyIds(ctx, user), user);
}

/** The page's "scan everything again" button: supervisors and offices (the office only its own agency). */
export async function runSweep(ctx: ServiceContext, actor: Actor): Promise<SweepRun> {
  const user = staffOf(actor);
  if (!user.isSysadmin && !user.roles.some((r) => r === 'supervisor' || r === 'office')) throw new ForbiddenError('只有监督机构或公开办可以重新检查已发布的信息');
  return sweepPublished(ctx, await privacyAgencyIds(ctx, user), { actor, viewer: user });
}

/**
 * The console dashboard card of this area: open findings in what the user's agencies have
 * published, then this year's answer timing (timing.service.ts).
 */
export async function privacyDashboardFigures(ctx: ServiceContext, user: StaffUser): Promise<DashboardFigure[]> {
  const ids = user.roles.includes('supervisor') || user.isSysadmin ? await ctx.repos.agencies.subtreeIds(user.agencyId) : [user.agencyId];
  const open = await ctx.repos.privacy.findings.countOpen(ids, PUBLIC_DOCUMENT_STATES);
  return [
    { label: '已发布信息中待处理的个人信息', en: 'Personal data to deal with in published information', value: open, href: '/console/privacy', tone: open > 0 ? 'danger' : 'ok' },
    ...(await timingDashboardFigures(ctx, user)),
  ];
}
