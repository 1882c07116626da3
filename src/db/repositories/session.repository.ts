import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(s: { id: string; userId: number; ip: string; userAgent: string; expiresAt: Date }, now: Date): Promise<void> {
    await this.db.insertInto('sessions').values({
      id: s.id, user_id: s.userId, ip: s.ip, user_agent: s.userAgent.slice(0, 300),
      created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: s.expiresAt.toISOString(),
    }).execute();
  }

  async findValid(id: string, now: Date): Promise<{ user_id: number; last_seen_at: string } | undefined> {
    return this.db.selectFrom('sessions').select(['user_id', 'last_seen_at']).where('id', '=', id).where('expires_at', '>', now.toISOString()).executeTakeFirst();
  }

  async touch(id: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: number, exceptId?: string): Promise<void> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
  }

  /** Deletes sessions that have expired (findValid no longer accepts them); returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const res = await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
