import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import { makeWorld, personForm, registerOn, residentId, submitOnline, type World } from './applications-fixture.ts';
import { registerOfflineApplication, submitApplication } from '../../src/services/application-intake.service.ts';
import { caseView, findPossibleRepeats } from '../../src/services/application-case.service.ts';
import { DomainError, ForbiddenError, ValidationError } from '../../src/services/errors.ts';
import { isValidTrackingCode } from '../../src/domain/tracking-code.ts';

const NOW = new Date('2025-12-31T04:00:00Z');
const PUBLIC = { kind: 'public' as const, ip: '203.0.113.7' };

forEachDialect('application intake', (s) => {
  let w: World;
  let code: string;

  test('setup', async () => {
    w = await makeWorld(s.ctx);
    code = (await s.ctx.repos.agencies.byId(w.bureauId))!.code;
  });

  test('an online application is received today (CST) with an unguessable tracking code and an audited event', async () => {
    const r = await submitOnline(s.ctx, w);
    assert.equal(r.receivedOn, '2025-12-31');
    assert.equal(r.state, 'received');
    assert.ok(isValidTrackingCode(r.trackingCode));
    assert.equal(r.replayed, false);
    const row = await s.ctx.repos.applications.byId(r.id);
    assert.equal(row!.channel, 'online');
    assert.equal(row!.confirmed_on, '2025-12-31');
    const events = await s.ctx.repos.applications.events(r.id);
    assert.deepEqual(events.map((e) => [e.type, e.occurred_on, e.is_public]), [['received', '2025-12-31', 1]]);
    const audit = await s.ctx.repos.audit.forSubject('application', r.id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'application.submitted');
    assert.doesNotMatch(audit[0].summary, /13800138000|张晓明/, 'no personal data in the audit chain');
  });

  test('invalid submissions name each bad field and store nothing', async () => {
    const before = (await s.ctx.repos.applications.list({ agencyIds: [w.bureauId] }, 1, 1)).total;
    await assert.rejects(
      submitApplication(s.ctx, PUBLIC, { agencyCode: 'nope', form: { applicant: { kind: 'person', idType: 'resident_id', idNumber: '123' } } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        for (const f of ['agency', 'applicant.name', 'applicant.idNumber', 'applicant.phone', 'description', 'format', 'delivery']) assert.ok(f in e.fields!, f);
        return true;
      },
    );
    const after = (await s.ctx.repos.applications.list({ agencyIds: [w.bureauId] }, 1, 1)).total;
    assert.equal(after, before);
  });

  test('a retried submission with the same key returns the first application; other content with that key is refused', async () => {
    const input = { agencyCode: code, form: personForm(), idempotency: { source: 'form' as const, key: 'nonce-abcdefgh-1' } };
    const first = await submitApplication(s.ctx, PUBLIC, input);
    const again = await submitApplication(s.ctx, PUBLIC, input);
    assert.equal(again.id, first.id);
    assert.equal(again.trackingCode, first.trackingCode);
    assert.equal(again.replayed, true);
    await assert.rejects(
      submitApplication(s.ctx, PUBLIC, { ...input, form: personForm({ description: '另一份申请的内容描述' }) }),
      (e: unknown) => e instanceof DomainError && e.code === 'idempotency_conflict',
    );
    // the same key from the API is a different key
    const api = await submitApplication(s.ctx, PUBLIC, { ...input, idempotency: { source: 'api', key: 'nonce-abcdefgh-1' } });
    assert.notEqual(api.id, first.id);
    await assert.rejects(submitApplication(s.ctx, PUBLIC, { ...input, idempotency: { source: 'api', key: 'short' } }), ValidationError);
  });

  test('50 concurrent double-clicks with one key store exactly one application', async () => {
    const input = { agencyCode: code, form: personForm({ description: '并发提交测试：申请公开校车安全检查记录' }), idempotency: { source: 'form' as const, key: 'nonce-concurrent-xyz' } };
    const results = await Promise.all(Array.from({ length: 50 }, () => submitApplication(s.ctx, PUBLIC, input)));
    assert.equal(new Set(results.map((r) => r.id)).size, 1);
    assert.equal(results.filter((r) => !r.replayed).length, 1);
    const rows = await s.ctx.repos.applications.all({ agencyIds: [w.bureauId], text: '并发提交测试' });
    assert.equal(rows.length, 1);
    assert.equal((await s.ctx.repos.applications.events(rows[0].id)).length, 1);
  });

  test('100 concurrent different submissions are each stored once, with distinct codes', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      submitApplication(s.ctx, PUBLIC, { agencyCode: code, form: personForm({ description: `批量申请第${i}号：学校食堂检查记录` }), idempotency: { source: 'api', key: `bulk-key-${i}-abcdef` } })));
    assert.equal(new Set(results.map((r) => r.trackingCode)).size, 100);
    const rows = await s.ctx.repos.applications.all({ agencyIds: [w.bureauId], text: '批量申请第' });
    assert.equal(rows.length, 100);
    assert.equal((await s.ctx.repos.audit.verify()).ok, true);
  });

  test('offline registration: office only, own agency only, Art. 31 dates by channel', async () => {
    await assert.rejects(
      registerOfflineApplication(s.ctx, w.actor('clerk'), { agencyCode: code, form: personForm(), receipt: { channel: 'in_person', receivedOn: '2025-12-01' } }),
      ForbiddenError,
    );
    const other = (await s.ctx.repos.agencies.byId(w.users.otherOffice.agencyId))!.code;
    await assert.rejects(
      registerOfflineApplication(s.ctx, w.actor('office'), { agencyCode: other, form: personForm(), receipt: { channel: 'in_person', receivedOn: '2025-12-01' } }),
      ForbiddenError,
    );
    await assert.rejects(
      registerOfflineApplication(s.ctx, w.actor('office'), { agencyCode: code, form: personForm(), receipt: { channel: 'fax', receivedOn: '2025-12-01' } }),
      (e: unknown) => e instanceof ValidationError && 'confirmedOn' in e.fields!,
    );
    const fax = await registerOfflineApplication(s.ctx, w.actor('office'), {
      agencyCode: code, form: personForm(), receipt: { channel: 'fax', receivedOn: '2025-12-01', confirmedOn: '2025-12-02' },
    });
    assert.equal(fax.receivedOn, '2025-12-02');
    const v = await caseView(s.ctx, w.users.office, fax.id);
    assert.equal(v.arrivedOn, '2025-12-01');
    assert.equal(v.confirmedOn, '2025-12-02');
    assert.equal(v.channelLabel, '传真');
    const audit = await s.ctx.repos.audit.forSubject('application', fax.id);
    assert.equal(audit[0].action, 'application.registered');
  });

  test('repeat detection: earlier applications of the same applicant with similar text', async () => {
    const applicant = { idNumber: residentId('19850312', '456'), name: '李红', phone: '13973000001' };
    const first = await registerOn(s.ctx, w, '2025-10-10', personForm({ description: '申请公开洪江市2025年教师招聘考试成绩及录用名单' }, applicant));
    await registerOn(s.ctx, w, '2025-10-20', personForm({ description: '申请公开学校食堂食品安全检查记录' }, applicant));
    // same name and phone, no ID number match: still the same applicant
    await registerOn(s.ctx, w, '2025-11-03', personForm({ description: '请公开2025年洪江市教师招聘考试的成绩和录用名单' }, { ...applicant, idType: 'passport', idNumber: 'E12345678' }));
    const repeats = await findPossibleRepeats(s.ctx, w.users.office, { ...applicant, description: '要求公开2025年教师招聘考试成绩、录用名单' });
    assert.equal(repeats.length, 3);
    assert.ok(repeats[0].similar);
    assert.ok(repeats[1].similar);
    assert.equal(repeats[2].similar, false);
    assert.ok(repeats.some((r) => r.id === first.id && r.similar));
    const later = await registerOn(s.ctx, w, '2025-12-01', personForm({ description: '再次申请公开2025年教师招聘考试成绩及录用名单' }, applicant));
    const v = await caseView(s.ctx, w.users.office, later.id);
    assert.ok(v.repeats.some((r) => r.id === first.id && r.similar));
    assert.ok(!v.repeats.some((r) => r.id === later.id));
    // nobody else's applications
    assert.deepEqual(await findPossibleRepeats(s.ctx, w.users.office, { idNumber: residentId('20000101', '999'), name: '无名', phone: '13000000000', description: '教师招聘考试成绩' }), []);
  });
}, { now: () => NOW });
