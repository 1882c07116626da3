import { hash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import { csrfTokenUsed } from './csrf.ts';
import { ASSET_VERSIONS } from '../render.tsx';

// HTTP caching of public pages for anonymous visitors.
//
// - Every public page that an anonymous visitor gets answers with an ETag (a hash of its bytes),
//   Last-Modified and `Cache-Control: public, max-age=<ttl>`; a matching If-None-Match (or
//   If-Modified-Since) gets 304 without a body.
// - The rendered bytes are kept in memory for <ttl> seconds, per URL, language and large-text mode,
//   and served again without touching the database (bounded: MAX_ENTRIES and MAX_BYTES, least
//   recently used out first). Requests for a page that is being rendered wait for that rendering
//   (at most COALESCE_WAIT_MS) instead of rendering it again: when an entry expires under load, one
//   request renders it, not every connection at once.
// - Never cached: signed-in staff (session or Bearer token), anything other than GET with 200, a
//   response that sets a cookie, a page that renders its visitor's CSRF token (a form: the token is
//   made on first use, see csrf.ts), a response whose route set its own Cache-Control, and routes
//   not in PUBLIC_ROUTES (the application receipt and tracking pages, for example, never are).
// - Invalidation: every write this process sends to the database (services, jobs, the API) empties
//   the cache, except writes to bookkeeping tables no public page shows. Writes by another instance
//   or by the command line are not seen: there the TTL bounds how long a withdrawn document can
//   still be served (GONGKAI_PAGE_CACHE_SECONDS, 30 s by default; 0 turns the memory cache off and
//   makes browsers revalidate every time).
// - Static files at their versioned address (`/static/site.css?v=<hash of the file>`, which every
//   page links, see render.tsx) are cached for a year, immutable; at any other address for an hour.
const MAX_ENTRIES = 1000;
const MAX_BYTES = 32 * 1024 * 1024;
const COALESCE_WAIT_MS = 5000;

/** Route patterns whose pages every anonymous visitor sees alike. */
const PUBLIC_ROUTES = new RegExp('^/(?:$|sitemap\\.xml$|api/v1/(?:documents(?:/\\*)?|enrolment/lookup)$|gk/:code(?:$|/(?:'
  + ['guide', 'catalog', 'rules', 'search', 'doc/:id(?:/print)?', 'feed\\.atom', 'feeds/:category\\.atom', 'reports(?:/:year)?',
    'ask(?:/:id)?', 'consultations(?:/:id)?', 'education(?:/.+)?', 'report-error/stats'].join('|')
  + ')$))');

const CACHEABLE_TYPES = /^(?:text\/html|application\/json|application\/atom\+xml|application\/xml)\b/;

/** Tables that no public page shows: writes to them leave the cache alone. */
const BOOKKEEPING_TABLES = new Set(['sessions', 'api_tokens', 'login_failures', 'job_runs', 'inbox_items', 'outbox']);

const VARY = 'Cookie, Accept-Language';
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Entry {
  body: Buffer;
  type: string;
  language: string | undefined;
  etag: string;
  lastModified: string;
  /** Milliseconds since the epoch, for If-Modified-Since. */
  modifiedAt: number;
  expires: number;
}

const kKey = Symbol('gk.pageCache.key');
const kGeneration = Symbol('gk.pageCache.generation');
const kHit = Symbol('gk.pageCache.hit');
const kRendering = Symbol('gk.pageCache.rendering');

interface CacheState {
  [kKey]: string | null;
  [kGeneration]: number;
  [kHit]: boolean;
  /** Set on the request that renders a page others may be waiting for. */
  [kRendering]: Rendering | null;
}

/** A rendering in flight: resolves with the stored entry, or null when the response was not kept. */
interface Rendering {
  promise: Promise<Entry | null>;
  resolve(e: Entry | null): void;
}

function rendering(): Rendering {
  let resolve!: (e: Entry | null) => void;
  const promise = new Promise<Entry | null>((r) => { resolve = r; });
  return { promise, resolve };
}

export class PageCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  /** Bumped by every invalidation: a page rendered across one is not stored. */
  generation = 0;

  constructor(readonly ttlSeconds: number, private readonly maxEntries = MAX_ENTRIES, private readonly maxBytes = MAX_BYTES) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.expires <= now) {
      this.bytes -= e.body.length;
      return undefined;
    }
    this.entries.set(key, e); // most recently used last
    return e;
  }

  set(key: string, entry: Entry): void {
    if (this.ttlSeconds === 0 || entry.body.length > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }
}

function cacheControl(ttlSeconds: number): string {
  return ttlSeconds > 0 ? `public, max-age=${ttlSeconds}` : 'public, no-cache';
}

/** The cache key of an anonymous GET of a public page, or null when the request must not be shared. */
function keyOf(request: FastifyRequest): string | null {
  if (request.method !== 'GET' || request.user || request.headers.authorization) return null;
  const route = request.routeOptions.url;
  if (!route || !PUBLIC_ROUTES.test(route)) return null;
  // ?lang= sets the language cookie: that response is the visitor's own.
  if ((request.query as Record<string, unknown> | undefined)?.lang !== undefined) return null;
  return `${request.lang}\n${request.largeText ? 1 : 0}\n${request.url}`;
}

function notModified(request: FastifyRequest, etag: string, modifiedAt: number): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
  const ims = request.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && modifiedAt <= since;
}

function validators(reply: FastifyReply, e: Pick<Entry, 'etag' | 'lastModified'>, ttlSeconds: number): void {
  reply.header('etag', e.etag).header('last-modified', e.lastModified).header('cache-control', cacheControl(ttlSeconds)).header('vary', VARY);
}

/** Registered after the i18n, CSRF and auth plugins (it needs the language and the signed-in user). */
export function pageCachePlugin(app: FastifyInstance, ctx: ServiceContext, cache: PageCache): void {
  const ttlMs = cache.ttlSeconds * 1000;
  const unsubscribe = ctx.db.onWrite((table) => {
    if (!BOOKKEEPING_TABLES.has(table)) cache.clear();
  });
  app.addHook('onClose', async () => unsubscribe());

  app.decorateRequest(kKey, null);
  app.decorateRequest(kGeneration, 0);
  app.decorateRequest(kHit, false);
  app.decorateRequest(kRendering, null);
  const inFlight = new Map<string, Rendering>();
  /** The renderer's part is over (stored or not): release whoever waits. */
  const settle = (state: CacheState, entry: Entry | null) => {
    const r = state[kRendering];
    if (!r) return;
    state[kRendering] = null;
    if (inFlight.get(state[kKey]!) === r) inFlight.delete(state[kKey]!);
    r.resolve(entry);
  };
  app.addHook('onResponse', (request, _reply, done) => { settle(request as unknown as CacheState, null); done(); });
  app.addHook('onRequestAbort', (request, done) => { settle(request as unknown as CacheState, null); done(); });

  app.addHook('onRequest', async (request, reply) => {
    const key = keyOf(request);
    if (key === null) return;
    const state = request as unknown as CacheState;
    state[kKey] = key;
    state[kGeneration] = cache.generation;
    let e = cache.get(key, Date.now());
    if (!e && cache.ttlSeconds > 0) {
      const running = inFlight.get(key);
      if (running) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<null>((resolve) => { timer = setTimeout(resolve, COALESCE_WAIT_MS, null); });
        e = (await Promise.race([running.promise, timeout])) ?? undefined;
        clearTimeout(timer);
      } else {
        const r = rendering();
        inFlight.set(key, r);
        state[kRendering] = r;
      }
    }
    if (!e) return;
    state[kHit] = true;
    validators(reply, e, cache.ttlSeconds);
    if (notModified(request, e.etag, e.modifiedAt)) return reply.code(304).send();
    reply.code(200).type(e.type);
    if (e.language) reply.header('content-language', e.language);
    return reply.send(e.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/static/') && reply.statusCode === 200) {
      const name = request.url.slice('/static/'.length).split('?')[0];
      const v = (request.query as Record<string, unknown> | undefined)?.v;
      if (v !== undefined && v === ASSET_VERSIONS.get(name)) reply.header('cache-control', IMMUTABLE);
      return payload;
    }
    const state = request as unknown as CacheState;
    const key = state[kKey];
    if (key === null || state[kHit]) return payload;
    if (reply.statusCode !== 200 || csrfTokenUsed(request) || reply.hasHeader('set-cookie') || reply.hasHeader('cache-control')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!CACHEABLE_TYPES.test(type) || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const now = Date.now();
    const modifiedAt = Math.floor(now / 1000) * 1000;
    const entry: Entry = {
      body, type, language: reply.getHeader('content-language') as string | undefined,
      etag: `"${hash('sha1', body, 'base64url')}"`, lastModified: new Date(modifiedAt).toUTCString(), modifiedAt, expires: now + ttlMs,
    };
    // A page rendered while the data changed may show the old state: answer it, but do not keep it.
    const keep = state[kGeneration] === cache.generation && cache.ttlSeconds > 0;
    if (keep) cache.set(key, entry);
    settle(state, keep ? entry : null);
    validators(reply, entry, cache.ttlSeconds);
    if (notModified(request, entry.etag, entry.modifiedAt)) {
      reply.code(304).removeHeader('content-type');
      return null;
    }
    return body;
  });
}
