import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, Question, QuestionTable } from '../schema.ts';

function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Questions from the public (在线咨询) and their answers. */
export class QuestionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(q: Insertable<QuestionTable>): Promise<Question> {
    return this.db.insertInto('questions').values(q).returningAll().executeTakeFirstOrThrow();
  }

  byId(id: number): Promise<Question | undefined> {
    return this.db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byCode(code: string): Promise<Question | undefined> {
    return this.db.selectFrom('questions').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async update(id: number, changes: Updateable<QuestionTable>): Promise<void> {
    await this.db.updateTable('questions').set(changes).where('id', '=', id).execute();
  }

  /** Staff lists: by status, oldest due first. */
  listByStatus(agencyId: number, statuses: string[], limit = 500): Promise<Question[]> {
    if (statuses.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('questions').selectAll().where('agency_id', '=', agencyId).where('status', 'in', statuses)
      .orderBy('due_on').orderBy('id').limit(limit).execute();
  }

  /** Answered questions, newest first (staff: publish or not). */
  listAnswered(agencyId: number, page: number, pageSize: number): Promise<Question[]> {
    return this.db.selectFrom('questions').selectAll().where('agency_id', '=', agencyId).where('status', '=', 'answered')
      .orderBy('answered_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  }

  /**
   * Published questions; `terms` (already normalised) must each occur in the public subject, the
   * public text or the answer.
   */
  async listPublished(agencyId: number, f: { terms: string[]; category?: string; page: number; pageSize: number }): Promise<{ total: number; items: Question[] }> {
    let q = this.db.selectFrom('questions').where('agency_id', '=', agencyId).where('published', '=', 1);
    if (f.category) q = q.where('category', '=', f.category);
    for (const term of f.terms) {
      const p = likePattern(term);
      q = q.where((eb) => eb.or([eb('public_subject', 'like', p), eb('public_body', 'like', p), eb('answer', 'like', p)]));
    }
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await q.selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
    return { total: Number(n), items };
  }

  /** Questions received in a calendar year, per category (the annual report counts 政府信息公开意见). */
  async countByCategory(agencyId: number, year: number): Promise<Record<string, number>> {
    const rows = await this.db.selectFrom('questions').select(['category', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agency_id', '=', agencyId).where('received_on', '>=', `${year}-01-01`).where('received_on', '<=', `${year}-12-31`)
      .where('status', '!=', 'discarded').groupBy('category').execute();
    const out: Record<string, number> = {};
    for (const r of rows) out[r.category] = Number(r.n);
    return out;
  }
}
