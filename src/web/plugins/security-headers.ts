import type { FastifyInstance } from 'fastify';

// The security headers of every response, computed once: the same set @fastify/helmet sent with
// this configuration, without its per-request middleware (≈25 µs a request, a fifth of a cached
// page). No inline script or style anywhere, so the CSP needs no nonce and never changes.
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'",
].join(';');

export function securityHeaders(hsts: boolean): Record<string, string> {
  return {
    'content-security-policy': CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
}

export async function securityHeadersPlugin(app: FastifyInstance, opts: { hsts: boolean }): Promise<void> {
  const headers = securityHeaders(opts.hsts);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
