import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDialect } from '../support/db.ts';

forEachDialect('audit chain', (s) => {
  const append = (i: number) => s.ctx.transaction((r) => r.audit.append({
    actorId: null, actorLabel: '测试', agencyId: null, action: `test.${i}`, subjectType: 'thing', subjectId: i, summary: { i }, ip: '127.0.0.1',
  }));

  test('an intact chain verifies', async () => {
    for (let i = 1; i <= 5; i++) await append(i);
    const r = await s.ctx.repos.audit.verify();
    assert.deepEqual(r, { ok: true, checked: 5 });
  });

  test('concurrent appends keep one linear chain', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(100 + i)));
    const r = await s.ctx.repos.audit.verify();
    assert.equal(r.ok, true);
    assert.equal(r.checked, 25);
  });

  test('an altered row is named', async () => {
    const victim = await s.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'test.3').executeTakeFirstOrThrow();
    await sql`update audit_events set summary = '{"i":999}' where id = ${victim.id}`.execute(s.db.kysely);
    const r = await s.ctx.repos.audit.verify();
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.brokenAt, victim.id);
    assert.match(!r.ok ? r.reason : '', /已被修改/);
  });

  test('a deleted row breaks the link of the next one', async () => {
    // Restore row 3 first by recomputing is impossible (that is the point), so check deletion on a fresh tail.
    const rows = await s.db.kysely.selectFrom('audit_events').select('id').orderBy('id').execute();
    await sql`delete from audit_events where id < ${rows[3].id}`.execute(s.db.kysely);
    const r = await s.ctx.repos.audit.verify();
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.brokenAt, rows[3].id);
    assert.match(!r.ok ? r.reason : '', /删除/);
  });
});
