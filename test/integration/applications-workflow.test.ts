import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { forEachDialect } from '../support/db.ts';
import { makeWorld, personForm, registerOn, type World } from './applications-fixture.ts';
import { performAction } from '../../src/services/application-action.service.ts';
import { caseView, listApplications, trackApplication } from '../../src/services/application-case.service.ts';
import { DomainError, ForbiddenError, ValidationError } from '../../src/services/errors.ts';

// Today is 2025-12-31 (China Standard Time); every step is dated in the past, on the real calendar.
const NOW = new Date('2025-12-31T04:00:00Z');

async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

forEachDialect('application workflow and clocks', (s) => {
  let w: World;
  const act = (who: keyof World['users'], id: number, req: Record<string, unknown> & { type: string }) => performAction(s.ctx, w.actor(who), id, req);

  test('setup', async () => {
    w = await makeWorld(s.ctx);
  });

  test('received 2025-09-26 → due 2025-10-30 across National Day', async () => {
    const r = await registerOn(s.ctx, w, '2025-09-26');
    assert.equal(r.receivedOn, '2025-09-26');
    assert.equal(r.dueOn, '2025-10-30');
    assert.equal(r.state, 'received');
    const v = await caseView(s.ctx, w.users.office, r.id);
    assert.equal(v.due.dueOn, '2025-10-30');
    assert.match(v.clock.explanation, /2025年9月26日收到申请/);
    assert.match(v.clock.explanation, /国庆节、中秋节放假8天/);
    assert.match(v.clock.explanation, /应于10月30日前答复。$/);
    // today is 2025-12-31: long overdue
    assert.equal(v.due.overdue, true);
    assert.match(v.dueSentence, /应于 2025年10月30日 前答复（已超期 \d+ 个工作日）/);
  });

  test('extended by the head → 2025-11-27 (Art. 33); a second extension is refused', async () => {
    const r = await registerOn(s.ctx, w, '2025-09-26');
    await assert.rejects(act('office', r.id, { type: 'extend', on: '2025-10-28', reason: '需要调取档案' }), ForbiddenError);
    const v = await act('head', r.id, { type: 'extend', on: '2025-10-28', reason: '需要调取多年档案' });
    assert.equal(v.due.dueOn, '2025-11-27');
    assert.equal(v.clock.extended, true);
    assert.equal(v.clock.extensionDays, 20);
    assert.equal(v.state, 'received');
    // the extension notice is attached and sent to the applicant
    const notice = v.files.find((f) => f.kind === 'extension_notice');
    assert.ok(notice && notice.isPublic);
    const file = await s.ctx.repos.applications.file(r.id, notice.id);
    const text = await docxText(file!.content);
    assert.match(text, /延长20个工作日/);
    assert.match(text, /2025年11月27日前作出答复/);
    await assert.rejects(act('head', r.id, { type: 'extend', on: '2025-10-29', reason: '再延一次' }), (e: unknown) => e instanceof DomainError && /只能延长一次/.test(e.message));
  });

  test('an extension after the period has run out is refused', async () => {
    const r = await registerOn(s.ctx, w, '2025-09-26');
    await assert.rejects(act('head', r.id, { type: 'extend', on: '2025-10-31', reason: '太晚了' }), (e: unknown) => e instanceof DomainError && /已届满/.test(e.message));
  });

  test('correction requested 2025-10-09, received 2025-10-20 → due 20 working days after 10-20', async () => {
    const r = await registerOn(s.ctx, w, '2025-09-26');
    let v = await act('office', r.id, { type: 'request-correction', on: '2025-10-09', items: '请写明所需文件的年份和学段' });
    assert.equal(v.state, 'awaiting_correction');
    assert.equal(v.due.dueOn, null);
    assert.equal(v.due.status, 'awaiting_correction');
    assert.ok(v.files.some((f) => f.kind === 'correction_notice' && f.isPublic));
    v = await act('office', r.id, { type: 'receive-correction', on: '2025-10-20', description: '申请公开2025年洪江市城区小学一年级招生范围划分文件' });
    assert.equal(v.state, 'received');
    const cal = await s.ctx.calendar();
    assert.equal(v.due.dueOn, cal.addWorkingDays('2025-10-20', 20).date);
    assert.equal(v.due.dueOn, '2025-11-17');
    assert.equal(v.clock.startOn, '2025-10-20');
    assert.equal(v.description, '申请公开2025年洪江市城区小学一年级招生范围划分文件');
    // Art. 30: once only
    await assert.rejects(act('office', r.id, { type: 'request-correction', on: '2025-10-21', items: '再补一次' }), DomainError);
  });

  test('a correction after 7 working days from receipt is refused (Art. 30)', async () => {
    const r = await registerOn(s.ctx, w, '2025-09-26');
    await assert.rejects(
      act('office', r.id, { type: 'request-correction', on: '2025-10-14', items: '请写明年份' }),
      (e: unknown) => e instanceof DomainError && /7个工作日/.test(e.message),
    );
  });

  test('a consultation moves the due date by exactly the paused working days', async () => {
    const r = await registerOn(s.ctx, w, '2025-09-26');
    await act('office', r.id, { type: 'assign', on: '2025-09-29', departmentId: w.departments['基础教育股'] });
    let v = await act('office', r.id, { type: 'start-consultation', on: '2025-10-13', party: '洪江市第一中学', partyKind: 'third_party' });
    assert.equal(v.state, 'consulting');
    assert.equal(v.due.status, 'paused');
    const letter = v.files.find((f) => f.kind === 'consultation_letter');
    assert.ok(letter && !letter.isPublic, 'the consultation letter is internal');
    v = await act('office', r.id, { type: 'end-consultation', on: '2025-10-20', result: 'consented' });
    assert.equal(v.state, 'in_process');
    const cal = await s.ctx.calendar();
    const paused = cal.workingDaysBetween('2025-10-13', '2025-10-20');
    assert.equal(paused, 5);
    assert.equal(v.clock.pausedWorkingDays, 5);
    assert.equal(v.due.dueOn, cal.addWorkingDays('2025-10-30', paused).date);
    assert.equal(v.due.dueOn, '2025-11-06');
    assert.match(v.clock.explanation, /征求第三方或有关机关意见，5个工作日不计入答复期限/);
  });

  test('received 2019-05-10 → due 15 working days later (2008 Regulations)', async () => {
    const r = await registerOn(s.ctx, w, '2019-05-10');
    const cal = await s.ctx.calendar();
    assert.equal(r.dueOn, cal.addWorkingDays('2019-05-10', 15).date);
    assert.equal(r.dueOn, '2019-05-31');
    const v = await caseView(s.ctx, w.users.office, r.id);
    assert.equal(v.clock.regime, '2008');
    assert.match(v.clock.explanation, /适用2008年《政府信息公开条例》，15个工作日内答复/);
    // the 2008 extension is at most 15 working days
    await assert.rejects(act('head', r.id, { type: 'extend', on: '2019-05-20', workingDays: 20, reason: '档案' }), ValidationError);
    const ext = await act('head', r.id, { type: 'extend', on: '2019-05-20', reason: '档案较多' });
    assert.equal(ext.clock.extensionDays, 15);
  });

  test('full journey: assign → draft → approve → reply with a .docx letter → close', async () => {
    const r = await registerOn(s.ctx, w, '2025-11-03');
    // a clerk of another department cannot draft; neither can anyone before assignment
    await assert.rejects(act('clerk', r.id, { type: 'draft-reply', on: '2025-11-04', outcome: 'disclosed' }), DomainError);
    await act('office', r.id, { type: 'assign', on: '2025-11-04', departmentId: w.departments['基础教育股'] });
    await assert.rejects(act('clerk2', r.id, { type: 'draft-reply', on: '2025-11-05', outcome: 'disclosed' }), ForbiddenError);
    // details are required where the letter must say something specific
    await assert.rejects(
      act('clerk', r.id, { type: 'draft-reply', on: '2025-11-05', outcome: 'partially_disclosed' }),
      (e: unknown) => e instanceof ValidationError && 'details' in (e.fields ?? {}),
    );
    let v = await act('clerk', r.id, { type: 'draft-reply', on: '2025-11-05', outcome: 'disclosed', details: '现将《2025年洪江市城区小学招生范围划分方案》提供给您。', note: '内部备注：已核对' });
    assert.equal(v.state, 'reply_drafted');
    // the reviewer may not reply; the office may not approve
    await assert.rejects(act('office', r.id, { type: 'approve-reply', on: '2025-11-06' }), ForbiddenError);
    v = await act('reviewer', r.id, { type: 'approve-reply', on: '2025-11-06' });
    assert.equal(v.state, 'reply_approved');
    await assert.rejects(act('office', r.id, { type: 'reply', on: '2025-11-07', outcome: 'not_held' }), ValidationError);
    v = await act('office', r.id, { type: 'reply', on: '2025-11-07' });
    assert.equal(v.state, 'replied');
    assert.equal(v.outcome, 'disclosed');
    assert.equal(v.endedOn, '2025-11-07');
    assert.equal(v.due.onTime, true);
    const reply = v.files.find((f) => f.kind === 'reply');
    assert.ok(reply && reply.isPublic);
    const text = await docxText((await s.ctx.repos.applications.file(r.id, reply.id))!.content);
    assert.match(text, /政府信息公开申请答复书/);
    assert.match(text, /张晓明：/);
    assert.match(text, /决定予以公开/);
    assert.match(text, /第三十六条第（二）项/);
    assert.match(text, /60日内向洪江市人民政府申请行政复议/);
    assert.match(text, /6个月内依法向人民法院提起行政诉讼/);
    assert.doesNotMatch(text, /内部备注/);
    v = await act('office', r.id, { type: 'close', on: '2025-11-10' });
    assert.equal(v.state, 'closed');
    assert.deepEqual(v.actions, []);
    // every step is audited
    const audit = await s.ctx.repos.audit.forSubject('application', r.id);
    assert.deepEqual(audit.map((a) => a.action), [
      'application.registered', 'application.assigned', 'application.reply_drafted', 'application.reply_approved', 'application.replied', 'application.closed',
    ]);
    assert.equal((await s.ctx.repos.audit.verify()).ok, true);
  });

  test('nobody approves their own draft', async () => {
    const now = s.ctx.now();
    const both = await s.ctx.repos.users.insert({ username: `both-${s.dialect}`, displayName: '兼任', passwordHash: 'x', agencyId: w.bureauId, departmentId: w.departments['办公室'], isSysadmin: false, roles: ['office', 'reviewer'] }, now);
    const user = (await s.ctx.repos.users.staffUser(both.id))!;
    const r = await registerOn(s.ctx, w, '2025-11-03');
    await performAction(s.ctx, { kind: 'staff', user, ip: '' }, r.id, { type: 'assign', on: '2025-11-04', departmentId: w.departments['办公室'] });
    await performAction(s.ctx, { kind: 'staff', user, ip: '' }, r.id, { type: 'draft-reply', on: '2025-11-04', outcome: 'not_held' });
    await assert.rejects(performAction(s.ctx, { kind: 'staff', user, ip: '' }, r.id, { type: 'approve-reply', on: '2025-11-05' }), (e: unknown) => e instanceof DomainError && /自己起草/.test(e.message));
    const v = await act('reviewer', r.id, { type: 'return-reply', on: '2025-11-05', note: '请补充检索情况' });
    assert.equal(v.state, 'in_process');
    assert.equal(v.draft, null);
  });

  test('abandonment: not before the correction period ends; recorded as （六）1 after it', async () => {
    const r = await registerOn(s.ctx, w, '2025-11-03');
    await act('office', r.id, { type: 'request-correction', on: '2025-11-04', items: '请写明所需信息的名称', dueOn: '2025-11-14' });
    await assert.rejects(act('office', r.id, { type: 'reply', on: '2025-11-14' }), (e: unknown) => e instanceof DomainError && /补正期限尚未届满/.test(e.message));
    await assert.rejects(act('office', r.id, { type: 'reply', on: '2025-11-17', outcome: 'disclosed' }), ValidationError);
    const v = await act('office', r.id, { type: 'reply', on: '2025-11-17' });
    assert.equal(v.outcome, 'abandoned_no_correction');
    assert.equal(v.state, 'replied');
    const row = await s.ctx.repos.applications.byId(r.id);
    assert.equal(row!.ended_on, '2025-11-17');
  });

  test('fee notice pauses the clock; payment must match; 150 pages cost 1,700 yuan', async () => {
    const r = await registerOn(s.ctx, w, '2025-11-03');
    await act('office', r.id, { type: 'assign', on: '2025-11-03', departmentId: w.departments['基础教育股'] });
    await assert.rejects(act('office', r.id, { type: 'send-fee-notice', on: '2025-11-05', method: 'per_volume', units: 20 }), ValidationError);
    let v = await act('office', r.id, { type: 'send-fee-notice', on: '2025-11-05', method: 'per_volume', units: 150 });
    assert.equal(v.state, 'awaiting_fee');
    assert.equal(v.events.at(-1)!.data.amount, 1700);
    assert.equal(v.due.status, 'paused');
    const notice = v.files.find((f) => f.kind === 'fee_notice')!;
    const text = await docxText((await s.ctx.repos.applications.file(r.id, notice.id))!.content);
    assert.match(text, /合计应缴纳信息处理费1700元/);
    await assert.rejects(act('office', r.id, { type: 'record-payment', on: '2025-11-12', amount: 1000 }), ValidationError);
    v = await act('office', r.id, { type: 'record-payment', on: '2025-11-12', amount: 1700 });
    assert.equal(v.state, 'in_process');
    const cal = await s.ctx.calendar();
    assert.equal(v.clock.pausedWorkingDays, cal.workingDaysBetween('2025-11-05', '2025-11-12'));
    assert.equal(v.due.dueOn, cal.addWorkingDays(cal.addWorkingDays('2025-11-03', 20).date, 5).date);
  });

  test('dates: not in the future, not before the previous step; unknown actions are 400', async () => {
    const r = await registerOn(s.ctx, w, '2025-11-03');
    await assert.rejects(act('office', r.id, { type: 'assign', on: '2026-01-05', departmentId: w.departments['人事股'] }), ValidationError);
    await assert.rejects(act('office', r.id, { type: 'assign', on: '2025-11-02', departmentId: w.departments['人事股'] }), ValidationError);
    await assert.rejects(act('office', r.id, { type: 'assign', on: '2025-11-04', departmentId: 999999 }), ValidationError);
    await assert.rejects(act('office', r.id, { type: 'launch-rocket' }), ValidationError);
    await assert.rejects(act('office', r.id, { type: 'close' }), DomainError);
  });

  test('concurrent actions: only one of two identical steps wins', async () => {
    const r = await registerOn(s.ctx, w, '2025-11-03');
    const results = await Promise.allSettled([
      act('office', r.id, { type: 'assign', on: '2025-11-04', departmentId: w.departments['人事股'] }),
      act('office', r.id, { type: 'request-correction', on: '2025-11-04', items: '请写明年份' }),
    ]);
    const ok = results.filter((x) => x.status === 'fulfilled');
    assert.equal(ok.length, 1);
    const events = await s.ctx.repos.applications.events(r.id);
    assert.equal(events.length, 2);
  });

  test('withdrawal ends handling as （六）3', async () => {
    const r = await registerOn(s.ctx, w, '2025-11-03');
    const v = await act('office', r.id, { type: 'withdraw', on: '2025-11-05', note: '申请人来电撤回' });
    assert.equal(v.state, 'withdrawn');
    assert.equal(v.outcome, 'withdrawn');
    assert.equal(v.endedOn, '2025-11-05');
  });

  test('personal data: masked for a clerk of another department and for a supervisor; invisible to another agency', async () => {
    const r = await registerOn(s.ctx, w, '2025-12-01');
    await act('office', r.id, { type: 'assign', on: '2025-12-01', departmentId: w.departments['基础教育股'] });
    const office = await caseView(s.ctx, w.users.office, r.id);
    assert.equal(office.applicant.masked, false);
    assert.equal(office.applicant.phone, '13800138000');
    const clerk = await caseView(s.ctx, w.users.clerk, r.id);
    assert.equal(clerk.applicant.masked, false);
    const other = await caseView(s.ctx, w.users.clerk2, r.id);
    assert.equal(other.applicant.masked, true);
    assert.equal(other.applicant.phone, '138****8000');
    assert.match(other.applicant.idNumber, /^431281\*{8}\d{3}[\dX]$/);
    assert.equal(other.applicant.name, '张**');
    assert.deepEqual(other.actions, []);
    const sup = await caseView(s.ctx, w.users.supervisor, r.id);
    assert.equal(sup.applicant.masked, true);
    assert.deepEqual(sup.actions, []);
    await assert.rejects(caseView(s.ctx, w.users.otherOffice, r.id), /未找到该申请/);
    await assert.rejects(act('otherOffice', r.id, { type: 'close' }), /未找到该申请/);
  });

  test('lists: overdue, due soon, mine, per-department counts; supervisors see their agencies', async () => {
    const overdue = await listApplications(s.ctx, w.users.office, { view: 'overdue', pageSize: 200 });
    assert.ok(overdue.items.length > 0);
    assert.ok(overdue.items.every((i) => i.due.overdue && i.due.remainingWorkingDays! < 0));
    // due within 5 working days of 2025-12-31
    const soon = await registerOn(s.ctx, w, '2025-12-03');
    assert.equal(soon.dueOn, '2025-12-31');
    const dueSoon = await listApplications(s.ctx, w.users.office, { view: 'due_soon' });
    assert.ok(dueSoon.items.some((i) => i.id === soon.id && i.due.remainingWorkingDays === 0));
    const all = await listApplications(s.ctx, w.users.office, {});
    const counts = all.counts.find((c) => c.agencyId === w.bureauId)!;
    assert.equal(counts.overdue, overdue.total);
    assert.ok(counts.departments.some((d) => d.name === '未分办'));
    const mineReviewer = await listApplications(s.ctx, w.users.reviewer, { view: 'mine' });
    assert.ok(mineReviewer.items.every((i) => i.state === 'reply_drafted' || i.state === 'reply_approved'));
    const sup = await listApplications(s.ctx, w.users.supervisor, {});
    assert.ok(sup.counts.some((c) => c.agencyId === w.bureauId && c.overdue === counts.overdue));
    assert.ok(sup.items.every((i) => /\*/.test(i.applicantName)), 'supervisors see names masked');
    const clerkList = await listApplications(s.ctx, w.users.clerk2, {});
    assert.ok(clerkList.items.some((i) => i.applicantName === '张**'));
  });

  test('the applicant’s timeline hides staff names, internal steps and notes', async () => {
    const r = await registerOn(s.ctx, w, '2025-12-01', personForm({}, { phone: '0745-7621234' }));
    await act('office', r.id, { type: 'assign', on: '2025-12-01', departmentId: w.departments['基础教育股'], note: '内部：优先办理' });
    await act('head', r.id, { type: 'extend', on: '2025-12-02', reason: '涉及多所学校' });
    const t = await trackApplication(s.ctx, { trackingCode: r.trackingCode, phoneLast4: '1234' });
    assert.equal(t.status, 'in_process');
    assert.deepEqual(t.timeline.map((e) => e.label), ['收到申请', '延长答复期限']);
    const json = JSON.stringify(t);
    assert.doesNotMatch(json, new RegExp(w.users.head.displayName));
    assert.doesNotMatch(json, /内部：优先办理/);
    assert.doesNotMatch(json, /0745-7621234|7621234/);
    assert.equal(t.applicantName, '张**');
    assert.equal(t.files.length, 1);
    await assert.rejects(trackApplication(s.ctx, { trackingCode: r.trackingCode, phoneLast4: '0000' }), /未找到/);
    await assert.rejects(trackApplication(s.ctx, { trackingCode: 'AAAA-BBBB', phoneLast4: '1234' }), ValidationError);
  });

  test('list items carry the applicant kind and repeats their outcome as codes beside the labels', async () => {
    const { APPLICANT_KIND_LABELS } = await import('../../src/domain/application-form.ts');
    const { outcomeLabelOf } = await import('../../src/services/application-case.service.ts');
    const all = await listApplications(s.ctx, w.users.office, { pageSize: 200 });
    assert.ok(all.items.length > 0);
    for (const i of all.items) assert.equal(i.applicantKindLabel, APPLICANT_KIND_LABELS[i.applicantKind], `${i.trackingCode}: ${i.applicantKind}`);
    let repeats = 0;
    let withOutcome = 0;
    for (const i of all.items) {
      for (const r of (await caseView(s.ctx, w.users.office, i.id)).repeats) {
        repeats++;
        if (r.outcome !== null) withOutcome++;
        assert.equal(r.outcomeLabel, outcomeLabelOf(r.outcome));
      }
    }
    assert.ok(repeats > 0 && withOutcome > 0, `repeats: ${repeats}, with an outcome: ${withOutcome}`);
  });
}, { now: () => NOW });
