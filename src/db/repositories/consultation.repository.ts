import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Consultation, ConsultationComment, ConsultationCommentTable, ConsultationTable, Database } from '../schema.ts';

/** Drafts for public comment (决策预公开 / 意见征集) and the comments received. */
export class ConsultationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(agencyId: number, statuses: string[]): Promise<Consultation[]> {
    if (statuses.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('consultations').selectAll().where('agency_id', '=', agencyId).where('status', 'in', statuses)
      .orderBy('opens_on', 'desc').orderBy('id', 'desc').execute();
  }

  byId(id: number): Promise<Consultation | undefined> {
    return this.db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insert(c: Insertable<ConsultationTable>): Promise<Consultation> {
    return this.db.insertInto('consultations').values(c).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: number, changes: Updateable<ConsultationTable>): Promise<void> {
    await this.db.updateTable('consultations').set(changes).where('id', '=', id).execute();
  }

  comments(consultationId: number, statuses?: string[]): Promise<ConsultationComment[]> {
    let q = this.db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', consultationId);
    if (statuses) {
      if (statuses.length === 0) return Promise.resolve([]);
      q = q.where('status', 'in', statuses);
    }
    return q.orderBy('submitted_at').orderBy('id').execute();
  }

  commentById(id: number): Promise<ConsultationComment | undefined> {
    return this.db.selectFrom('consultation_comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertComment(c: Insertable<ConsultationCommentTable>): Promise<ConsultationComment> {
    return this.db.insertInto('consultation_comments').values(c).returningAll().executeTakeFirstOrThrow();
  }

  async updateComment(id: number, changes: Updateable<ConsultationCommentTable>): Promise<void> {
    await this.db.updateTable('consultation_comments').set(changes).where('id', '=', id).execute();
  }

  /** Comments per consultation and status, for lists. */
  async commentCounts(consultationIds: number[]): Promise<Map<number, Record<string, number>>> {
    const out = new Map<number, Record<string, number>>();
    if (consultationIds.length === 0) return out;
    const rows = await this.db.selectFrom('consultation_comments').select(['consultation_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('consultation_id', 'in', consultationIds).groupBy(['consultation_id', 'status']).execute();
    for (const r of rows) {
      const m = out.get(r.consultation_id) ?? {};
      m[r.status] = Number(r.n);
      out.set(r.consultation_id, m);
    }
    return out;
  }
}
