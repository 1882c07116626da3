import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../services/errors.ts';

// Double-submit, signed: an HttpOnly random cookie, and in every form HMAC(secret, cookie).
// Works for visitors without an account (the application form) as well as for staff.
const COOKIE = 'gk_csrf';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler reads the multipart body itself and calls assertCsrf on its `_csrf` field. */
    multipartCsrf?: boolean;
  }
}

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
  // Checked before validation, so a post without a valid token is refused as such (403) whatever
  // its body. Multipart bodies are read by the handler: a route that reads them declares
  // `config: { multipartCsrf: true }` and calls assertCsrf once the `_csrf` field (placed before the
  // files in the form) is parsed; any other route refuses multipart posts, which would otherwise
  // reach a handler that never looks at the body (a cross-site form could set that encoding).
  // The JSON API authenticates with Bearer tokens, never cookies.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const type = String(request.headers['content-type'] ?? '');
    if (type.startsWith('multipart/')) {
      if (request.routeOptions.config.multipartCsrf) return;
      throw new CsrfError(request.t('error.csrf'));
    }
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
