import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import {
  AccountDisabledError, BadCredentialsError, LoginLockedError, issueTokenWithPassword, listApiTokens, revokeApiToken, signIn, signOut,
} from '../../services/auth.service.ts';
import { ValidationError } from '../../services/errors.ts';
import { actorOf, endSession, requireStaff, startSession } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { LoginPage } from '../views/auth-pages.tsx';
import { safeLocalPath } from './system.routes.ts';

const errorBody = z.object({ error: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });

/** Sign-in and sign-out pages, and the API's token endpoints. */
export function authRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Both sign-in routes share one per-address budget per minute (on top of the lockout rules).
  const rateLimit: { rateLimit: false | { max: number; timeWindow: string; groupId: string } } = {
    rateLimit: ctx.config.loginRateLimit > 0 ? { max: ctx.config.loginRateLimit, timeWindow: '1 minute', groupId: 'login' } : false,
  };

  const loginForm = (request: FastifyRequest, reply: FastifyReply, a: { next: string; username: string; error?: string; status?: number }) =>
    sendPage(request, reply, h(LoginPage, { ctx: pageContext(request), next: a.next, username: a.username, error: a.error }), a.status ?? 200);

  r.get('/login', {
    schema: { hide: true, querystring: z.object({ next: z.string().max(2000).optional() }) },
  }, async (request, reply) => {
    const next = safeLocalPath(request.query.next, '/console');
    if (request.user) return reply.redirect(next, 303);
    return loginForm(request, reply, { next, username: '' });
  });

  r.post('/login', {
    config: rateLimit,
    schema: {
      hide: true,
      body: z.object({
        username: z.string().max(1000).default(''),
        password: z.string().max(1000).default(''),
        next: z.string().max(2000).optional(),
        _csrf: z.string().optional(),
      }),
    },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const next = safeLocalPath(request.body.next, '/console');
    const t = request.t;
    const shownName = username.trim().slice(0, 64);
    try {
      const user = await signIn(ctx, { username, password, ip: request.ip });
      await startSession(ctx, request, reply, user.id, ctx.config.secureCookies);
      return reply.redirect(next, 303);
    } catch (e) {
      if (e instanceof LoginLockedError) {
        reply.header('retry-after', String(e.retryAfterSeconds));
        return loginForm(request, reply, { next, username: shownName, error: t('auth.locked', { minutes: e.minutes }), status: 429 });
      }
      if (e instanceof BadCredentialsError) return loginForm(request, reply, { next, username: shownName, error: t('auth.badCredentials'), status: 401 });
      if (e instanceof AccountDisabledError) return loginForm(request, reply, { next, username: shownName, error: t('auth.disabled'), status: 403 });
      if (e instanceof ValidationError) return loginForm(request, reply, { next, username: shownName, error: t('auth.missing'), status: 400 });
      throw e;
    }
  });

  r.post('/logout', {
    schema: { hide: true, body: z.object({ _csrf: z.string().optional() }).optional() },
  }, async (request, reply) => {
    await signOut(ctx, actorOf(request), request.sessionId);
    await endSession(ctx, request, reply);
    return reply.redirect('/login', 303);
  });

  // ---- API ----------------------------------------------------------------------------------

  r.post('/api/v1/auth/token', {
    config: rateLimit,
    schema: {
      tags: ['auth'],
      summary: '以用户名和密码换取接口令牌',
      description: '令牌随机生成（32字节，base64url），只在此返回一次。连续登录失败会锁定账号或来源地址（429）。',
      body: z.object({
        username: z.string().min(1).max(64),
        password: z.string().min(1).max(200),
        name: z.string().max(100).optional().describe('令牌名称，便于日后识别和撤销'),
      }),
      response: { 200: z.object({ token: z.string() }), 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody },
    },
  }, async (request) => {
    const { token } = await issueTokenWithPassword(ctx, { ...request.body, ip: request.ip });
    return { token };
  });

  const tokenView = z.object({ id: z.number(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revoked: z.boolean() });

  r.get('/api/v1/auth/tokens', {
    schema: {
      tags: ['auth'],
      summary: '列出本人的接口令牌（不含令牌本身）',
      security: [{ bearer: [] }],
      response: { 200: z.object({ tokens: z.array(tokenView) }), 401: errorBody },
    },
  }, async (request) => {
    requireStaff(request);
    return { tokens: await listApiTokens(ctx, actorOf(request)) };
  });

  r.delete('/api/v1/auth/tokens/:id', {
    schema: {
      tags: ['auth'],
      summary: '撤销本人的一个接口令牌',
      security: [{ bearer: [] }],
      params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
      response: { 204: z.null().describe('已撤销'), 401: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    requireStaff(request);
    await revokeApiToken(ctx, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
