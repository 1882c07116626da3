import path from 'node:path';
import { mailConfigFromEnv, type MailConfig } from './mail/mail-config.ts';

export type DbConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string };

export const DEFAULT_SQLITE_FILE = './data/gongkai.sqlite';

/** `--db` / DATABASE_URL: a file path, `sqlite:PATH`, `:memory:` or `postgres://…`. */
export function parseDbUrl(value: string | undefined): DbConfig {
  const v = (value ?? '').trim();
  if (v === '') return { dialect: 'sqlite', file: DEFAULT_SQLITE_FILE };
  if (/^postgres(ql)?:\/\//i.test(v)) return { dialect: 'postgres', url: v };
  if (v === ':memory:' || v === 'sqlite::memory:') return { dialect: 'sqlite', file: ':memory:' };
  const file = v.startsWith('sqlite:') ? v.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : v;
  if (file === '') throw new Error(`数据库地址无效：${value}`);
  return { dialect: 'sqlite', file: path.normalize(file) };
}

export interface AppConfig {
  /** Secret for signing CSRF tokens and application receipts; when empty, generated secrets are stored in the database and shared by every instance. */
  secret: string;
  /** Secure cookies (behind TLS). */
  secureCookies: boolean;
  /** Requests per minute per address on public submissions; 0 turns the limit off. */
  publicRateLimit: number;
  /** Login attempts allowed per minute per address before the limiter answers 429. */
  loginRateLimit: number;
  /** Where uploaded files are stored (shared storage for several instances). */
  storageDir: string;
  /** Base URL used in feeds, sitemaps and letters. */
  publicBaseUrl: string;
  logLevel: string;
  /** SMTP for deadline-reminder e-mail (GONGKAI_SMTP_URL, GONGKAI_MAIL_FROM); null = inbox only. */
  mail: MailConfig | null;
  /** How often `serve` checks for due scheduled jobs (ms); each job still runs once per period. */
  schedulerIntervalMs: number;
  /** Seconds an anonymous visitor's public page is served from memory (and max-age for browsers and proxies); 0 turns the page cache off. */
  pageCacheSeconds: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const num = (name: string, dflt: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负整数：${raw}`);
    return n;
  };
  return {
    secret: env.GONGKAI_SECRET ?? '',
    secureCookies: env.GONGKAI_SECURE_COOKIES === '1' || env.GONGKAI_SECURE_COOKIES === 'true',
    publicRateLimit: num('GONGKAI_RATE_LIMIT_PUBLIC', 30),
    loginRateLimit: num('GONGKAI_RATE_LIMIT_LOGIN', 30),
    storageDir: env.GONGKAI_STORAGE_DIR ?? './data/files',
    publicBaseUrl: env.GONGKAI_PUBLIC_URL ?? 'http://localhost:3000',
    logLevel: env.LOG_LEVEL ?? 'info',
    mail: mailConfigFromEnv(env),
    schedulerIntervalMs: Math.max(100, num('GONGKAI_SCHEDULER_INTERVAL_MS', 60_000)),
    pageCacheSeconds: num('GONGKAI_PAGE_CACHE_SECONDS', 30),
  };
}
