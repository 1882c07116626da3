// Durability of acknowledged submissions (DESIGN.md invariants): a real server process over a
// SQLite file receives 1,000 concurrent public submissions and is killed with SIGKILL in the
// middle. Every submission that got its 201 is in the database exactly once; retrying the others
// with their Idempotency-Key after a restart stores each of them once more, never twice.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { residentIdCheckChar } from '../../src/domain/identity.ts';

const TOTAL = 1000;
const KILL_AFTER = 300;
const CONCURRENCY = 100;

const dirs: string[] = [];
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(file: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve', '--db', file, '--port', String(port)], {
    cwd: process.cwd(),
    env: { ...process.env, GONGKAI_RATE_LIMIT_PUBLIC: '0', GONGKAI_JOBS: 'off', GONGKAI_SECRET: 'durability', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
}

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

test('1,000 concurrent submissions, SIGKILL in the middle: no acknowledged application is lost or doubled', { timeout: 600_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gk-durability-'));
  dirs.push(dir);
  const file = join(dir, 'gongkai.sqlite');
  {
    const db = openDb({ dialect: 'sqlite', file });
    await migrateToLatest(db);
    await db.kysely.insertInto('agencies').values({
      code: 'durab', name: '洪江市教育局', short_name: null, parent_id: null, credit_code: '11431281006109018N', address: '', postcode: '',
      office_hours: '', phone: '', fax: '', email: '', website: '', office_name: '', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: new Date().toISOString(),
    }).execute();
    await db.close();
  }
  const port = await freePort();
  const server = await startServer(file, port);

  const acknowledged = new Map<number, string>(); // i → tracking code
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/applications`, {
          method: 'POST', body: bodyOf(i), headers: { 'content-type': 'application/json', 'idempotency-key': `durability-${i}-key` },
        });
        if (res.status === 201) {
          acknowledged.set(i, ((await res.json()) as { trackingCode: string }).trackingCode);
          if (!killed && acknowledged.size >= KILL_AFTER) {
            killed = true;
            server.kill('SIGKILL');
          }
        } else {
          await res.arrayBuffer();
        }
      } catch { /* connection refused or reset: not acknowledged */ }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  assert.ok(killed, 'the server was killed mid-run');
  assert.ok(acknowledged.size >= KILL_AFTER && acknowledged.size < TOTAL, `acknowledged ${acknowledged.size}`);
  await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : server.once('exit', r)));

  // After the crash: every acknowledged application is there, exactly once.
  {
    const db = openDb({ dialect: 'sqlite', file });
    const rows = await db.kysely.selectFrom('applications').select(['tracking_code', 'idempotency_key']).execute();
    await db.close();
    const byCode = new Map<string, number>();
    for (const r of rows) byCode.set(r.tracking_code, (byCode.get(r.tracking_code) ?? 0) + 1);
    for (const code of acknowledged.values()) assert.equal(byCode.get(code), 1, `acknowledged ${code} stored once`);
    assert.equal(new Set(rows.map((r) => r.idempotency_key)).size, rows.length, 'no key twice');
  }

  // Clients retry what was not acknowledged, with the same keys: 1,000 applications, each once.
  const port2 = await freePort();
  const again = await startServer(file, port2);
  let i2 = 0;
  const retry = async () => {
    while (i2 < TOTAL) {
      const i = i2++;
      const res = await fetch(`http://127.0.0.1:${port2}/api/v1/applications`, {
        method: 'POST', body: bodyOf(i), headers: { 'content-type': 'application/json', 'idempotency-key': `durability-${i}-key` },
      });
      assert.equal(res.status, 201);
      const code = ((await res.json()) as { trackingCode: string }).trackingCode;
      if (acknowledged.has(i)) assert.equal(code, acknowledged.get(i), 'a retry returns the first acknowledgement');
    }
  };
  await Promise.all(Array.from({ length: 50 }, retry));
  again.kill('SIGTERM');
  await new Promise((r) => (again.exitCode !== null ? r(null) : again.once('exit', r)));
  const db = openDb({ dialect: 'sqlite', file });
  const { n } = await db.kysely.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const events = await db.kysely.selectFrom('application_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await db.close();
  assert.equal(Number(n), TOTAL);
  assert.equal(Number(events.n), TOTAL, 'one received event per application');
});
