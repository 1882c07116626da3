import type { Kysely } from 'kysely';
import type { Database, InboxItemRow, NewInboxItem } from '../schema.ts';

/** The staff inbox. Inserts are idempotent on `dedupe_key`. */
export class InboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts unless a row with the same dedupe_key exists; true when this call wrote it. */
  async insertOnce(item: NewInboxItem): Promise<boolean> {
    const res = await this.db.insertInto('inbox_items').values(item)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async list(userId: number, opts: { unread?: boolean; limit?: number } = {}): Promise<InboxItemRow[]> {
    let q = this.db.selectFrom('inbox_items').selectAll().where('user_id', '=', userId);
    if (opts.unread === true) q = q.where('read_at', 'is', null);
    if (opts.unread === false) q = q.where('read_at', 'is not', null);
    return q.orderBy('id', 'desc').limit(opts.limit ?? 200).execute();
  }

  async unreadCount(userId: number): Promise<number> {
    const row = await this.db.selectFrom('inbox_items').select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Marks one of the user's own items read; false when it is not theirs (or does not exist). */
  async markRead(userId: number, id: number, now: string): Promise<boolean> {
    const res = await this.db.updateTable('inbox_items').set({ read_at: now })
      .where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows ?? 0) === 1) return true;
    const exists = await this.db.selectFrom('inbox_items').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return exists !== undefined;
  }

  async countAll(): Promise<number> {
    const row = await this.db.selectFrom('inbox_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
