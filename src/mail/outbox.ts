import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { OutboxStatus } from '../db/schema.ts';
import { canManageUsers } from '../services/account.service.ts';
import type { Actor } from '../services/actor.ts';
import type { ServiceContext } from '../services/context.ts';
import { ForbiddenError } from '../services/errors.ts';
import type { MailTransport } from './transport.ts';

// Sending what the reminder job queued in the outbox (the rows are written in the same transaction
// as their inbox reminders, src/services/reminder.service.ts). Every instance may run a delivery at
// any time: each message is claimed by one conditional UPDATE, so exactly one run sends it and marks
// it sent. A run that dies mid-send holds its claim until the lease expires, after which the message
// is claimed again — the one case in which a message can arrive twice (SMTP accepted it, the mark
// was never written); no message is ever lost or marked sent twice.

/** Messages claimed per delivery run. */
export const OUTBOX_BATCH = 50;
/** How long a claim holds; longer than the SMTP transport's own timeouts. */
export const OUTBOX_LEASE_MS = 5 * 60_000;
/** After this many failed attempts a message is marked failed and no longer retried. */
export const OUTBOX_MAX_ATTEMPTS = 8;

/** Wait after the n-th failed attempt: 15 min, 30 min, 1 h, 2 h, 4 h, then 8 h (about a day in all). */
export function retryDelayMs(attempts: number): number {
  return Math.min(15 * 60_000 * 2 ** Math.max(0, attempts - 1), 8 * 3600_000);
}

/** When to try again after `attempts` failed attempts, or null when the message is given up. */
export function nextAttemptAt(now: Date, attempts: number): string | null {
  return attempts >= OUTBOX_MAX_ATTEMPTS ? null : new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
}

export interface DeliveryResult {
  /** Messages this run sent and marked sent. */
  sent: number;
  /** Failed attempts that will be retried. */
  retrying: number;
  /** Messages given up after OUTBOX_MAX_ATTEMPTS. */
  failed: number;
  /** Messages another run claimed first. */
  claimedElsewhere: number;
}

/** Sends up to `limit` due messages through `transport`; safe to run on several instances at once. */
export async function deliverOutbox(ctx: ServiceContext, transport: MailTransport, opts: { limit?: number } = {}): Promise<DeliveryResult> {
  const claimant = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, claimedElsewhere: 0 };
  const ids = await ctx.repos.outbox.claimable(ctx.now().toISOString(), opts.limit ?? OUTBOX_BATCH);
  for (const id of ids) {
    const now = ctx.now();
    const row = await ctx.repos.outbox.claim(id, claimant, now.toISOString(), new Date(now.getTime() + OUTBOX_LEASE_MS).toISOString());
    if (!row) {
      result.claimedElsewhere++;
      continue;
    }
    try {
      await transport.send({ to: row.recipient, subject: row.subject, text: row.body });
    } catch (e) {
      const retryAt = nextAttemptAt(ctx.now(), row.attempts);
      const error = String((e as Error)?.message ?? e).replace(/\s+/g, ' ').slice(0, 500);
      if (await ctx.repos.outbox.markFailed(row.id, claimant, error, retryAt)) {
        if (retryAt === null) result.failed++;
        else result.retrying++;
      }
      continue;
    }
    if (await ctx.repos.outbox.markSent(row.id, claimant, ctx.now().toISOString())) result.sent++;
  }
  return result;
}

// ---- what an administrator sees (on the inbox page) ----

export interface OutboxMessageView {
  id: number;
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  /** For a pending message: when it is tried (again). */
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxOverview {
  /** False when GONGKAI_SMTP_URL is not set: reminders go to the inbox only. */
  enabled: boolean;
  counts: Record<OutboxStatus, number>;
  recent: OutboxMessageView[];
}

/** The outbox for those who manage users (and so their e-mail addresses): their agency's, or all for system administrators. */
export function canSeeOutbox(actor: Actor): boolean {
  return canManageUsers(actor);
}

export async function outboxOverview(ctx: ServiceContext, actor: Actor): Promise<OutboxOverview> {
  if (!canSeeOutbox(actor)) throw new ForbiddenError('只有管理员可以查看邮件发送情况');
  const agencyId = actor.kind === 'staff' && !actor.user.isSysadmin ? actor.user.agencyId : undefined;
  const [counts, rows] = await Promise.all([ctx.repos.outbox.counts(agencyId), ctx.repos.outbox.recent({ ...(agencyId !== undefined ? { agencyId } : {}), limit: 20 })]);
  return {
    enabled: ctx.config.mail !== null,
    counts,
    recent: rows.map((r) => ({
      id: r.id, recipient: r.recipient, subject: r.subject, status: r.status, attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null, lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at,
    })),
  };
}
