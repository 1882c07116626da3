import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

const kReply = Symbol('gk.csrf.reply');
const kToken = Symbol('gk.csrf.token');

interface CsrfState {
  [kReply]: FastifyReply | null;
  [kToken]: string | null;
}

/**
 * The token is made on first use: a page without a form sets no cookie and carries nothing per
 * visitor, so it can be shared (the page cache); a page that renders a form reads the token, which
 * issues the cookie to a visitor who has none.
 */
export function csrfPlugin(app: FastifyInstance, opts: { secret: string; secure: boolean }): void {
  app.decorateRequest(kReply, null);
  app.decorateRequest(kToken, null);
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest): string {
      const state = this as unknown as CsrfState;
      if (state[kToken] === null) {
        let value = this.cookies[COOKIE];
        if (!value || !/^[A-Za-z0-9_-]{32,64}$/.test(value)) {
          value = randomBytes(32).toString('base64url');
          state[kReply]?.setCookie(COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secure });
          this.cookies[COOKIE] = value;
        }
        state[kToken] = sign(opts.secret, value);
      }
      return state[kToken];
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    (request as unknown as CsrfState)[kReply] = reply;
    done();
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

/** Whether this request's response carries its visitor's CSRF token (a form): such a response is never shared. */
export function csrfTokenUsed(request: FastifyRequest): boolean {
  return (request as unknown as CsrfState)[kToken] !== null;
}
