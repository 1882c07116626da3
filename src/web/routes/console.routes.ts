import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { dashboardFor } from '../../services/dashboard.service.ts';
import { changeOwnPassword, createApiToken, listApiTokens, LoginLockedError, revokeApiToken } from '../../services/auth.service.ts';
import { ValidationError } from '../../services/errors.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { noticeFrom, type Notice } from '../i18n/index.ts';
import { AccountPage, DashboardPage, type AccountPageProps } from '../views/console-pages.tsx';

const NOTICES: Record<'password' | 'revoked', Notice> = {
  password: { zh: '密码已修改，您在其他设备上的登录已注销。', en: 'Your password has been changed; you have been signed out on your other devices.' },
  revoked: { zh: '令牌已撤销。', en: 'Token revoked.' },
};

/** The console's start page and "my account" (password, API tokens). */
export function consoleRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/console', { schema: { hide: true } }, async (request, reply) => {
    const user = requireStaff(request);
    const [cards, agency] = await Promise.all([dashboardFor(ctx, user), ctx.repos.agencies.byId(user.agencyId)]);
    return sendPage(request, reply, h(DashboardPage, { ctx: pageContext(request), cards, agencyName: agency?.name ?? user.agencyCode }));
  });

  const account = async (request: FastifyRequest, reply: FastifyReply, props: Omit<AccountPageProps, 'ctx' | 'tokens'>, status = 200) => {
    const tokens = await listApiTokens(ctx, actorOf(request));
    return sendPage(request, reply, h(AccountPage, { ctx: pageContext(request), tokens, ...props }), status);
  };

  r.get('/console/account', {
    schema: { hide: true, querystring: z.object({ done: z.enum(['password', 'revoked']).optional().catch(undefined) }) },
  }, async (request, reply) => {
    requireStaff(request);
    return account(request, reply, { notice: noticeFrom(request, NOTICES, request.query.done) });
  });

  r.post('/console/account/password', {
    schema: { hide: true, body: z.object({ current: z.string().max(1000).default(''), next: z.string().max(1000).default(''), confirm: z.string().max(1000).default(''), _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireStaff(request);
    try {
      await changeOwnPassword(ctx, actorOf(request), request.body, request.sessionId);
    } catch (e) {
      if (e instanceof LoginLockedError) {
        reply.header('retry-after', String(e.retryAfterSeconds));
        return account(request, reply, { passwordError: request.t('auth.locked', { minutes: e.minutes }) }, 429);
      }
      if (e instanceof ValidationError) return account(request, reply, { passwordError: e.message, passwordErrors: e.fields }, 400);
      throw e;
    }
    return reply.redirect('/console/account?done=password', 303);
  });

  r.post('/console/account/tokens', {
    schema: { hide: true, body: z.object({ name: z.string().max(1000).default(''), _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireStaff(request);
    try {
      const { token } = await createApiToken(ctx, actorOf(request), request.body.name);
      // Rendered, not redirected: this response is the only time the token is shown.
      return account(request, reply, { newToken: { name: request.body.name.trim(), token } });
    } catch (e) {
      if (e instanceof ValidationError) return account(request, reply, { tokenError: e.message, tokenName: request.body.name.slice(0, 100) }, 400);
      throw e;
    }
  });

  r.post('/console/account/tokens/:id/revoke', {
    schema: { hide: true, params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }), body: z.object({ _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireStaff(request);
    await revokeApiToken(ctx, actorOf(request), request.params.id);
    return reply.redirect('/console/account?done=revoked', 303);
  });
}
