// Several instances (README "Running several instances"; issue 7 item 1): two real `gongkai serve`
// processes start at the same moment on one fresh PostgreSQL database, with the same GONGKAI_SECRET
// and the same GONGKAI_STORAGE_DIR, both running the scheduler. What one instance does, the other
// sees: a session opened on A works on B and a sign-out on B ends it on A; registrations spread over
// both get index numbers 1..N without a gap or a repeat; an upload through A downloads through B;
// each scheduled job runs once for the period although both schedulers tick all the time.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgDatabase, pgProblem } from '../support/db.ts';
import { HttpClient, killServers, startServer, stopServer, type ServerProcess } from '../support/server.ts';
import { openDb, type Db } from '../../src/db/connection.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { createAgency, createUser } from '../../src/services/account.service.ts';
import { chinaDateOf } from '../../src/domain/dates.ts';
import { JOBS } from '../../src/jobs/index.ts';
import type { Actor } from '../../src/services/actor.ts';

const SECRET = 'multi-instance-shared-secret';
const PASSWORD = 'Multi-instance-2026';
const CLERK = { username: 'mclerk', displayName: '多实例经办人' };
const REGISTRATIONS = 40;
const SYSTEM: Actor = { kind: 'system', label: '测试', ip: '' };

const today = () => chinaDateOf(new Date());

/** A registration form as the staff console posts it. */
const documentForm = (csrf: string, i: number) => ({
  _csrf: csrf, intent: 'register', title: `多实例登记测试文件第${i}号`, docNumber: `洪教发〔2026〕${i}号`, createdOn: today(), category: 'zcwj',
  genre: '通知', keywords: '多实例', summary: '两个实例同时登记。', body: '各中小学：\n请知悉。', disclosure: 'proactive', validity: 'valid', art20Class: 'none',
});

/** `gongkai_job_runs_total` of one instance: job → status → count. */
async function jobTicks(server: ServerProcess): Promise<Map<string, Record<string, number>>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const out = new Map<string, Record<string, number>>();
  for (const m of text.matchAll(/^gongkai_job_runs_total\{job="([^"]+)",status="([^"]+)"\} (\d+)$/gm)) {
    out.set(m[1], { ...out.get(m[1]), [m[2]]: Number(m[3]) });
  }
  return out;
}

describe('two gongkai serve processes on one PostgreSQL database', {
  // Outside CI only: importing test/support/db.ts already failed the run in CI when PostgreSQL is missing.
  skip: pgProblem ? `PostgreSQL 不可用（${pgProblem}）：设置 TEST_DATABASE_URL 或启动本机 PostgreSQL` : false,
  timeout: 300_000,
}, () => {
  let dropDb: () => Promise<void>;
  let storageDir: string;
  let db: Db;
  let ctx: ServiceContext;
  let a: ServerProcess;
  let b: ServerProcess;

  before(async () => {
    const created = await createPgDatabase();
    dropDb = created.drop;
    storageDir = await mkdtemp(join(tmpdir(), 'gk-multi-files-'));
    const env = { GONGKAI_SECRET: SECRET, GONGKAI_STORAGE_DIR: storageDir, GONGKAI_JOBS: 'on', GONGKAI_SCHEDULER_INTERVAL_MS: '200' };
    // Both start on the empty database at once: both migrate (Kysely's migration lock lets one do
    // it) and both schedulers take their first tick together.
    [a, b] = await Promise.all([startServer(created.url, env), startServer(created.url, env)]);
    db = openDb({ dialect: 'postgres', url: created.url });
    ctx = createServiceContext(db, { ...configFromEnv({}), secret: SECRET, storageDir });
    const agency = await createAgency(ctx, SYSTEM, { code: 'multi', name: '洪江市教育局', creditCode: '11431281006109018N' });
    await createUser(ctx, SYSTEM, { username: CLERK.username, displayName: CLERK.displayName, password: PASSWORD, agencyId: agency.id, departmentId: null, roles: ['clerk'] });
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => stopServer(s)));
    killServers();
    await db?.close();
    await dropDb?.();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  /** Signs the clerk in through the login form of `server`. */
  async function signIn(server: ServerProcess): Promise<HttpClient> {
    const c = new HttpClient();
    const res = await c.signIn(server.url, CLERK.username, PASSWORD);
    assert.equal(res.status, 303, res.text.slice(0, 300));
    assert.equal(res.location, '/console');
    return c;
  }

  test('a session opened on A works on B; signing out on B ends it on A', async () => {
    const c = await signIn(a);
    const onB = await c.get(`${b.url}/console`);
    assert.equal(onB.status, 200);
    assert.ok(onB.text.includes(CLERK.displayName), 'B knows who is signed in');
    const sessionCookies = new Map(c.cookies);

    // The CSRF token B's page gives is checked by B; the sign-out form is posted there.
    const out = await c.post(`${b.url}/logout`, { _csrf: await c.csrf(`${b.url}/console`) });
    assert.equal(out.status, 303);
    assert.equal(out.location, '/login');

    const replay = new HttpClient();
    replay.cookies = sessionCookies;
    const onA = await replay.get(`${a.url}/console`);
    assert.equal(onA.status, 303, 'A no longer accepts the signed-out session');
    assert.match(onA.location ?? '', /^\/login\?next=/);
    assert.ok(!onA.text.includes(CLERK.displayName));
  });

  test(`${REGISTRATIONS} registrations at once, half through A and half through B: index numbers 1..${REGISTRATIONS} of the year`, async () => {
    const c = await signIn(a);
    // One CSRF token from A, accepted by B too: both sign with the shared secret.
    const csrf = await c.csrf(`${a.url}/console/documents/new`);
    const results = await Promise.all(Array.from({ length: REGISTRATIONS }, (_, i) =>
      c.post(`${(i % 2 ? b : a).url}/console/documents`, documentForm(csrf, i + 1))));
    const ids = results.map((r) => {
      assert.equal(r.status, 303, r.text.slice(0, 500));
      const m = (r.location ?? '').match(/^\/console\/documents\/(\d+)\?done=registered$/);
      assert.ok(m, `redirect to the registered document: ${r.location}`);
      return Number(m[1]);
    });
    assert.equal(new Set(ids).size, REGISTRATIONS);

    const rows = await db.kysely.selectFrom('documents').select(['id', 'index_number', 'index_year', 'index_serial']).execute();
    assert.equal(rows.length, REGISTRATIONS);
    assert.deepEqual(rows.map((r) => r.id).sort((x, y) => x - y), [...ids].sort((x, y) => x - y));
    const year = Number(today().slice(0, 4));
    assert.ok(rows.every((r) => r.index_year === year));
    assert.deepEqual(rows.map((r) => Number(r.index_serial)).sort((x, y) => x - y), Array.from({ length: REGISTRATIONS }, (_, i) => i + 1), 'serials 1..N, each once');
    assert.equal(new Set(rows.map((r) => r.index_number)).size, REGISTRATIONS, 'index numbers unique');
    for (const r of rows) assert.equal(r.index_number, `11431281006109018N/${year}-${String(r.index_serial).padStart(5, '0')}`);

    // Each document page shows its number on the other instance as well.
    const first = rows.find((r) => Number(r.index_serial) === 1)!;
    const page = await c.get(`${b.url}/console/documents/${first.id}`);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(first.index_number!));
  });

  test('an attachment uploaded through A downloads through B, byte for byte', async () => {
    const c = await signIn(a);
    const doc = await db.kysely.selectFrom('documents').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    // A PNG signature followed by bytes unique to this run.
    const data = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096)]);
    const page = `${a.url}/console/documents/${doc.id}`;
    const up = await c.postFile(`${page}/attachments`, { _csrf: await c.csrf(page) }, { name: 'file', filename: '学区图.png', type: 'image/png', data });
    assert.equal(up.status, 303, up.text.slice(0, 500));
    assert.equal(up.location, `/console/documents/${doc.id}?done=attached`);

    const onB = await c.get(`${b.url}/console/documents/${doc.id}`);
    const link = onB.text.match(new RegExp(`href="(/console/documents/${doc.id}/attachments/\\d+)"`));
    assert.ok(link, 'B lists the attachment');
    const download = await c.get(`${b.url}${link[1]}`);
    assert.equal(download.status, 200);
    assert.ok(download.body.equals(data), 'same bytes');
  });

  test('each scheduled job ran once per period, though both schedulers kept ticking', async () => {
    const readRuns = () => db.kysely.selectFrom('job_runs').selectAll().orderBy('job').orderBy('period').execute();
    // Wait until both instances have ticked every job several times (200 ms apart), and take the
    // instances' counters between two identical reads of job_runs with every run finished, so that
    // no run starts or ends while they are compared.
    const deadline = Date.now() + 60_000;
    let ticks: Map<string, Record<string, number>>[];
    let runs: Awaited<ReturnType<typeof readRuns>>;
    for (;;) {
      const before = await readRuns();
      ticks = await Promise.all([jobTicks(a), jobTicks(b)]);
      runs = await readRuns();
      const busy = ticks.every((t) => JOBS.every((j) => (t.get(j.name)?.claimed_elsewhere ?? 0) >= 5));
      if (busy && JSON.stringify(before) === JSON.stringify(runs) && runs.every((r) => r.finished_at)) break;
      assert.ok(Date.now() < deadline, `schedulers did not settle: ${JSON.stringify(ticks.map((t) => [...t]))}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // Periods differ by job (a CST day, a quarter of an hour …) and one may have ended during the
    // test: each (job, period) has one job_runs row, and the two instances together ran the job
    // exactly as many times as it has rows.
    for (const job of JOBS) {
      const rows = runs.filter((r) => r.job === job.name);
      const ran = ticks.map((t) => t.get(job.name)?.ran ?? 0);
      assert.ok(rows.length >= 1, `${job.name} ran`);
      assert.equal(ran[0] + ran[1], rows.length, `${job.name}: one run per period across both instances (A ${ran[0]}, B ${ran[1]}, periods ${rows.map((r) => r.period)})`);
      assert.deepEqual(ticks.map((t) => t.get(job.name)?.failed ?? 0), [0, 0], `${job.name} never failed`);
    }
    const instances = new Set(runs.map((r) => r.instance));
    assert.ok([...instances].every((i) => i.endsWith(`:${a.child.pid}`) || i.endsWith(`:${b.child.pid}`)), 'claimed by the two servers');
  });
});
