// HTTP throughput of the real app against a bare node:http server that answers the same bytes
// from memory, measured in the same run: GET /healthz (one `select 1`), GET / (the home page:
// agency queries, the areas' lists, Preact rendering, CSRF cookie, security headers) and the
// disclosure guide (the portal shell without lists).
//
//   node --import tsx bench/http.ts                       # 50 connections × 5 s per case
//   BENCH_CONNECTIONS=20 BENCH_SECONDS=3 node --import tsx bench/http.ts
//
// The servers run in a child process (the app on a fresh in-memory SQLite database with the demo
// data; the bare server beside it) so that the load generator — a keep-alive loop over a node:http
// Agent in this process, on 127.0.0.1 only — does not share their event loop. Each case gets a
// 1 s warm-up that is not counted; then the two servers take turns in 1 s slices. Besides req/s and
// latency it prints the server process's CPU time per request (from process.cpuUsage(), so it holds
// on a busy machine) and how much of a core the generator used (near 100 %: the client is the limit). On a 2-core machine the generator takes one core: the bare
// server's figure is therefore partly bounded by the client, which makes the ratio a conservative
// (app-favouring) estimate of the framework's overhead.
import http from 'node:http';
import os from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Math.max(1, Math.round(Number(process.env.BENCH_SECONDS ?? 5)));
const WARMUP_SECONDS = 1;
// The guide is the portal shell alone (two agency queries and rendering); the home page adds the
// other areas' lists (latest documents, rules, reports, answers).
const PATHS = ['/healthz', '/', '/gk/hjjyj/guide'] as const;

interface Ports { app: number; bare: number }

// ---- child: the servers ----

async function serve(): Promise<void> {
  const { openDb } = await import('../src/db/connection.ts');
  const { migrateToLatest } = await import('../src/db/migrate.ts');
  const { createServiceContext } = await import('../src/services/context.ts');
  const { configFromEnv } = await import('../src/config.ts');
  const { buildApp } = await import('../src/web/app.ts');
  const { loadDemo } = await import('../src/demo/seed.ts');

  const db = openDb({ dialect: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const ctx = createServiceContext(db, { ...configFromEnv({}), secret: 'bench-secret' });
  await loadDemo(ctx);
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });

  // The bare server answers exactly the bytes the app answered, from memory.
  const canned = new Map<string, { type: string; body: Buffer }>();
  for (const path of PATHS) {
    const res = await app.inject({ url: path, headers: { accept: 'text/html' } });
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`);
    canned.set(path, { type: String(res.headers['content-type']), body: res.rawPayload });
  }
  const bare = http.createServer((req, res) => {
    const c = canned.get(req.url ?? '');
    if (!c) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': c.type, 'content-length': c.body.length });
    res.end(c.body);
  });
  bare.keepAliveTimeout = 30_000;
  app.server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const ports: Ports = { app: (app.server.address() as AddressInfo).port, bare: (bare.address() as AddressInfo).port };
  process.send!({ ports, sizes: Object.fromEntries([...canned].map(([k, v]) => [k, v.body.length])) });
  // CPU time of this process on request: the servers' cost per request, whatever else the machine runs.
  process.on('message', (m) => { if (m === 'cpu') { const u = process.cpuUsage(); process.send!({ cpu: u.user + u.system }); } });
  process.on('disconnect', () => process.exit(0));
}

// ---- parent: the load generator ----

interface Result { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number; serverCpuUsPerRequest: number; clientCpuShare: number }

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function once(agent: http.Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers: { accept: 'text/html' } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Sample { latencies: number[]; errors: number; seconds: number; serverCpuUs: number; clientCpuUs: number }

let child: ChildProcess;

/** CPU microseconds the server process has used so far. */
function serverCpu(): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve((m as { cpu: number }).cpu));
    child.send('cpu');
  });
}

function emptySample(): Sample {
  return { latencies: [], errors: 0, seconds: 0, serverCpuUs: 0, clientCpuUs: 0 };
}

/** `connections` keep-alive loops, each sending its next request when the previous answered, for `seconds`. */
async function load(agent: http.Agent, port: number, path: string, seconds: number, into: Sample): Promise<void> {
  const cpu0 = await serverCpu();
  const client0 = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const status = await once(agent, port, path);
        if (status !== 200) into.errors++;
        else into.latencies.push(performance.now() - t0);
      } catch {
        into.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  into.seconds += (performance.now() - start) / 1000;
  const client = process.cpuUsage(client0);
  into.clientCpuUs += client.user + client.system;
  into.serverCpuUs += (await serverCpu()) - cpu0;
}

function summarise(s: Sample): Result {
  const sorted = Float64Array.from(s.latencies).sort();
  return {
    requests: sorted.length, errors: s.errors, seconds: s.seconds, rps: sorted.length / s.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99),
    serverCpuUsPerRequest: s.serverCpuUs / Math.max(1, sorted.length), clientCpuShare: s.clientCpuUs / (s.seconds * 1e6),
  };
}

/**
 * Both servers for one path, in alternating 1 s slices (bare, app, app, bare, …) so that a change
 * in the machine's load during the run (other processes) weighs on both alike.
 */
async function measurePair(ports: Ports, path: string): Promise<{ bare: Result; app: Result }> {
  const agents = {
    bare: new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS, maxFreeSockets: CONNECTIONS }),
    app: new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS, maxFreeSockets: CONNECTIONS }),
  };
  const warm = emptySample();
  await load(agents.bare, ports.bare, path, WARMUP_SECONDS, warm);
  await load(agents.app, ports.app, path, WARMUP_SECONDS, warm);
  const samples = { bare: emptySample(), app: emptySample() };
  for (let i = 0; i < SECONDS; i++) {
    const order = i % 2 === 0 ? (['bare', 'app'] as const) : (['app', 'bare'] as const);
    for (const which of order) await load(agents[which], ports[which], path, 1, samples[which]);
  }
  agents.bare.destroy();
  agents.app.destroy();
  return { bare: summarise(samples.bare), app: summarise(samples.app) };
}

async function main(): Promise<void> {
  child = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ ports: Ports; sizes: Record<string, number> }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { ports: Ports; sizes: Record<string, number> }));
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
  });
  const cpu = os.cpus();
  console.log(`HTTP throughput: app (Fastify + SQLite) vs bare node:http with the same bytes`);
  console.log(`${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per case (+${WARMUP_SECONDS} s warm-up), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const fmt = (r: Result) => `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  server ${r.serverCpuUsPerRequest.toFixed(0).padStart(5)} µs CPU/req  client ${(r.clientCpuShare * 100).toFixed(0).padStart(3)}% of a core${r.errors ? `  errors ${r.errors}` : ''}`;
  let failed = false;
  try {
    for (const path of PATHS) {
      const { bare, app } = await measurePair(ready.ports, path);
      console.log(`\nGET ${path} (${ready.sizes[path]} bytes)`);
      console.log(`  bare node:http  ${fmt(bare)}`);
      console.log(`  app             ${fmt(app)}`);
      console.log(`  ratio app/bare  ${(app.rps / bare.rps).toFixed(2)}× req/s, ${(app.serverCpuUsPerRequest / bare.serverCpuUsPerRequest).toFixed(1)}× server CPU per request`);
      if (app.errors || bare.errors || app.requests === 0) failed = true;
    }
  } finally {
    child.disconnect();
    child.kill();
  }
  if (failed) {
    console.error('errors or no successful requests: failing');
    process.exitCode = 1;
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
