import type { Kysely } from 'kysely';
import type { Database, NewOutboxMessage, OutboxRow, OutboxStatus } from '../schema.ts';

/**
 * The e-mail outbox. Inserts are idempotent on `dedupe_key`. A message is sent by whoever claims it:
 * a claim is one conditional UPDATE (pending and due, or sending with an expired lease → sending,
 * claimed by one delivery run), so on SQLite and PostgreSQL alike exactly one claimant wins a row;
 * it is then marked sent or failed only by that claimant.
 */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Queues a message unless one with the same dedupe_key exists; true when this call wrote it. */
  async enqueueOnce(message: Omit<NewOutboxMessage, 'status' | 'attempts' | 'claimed_by' | 'lease_until' | 'last_error' | 'sent_at'>): Promise<boolean> {
    const res = await this.db.insertInto('outbox').values({ ...message, status: 'pending', attempts: 0 })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Ids of messages that may be claimed at `now`, oldest due first. */
  async claimable(now: string, limit: number): Promise<number[]> {
    const rows = await this.db.selectFrom('outbox').select('id')
      .where((eb) => eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
      ]))
      .orderBy('next_attempt_at').orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /**
   * Claims one message for `claimant` until `leaseUntil` (a claimant that dies mid-send loses the
   * row when the lease expires); counts the attempt. Returns the row when this call won it.
   */
  async claim(id: number, claimant: string, now: string, leaseUntil: string): Promise<OutboxRow | undefined> {
    return this.db.updateTable('outbox')
      .set((eb) => ({ status: 'sending', claimed_by: claimant, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where((eb) => eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
      ]))
      .returningAll().executeTakeFirst();
  }

  /** Marks a claimed message sent; false when the claim was lost (lease expired and taken over). */
  async markSent(id: number, claimant: string, now: string): Promise<boolean> {
    const res = await this.db.updateTable('outbox')
      .set({ status: 'sent', sent_at: now, lease_until: null, last_error: null })
      .where('id', '=', id).where('status', '=', 'sending').where('claimed_by', '=', claimant)
      .executeTakeFirst();
    return Number(res.numUpdatedRows ?? 0) === 1;
  }

  /** Records a failed attempt: back to pending until `retryAt`, or failed for good when it is null. */
  async markFailed(id: number, claimant: string, error: string, retryAt: string | null): Promise<boolean> {
    const res = await this.db.updateTable('outbox')
      .set({ status: retryAt === null ? 'failed' : 'pending', ...(retryAt === null ? {} : { next_attempt_at: retryAt }), lease_until: null, last_error: error })
      .where('id', '=', id).where('status', '=', 'sending').where('claimed_by', '=', claimant)
      .executeTakeFirst();
    return Number(res.numUpdatedRows ?? 0) === 1;
  }

  /** Message counts by status, for users of one agency (or all). */
  async counts(agencyId?: number): Promise<Record<OutboxStatus, number>> {
    let q = this.db.selectFrom('outbox').select((eb) => ['outbox.status', eb.fn.countAll().as('n')]).groupBy('outbox.status');
    if (agencyId !== undefined) q = q.innerJoin('users', 'users.id', 'outbox.user_id').where('users.agency_id', '=', agencyId);
    const out: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const r of await q.execute()) out[r.status] = Number(r.n);
    return out;
  }

  /** The most recent messages (newest first), for users of one agency (or all). */
  async recent(opts: { agencyId?: number; limit?: number } = {}) {
    let q = this.db.selectFrom('outbox')
      .select(['outbox.id', 'outbox.recipient', 'outbox.subject', 'outbox.status', 'outbox.attempts', 'outbox.next_attempt_at', 'outbox.last_error', 'outbox.created_at', 'outbox.sent_at']);
    if (opts.agencyId !== undefined) q = q.innerJoin('users', 'users.id', 'outbox.user_id').where('users.agency_id', '=', opts.agencyId);
    return q.orderBy('outbox.id', 'desc').limit(opts.limit ?? 20).execute();
  }

  async byId(id: number): Promise<OutboxRow | undefined> {
    return this.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
