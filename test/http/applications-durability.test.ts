// Durability of acknowledged writes (DESIGN.md invariants; issue 7 item 3), on SQLite and on
// PostgreSQL: a real server process takes concurrent writes and is killed with SIGKILL in the
// middle. Every write that was acknowledged is in the database exactly once after the crash.
// - Public applications: 1,000 concurrent submissions; retrying the unacknowledged ones with their
//   Idempotency-Key after a restart stores each of them once more, never twice.
// - Document registrations by signed-in staff (the console form and the documents API): each
//   acknowledged one keeps its index number, and the index numbers have no gap, before and after
//   the restart.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db, type Dialect } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { residentIdCheckChar } from '../../src/domain/identity.ts';
import { chinaDateOf } from '../../src/domain/dates.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { createAgency, createUser } from '../../src/services/account.service.ts';
import type { Actor } from '../../src/services/actor.ts';
import { DIALECTS, createPgDatabase, pgProblem } from '../support/db.ts';
import { HttpClient, exited, killServers, startServer, stopServer, type ServerProcess } from '../support/server.ts';

const TOTAL = 1000;
const KILL_AFTER = 300;
const CONCURRENCY = 100;

const DOCS = 300;
const DOCS_KILL_AFTER = 100;
const DOCS_CONCURRENCY = 30;
const DOCS_AFTER_RESTART = 20;

const SYSTEM: Actor = { kind: 'system', label: '测试', ip: '' };
const PASSWORD = 'Durability-2026';
const CREDIT_CODE = '11431281006109018N';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  killServers();
  for (const c of cleanups) await c();
});

/** A fresh database for spawned servers: a SQLite file in a temporary directory, or a new PostgreSQL database. */
async function freshTarget(dialect: Dialect): Promise<{ db: string; open(): Db }> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'gk-durability-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'gongkai.sqlite');
    return { db: file, open: () => openDb({ dialect: 'sqlite', file }) };
  }
  const created = await createPgDatabase();
  cleanups.push(created.drop);
  return { db: created.url, open: () => openDb({ dialect: 'postgres', url: created.url }) };
}

/** Migrates the database and adds the agency `durab` with a clerk `dclerk`. */
async function seed(target: { open(): Db }): Promise<void> {
  const db = target.open();
  try {
    await migrateToLatest(db);
    const ctx = createServiceContext(db, { ...configFromEnv({}), secret: 'durability' });
    const agency = await createAgency(ctx, SYSTEM, { code: 'durab', name: '洪江市教育局', creditCode: CREDIT_CODE });
    await createUser(ctx, SYSTEM, { username: 'dclerk', displayName: '耐久性经办人', password: PASSWORD, agencyId: agency.id, departmentId: null, roles: ['clerk'] });
  } finally {
    await db.close();
  }
}

async function withDb<T>(target: { open(): Db }, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = target.open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Sends writes 0..total-1 from `concurrency` workers and kills the server with SIGKILL once
 * `killAfter` of them are acknowledged; resolves, after the exit, to the acknowledgements (i → what
 * `send` resolved to; `send` resolves to null, or throws, for a write that was not acknowledged).
 */
async function writeUntilKilled<T>(server: ServerProcess, total: number, concurrency: number, killAfter: number, send: (i: number) => Promise<T | null>): Promise<Map<number, T>> {
  const acknowledged = new Map<number, T>();
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      try {
        const ack = await send(i);
        if (ack === null) continue;
        acknowledged.set(i, ack);
        if (!killed && acknowledged.size >= killAfter) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      } catch { /* connection refused or reset: not acknowledged */ }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  assert.ok(killed, 'the server was killed mid-run');
  assert.ok(acknowledged.size >= killAfter && acknowledged.size < total, `acknowledged ${acknowledged.size}`);
  await exited(server.child);
  return acknowledged;
}

const skipOf = (dialect: Dialect) => (dialect === 'postgres' && pgProblem ? `PostgreSQL 不可用（${pgProblem}）：设置 TEST_DATABASE_URL 或启动本机 PostgreSQL` : false);

// ---- public applications ------------------------------------------------------------------------

const idNumber = (i: number) => {
  const first17 = `43128119${String(70 + (i % 30)).padStart(2, '0')}0101${String(i % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};

const bodyOf = (i: number) => JSON.stringify({
  applicant: { kind: 'person', name: `申请人${i}`, idType: 'resident_id', idNumber: idNumber(i), phone: `139${String(i).padStart(8, '0')}` },
  agency: 'durab',
  description: `耐久性测试第${i}号申请：请公开学校安全检查记录`,
  format: 'electronic',
  delivery: 'online',
});

for (const dialect of DIALECTS) {
  test(`1,000 concurrent submissions, SIGKILL in the middle: no acknowledged application is lost or doubled [${dialect}]`, { skip: skipOf(dialect), timeout: 600_000 }, async () => {
    const target = await freshTarget(dialect);
    await seed(target);
    const server = await startServer(target.db);

    const acknowledged = await writeUntilKilled(server, TOTAL, CONCURRENCY, KILL_AFTER, async (i) => { // i → tracking code
      const res = await fetch(`${server.url}/api/v1/applications`, {
        method: 'POST', body: bodyOf(i), headers: { 'content-type': 'application/json', 'idempotency-key': `durability-${i}-key` },
      });
      if (res.status === 201) return ((await res.json()) as { trackingCode: string }).trackingCode;
      await res.arrayBuffer();
      return null;
    });

    // After the crash: every acknowledged application is there, exactly once.
    const rows = await withDb(target, (db) => db.kysely.selectFrom('applications').select(['tracking_code', 'idempotency_key']).execute());
    const byCode = new Map<string, number>();
    for (const r of rows) byCode.set(r.tracking_code, (byCode.get(r.tracking_code) ?? 0) + 1);
    for (const code of acknowledged.values()) assert.equal(byCode.get(code), 1, `acknowledged ${code} stored once`);
    assert.equal(new Set(rows.map((r) => r.idempotency_key)).size, rows.length, 'no key twice');

    // Clients retry what was not acknowledged, with the same keys: 1,000 applications, each once.
    const again = await startServer(target.db);
    let i2 = 0;
    const retry = async () => {
      while (i2 < TOTAL) {
        const i = i2++;
        const res = await fetch(`${again.url}/api/v1/applications`, {
          method: 'POST', body: bodyOf(i), headers: { 'content-type': 'application/json', 'idempotency-key': `durability-${i}-key` },
        });
        assert.equal(res.status, 201);
        const code = ((await res.json()) as { trackingCode: string }).trackingCode;
        if (acknowledged.has(i)) assert.equal(code, acknowledged.get(i), 'a retry returns the first acknowledgement');
      }
    };
    await Promise.all(Array.from({ length: 50 }, retry));
    await stopServer(again);
    const counts = await withDb(target, async (db) => ({
      applications: Number((await db.kysely.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      events: Number((await db.kysely.selectFrom('application_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    }));
    assert.equal(counts.applications, TOTAL);
    assert.equal(counts.events, TOTAL, 'one received event per application');
  });
}

// ---- document registrations ---------------------------------------------------------------------

/** Registrations by one signed-in clerk: even numbers through the console form, odd ones through the API. */
class Registrar {
  private constructor(private readonly browser: HttpClient, private readonly csrf: string, private readonly token: string) {}

  /** Signs in over HTTP: the login form (a session) and the token endpoint (an API token). */
  static async signIn(server: ServerProcess): Promise<Registrar> {
    const browser = new HttpClient();
    const res = await browser.signIn(server.url, 'dclerk', PASSWORD);
    assert.equal(res.status, 303, res.text.slice(0, 300));
    const csrf = await browser.csrf(`${server.url}/console/documents/new`);
    const tokenRes = await fetch(`${server.url}/api/v1/auth/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dclerk', password: PASSWORD, name: '耐久性测试' }),
    });
    assert.equal(tokenRes.status, 200);
    return new Registrar(browser, csrf, ((await tokenRes.json()) as { token: string }).token);
  }

  static title = (i: number) => `耐久性登记测试文件第${i}号`;

  /** Registers document i; resolves to its id (and index number, from the API) once acknowledged, null otherwise. */
  async register(server: ServerProcess, i: number): Promise<{ id: number; indexNumber?: string } | null> {
    const fields = {
      title: Registrar.title(i), docNumber: `洪教发〔2026〕${i}号`, createdOn: chinaDateOf(new Date()), category: 'zcwj', genre: '通知',
      summary: '耐久性测试。', disclosure: 'proactive',
    };
    if (i % 2 === 0) {
      const res = await this.browser.post(`${server.url}/console/documents`, {
        _csrf: this.csrf, intent: 'register', ...fields, body: '各中小学：请知悉。', validity: 'valid', art20Class: 'none',
      });
      const m = res.status === 303 ? (res.location ?? '').match(/^\/console\/documents\/(\d+)\?done=registered$/) : null;
      return m ? { id: Number(m[1]) } : null;
    }
    const res = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ agency: 'durab', ...fields, body: '<p>各中小学：请知悉。</p>' }),
    });
    if (res.status !== 201) {
      await res.arrayBuffer();
      return null;
    }
    const json = (await res.json()) as { id: number; indexNumber: string };
    return { id: json.id, indexNumber: json.indexNumber };
  }
}

const documentRows = (db: Db) => db.kysely.selectFrom('documents').select(['id', 'title', 'index_number', 'index_year', 'index_serial']).execute();

/**
 * The index numbers of the year are exactly 1..n, each once, and the counter stands at n.
 *
 * What a gap would mean after a kill: the serial is taken from document_index_counters inside the
 * transaction that inserts the document (document.service.ts registerDocument → assignIndexNumber).
 * A registration the kill interrupted never committed, so its counter increment rolled back with
 * it: the next registration takes the same serial again and no number is skipped. Only a serial
 * taken outside the document's transaction (a sequence, a counter committed on its own) could leave
 * a hole here.
 */
async function assertGapFree(db: Db, year: number): Promise<number> {
  const rows = await documentRows(db);
  const serials = rows.map((r) => Number(r.index_serial)).sort((a, b) => a - b);
  assert.deepEqual(serials, Array.from({ length: rows.length }, (_, k) => k + 1), 'serials 1..n, each once');
  for (const r of rows) {
    assert.equal(r.index_year, year);
    assert.equal(r.index_number, `${CREDIT_CODE}/${year}-${String(r.index_serial).padStart(5, '0')}`);
  }
  const counter = await db.kysely.selectFrom('document_index_counters').select('last_serial').where('year', '=', year).executeTakeFirst();
  assert.equal(Number(counter?.last_serial ?? 0), rows.length, 'the counter stands at the last serial');
  return rows.length;
}

for (const dialect of DIALECTS) {
  test(`${DOCS} concurrent document registrations, SIGKILL in the middle: each acknowledged one kept once with its index number, no gap [${dialect}]`, { skip: skipOf(dialect), timeout: 600_000 }, async () => {
    const target = await freshTarget(dialect);
    await seed(target);
    const year = Number(chinaDateOf(new Date()).slice(0, 4));
    const server = await startServer(target.db);
    const registrar = await Registrar.signIn(server);

    const acknowledged = await writeUntilKilled(server, DOCS, DOCS_CONCURRENCY, DOCS_KILL_AFTER, (i) => registrar.register(server, i));

    // After the crash: every acknowledged registration is there once, under the id and index number
    // it was acknowledged with; all the numbers together (including registrations that committed
    // but whose answer the kill cut off) have no gap.
    const stored = await withDb(target, async (db) => {
      const rows = await documentRows(db);
      for (const [i, ack] of acknowledged) {
        const found = rows.filter((r) => r.title === Registrar.title(i));
        assert.equal(found.length, 1, `document ${i} stored once`);
        assert.equal(found[0].id, ack.id);
        assert.ok(found[0].index_number, `document ${i} has its index number`);
        if (ack.indexNumber) assert.equal(found[0].index_number, ack.indexNumber);
      }
      assert.equal(new Set(rows.map((r) => r.title)).size, rows.length, 'no registration twice');
      return assertGapFree(db, year);
    });
    assert.ok(stored >= acknowledged.size);

    // After a restart the same session and token still work, and numbering continues from the last
    // committed serial.
    const again = await startServer(target.db);
    const more = await Promise.all(Array.from({ length: DOCS_AFTER_RESTART }, (_, k) => registrar.register(again, DOCS + k)));
    assert.ok(more.every((ack) => ack !== null), 'registrations after the restart are acknowledged');
    await stopServer(again);
    await withDb(target, async (db) => {
      assert.equal(await assertGapFree(db, year), stored + DOCS_AFTER_RESTART);
      const restarted = new Set(Array.from({ length: DOCS_AFTER_RESTART }, (_, k) => Registrar.title(DOCS + k)));
      const serials = (await documentRows(db)).filter((r) => restarted.has(r.title)).map((r) => Number(r.index_serial));
      assert.deepEqual(serials.sort((a, b) => a - b), Array.from({ length: DOCS_AFTER_RESTART }, (_, k) => stored + k + 1), 'new registrations continue after the last committed serial');
    });
  });
}
