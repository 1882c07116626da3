import { sql, type Kysely } from 'kysely';
import type { Database, EduPowerItem, EduPowerVersion } from '../schema.ts';

export interface PowerItemInput {
  code: string;
  type: string;
  name: string;
  legalBasis: string;
  department: string;
  responsibilities: string;
  accountability: string;
  sort: number;
}

/** Power and responsibility lists: each version is a full snapshot of its items. */
export class PowerListRepository {
  constructor(private readonly db: Kysely<Database>) {}

  versions(agencyId: number, status?: 'draft' | 'published'): Promise<EduPowerVersion[]> {
    let q = this.db.selectFrom('edu_power_versions').selectAll().where('agency_id', '=', agencyId);
    if (status) q = q.where('status', '=', status);
    return q.orderBy('version_no', 'desc').execute();
  }

  version(agencyId: number, versionNo: number): Promise<EduPowerVersion | undefined> {
    return this.db.selectFrom('edu_power_versions').selectAll().where('agency_id', '=', agencyId).where('version_no', '=', versionNo).executeTakeFirst();
  }

  latestPublished(agencyId: number): Promise<EduPowerVersion | undefined> {
    return this.db.selectFrom('edu_power_versions').selectAll().where('agency_id', '=', agencyId).where('status', '=', 'published')
      .orderBy('version_no', 'desc').limit(1).executeTakeFirst();
  }

  draft(agencyId: number): Promise<EduPowerVersion | undefined> {
    return this.db.selectFrom('edu_power_versions').selectAll().where('agency_id', '=', agencyId).where('status', '=', 'draft').executeTakeFirst();
  }

  async nextVersionNo(agencyId: number): Promise<number> {
    const r = await this.db.selectFrom('edu_power_versions').select(sql<number>`coalesce(max(version_no), 0)`.as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
    return Number(r.n) + 1;
  }

  createVersion(agencyId: number, versionNo: number, now: Date): Promise<EduPowerVersion> {
    return this.db.insertInto('edu_power_versions').values({ agency_id: agencyId, version_no: versionNo, status: 'draft', reason: '', effective_on: null, document_ref: null, published_at: null, created_at: now.toISOString() })
      .returningAll().executeTakeFirstOrThrow();
  }

  async publishVersion(id: number, v: { reason: string; effectiveOn: string; documentRef: string | null }, now: Date): Promise<void> {
    await this.db.updateTable('edu_power_versions').set({ status: 'published', reason: v.reason, effective_on: v.effectiveOn, document_ref: v.documentRef, published_at: now.toISOString() })
      .where('id', '=', id).where('status', '=', 'draft').execute();
  }

  async deleteVersion(id: number): Promise<void> {
    await this.db.deleteFrom('edu_power_items').where('version_id', '=', id).execute();
    await this.db.deleteFrom('edu_power_versions').where('id', '=', id).execute();
  }

  items(versionId: number): Promise<EduPowerItem[]> {
    return this.db.selectFrom('edu_power_items').selectAll().where('version_id', '=', versionId).orderBy('sort').orderBy('code').execute();
  }

  itemById(id: number): Promise<EduPowerItem | undefined> {
    return this.db.selectFrom('edu_power_items').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertItems(versionId: number, items: PowerItemInput[]): Promise<void> {
    for (let i = 0; i < items.length; i += 100) {
      await this.db.insertInto('edu_power_items').values(items.slice(i, i + 100).map((it) => ({
        version_id: versionId, code: it.code, type: it.type, name: it.name, legal_basis: it.legalBasis, department: it.department,
        responsibilities: it.responsibilities, accountability: it.accountability, sort: it.sort,
      }))).execute();
    }
  }

  async updateItem(id: number, it: PowerItemInput): Promise<void> {
    await this.db.updateTable('edu_power_items').set({
      code: it.code, type: it.type, name: it.name, legal_basis: it.legalBasis, department: it.department,
      responsibilities: it.responsibilities, accountability: it.accountability, sort: it.sort,
    }).where('id', '=', id).execute();
  }

  async deleteItem(id: number): Promise<void> {
    await this.db.deleteFrom('edu_power_items').where('id', '=', id).execute();
  }
}
