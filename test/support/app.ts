import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/web/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { sha256 } from '../../src/web/plugins/auth.ts';
import { configFromEnv, type AppConfig } from '../../src/config.ts';
import { loadDemo } from '../../src/demo/seed.ts';
import { freshDb } from './db.ts';

/** Cookie jar + CSRF helper around fastify.inject, for HTTP tests that act like a browser. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), accept: 'text/html', ...headers } });
    this.keep(res);
    return res;
  }

  /** Reads the CSRF token from a page's form. */
  static csrfFrom(html: string): string {
    const m = html.match(/name="_csrf" value="([^"]+)"/);
    if (!m) throw new Error('page has no CSRF token');
    return m[1];
  }

  /** Loads `formPage`, then posts `fields` with its CSRF token as a urlencoded form. */
  async submit(formPage: string, action: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const page = await this.get(formPage);
    return this.post(action, { _csrf: Browser.csrfFrom(page.body), ...fields });
  }

  async post(url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await this.app.inject({
      method: 'POST', url, payload: body.toString(),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    this.keep(res);
    return res;
  }
}

export async function testApp(ctx: ServiceContext): Promise<FastifyInstance> {
  const app = await buildApp(ctx);
  await app.ready();
  return app;
}

/**
 * The app over a fresh SQLite database holding the demo, with these settings on top of the
 * environment's; `prepare` runs after the demo is loaded, before the app is built.
 * `close` stops the app and drops the database.
 */
export async function demoApp(config: Partial<AppConfig> = {}, prepare?: (ctx: ServiceContext) => Promise<void>): Promise<{ app: FastifyInstance; ctx: ServiceContext; close: () => Promise<void> }> {
  const fresh = await freshDb('sqlite');
  const ctx = createServiceContext(fresh.db, { ...configFromEnv({}), ...config });
  await loadDemo(ctx);
  await prepare?.(ctx);
  const app = await testApp(ctx);
  return { app, ctx, close: async () => { await app.close(); await fresh.drop(); } };
}

/** A browser already signed in as a user: a session row created directly, valid for 8 hours from `now`. */
export async function signedInBrowser(app: FastifyInstance, ctx: ServiceContext, userId: number, now: Date): Promise<Browser> {
  const token = randomBytes(32).toString('base64url');
  await ctx.repos.sessions.create({ id: sha256(token), userId, ip: '', userAgent: '', expiresAt: new Date(now.getTime() + 8 * 3600_000) }, now);
  const b = new Browser(app);
  b.cookies.set('gk_sid', token);
  return b;
}

/** A browser signed in as the user with this name (a demo account, say). */
export async function signedInAs(app: FastifyInstance, ctx: ServiceContext, username: string): Promise<Browser> {
  const user = await ctx.repos.users.byUsername(username);
  if (!user) throw new Error(`no user ${username}`);
  return signedInBrowser(app, ctx, user.id, new Date());
}

/** Signed in as `username`, having chosen English once on `page` (?lang=en): later requests carry only the cookie. */
export async function signedInEnglish(app: FastifyInstance, ctx: ServiceContext, username: string, page = '/console'): Promise<Browser> {
  const b = await signedInAs(app, ctx, username);
  const res = await b.get(`${page}${page.includes('?') ? '&' : '?'}lang=en`);
  if (res.statusCode !== 200 || b.cookies.get('gk_lang') !== 'en') throw new Error(`choosing English on ${page}: ${res.statusCode}`);
  return b;
}
