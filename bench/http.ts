// Load on the real app against a bare node:http server that answers the same bytes from memory,
// measured in the same run, on SQLite and on PostgreSQL (issue 7 item 4). Six scenarios:
// portal home, catalog, a document page, search, the enrolment lookup (200 connections, rotating
// through the demo's zone names) and application submission (POST /api/v1/applications, a unique
// payload each time, the public rate limit off).
//
//   node --import tsx bench/http.ts                                # both databases, 3 s per server and scenario
//   BENCH_SECONDS=5 BENCH_CONNECTIONS=50 BENCH_DB=sqlite node --import tsx bench/http.ts
//   BENCH_ONLY=lookup BENCH_DB=postgres node --import tsx bench/http.ts  # scenarios whose name contains 'lookup'
//
// Each database gets a child process holding three servers: the app with its page cache (TTL 30 s,
// as deployed), the same app with the cache off (GONGKAI_PAGE_CACHE_SECONDS=0: every request renders
// and queries), and a bare node:http server that answers each URL with the bytes the app answered,
// headers included (a submission with the bytes of one 201). SQLite is an in-memory database with the demo data;
// PostgreSQL a temporary database on 127.0.0.1:5432 (TEST_DATABASE_URL), dropped afterwards.
// The load generator — keep-alive loops over a node:http Agent in this process, 127.0.0.1 only —
// does not share the servers' event loop. After a 1 s warm-up per server, the servers take turns in
// 1 s slices so that a change in the machine's load weighs on all alike. Printed per scenario:
// requests/s, p50/p99 latency, errors (any status other than the expected one, or a failed
// connection), the server process's CPU time per request (steady on a busy machine) and the ratios
// app/bare. Exit code 1 on any error.
import http from 'node:http';
import os from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

const DEFAULT_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LOOKUP_CONNECTIONS = 200;
const SECONDS = Math.max(1, Math.round(Number(process.env.BENCH_SECONDS ?? 3)));
const WARMUP_SECONDS = 1;
const DATABASES = (process.env.BENCH_DB ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const ONLY = process.env.BENCH_ONLY ?? '';
const SEARCH_PATH = `/gk/hjjyj/search?q=${encodeURIComponent('招生')}`;
const PAGE_CACHE_SECONDS = 30;

type ServerName = 'bare' | 'app' | 'uncached';
type Ports = Record<ServerName, number>;

/** What the child tells the parent: its ports and the requests of each scenario. */
interface Setup {
  ports: Ports;
  scenarios: Scenario[];
}

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** GET: the URLs to rotate through. POST: the one URL. */
  paths: string[];
  connections: number;
  expect: number;
  bytes: number;
  /** The page cache makes no difference (a submission): the uncached app is not measured. */
  cacheNeutral?: boolean;
  /** Public pages must reach ≥ 50 % of the bare server's requests/s (the issue's target). */
  page?: boolean;
}

/** A unique, valid public application (the ID number is a fictitious 洪江市 one with its check digit). */
function submission(n: number, idNumber: string): string {
  return JSON.stringify({
    applicant: { kind: 'person', name: `压测申请人${n}`, idType: 'resident_id', idNumber, phone: '13900001111' },
    agency: 'hjjyj',
    description: `申请公开2026年秋季学期义务教育阶段学校招生计划（压测第 ${n} 份，${process.pid}）`,
    format: 'electronic',
    delivery: 'online',
  });
}

// ---- child: the servers ----

async function serve(dbUrl: string): Promise<void> {
  const { openDb } = await import('../src/db/connection.ts');
  const { parseDbUrl, configFromEnv } = await import('../src/config.ts');
  const { migrateToLatest } = await import('../src/db/migrate.ts');
  const { createServiceContext } = await import('../src/services/context.ts');
  const { buildApp } = await import('../src/web/app.ts');
  const { loadDemo } = await import('../src/demo/seed.ts');
  const { residentIdCheckChar } = await import('../src/domain/identity.ts');

  const db = openDb(parseDbUrl(dbUrl));
  await migrateToLatest(db);
  const base = { ...configFromEnv({}), secret: 'bench-secret', publicRateLimit: 0, storageDir: os.tmpdir() };
  const ctx = createServiceContext(db, { ...base, pageCacheSeconds: PAGE_CACHE_SECONDS });
  await loadDemo(ctx);
  const app = await buildApp(ctx, { logger: false });
  const uncached = await buildApp(createServiceContext(db, { ...base, pageCacheSeconds: 0 }), { logger: false });
  for (const a of [app, uncached]) {
    await a.listen({ host: '127.0.0.1', port: 0 });
    a.server.keepAliveTimeout = 30_000;
  }

  const agency = (await ctx.repos.agencies.byCode('hjjyj'))!;
  const doc = (await ctx.repos.documents.list({ agencyIds: [agency.id], states: ['published'] }, 'published_desc', 1, 1)).items[0];
  const areas = (await db.kysely.selectFrom('edu_zone_entries').select('area').where('agency_id', '=', agency.id).orderBy('id').limit(40).execute())
    .map((r) => r.area).filter((a, i, all) => a.length >= 2 && all.indexOf(a) === i);
  if (!doc || areas.length === 0) throw new Error('the demo has no published document or no enrolment zones');
  const first17 = '43128119880808321';
  const idNumber = first17 + residentIdCheckChar(first17);

  const scenarios: Scenario[] = [
    { name: 'portal home', method: 'GET', paths: ['/'], connections: DEFAULT_CONNECTIONS, expect: 200, bytes: 0, page: true },
    { name: 'catalog', method: 'GET', paths: ['/gk/hjjyj/catalog'], connections: DEFAULT_CONNECTIONS, expect: 200, bytes: 0, page: true },
    { name: 'document page', method: 'GET', paths: [`/gk/hjjyj/doc/${doc.id}`], connections: DEFAULT_CONNECTIONS, expect: 200, bytes: 0, page: true },
    { name: 'search', method: 'GET', paths: [SEARCH_PATH], connections: DEFAULT_CONNECTIONS, expect: 200, bytes: 0, page: true },
    {
      name: `enrolment lookup (${areas.length} addresses)`, method: 'GET', connections: LOOKUP_CONNECTIONS, expect: 200, bytes: 0,
      paths: areas.map((a) => `/api/v1/enrolment/lookup?agency=hjjyj&q=${encodeURIComponent(a)}`),
    },
    { name: 'application submission', method: 'POST', paths: ['/api/v1/applications'], connections: DEFAULT_CONNECTIONS, expect: 201, bytes: 0, cacheNeutral: true },
  ];

  // The bare server answers exactly the bytes the app answered, from memory.
  // Its headers are the app's too (security headers, ETag, Cache-Control …, without Date and the
  // connection's own): the comparison is of the work per request, not of the bytes on the wire.
  const canned = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
  const replayed = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h)
    .filter(([k]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie', 'x-request-id'].includes(k))
    .map(([k, v]) => [k, String(v)]));
  for (const s of scenarios) {
    let size = 0;
    for (const url of s.paths) {
      const res = s.method === 'GET'
        ? await app.inject({ url, headers: { accept: 'text/html' } })
        : await app.inject({ method: 'POST', url, payload: submission(0, idNumber), headers: { 'content-type': 'application/json' } });
      if (res.statusCode !== s.expect) throw new Error(`${s.method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      canned.set(`${s.method} ${url}`, { status: res.statusCode, headers: replayed(res.headers), body: res.rawPayload });
      size += res.rawPayload.length;
    }
    s.bytes = Math.round(size / s.paths.length);
  }
  const bare = http.createServer((req, res) => {
    const c = canned.get(`${req.method} ${req.url}`);
    const answer = () => {
      if (!c) { res.writeHead(404).end(); return; }
      res.writeHead(c.status, c.headers);
      res.end(c.body);
    };
    if (req.method === 'POST') { req.on('data', () => {}); req.on('end', answer); } else answer();
  });
  bare.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const port = (s: { address(): unknown }) => (s.address() as AddressInfo).port;
  process.send!({ ports: { bare: port(bare), app: port(app.server), uncached: port(uncached.server) }, scenarios } satisfies Setup);
  // CPU time of this process on request: the servers' cost per request, whatever else the machine runs.
  process.on('message', (m) => {
    if (m === 'cpu') { const u = process.cpuUsage(); process.send!({ cpu: u.user + u.system }); }
  });
  process.on('disconnect', () => {
    void Promise.all([app.close(), uncached.close()]).finally(() => db.close()).finally(() => process.exit(0));
  });
}

// ---- parent: the load generator ----

interface Result { requests: number; errors: number; rps: number; p50: number; p99: number; serverCpuUsPerRequest: number }
interface Sample { latencies: number[]; errors: number; seconds: number; serverCpuUs: number }

let child: ChildProcess;
let submissionCounter = 0;
let idNumberForSubmissions = '';

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function once(agent: http.Agent, port: number, method: string, path: string, body: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { accept: 'text/html' };
    if (body !== null) { headers['content-type'] = 'application/json'; headers['content-length'] = Buffer.byteLength(body); }
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/** CPU microseconds the server process has used so far. */
function serverCpu(): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve((m as { cpu: number }).cpu));
    child.send('cpu');
  });
}

const emptySample = (): Sample => ({ latencies: [], errors: 0, seconds: 0, serverCpuUs: 0 });

/** `s.connections` keep-alive loops, each sending its next request when the previous answered, for `seconds`. */
async function load(agent: http.Agent, port: number, s: Scenario, seconds: number, into: Sample): Promise<void> {
  const cpu0 = await serverCpu();
  const start = performance.now();
  const end = start + seconds * 1000;
  let next = 0;
  const loop = async () => {
    while (performance.now() < end) {
      const path = s.paths[next++ % s.paths.length];
      const body = s.method === 'POST' ? submission(++submissionCounter, idNumberForSubmissions) : null;
      const t0 = performance.now();
      try {
        const status = await once(agent, port, s.method, path, body);
        if (status !== s.expect) into.errors++;
        else into.latencies.push(performance.now() - t0);
      } catch {
        into.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: s.connections }, loop));
  into.seconds += (performance.now() - start) / 1000;
  into.serverCpuUs += (await serverCpu()) - cpu0;
}

function summarise(s: Sample): Result {
  const sorted = Float64Array.from(s.latencies).sort();
  return {
    requests: sorted.length, errors: s.errors, rps: sorted.length / s.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99),
    serverCpuUsPerRequest: s.serverCpuUs / Math.max(1, sorted.length),
  };
}

/** The servers for one scenario in alternating 1 s slices (bare, app, uncached, then the reverse, …). */
async function measure(ports: Ports, s: Scenario): Promise<Partial<Record<ServerName, Result>>> {
  const names: ServerName[] = s.cacheNeutral ? ['bare', 'app'] : ['bare', 'app', 'uncached'];
  const agents = Object.fromEntries(names.map((n) => [n, new http.Agent({ keepAlive: true, maxSockets: s.connections, maxFreeSockets: s.connections })])) as Record<ServerName, http.Agent>;
  for (const n of names) await load(agents[n], ports[n], s, WARMUP_SECONDS, emptySample());
  const samples = Object.fromEntries(names.map((n) => [n, emptySample()])) as Record<ServerName, Sample>;
  for (let i = 0; i < SECONDS; i++) {
    for (const n of i % 2 === 0 ? names : [...names].reverse()) await load(agents[n], ports[n], s, 1, samples[n]);
  }
  for (const n of names) agents[n].destroy();
  return Object.fromEntries(names.map((n) => [n, summarise(samples[n])]));
}

const fmtRps = (r: Result | undefined) => (r ? `${r.rps.toFixed(0)}` : '—');
const fmtMs = (r: Result | undefined) => (r ? `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms` : '—');
const fmtCpu = (r: Result | undefined) => (r ? `${r.serverCpuUsPerRequest.toFixed(0)} µs` : '—');

async function runDatabase(which: 'sqlite' | 'postgres'): Promise<{ failed: boolean; misses: string[] }> {
  // The tests' helper: a new database with a unique name on TEST_DATABASE_URL's server.
  const pgDb = which === 'postgres' ? await (await import('../test/support/db.ts')).createPgDatabase() : null;
  const dbUrl = pgDb ? pgDb.url : ':memory:';
  child = fork(fileURLToPath(import.meta.url), ['--serve', dbUrl], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let failed = false;
  const misses: string[] = [];
  try {
    const setup = await new Promise<Setup>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Setup));
      child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
    });
    const first17 = '43128119880808321';
    const { residentIdCheckChar } = await import('../src/domain/identity.ts');
    idNumberForSubmissions = first17 + residentIdCheckChar(first17);
    console.log(`\n## ${which === 'sqlite' ? 'SQLite (in memory)' : 'PostgreSQL (127.0.0.1:5432)'} — load average at start ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
    console.log('| scenario | bytes | conns | bare node:http req/s | bare p50 / p99 | app req/s | app/bare | app p50 / p99 | CPU/req bare → app | cache off req/s | off/bare | cache off p50 / p99 | CPU/req cache off | errors |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const s of setup.scenarios.filter((x) => x.name.includes(ONLY))) {
      const r = await measure(setup.ports, s);
      const errors = (r.bare?.errors ?? 0) + (r.app?.errors ?? 0) + (r.uncached?.errors ?? 0);
      const ratio = (x: Result | undefined) => (x && r.bare ? `${(x.rps / r.bare.rps).toFixed(2)}×` : '—');
      console.log(`| ${s.name} | ${s.bytes} | ${s.connections} | ${fmtRps(r.bare)} | ${fmtMs(r.bare)} | ${fmtRps(r.app)} | ${ratio(r.app)} | ${fmtMs(r.app)} | ${fmtCpu(r.bare)} → ${fmtCpu(r.app)} | ${fmtRps(r.uncached)} | ${ratio(r.uncached)} | ${fmtMs(r.uncached)} | ${fmtCpu(r.uncached)} | ${errors} |`);
      if (errors || !r.app?.requests) failed = true;
      if (s.page && r.app && r.bare && r.app.rps < 0.5 * r.bare.rps) misses.push(`${which}: ${s.name} at ${(r.app.rps / r.bare.rps).toFixed(2)}× bare (target ≥ 0.5×)`);
      if (s.connections === LOOKUP_CONNECTIONS) {
        for (const [label, x] of [['cached', r.app], ['cache off', r.uncached]] as const) {
          if (x && !(x.p99 < 50)) misses.push(`${which}: enrolment lookup (${label}) p99 ${x.p99.toFixed(1)} ms at ${LOOKUP_CONNECTIONS} connections (target < 50 ms)`);
        }
      }
    }
    console.log(`\nload average at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    child.kill();
    await pgDb?.drop();
  }
  return { failed, misses };
}

async function main(): Promise<void> {
  const cpu = os.cpus();
  console.log(`# HTTP load: the app (Fastify) vs bare node:http with the same bytes — ${new Date().toISOString()}`);
  console.log(`${cpu.length} × ${cpu[0]?.model ?? 'CPU'} (nproc ${os.availableParallelism()}), Node ${process.version}; ${DEFAULT_CONNECTIONS} keep-alive connections (enrolment lookup ${LOOKUP_CONNECTIONS}), ${SECONDS} s per server and scenario after ${WARMUP_SECONDS} s warm-up; page cache TTL ${PAGE_CACHE_SECONDS} s ("app") and off ("cache off")`);
  let failed = false;
  const misses: string[] = [];
  for (const which of DATABASES) {
    const r = await runDatabase(which);
    failed ||= r.failed;
    misses.push(...r.misses);
  }
  console.log(misses.length ? `\ntargets missed:\n${misses.map((m) => `- ${m}`).join('\n')}` : '\nall targets met');
  if (failed) {
    console.error('errors or no successful requests: failing');
    process.exitCode = 1;
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) await serve(process.argv[serveAt + 1]);
else await main();
