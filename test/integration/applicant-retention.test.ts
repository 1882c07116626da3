// Erasure of applicants' personal data after the retention period (issue 7), on both dialects:
// exactly the expired cases are erased, the annual report does not change, reruns change nothing,
// every erasure is audited, and the daily job runs once across instances.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { configFromEnv } from '../../src/config.ts';
import { privacyCommand } from '../../src/cli/privacy.ts';
import { forEachDialect } from '../support/db.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { performAction } from '../../src/services/application-action.service.ts';
import { registerOfflineApplication } from '../../src/services/application-intake.service.ts';
import { decideReviewCase, recordReviewCase } from '../../src/services/application-review.service.ts';
import { computeReport } from '../../src/services/annual-report.service.ts';
import { purgeExpiredPersonalData, retentionYearsOf, setRetentionYears } from '../../src/services/applicant-data.service.ts';
import { ERASED_MARK } from '../../src/domain/applicant-retention.ts';
import { ForbiddenError, ValidationError } from '../../src/services/errors.ts';
import { runOnce } from '../../src/jobs/scheduler.ts';
import { personalDataRetentionJob } from '../../src/jobs/personal-data-retention.job.ts';
import { makeWorld, personForm, registerOn, residentId, type World } from './applications-fixture.ts';

const NOW = new Date('2026-06-10T02:00:00Z'); // 2026-06-10 in CST: 3 years back is 2023-06-10

function contextOn(s: { ctx: ServiceContext }, instant: string): ServiceContext {
  return createServiceContext(s.ctx.db, s.ctx.config, { now: () => new Date(instant) });
}

forEachDialect('erasure of applicants\' personal data after retention', (s) => {
  let w: World;
  let otherCode = '';
  const id: Record<'replied' | 'withdrawnOld' | 'withdrawnRecent' | 'open' | 'underReview' | 'otherAgency', number> = {
    replied: 0, withdrawnOld: 0, withdrawnRecent: 0, open: 0, underReview: 0, otherAgency: 0,
  };
  let reviewCaseId = 0;
  const snapshot = async () => {
    const rows = new Map<number, unknown>();
    for (const v of Object.values(id)) {
      const app = await s.ctx.repos.applications.byId(v);
      rows.set(v, { app, events: await s.ctx.repos.applications.events(v), files: await s.ctx.repos.applications.files(v) });
    }
    return rows;
  };
  // The tables of the annual report (without the moment they were computed at).
  const tables = async (year: number) => ({ ...(await computeReport(s.ctx, w.bureauId, year)), computedAt: null });
  const reports = async () => ({
    y2022: await tables(2022),
    y2023: await tables(2023),
    rows: await s.ctx.repos.applications.reportRows(w.bureauId, '2026-12-31'),
  });
  const act = (who: keyof World['users'], appId: number, req: Record<string, unknown> & { type: string }) => performAction(s.ctx, w.actor(who), appId, req);

  test('setup: cases closed long ago, recently, still open, under review, and another agency\'s', async () => {
    w = await makeWorld(s.ctx);
    const person = personForm({}, { idNumber: residentId('19850312', '456') });
    // Replied with a letter, closed 2022-03-15; an ID scan and a staff file on the case.
    id.replied = (await registerOn(s.ctx, w, '2022-03-01', person)).id;
    await s.ctx.repos.applications.insertFile({
      applicationId: id.replied, eventId: null, kind: 'applicant', filename: '张晓明身份证.jpg', mime: 'image/jpeg', content: Buffer.from('ID scan'),
      sha256: createHash('sha256').update('ID scan').digest('hex'), isPublic: false, createdBy: null, createdAt: NOW.toISOString(),
    });
    await s.ctx.repos.applications.insertFile({
      applicationId: id.replied, eventId: null, kind: 'attachment', filename: '招生范围划分方案.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.4 plan'),
      sha256: createHash('sha256').update('%PDF-1.4 plan').digest('hex'), isPublic: true, createdBy: w.users.office.id, createdAt: NOW.toISOString(),
    });
    await act('office', id.replied, { type: 'assign', on: '2022-03-02', departmentId: w.departments['基础教育股'] });
    await act('clerk', id.replied, { type: 'draft-reply', on: '2022-03-07', outcome: 'disclosed', details: '张晓明同志：现将《招生范围划分方案》提供给您，如有疑问请致电13800138000联系您本人核实。' });
    await act('reviewer', id.replied, { type: 'approve-reply', on: '2022-03-08' });
    await act('office', id.replied, { type: 'reply', on: '2022-03-10' });
    await act('office', id.replied, { type: 'close', on: '2022-03-15' });
    // Withdrawn 2023-06-09 (one day before the 3-year cutoff) and 2023-06-12 (after it).
    id.withdrawnOld = (await registerOn(s.ctx, w, '2023-06-01', person)).id;
    await act('office', id.withdrawnOld, { type: 'withdraw', on: '2023-06-09', note: '申请人张晓明来电撤回' });
    id.withdrawnRecent = (await registerOn(s.ctx, w, '2023-06-01')).id;
    await act('office', id.withdrawnRecent, { type: 'withdraw', on: '2023-06-12' });
    // Received in 2022, never answered: open cases are never erased.
    id.open = (await registerOn(s.ctx, w, '2022-01-05')).id;
    // Withdrawn long ago but a reconsideration is pending.
    id.underReview = (await registerOn(s.ctx, w, '2022-02-01')).id;
    await act('office', id.underReview, { type: 'withdraw', on: '2022-02-10' });
    reviewCaseId = await recordReviewCase(s.ctx, w.actor('office'), id.underReview, { kind: 'reconsideration', filedOn: '2022-03-01', authority: '洪江市人民政府' });
    // Another agency keeps applicants' data for 5 years: its 2022 case stays.
    const other = (await s.ctx.repos.agencies.byId(w.users.otherOffice.agencyId))!;
    otherCode = other.code;
    await setRetentionYears(s.ctx, w.actor('otherOffice'), 5);
    id.otherAgency = (await registerOfflineApplication(s.ctx, w.actor('otherOffice'), { agencyCode: other.code, form: person, receipt: { channel: 'in_person', receivedOn: '2022-01-10' } })).id;
    await performAction(s.ctx, w.actor('otherOffice'), id.otherAgency, { type: 'withdraw', on: '2022-01-20' });
  });

  test('the retention setting: per agency, 3 years by default, validated, audited, refused to clerks', async () => {
    assert.equal(await retentionYearsOf(s.ctx.repos, w.bureauId), 3);
    assert.equal(await retentionYearsOf(s.ctx.repos, w.users.otherOffice.agencyId), 5);
    for (const bad of [0, 31, 2.5, Number.NaN]) {
      await assert.rejects(setRetentionYears(s.ctx, w.actor('office'), bad), (e: unknown) => e instanceof ValidationError && e.fields?.years === '保存期限应为 1 至 30 之间的整数（年）');
    }
    await assert.rejects(setRetentionYears(s.ctx, w.actor('clerk'), 4), ForbiddenError);
    await assert.rejects(setRetentionYears(s.ctx, w.actor('reviewer'), 4), ForbiddenError);
    assert.equal(await retentionYearsOf(s.ctx.repos, w.bureauId), 3);
    await setRetentionYears(s.ctx, w.actor('head'), 3);
    const audit = await s.ctx.repos.audit.list({ action: 'privacy.retention_set', agencyId: w.bureauId }, 1, 10);
    assert.equal(audit.total, 1);
    assert.deepEqual(JSON.parse(audit.items[0].summary), { before: 3, after: 3 });
  });

  test('a dry run lists exactly the expired cases and changes nothing', async () => {
    const before = await snapshot();
    const ctx = contextOn(s, NOW.toISOString());
    const report = await purgeExpiredPersonalData(ctx, { dryRun: true });
    const bureau = report.agencies.find((a) => a.agencyId === w.bureauId)!;
    assert.equal(bureau.cutoff, '2023-06-10');
    assert.deepEqual(bureau.cases.map((c) => c.applicationId), [id.replied, id.withdrawnOld]);
    assert.deepEqual(report.agencies.find((a) => a.agencyCode === otherCode)!.cases, []);
    assert.equal(report.erased, 2);
    assert.deepEqual(await snapshot(), before);
  });

  test('the purge erases the expired cases only; the annual report is identical; one audit event per case', async () => {
    const before = await snapshot();
    const reportBefore = await reports();
    assert.equal(reportBefore.rows.length, 5);
    assert.notDeepEqual(reportBefore.y2022.applications, (await tables(2019)).applications, 'the 2022 tables count the cases');
    const auditBefore = (await s.ctx.repos.audit.list({}, 1, 1)).total;
    const report = await purgeExpiredPersonalData(contextOn(s, NOW.toISOString()));
    assert.equal(report.erased, 2);
    assert.equal(report.filesDeleted, 2); // the ID scan and the reply letter

    const app = (await s.ctx.repos.applications.byId(id.replied))!;
    const old = (before.get(id.replied) as { app: typeof app }).app;
    assert.equal(app.applicant_name, ERASED_MARK);
    for (const f of ['applicant_id_number', 'applicant_phone', 'applicant_email', 'applicant_address'] as const) assert.equal(app[f], '');
    assert.equal(app.idempotency_key, null);
    assert.equal(app.request_hash, null);
    for (const f of ['state', 'outcome', 'ended_on', 'received_on', 'applicant_kind', 'applicant_org_type', 'applicant_id_type', 'tracking_code', 'agency_id', 'department_id'] as const) assert.equal(app[f], old[f], f);
    assert.equal(app.description, old.description); // nothing personal in it
    // Events stay (same count, types and dates); the name and phone inside them are gone.
    const events = await s.ctx.repos.applications.events(id.replied);
    const oldEvents = (before.get(id.replied) as { events: typeof events }).events;
    assert.deepEqual(events.map((e) => [e.id, e.type, e.occurred_on, e.is_public]), oldEvents.map((e) => [e.id, e.type, e.occurred_on, e.is_public]));
    const allData = events.map((e) => e.data).join('\n');
    assert.ok(oldEvents.some((e) => e.data.includes('张晓明')));
    assert.ok(!allData.includes('张晓明') && !allData.includes('13800138000'));
    assert.ok(allData.includes(`${ERASED_MARK}同志`));
    assert.ok(events.some((e) => JSON.parse(e.data).outcome === 'disclosed'));
    // The applicant's file and the letter to them are gone; the information provided stays.
    assert.deepEqual((await s.ctx.repos.applications.files(id.replied)).map((f) => f.kind), ['attachment']);
    const withdrawn = (await s.ctx.repos.applications.events(id.withdrawnOld)).map((e) => e.data).join('\n');
    assert.ok(!withdrawn.includes('张晓明'));
    // Everything else is untouched.
    const after = await snapshot();
    for (const key of ['withdrawnRecent', 'open', 'underReview', 'otherAgency'] as const) assert.deepEqual(after.get(id[key]), before.get(id[key]), key);
    // The annual report counts cases, not people: identical.
    assert.deepEqual(await reports(), reportBefore);
    // One audit event per erased case, without the personal data.
    const audit = await s.ctx.repos.audit.list({ action: 'application.personal_data_erased' }, 1, 10);
    assert.deepEqual(audit.items.map((e) => Number(e.subject_id)).sort((a, b) => a - b), [id.replied, id.withdrawnOld]);
    assert.equal((await s.ctx.repos.audit.list({}, 1, 1)).total, auditBefore + 2);
    for (const e of audit.items) {
      assert.equal(e.actor_label, '系统（个人信息保存期限）');
      assert.ok(!/张晓明|13800138000|zxm@example\.com|黔城镇新街/.test(e.summary));
      assert.ok(!e.summary.includes(old.applicant_id_number));
    }
    const replied = audit.items.find((e) => Number(e.subject_id) === id.replied)!;
    assert.deepEqual(JSON.parse(replied.summary), { trackingCode: app.tracking_code, endedOn: '2022-03-10', retentionYears: 3, filesDeleted: 2, eventsScrubbed: 2 });
    // Two erased cases of the agency are not each other's repeat applications.
    assert.deepEqual(await s.ctx.repos.applications.sameApplicant(app.agency_id, { idNumber: '', name: app.applicant_name, phone: '' }, app.id), []);
    const erasure = await s.ctx.repos.applicantData.erasure(id.replied);
    assert.deepEqual(erasure, { application_id: id.replied, agency_id: w.bureauId, erased_on: '2026-06-10', erased_at: NOW.toISOString(), retention_years: 3, files_deleted: 2 });
  });

  test('idempotent: a second run the same day erases nothing and writes no audit event', async () => {
    const before = await snapshot();
    const auditBefore = (await s.ctx.repos.audit.list({}, 1, 1)).total;
    const report = await purgeExpiredPersonalData(contextOn(s, NOW.toISOString()));
    assert.equal(report.erased, 0);
    assert.deepEqual(await snapshot(), before);
    assert.equal((await s.ctx.repos.audit.list({}, 1, 1)).total, auditBefore);
  });

  test('a decided review case restarts the period from its decision', async () => {
    await decideReviewCase(contextOn(s, NOW.toISOString()), w.actor('office'), id.underReview, reviewCaseId, { result: 'upheld', decidedOn: '2023-06-11' });
    assert.equal((await purgeExpiredPersonalData(contextOn(s, NOW.toISOString()), { dryRun: true })).erased, 0);
    const later = await purgeExpiredPersonalData(contextOn(s, '2026-06-11T02:00:00Z'), { dryRun: true });
    assert.deepEqual(later.agencies.find((a) => a.agencyId === w.bureauId)!.cases.map((c) => c.applicationId), [id.underReview]);
  });

  test('the daily job runs once across two instances and erases what expired since', async () => {
    const instant = '2026-06-12T02:00:00Z'; // the recent withdrawal (2023-06-12) and the review case both expire
    const outcomes = await Promise.all([runOnce(contextOn(s, instant), personalDataRetentionJob), runOnce(contextOn(s, instant), personalDataRetentionJob)]);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['claimed_elsewhere', 'ran']);
    const ran = outcomes.find((o) => o.status === 'ran')!;
    assert.equal(ran.period, '2026-06-12');
    assert.deepEqual(ran.status === 'ran' ? ran.result : null, { erased: 2, filesDeleted: 0 });
    for (const key of ['withdrawnRecent', 'underReview'] as const) assert.equal((await s.ctx.repos.applications.byId(id[key]))!.applicant_name, ERASED_MARK);
    for (const key of ['open', 'otherAgency'] as const) assert.equal((await s.ctx.repos.applications.byId(id[key]))!.applicant_name, '张晓明');
  });
});

describe('gongkai privacy purge [--dry-run]', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-purge-cli-'));
  const file = path.join(dir, 'purge.sqlite');
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the dry run lists the expired case and changes nothing; the purge erases it; a rerun finds nothing', async () => {
    const db = openDb({ dialect: 'sqlite', file });
    await migrateToLatest(db);
    const ctx = createServiceContext(db, { ...configFromEnv({}), secret: 'cli' });
    const w = await makeWorld(ctx);
    const expired = (await registerOn(ctx, w, '2020-05-06')).id;
    await performAction(ctx, w.actor('office'), expired, { type: 'withdraw', on: '2020-05-07' });
    const open = (await registerOn(ctx, w, '2020-05-06')).id;
    const code = (await ctx.repos.agencies.byId(w.bureauId))!.code;
    await db.close();

    const run = async (...args: string[]) => {
      const lines: string[] = [];
      const status = await privacyCommand(['purge', ...args, '--agency', code, '--db', `sqlite:${file}`], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
      return { status, text: lines.join('\n') };
    };
    const dry = await run('--dry-run');
    assert.equal(dry.status, 0);
    assert.match(dry.text, new RegExp(`保存期限 3 年，办结日期在 \\d{4}-\\d{2}-\\d{2} 及以前的申请将被删除个人信息 1 件\\n  \\[${expired}\\]`));
    assert.match(dry.text, /试运行：共 1 件申请到期，未作任何修改。/);
    const read = async () => {
      const db2 = openDb({ dialect: 'sqlite', file });
      try {
        const repos = createServiceContext(db2, ctx.config).repos;
        return { expired: (await repos.applications.byId(expired))!.applicant_name, open: (await repos.applications.byId(open))!.applicant_name };
      } finally {
        await db2.close();
      }
    };
    assert.deepEqual(await read(), { expired: '张晓明', open: '张晓明' });
    const real = await run();
    assert.match(real.text, /已删除 1 件申请的申请人个人信息，删除文件 0 个。/);
    assert.deepEqual(await read(), { expired: ERASED_MARK, open: '张晓明' });
    assert.match((await run()).text, /已删除 0 件申请/);
  });
});
