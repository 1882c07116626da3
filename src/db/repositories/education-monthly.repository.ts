import type { Kysely } from 'kysely';
import type { Database, EduMonthlyItem, EduMonthlyReport } from '../schema.ts';

export interface MonthlyItemInput {
  department: string;
  title: string;
  progress: string;
  status: string;
  problems: string;
  rectification: string;
  sort: number;
}

/** Monthly work (月度工作): one report per month with its planned items. */
export class MonthlyWorkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  reports(agencyId: number, opts: { year?: number; publishedOnly?: boolean } = {}): Promise<EduMonthlyReport[]> {
    let q = this.db.selectFrom('edu_monthly_reports').selectAll().where('agency_id', '=', agencyId);
    if (opts.year !== undefined) q = q.where('month', 'like', `${opts.year}-%`);
    if (opts.publishedOnly) q = q.where('published', '=', 1);
    return q.orderBy('month', 'desc').execute();
  }

  report(agencyId: number, month: string): Promise<EduMonthlyReport | undefined> {
    return this.db.selectFrom('edu_monthly_reports').selectAll().where('agency_id', '=', agencyId).where('month', '=', month).executeTakeFirst();
  }

  reportById(id: number): Promise<EduMonthlyReport | undefined> {
    return this.db.selectFrom('edu_monthly_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async saveReport(agencyId: number, month: string, v: { summary: string; rewardsPenalties: string; documentRef: string | null }, now: Date): Promise<EduMonthlyReport> {
    const values = { summary: v.summary, rewards_penalties: v.rewardsPenalties, document_ref: v.documentRef, updated_at: now.toISOString() };
    await this.db.insertInto('edu_monthly_reports').values({ agency_id: agencyId, month, created_at: now.toISOString(), published: 0, ...values })
      .onConflict((oc) => oc.columns(['agency_id', 'month']).doUpdateSet(values)).execute();
    return (await this.report(agencyId, month))!;
  }

  async setPublished(id: number, published: boolean, now: Date): Promise<void> {
    await this.db.updateTable('edu_monthly_reports').set({ published: published ? 1 : 0, published_at: published ? now.toISOString() : null, updated_at: now.toISOString() })
      .where('id', '=', id).execute();
  }

  /** Items of several reports at once, for the year view. */
  items(reportIds: number[]): Promise<EduMonthlyItem[]> {
    if (reportIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('edu_monthly_items').selectAll().where('report_id', 'in', reportIds).orderBy('sort').orderBy('id').execute();
  }

  itemById(id: number): Promise<EduMonthlyItem | undefined> {
    return this.db.selectFrom('edu_monthly_items').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertItem(reportId: number, it: MonthlyItemInput): Promise<EduMonthlyItem> {
    return this.db.insertInto('edu_monthly_items').values({ report_id: reportId, ...it }).returningAll().executeTakeFirstOrThrow();
  }

  async updateItem(id: number, it: MonthlyItemInput): Promise<void> {
    await this.db.updateTable('edu_monthly_items').set(it).where('id', '=', id).execute();
  }

  async deleteItem(id: number): Promise<void> {
    await this.db.deleteFrom('edu_monthly_items').where('id', '=', id).execute();
  }
}
