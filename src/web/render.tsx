import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { localizeHtml, type Lang, type Translate } from './i18n/index.ts';
import type { StaffUser } from '../services/actor.ts';

/** What every page component receives about the request (a plain view model, no database rows). */
export interface PageContext {
  lang: Lang;
  t: Translate;
  user: StaffUser | null;
  csrfToken: string;
  /** Path and query of this request, for language links and `next=` redirects. */
  url: string;
  largeText: boolean;
}

export function pageContext(request: FastifyRequest): PageContext {
  return {
    lang: request.lang,
    t: request.t,
    user: request.user,
    // Read only by a page that renders a form: that issues the visitor's CSRF cookie and keeps the
    // page out of the shared cache (plugins/page-cache.ts).
    get csrfToken() {
      return request.csrfToken;
    },
    url: request.url,
    largeText: request.largeText,
  };
}

export const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

/**
 * A content hash per static file, read once at start. Pages link `/static/site.css?v=<hash>`, which
 * browsers and proxies may keep for a year (immutable): a changed file gets a new address.
 */
export const ASSET_VERSIONS: ReadonlyMap<string, string> = new Map(fs.readdirSync(STATIC_DIR).map((name) => [
  name, createHash('sha256').update(fs.readFileSync(path.join(STATIC_DIR, name))).digest('hex').slice(0, 12),
]));

/** `"/static/name"` in an attribute → `"/static/name?v=<hash>"` for every file in STATIC_DIR. */
function versionAssets(html: string): string {
  return html.replace(/"\/static\/([\w.-]+)"/g, (m, name: string) => {
    const v = ASSET_VERSIONS.get(name);
    return v ? `"/static/${name}?v=${v}"` : m;
  });
}

export function renderPage(vnode: VNode<any>, lang: Lang): string {
  return versionAssets(localizeHtml('<!doctype html>' + renderToString(vnode), lang));
}

/** Sends a server-rendered page. Pages for signed-in staff are never cached by shared caches. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, vnode: VNode<any>, status = 200): FastifyReply {
  reply.code(status).type('text/html; charset=utf-8');
  if (request.user) reply.header('cache-control', 'private, no-store');
  reply.header('content-language', request.lang);
  return reply.send(renderPage(vnode, request.lang));
}

/** Query string helper that keeps other parameters: withQuery('/x?a=1', { lang: 'en' }) → '/x?a=1&lang=en'. */
export function withQuery(url: string, params: Record<string, string | number | undefined>): string {
  const u = new URL(url, 'http://x');
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') u.searchParams.delete(k);
    else u.searchParams.set(k, String(v));
  }
  return u.pathname + (u.search || '');
}
