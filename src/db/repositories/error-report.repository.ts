import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, ErrorReportRow, ErrorReportTable } from '../schema.ts';

export type ErrorReportFilter = 'pending' | 'overdue' | 'replied' | 'all';

export interface ErrorReportMonth {
  month: string;
  received: number;
  replied: number;
  repliedOnTime: number;
}

/** 我为政府网站找错: the public's reports and the agency's replies. */
export class ErrorReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: Insertable<ErrorReportTable>): Promise<ErrorReportRow> {
    return this.db.insertInto('error_reports').values(row).returningAll().executeTakeFirstOrThrow();
  }

  byId(id: number): Promise<ErrorReportRow | undefined> {
    return this.db.selectFrom('error_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async update(id: number, changes: Updateable<ErrorReportTable>): Promise<void> {
    await this.db.updateTable('error_reports').set(changes).where('id', '=', id).execute();
  }

  /** Staff list: pending by due date (overdue first), replied newest first. */
  async list(agencyIds: readonly number[], filter: ErrorReportFilter, today: string, page: number, pageSize: number): Promise<{ total: number; items: ErrorReportRow[] }> {
    if (agencyIds.length === 0) return { total: 0, items: [] };
    let q = this.db.selectFrom('error_reports').where('agency_id', 'in', [...agencyIds]);
    if (filter === 'pending') q = q.where('status', '=', 'pending');
    if (filter === 'overdue') q = q.where('status', '=', 'pending').where('due_on', '<', today);
    if (filter === 'replied') q = q.where('status', '=', 'replied');
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    let ordered = q.selectAll();
    ordered = filter === 'replied' || filter === 'all'
      ? ordered.orderBy('submitted_at', 'desc').orderBy('id', 'desc')
      : ordered.orderBy('due_on').orderBy('id');
    const items = await ordered.limit(pageSize).offset((page - 1) * pageSize).execute();
    return { total: Number(n), items };
  }

  async counts(agencyIds: readonly number[], today: string): Promise<{ pending: number; overdue: number }> {
    if (agencyIds.length === 0) return { pending: 0, overdue: 0 };
    const rows = await this.db.selectFrom('error_reports').select(['due_on']).where('agency_id', 'in', [...agencyIds]).where('status', '=', 'pending').execute();
    return { pending: rows.length, overdue: rows.filter((r) => r.due_on < today).length };
  }

  /** Pending reports whose due date has passed (the inspection's finding). */
  overdue(agencyId: number, today: string): Promise<ErrorReportRow[]> {
    return this.db.selectFrom('error_reports').selectAll().where('agency_id', '=', agencyId).where('status', '=', 'pending')
      .where('due_on', '<', today).orderBy('due_on').orderBy('id').execute();
  }

  /** Received, replied and replied on time per month of receipt, from `from` ('YYYY-MM-DD'). */
  async monthly(agencyId: number, from: string): Promise<ErrorReportMonth[]> {
    const rows = await this.db.selectFrom('error_reports').select(['received_on', 'status', 'replied_on', 'due_on'])
      .where('agency_id', '=', agencyId).where('received_on', '>=', from).execute();
    const out = new Map<string, ErrorReportMonth>();
    for (const r of rows) {
      const month = r.received_on.slice(0, 7);
      const m = out.get(month) ?? { month, received: 0, replied: 0, repliedOnTime: 0 };
      m.received++;
      if (r.status === 'replied') {
        m.replied++;
        if (r.replied_on !== null && r.replied_on <= r.due_on) m.repliedOnTime++;
      }
      out.set(month, m);
    }
    return [...out.values()].sort((a, b) => a.month.localeCompare(b.month));
  }

  /** Totals since the platform started. */
  async totals(agencyId: number): Promise<{ received: number; replied: number; repliedOnTime: number }> {
    const rows = await this.db.selectFrom('error_reports').select(['status', 'replied_on', 'due_on']).where('agency_id', '=', agencyId).execute();
    let replied = 0;
    let repliedOnTime = 0;
    for (const r of rows) {
      if (r.status !== 'replied') continue;
      replied++;
      if (r.replied_on !== null && r.replied_on <= r.due_on) repliedOnTime++;
    }
    return { received: rows.length, replied, repliedOnTime };
  }
}
