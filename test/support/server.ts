// Real `gongkai serve` processes, for the tests fastify.inject cannot do: several instances on one
// database, a SIGKILL in the middle of a load. Each server runs `node bin/gongkai.js serve` on a
// free port of 127.0.0.1; `HttpClient` is a cookie jar over fetch that can talk to any of them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Browser } from './app.ts';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** `http://127.0.0.1:PORT` */
  url: string;
}

const started: ChildProcess[] = [];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `gongkai serve --db DB` and waits until /healthz answers. Public and login rate limits are
 * off and the scheduler is off unless `env` says otherwise.
 */
export async function startServer(db: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve', '--db', db, '--port', String(port)], {
    cwd: process.cwd(),
    env: {
      ...process.env, GONGKAI_RATE_LIMIT_PUBLIC: '0', GONGKAI_RATE_LIMIT_LOGIN: '0', GONGKAI_JOBS: 'off', GONGKAI_SECRET: 'test-server-secret', LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  started.push(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return { child, port, url };
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Resolves once the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Sends `signal` (SIGTERM: graceful shutdown) and waits for the exit. */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await exited(server.child);
}

/** For `after()`: SIGKILL every server a test started that is still running. */
export function killServers(): void {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

export interface HttpResult {
  status: number;
  headers: Headers;
  /** The Location header of a redirect. */
  location: string | null;
  body: Buffer;
  text: string;
}

/**
 * A browser's cookie jar over fetch (what `Browser` in app.ts does over fastify.inject). URLs are
 * absolute, so one client — one signed-in user — can go to any instance.
 */
export class HttpClient {
  cookies = new Map<string, string>();

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(url: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<HttpResult> {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      body: init.body,
      redirect: 'manual',
      headers: { accept: 'text/html', cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...init.headers },
    });
    this.keep(res);
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, location: res.headers.get('location'), body, text: body.toString('utf8') };
  }

  get(url: string): Promise<HttpResult> {
    return this.request(url);
  }

  /** A urlencoded form post (repeated fields as arrays). */
  post(url: string, fields: Record<string, string | string[]>): Promise<HttpResult> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.request(url, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** A multipart form post: the fields first (the CSRF token before the file, as the forms do), then one file. */
  postFile(url: string, fields: Record<string, string>, file: { name: string; filename: string; type: string; data: Buffer }): Promise<HttpResult> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append(file.name, new Blob([new Uint8Array(file.data)], { type: file.type }), file.filename);
    return this.request(url, { method: 'POST', body: form });
  }

  /** Signs in through the sign-in form of the instance at `base` (answers 303 to /console on success). */
  async signIn(base: string, username: string, password: string): Promise<HttpResult> {
    return this.post(`${base}/login`, { _csrf: await this.csrf(`${base}/login`), username, password, next: '/console' });
  }

  /** The CSRF token of the form on `page` (this client's CSRF cookie is set by loading it). */
  async csrf(page: string): Promise<string> {
    return Browser.csrfFrom((await this.get(page)).text);
  }
}
