import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../services/errors.ts';

// Double-submit, signed: an HttpOnly random cookie, and in every form HMAC(secret, cookie).
// Works for visitors without an account (the application form) as well as for staff.
const COOKIE = 'gk_csrf';

export class CsrfError extends AppError {
  constructor(message: string) {
    super(message, 403, 'csrf');
  }
}

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function csrfPlugin(app: FastifyInstance, opts: { secret: string; secure: boolean }): void {
  app.decorateRequest('csrfToken', '');
  app.addHook('onRequest', async (request, reply) => {
    let value = request.cookies[COOKIE];
    if (!value || !/^[A-Za-z0-9_-]{32,64}$/.test(value)) {
      value = randomBytes(32).toString('base64url');
      reply.setCookie(COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secure });
      request.cookies[COOKIE] = value;
    }
    request.csrfToken = sign(opts.secret, value);
  });
  // Urlencoded forms are checked here for every route; multipart routes call assertCsrf themselves
  // once the field is parsed. The JSON API authenticates with Bearer tokens, never cookies.
  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const type = String(request.headers['content-type'] ?? '');
    if (type.startsWith('multipart/')) return;
    if (request.url.startsWith('/api/') && !type.startsWith('application/x-www-form-urlencoded')) return;
    const body = request.body as Record<string, unknown> | undefined;
    const token = (body && typeof body === 'object' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
    assertCsrf(request, token);
  });
}

export function assertCsrf(request: FastifyRequest, token: unknown): void {
  const expected = Buffer.from(request.csrfToken);
  const given = Buffer.from(typeof token === 'string' ? token : '');
  if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CsrfError(request.t('error.csrf'));
  }
}
