import type { ServiceContext } from '../services/context.ts';
import { deliverOutbox, type DeliveryResult } from '../mail/outbox.ts';
import { smtpTransport } from '../mail/transport.ts';
import type { ScheduledJob } from './scheduler.ts';

/** Sends what is due in the outbox over the configured SMTP server; null when e-mail is off. */
export async function sendQueuedMail(ctx: ServiceContext): Promise<DeliveryResult | null> {
  return ctx.config.mail === null ? null : deliverOutbox(ctx, smtpTransport(ctx.config.mail));
}

/** The quarter hour a moment falls in (UTC), e.g. '2026-11-27T03:15'. */
export function quarterHour(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 14)}${String(Math.floor(now.getUTCMinutes() / 15) * 15).padStart(2, '0')}`;
}

/**
 * Every quarter hour: retries of e-mails that failed (with backoff, src/mail/outbox.ts) and any
 * queued message not yet sent. Each message is claimed on its own, so overlapping runs are safe.
 */
export const mailOutboxJob: ScheduledJob = {
  name: 'mail.outbox',
  period: quarterHour,
  run: async (ctx) => ({ ...((await sendQueuedMail(ctx)) ?? { mail: 'off' }) }),
};
