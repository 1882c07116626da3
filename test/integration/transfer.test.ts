import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { freshDb } from '../support/db.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo } from '../../src/demo/seed.ts';
import { exportPlatform, importPlatform, readManifest } from '../../src/db/transfer.ts';
import { pgProblem } from '../support/db.ts';

const pgUp = pgProblem === null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-export-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the demo platform moves from SQLite to PostgreSQL and back, verified table by table', { skip: pgUp ? false : 'PostgreSQL 不可用' }, async () => {
  const source = await freshDb('sqlite');
  const target = await freshDb('postgres');
  const back = await freshDb('sqlite');
  try {
    await loadDemo(createServiceContext(source.db, configFromEnv({})));
    const manifest = await exportPlatform(source.db, path.join(tmp, 'a'));
    const byName = Object.fromEntries(manifest.tables.map((t) => [t.name, t]));
    assert.ok(byName.agencies.rows >= 2);
    assert.ok(byName.users.rows >= 7);
    assert.ok(byName.audit_events.rows >= 1);
    // Parents come before the tables that reference them.
    const order = manifest.tables.map((t) => t.name);
    assert.ok(order.indexOf('agencies') < order.indexOf('users'));
    assert.ok(order.indexOf('users') < order.indexOf('user_roles'));

    const rows = await importPlatform(target.db, path.join(tmp, 'a'));
    assert.deepEqual(rows.filter((r) => !r.ok), []);
    assert.equal(rows.length, manifest.tables.length);
    // The audit chain survives the move, and new rows get fresh ids after the imported ones.
    const ctx = createServiceContext(target.db, configFromEnv({}));
    assert.equal((await ctx.repos.audit.verify()).ok, true);
    const added = await ctx.repos.agencies.insert({ code: 'newone', name: '新机关', short_name: null, parent_id: null, credit_code: '11431281006109018N', address: '', postcode: '', office_hours: '', phone: '', fax: '', email: '', website: '', office_name: '', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: new Date().toISOString() });
    assert.ok(added.id > Math.max(...(await target.db.kysely.selectFrom('agencies').select('id').where('code', '!=', 'newone').execute()).map((a) => a.id)));
    await target.db.kysely.deleteFrom('agencies').where('code', '=', 'newone').execute();

    // And back to SQLite: the same checksums.
    await exportPlatform(target.db, path.join(tmp, 'b'));
    const again = await importPlatform(back.db, path.join(tmp, 'b'));
    assert.deepEqual(again.filter((r) => !r.ok), []);
    const m2 = readManifest(path.join(tmp, 'b'));
    assert.deepEqual(m2.tables.map((t) => [t.name, t.checksum]), manifest.tables.map((t) => [t.name, t.checksum]));
  } finally {
    await source.drop();
    await target.drop();
    await back.drop();
  }
});

test('import refuses a database that is not empty, and a tampered export fails verification', async () => {
  const source = await freshDb('sqlite');
  const target = await freshDb('sqlite');
  try {
    await loadDemo(createServiceContext(source.db, configFromEnv({})));
    const dir = path.join(tmp, 'c');
    await exportPlatform(source.db, dir);
    await assert.rejects(importPlatform(source.db, dir), /不是空库/);
    // Change one value in the export: the imported table no longer matches its manifest checksum.
    const file = path.join(dir, 'agencies.ndjson');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('洪江市教育局', '洪江市教育厅'));
    const rows = await importPlatform(target.db, dir);
    assert.deepEqual(rows.filter((r) => !r.ok).map((r) => r.table), ['agencies']);
    const n = await sql<{ n: number }>`select count(*) as n from agencies`.execute(target.db.kysely);
    assert.equal(Number(n.rows[0].n), 2);
  } finally {
    await source.drop();
    await target.drop();
  }
});
