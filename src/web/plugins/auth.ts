import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import type { Actor } from '../../services/actor.ts';
import type { Role } from '../../domain/roles.ts';
import { ForbiddenError, UnauthorizedError } from '../../services/errors.ts';

export const SESSION_COOKIE = 'gk_sid';
const IDLE_MS = 8 * 3600_000;
const TOUCH_EVERY_MS = 5 * 60_000;

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Resolves request.user from a Bearer token (API) or the session cookie (pages). */
export function authPlugin(app: FastifyInstance, opts: { ctx: ServiceContext; secure: boolean }): void {
  const { ctx } = opts;
  app.decorateRequest('user', null);
  app.decorateRequest('authKind', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header && /^Bearer\s+/i.test(header)) {
      const token = header.replace(/^Bearer\s+/i, '').trim();
      if (token.length < 20 || token.length > 200) return;
      const row = await ctx.repos.apiTokens.findActive(sha256(token));
      if (!row) return;
      const user = await ctx.repos.users.staffUser(row.user_id);
      if (user) {
        request.user = user;
        request.authKind = 'token';
        const now = ctx.now();
        if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) await ctx.repos.apiTokens.touch(row.id, now);
      }
      return;
    }
    // Cookies authenticate pages only; the JSON API takes Bearer tokens (so it needs no CSRF token).
    if (request.url.startsWith('/api/')) return;
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie || cookie.length > 100) return;
    const id = sha256(cookie);
    const now = ctx.now();
    const session = await ctx.repos.sessions.findValid(id, now);
    if (!session) return;
    const user = await ctx.repos.users.staffUser(session.user_id);
    if (!user) return;
    request.user = user;
    request.authKind = 'session';
    request.sessionId = id;
    if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
      await ctx.repos.sessions.touch(id, now, new Date(now.getTime() + IDLE_MS));
    }
  });
}

/** A fresh session id at every sign-in (no fixation): the old cookie, if any, is discarded. */
export async function startSession(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply, userId: number, secure: boolean): Promise<void> {
  const old = request.cookies[SESSION_COOKIE];
  if (old) await ctx.repos.sessions.delete(sha256(old));
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  await ctx.repos.sessions.create({ id: sha256(token), userId, ip: request.ip, userAgent: String(request.headers['user-agent'] ?? ''), expiresAt: new Date(now.getTime() + IDLE_MS) }, now);
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export async function endSession(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.sessionId) await ctx.repos.sessions.delete(request.sessionId);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The actor for services: staff when signed in, else the public; always with the address. */
export function actorOf(request: FastifyRequest): Actor {
  return request.user ? { kind: 'staff', user: request.user, ip: request.ip } : { kind: 'public', ip: request.ip };
}

/** For routes that need a signed-in staff member (and optionally one of some roles). */
export function requireStaff(request: FastifyRequest, roles?: Role[]) {
  const user = request.user;
  if (!user) throw new UnauthorizedError(request.lang === 'en' ? 'Please sign in' : '请先登录');
  if (roles && !user.isSysadmin && !roles.some((r) => user.roles.includes(r))) throw new ForbiddenError();
  return user;
}
