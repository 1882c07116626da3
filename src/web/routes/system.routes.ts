import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.ts';

/** Health, OpenAPI document and user preferences (large text mode). */
export function systemRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/healthz', {
    schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) } },
  }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.db.kysely);
      return { status: 'ok' as const };
    } catch {
      return reply.code(503).send({ status: 'unavailable' as const });
    }
  });

  r.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // 适老化: large text and high contrast, remembered in a cookie; works without JavaScript. A display
  // preference like ?lang=, so a GET form: the toolbar then carries no per-visitor CSRF token and
  // public pages can be shared (page cache, proxies).
  r.get('/prefs/large-text', {
    schema: { hide: true, querystring: z.object({ on: z.enum(['0', '1']), next: z.string().max(2000).optional() }) },
  }, async (request, reply) => {
    reply.setCookie('gk_large', request.query.on, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
    return reply.redirect(safeLocalPath(request.query.next), 303);
  });
}

/**
 * Only same-site paths are followed after a form (no open redirects). Browsers drop tabs and line
 * breaks from a URL and read a backslash as '/', so a tab or backslash after the first '/' would
 * leave the site: control characters are refused and the path must resolve to this origin.
 */
export function safeLocalPath(next: string | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || /[\u0000-\u001f\u007f]/.test(next)) return fallback;
  const base = 'http://gongkai.invalid';
  return new URL(next, base).origin === base ? next : fallback;
}
