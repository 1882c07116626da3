import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { inboxFor, markInboxRead } from '../../services/reminder.service.ts';
import { canSeeOutbox, outboxOverview } from '../../mail/outbox.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { tx } from '../i18n/index.ts';
import { InboxPage } from '../views/inbox-page.tsx';

/** The staff inbox (deadline reminders written by the daily job); administrators also see the e-mail outbox. */
export function inboxRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/console/inbox', { schema: { hide: true, querystring: z.object({ done: z.literal('read').optional().catch(undefined) }) } }, async (request, reply) => {
    const user = requireStaff(request);
    const { unread, read } = await inboxFor(ctx, user);
    const actor = actorOf(request);
    const outbox = canSeeOutbox(actor) ? await outboxOverview(ctx, actor) : undefined;
    return sendPage(request, reply, h(InboxPage, { ctx: pageContext(request), unread, read, ...(outbox ? { outbox } : {}), ...(request.query.done ? { notice: tx(request, '已标为已读。', 'Marked as read.') } : {}) }));
  });

  r.post('/console/inbox/:id/read', {
    schema: { hide: true, params: z.object({ id: z.string().regex(/^\d{1,9}$/, '提醒编号无效').transform(Number) }), body: z.object({ _csrf: z.string().optional() }).passthrough() },
  }, async (request, reply) => {
    const user = requireStaff(request);
    await markInboxRead(ctx, user, request.params.id);
    return reply.redirect('/console/inbox?done=read', 303);
  });
}
