// The browser tier's infrastructure: the real app on a random port with a fresh SQLite database and the
// demo data, Debian's chromium driven by playwright-core, and an axe-core check that fails listing
// the violations. Outside CI a missing chromium skips the suites with a message; in CI it fails them.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openDb, type Db } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { buildApp } from '../../src/web/app.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

const missing = existsSync(CHROMIUM_PATH) ? null : `找不到 Chromium（${CHROMIUM_PATH}）：请安装 Debian 的 chromium 和 fonts-noto-cjk 软件包，或设置 CHROMIUM_PATH`;
if (missing && process.env.CI) throw new Error(`CI 要求浏览器测试：${missing}`);

/** For `describe(name, { skip: browserSkip }, …)`: false when chromium is there, else the reason. */
export const browserSkip: string | false = missing ?? false;

export interface BrowserEnv {
  /** 'http://127.0.0.1:PORT' */
  baseUrl: string;
  app: FastifyInstance;
  ctx: ServiceContext;
  browser: Browser;
  /** A fresh context (own cookies), base URL set; closed with the environment. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh context. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1:<random port> over a fresh in-memory SQLite database with the demo loaded, and chromium. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  const db: Db = openDb({ dialect: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const ctx = createServiceContext(db, { ...configFromEnv({}), secret: 'e2e-secret', publicRateLimit: 0 });
  await loadDemo(ctx);
  const app = await buildApp(ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (e) {
    await app.close();
    await db.close();
    throw e;
  }
  const contexts: BrowserContext[] = [];
  const newContext = async (options: BrowserContextOptions = {}) => {
    const c = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', ...options });
    contexts.push(c);
    return c;
  };
  return {
    baseUrl, app, ctx, browser, newContext,
    async newPage(options) {
      return (await newContext(options)).newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await app.close();
      await db.close();
    },
  };
}

/** Runs axe-core on the page (all WCAG 2.1 A/AA and best-practice rules) and throws listing every violation. */
export async function axeCheck(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  if (result.violations.length === 0) return;
  const lines = result.violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n');
    return `  [${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.nodes.length})\n${nodes}`;
  });
  throw new Error(`axe found ${result.violations.length} violation(s) on ${page.url()}:\n${lines.join('\n')}`);
}

/** Signs in through the login form like a person would (demo password by default). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.locator('form[action^="/login"] [type="submit"]').first().click()]);
}
