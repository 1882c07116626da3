import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { forEachDialect } from '../support/db.ts';
import { makeWorld, registerOn, residentId, type World } from './applications-fixture.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { approveDocument, publishDocument, registerDocument, submitDocument, withdrawDocument, type DocumentInput } from '../../src/services/document.service.ts';
import { addAttachment, attachmentForDownload } from '../../src/services/attachment.service.ts';
import { performAction } from '../../src/services/application-action.service.ts';
import { AppError } from '../../src/services/errors.ts';
import { FileStore } from '../../src/storage/file-store.ts';
import { documentPrivacy, recordJustification, rescanDocument, scanDocument, withdrawJustification, withheldOriginal } from '../../src/services/privacy.service.ts';
import { createMaskedCopy } from '../../src/services/masking.service.ts';
import { privacyOverview, sweepPublished } from '../../src/services/privacy-sweep.service.ts';
import { deflectionReport, openSuggestion, suggestFor, suggestionFollowed } from '../../src/services/suggestion.service.ts';
import { agencyTiming, timingParagraph, timingReport } from '../../src/services/timing.service.ts';
import { outgoingPrivacyWarnings } from '../../src/services/privacy-outgoing.service.ts';

const NOW = new Date('2026-03-10T02:00:00Z'); // 2026-03-10 10:00 CST

const ID = residentId('20100305', '021');
const maskedId = `${ID.slice(0, 6)}********${ID.slice(-4)}`;

function input(over: Partial<DocumentInput> = {}): DocumentInput {
  return {
    title: '2026年春季学期学生资助名单公示',
    docNumber: '',
    createdOn: '2026-03-02',
    category: '政策文件',
    genre: '公告',
    summary: '',
    bodyHtml: '<p>现将2026年春季学期家庭经济困难学生资助名单予以公示。</p>',
    disclosure: 'proactive',
    ...over,
  };
}

async function aidListDocx(id: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ children: [new TextRun('2026年春季学期学生资助名单')] }),
        new Table({
          rows: [
            new TableRow({ children: ['序号', '姓名', '身份证号', '资助金额'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
            new TableRow({ children: ['1', '王小明', id, '1000元'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
          ],
        }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

async function recruitmentXlsx(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('拟聘用人员');
  ws.addRow(['序号', '姓名', '身份证号码', '联系电话', '岗位']);
  for (let i = 1; i <= rows; i++) {
    ws.addRow([i, `考生${i}`, residentId(`1995${String(1 + (i % 12)).padStart(2, '0')}15`, String(i).padStart(3, '0')), `139${String(74500000 + i)}`, '小学教师']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rejects(p: Promise<unknown>, status: number, pattern?: RegExp): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, `expected AppError, got ${String(e)}`);
    assert.equal(e.status, status, e.message);
    if (pattern) assert.match(e.message, pattern);
    return e;
  }
  assert.fail('expected the call to be refused');
}

async function auditActions(ctx: ServiceContext, documentId: number): Promise<string[]> {
  const { items } = await ctx.repos.audit.list({ subjectType: 'document', subjectId: String(documentId) }, 1, 100);
  return items.map((e) => e.action);
}

forEachDialect('privacy guard before publication', (s) => {
  let w: World;
  let code: string;
  const staff = (who: keyof World['users']) => w.actor(who);
  const pub = { kind: 'public', ip: '203.0.113.7' } as const;

  test('setup', async () => {
    (s.ctx.config as { storageDir: string }).storageDir = mkdtempSync(path.join(os.tmpdir(), 'gk-privacy-'));
    w = await makeWorld(s.ctx);
    code = (await s.ctx.repos.agencies.byId(w.bureauId))!.code;
  });

  let aidDocId = 0;
  test('a DOCX with a valid 18-digit ID in a table blocks approval and names the table cell; the masked copy passes', async () => {
    const doc = await registerDocument(s.ctx, staff('clerk'), input());
    aidDocId = doc.id;
    const original = await aidListDocx(ID);
    const att = await addAttachment(s.ctx, staff('clerk'), doc.id, { filename: '资助名单.docx', data: original });
    await submitDocument(s.ctx, staff('clerk'), doc.id);

    const refusal = await rejects(approveDocument(s.ctx, staff('reviewer'), doc.id), 409);
    assert.match(refusal.message, new RegExp(`附件“资助名单\\.docx”表格1第2行第3列有居民身份证号码 ${maskedId.replace(/\*/g, '\\*')}`));
    assert.ok(!refusal.message.includes(ID), 'the message never shows the number in full');
    assert.equal((await s.ctx.repos.documents.byId(doc.id))!.state, 'in_review');

    const view = await documentPrivacy(s.ctx, staff('reviewer'), doc.id);
    assert.equal(view.open, 1);
    assert.deepEqual(view.findings.map((f) => [f.kind, f.location, f.masked, f.status, f.justifiable]), [
      ['resident_id', '附件“资助名单.docx”表格1第2行第3列', maskedId, 'open', false],
    ]);
    const stored = await s.ctx.repos.privacy.findings.forDocument(doc.id);
    assert.ok(stored.every((f) => !f.masked.includes(ID) && !f.fingerprint.includes(ID)), 'the raw value is never stored');

    // An ID number in full never qualifies for a justification.
    await rejects(recordJustification(s.ctx, staff('reviewer'), view.findings[0].id, '公示名单依规须公开'), 409, /不得完整公开/);

    // The clerk cannot mask while the reviewer has it; the reviewer can.
    await rejects(createMaskedCopy(s.ctx, staff('clerk'), doc.id, att.id), 403);
    const copy = await createMaskedCopy(s.ctx, staff('reviewer'), doc.id, att.id);
    assert.equal(copy.attachment.filename, '资助名单（已遮盖）.docx');
    assert.equal(copy.maskedCells, 1);
    const attachments = await s.ctx.repos.attachments.forDocument(doc.id);
    assert.deepEqual(attachments.map((a) => a.filename), ['资助名单（已遮盖）.docx']);
    assert.ok(!attachments[0].text.includes(ID) && attachments[0].text.includes(maskedId), 'the search text is masked too');

    const after = await documentPrivacy(s.ctx, staff('reviewer'), doc.id);
    assert.equal(after.open, 0);
    assert.deepEqual(after.findings, []);
    assert.equal(after.withheld.length, 1);

    await approveDocument(s.ctx, staff('reviewer'), doc.id);
    await publishDocument(s.ctx, staff('office'), doc.id);
    assert.equal((await s.ctx.repos.documents.byId(doc.id))!.state, 'published');

    // The public gets the masked copy; the original is not an attachment any more but staff keep it.
    const download = await attachmentForDownload(s.ctx, pub, doc.id, copy.attachment.id);
    assert.ok(!(await (await import('jszip')).default.loadAsync(download.data).then((z) => z.file('word/document.xml')!.async('string'))).includes(ID));
    await rejects(attachmentForDownload(s.ctx, pub, doc.id, att.id), 404);
    const kept = await withheldOriginal(s.ctx, staff('office'), doc.id, after.withheld[0].id);
    assert.equal(Buffer.compare(kept.data, original), 0);
    await rejects(withheldOriginal(s.ctx, staff('otherOffice'), doc.id, after.withheld[0].id), 404);

    const actions = await auditActions(s.ctx, doc.id);
    for (const a of ['privacy.scanned', 'privacy.masked_copy', 'document.approved', 'document.published']) assert.ok(actions.includes(a), a);
  });

  test('an ID with an invalid check digit is not reported', async () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    const doc = await registerDocument(s.ctx, staff('clerk'), input({ title: '校验位错误的名单' }));
    await addAttachment(s.ctx, staff('clerk'), doc.id, { filename: '名单.docx', data: await aidListDocx(wrong) });
    await submitDocument(s.ctx, staff('clerk'), doc.id);
    const scan = await scanDocument(s.ctx, doc.id);
    assert.deepEqual(scan.findings, []);
    await approveDocument(s.ctx, staff('reviewer'), doc.id);
  });

  test('a finding may stand with a reviewer\'s reason; the decision is audited; withdrawing it blocks again', async () => {
    const doc = await registerDocument(s.ctx, staff('clerk'), input({
      title: '2026年教师资格认定现场确认公告',
      bodyHtml: '<p>现场确认地点：市教育局人事股。</p><p>联系人：张老师，手机13974512345。</p>',
    }));
    await submitDocument(s.ctx, staff('clerk'), doc.id);
    await rejects(approveDocument(s.ctx, staff('reviewer'), doc.id), 409, /正文第2行有手机号码 139\*{4}2345/);
    const [finding] = (await documentPrivacy(s.ctx, staff('reviewer'), doc.id)).findings;
    assert.equal(finding.justifiable, true);
    await rejects(recordJustification(s.ctx, staff('clerk'), finding.id, '工作联系人'), 403);
    await rejects(recordJustification(s.ctx, staff('reviewer'), finding.id, '  '), 400);
    await rejects(recordJustification(s.ctx, staff('otherOffice'), finding.id, '工作联系人的工作手机'), 404);
    await recordJustification(s.ctx, staff('reviewer'), finding.id, '工作联系人的工作手机，本人同意公开');
    await withdrawJustification(s.ctx, staff('reviewer'), finding.id);
    await rejects(approveDocument(s.ctx, staff('reviewer'), doc.id), 409);
    const justified = await recordJustification(s.ctx, staff('reviewer'), finding.id, '工作联系人的工作手机，本人同意公开');
    assert.equal(justified.status, 'justified');
    await approveDocument(s.ctx, staff('reviewer'), doc.id);
    const actions = await auditActions(s.ctx, doc.id);
    for (const a of ['privacy.finding_justified', 'privacy.justification_withdrawn', 'privacy.cleared', 'document.approved']) assert.ok(actions.includes(a), a);
    const { items } = await s.ctx.repos.audit.list({ action: 'privacy.finding_justified', subjectId: String(doc.id) }, 1, 10);
    assert.match(items[0].summary, /工作联系人的工作手机/);
    assert.ok(!items[0].summary.includes('13974512345'));
  });

  test('the agency\'s own phone and labelled service numbers are not findings', async () => {
    const doc = await registerDocument(s.ctx, staff('clerk'), input({
      title: '关于做好2026年义务教育招生入学工作的通知',
      bodyHtml: '<p>联系电话：0745-7623456。招生咨询电话：0745-7654321。洪教发〔2026〕12号，2026年3月2日。</p>',
    }));
    assert.deepEqual((await scanDocument(s.ctx, doc.id)).findings, []);
  });

  test('rescanDocument: whoever may read the document (a supervisor above the agency included) rescans it; anybody else is refused and nothing is stored', async () => {
    const doc = await registerDocument(s.ctx, staff('clerk'), input({
      title: '2026年暑期教师培训报到须知',
      bodyHtml: '<p>报到地点：市教育局人事股。</p><p>联系人：李老师，手机13974598765。</p>',
    }));
    const scanBefore = await s.ctx.repos.privacy.findings.scanOf(doc.id);
    const eventsBefore = (await s.ctx.repos.audit.list({}, 1, 1)).total;
    // Not signed in, another agency's office: refused (another agency's document is not found).
    await rejects(rescanDocument(s.ctx, pub, doc.id), 401);
    await rejects(rescanDocument(s.ctx, staff('otherOffice'), doc.id), 404, /未找到该文件/);
    await rejects(rescanDocument(s.ctx, staff('office'), 2_000_000_000), 404);
    assert.deepEqual(await s.ctx.repos.privacy.findings.scanOf(doc.id), scanBefore);
    assert.deepEqual(await s.ctx.repos.privacy.findings.allForDocument(doc.id), []);
    assert.equal((await s.ctx.repos.audit.list({}, 1, 1)).total, eventsBefore);

    // The supervising office of the agency above reads the document, so it may rescan it; the scan is its.
    const bySupervisor = await rescanDocument(s.ctx, staff('supervisor'), doc.id);
    assert.equal(bySupervisor.documentId, doc.id);
    assert.deepEqual(bySupervisor.findings.map((f) => [f.kind, f.masked, f.status]), [['mobile', '139****8765', 'open']]);
    const { items: [scanned] } = await s.ctx.repos.audit.list({ action: 'privacy.scanned', subjectId: String(doc.id) }, 1, 10);
    assert.equal(scanned.actor_id, w.users.supervisor.id);
    // Staff of the document's agency, whatever their role: a rescan decides nothing.
    const byClerk = await rescanDocument(s.ctx, staff('clerk2'), doc.id);
    assert.equal(byClerk.open, 1);
    assert.equal(byClerk.added, 0);
    // The supervisor's rescan leaves decisions where they were: justifying is still the agency's reviewer's.
    await rejects(recordJustification(s.ctx, staff('supervisor'), bySupervisor.findings[0].id, '工作联系人的工作手机'), 404);
  });

  test('an XLSX recruitment list of 200 rows: refused with sheet and cell, masked copy through the service, then approved', async () => {
    const doc = await registerDocument(s.ctx, staff('clerk'), input({ title: '2026年公开招聘教师拟聘用人员名单公示' }));
    const att = await addAttachment(s.ctx, staff('clerk'), doc.id, { filename: '拟聘用人员名单.xlsx', data: await recruitmentXlsx(200) });
    await submitDocument(s.ctx, staff('clerk'), doc.id);
    const refusal = await rejects(approveDocument(s.ctx, staff('reviewer'), doc.id), 409, /工作表“拟聘用人员”单元格C2有居民身份证号码/);
    assert.match(refusal.message, /等共400处/);
    const copy = await createMaskedCopy(s.ctx, staff('reviewer'), doc.id, att.id);
    assert.equal(copy.maskedCells, 400);
    const data = (await new FileStore(s.ctx.config.storageDir).get(copy.attachment.sha256))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as never);
    assert.match(String(wb.getWorksheet('拟聘用人员')!.getCell('C2').value), /^431281\*{8}\d{3}[\dX]$/);
    assert.equal(wb.getWorksheet('拟聘用人员')!.getCell('D2').value, '139****0001');
    assert.equal(wb.getWorksheet('拟聘用人员')!.getCell('B2').value, '考生1');
    await approveDocument(s.ctx, staff('reviewer'), doc.id);
  });

  let legacyId = 0;
  test('the sweep lists published documents with personal data by agency; 撤回 takes one down', async () => {
    // A document published before the guard existed: its attachment went up unchecked.
    const doc = await registerDocument(s.ctx, staff('clerk'), input({ title: '2025年秋季学期学生资助名单' }));
    await submitDocument(s.ctx, staff('clerk'), doc.id);
    await approveDocument(s.ctx, staff('reviewer'), doc.id);
    await publishDocument(s.ctx, staff('office'), doc.id);
    const data = await aidListDocx(ID);
    const stored = await new FileStore(s.ctx.config.storageDir).put(data);
    await s.ctx.repos.attachments.insert({
      documentId: doc.id, filename: '2025秋资助名单.docx', kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: stored.size, sha256: stored.sha256, text: '', checkable: true, uploadedBy: null,
    }, s.ctx.now());
    legacyId = doc.id;

    const run = await sweepPublished(s.ctx, [w.bureauId, w.cityId]);
    assert.ok(run.scanned >= 2);
    assert.deepEqual(run.agencies.map((a) => [a.agencyId, a.findingCount]), [[w.bureauId, 1]]);
    assert.deepEqual(run.agencies[0].documents.map((d) => [d.documentId, d.findings.map((f) => `${f.location} ${f.kindLabel} ${f.masked}`)]), [
      [doc.id, [`附件“2025秋资助名单.docx”表格1第2行第3列 居民身份证号码 ${maskedId}`]],
    ]);

    const forSupervisor = await privacyOverview(s.ctx, staff('supervisor'));
    assert.equal(forSupervisor.findingCount, 1);
    assert.equal(forSupervisor.agencies[0].documents[0].canWithdraw, false);
    const forOffice = await privacyOverview(s.ctx, staff('office'));
    assert.equal(forOffice.agencies[0].documents[0].canWithdraw, true);
    await rejects(privacyOverview(s.ctx, staff('clerk')), 403);
    assert.equal((await privacyOverview(s.ctx, staff('otherOffice'))).findingCount, 0);

    await withdrawDocument(s.ctx, staff('office'), doc.id, '附件含有学生身份证号码，撤回处理后重新发布');
    assert.equal((await privacyOverview(s.ctx, staff('supervisor'))).findingCount, 0);
  });

  test('suggestions: a published document matching a description is suggested; opening and deflection are counted per month', async () => {
    const first = await suggestFor(s.ctx, { agencyCode: code, form: 'apply', text: '我想申请公开今年春季学期学生资助的名单' });
    assert.ok(first.token);
    assert.deepEqual(first.items.map((i) => i.entryId), [`document-${aidDocId}`]);
    assert.equal(first.items[0].href, `/gk/${code}/suggest/document-${aidDocId}?s=${first.token}`);
    // The withdrawn document is not suggested, however well it matches.
    assert.ok(!first.items.some((i) => i.entryId === `document-${legacyId}`));
    // Typing on: the same record.
    const again = await suggestFor(s.ctx, { agencyCode: code, form: 'apply', text: '春季学期学生资助名单', token: first.token });
    assert.equal(again.token, first.token);
    assert.equal((await s.ctx.repos.privacy.suggestions.byToken(first.token!))!.shown_count, 2);

    assert.deepEqual((await suggestFor(s.ctx, { agencyCode: code, form: 'apply', text: '天气' })).items, []);
    assert.deepEqual((await suggestFor(s.ctx, { agencyCode: code, form: 'apply', text: '我想了解城市轨道交通运营数据' })).items, []);

    const url = await openSuggestion(s.ctx, code, `document-${aidDocId}`, first.token);
    assert.equal(url, `/gk/${code}/doc/${aidDocId}`);
    await rejects(openSuggestion(s.ctx, code, `document-${legacyId}`, first.token), 404);
    await rejects(openSuggestion(s.ctx, code, 'document-x', null), 404);

    // A second form: the suggestion was opened and the application still submitted.
    const second = await suggestFor(s.ctx, { agencyCode: code, form: 'apply', text: '学生资助名单' });
    await openSuggestion(s.ctx, code, `document-${aidDocId}`, second.token);
    await suggestionFollowed(s.ctx, second.token, 'application', 4242);
    await suggestionFollowed(s.ctx, 'not-a-token', 'application', 1);

    const report = await deflectionReport(s.ctx, staff('office'), 2026);
    const march = report.months.find((m) => m.month === '2026-03')!;
    assert.deepEqual({ shown: march.shown, opened: march.opened, followed: march.followed, deflected: march.deflected }, { shown: 2, opened: 2, followed: 1, deflected: 1 });
    assert.equal(march.rate, 0.5);
    assert.equal(report.total.deflected, 1);
    await rejects(deflectionReport(s.ctx, staff('clerk'), 2026), 403);
  });

  test('timing figures: first response and final reply in working days, on time and extended shares', async () => {
    const act = (who: keyof World['users'], id: number, req: Record<string, unknown> & { type: string }) => performAction(s.ctx, w.actor(who), id, req);
    // A: replied on the 4th working day.
    const a = await registerOn(s.ctx, w, '2025-11-03');
    await act('office', a.id, { type: 'assign', on: '2025-11-04', departmentId: w.departments['基础教育股'] });
    await act('clerk', a.id, { type: 'draft-reply', on: '2025-11-05', outcome: 'disclosed', details: '现将文件提供给您。' });
    await act('reviewer', a.id, { type: 'approve-reply', on: '2025-11-06' });
    await act('office', a.id, { type: 'reply', on: '2025-11-07' });
    // B: correction requested on the 2nd working day, extended, replied later.
    const b = await registerOn(s.ctx, w, '2025-11-03');
    await act('office', b.id, { type: 'request-correction', on: '2025-11-05', items: '请写明年份' });
    await act('office', b.id, { type: 'receive-correction', on: '2025-11-10', description: '申请公开2025年招生范围划分文件' });
    await act('head', b.id, { type: 'extend', on: '2025-12-01', reason: '需要调取档案' });
    await act('office', b.id, { type: 'assign', on: '2025-12-02', departmentId: w.departments['基础教育股'] });
    await act('clerk', b.id, { type: 'draft-reply', on: '2025-12-15', outcome: 'disclosed', details: '现将文件提供给您。' });
    await act('reviewer', b.id, { type: 'approve-reply', on: '2025-12-16' });
    await act('office', b.id, { type: 'reply', on: '2025-12-17' });
    // C: received, not answered yet.
    await registerOn(s.ctx, w, '2025-12-29');

    const cal = await s.ctx.calendar();
    const f = await agencyTiming(s.ctx.repos, cal, w.bureauId, 2025);
    assert.equal(f.received, 3);
    assert.equal(f.firstResponse.count, 2);
    assert.deepEqual([f.firstResponse.median, f.firstResponse.p90], [3, 4]); // 2 and 4 working days
    const bDays = cal.workingDaysBetween('2025-11-03', '2025-12-17');
    assert.equal(bDays, 32);
    assert.deepEqual([f.finalReply.count, f.finalReply.median, f.finalReply.p90], [2, (4 + bDays) / 2, bDays]);
    assert.deepEqual([f.replied, f.onTime, f.extended, f.onTimeShare, f.extendedShare], [2, 2, 1, 1, 0.5]);

    const prose = await timingParagraph(s.ctx.repos, cal, w.bureauId, 2025);
    assert.match(prose, /首次回应（受理告知、补正告知或答复等）的用时中位数为3个工作日/);
    assert.match(prose, /按期答复2件，占100\.0%；延长答复期限1件，占50\.0%/);

    const forSupervisor = await timingReport(s.ctx, staff('supervisor'), 2025);
    assert.ok(forSupervisor.rows.some((r) => r.agencyId === w.bureauId && r.figures.replied === 2));
    await rejects(timingReport(s.ctx, staff('clerk'), 2025), 403);
  });

  test('a reply that would give the applicant someone else\'s personal data is flagged (not blocked); the applicant\'s own is not', async () => {
    const act = (who: keyof World['users'], id: number, req: Record<string, unknown> & { type: string }) => performAction(s.ctx, w.actor(who), id, req);
    const r = await registerOn(s.ctx, w, '2025-11-10');
    await act('office', r.id, { type: 'assign', on: '2025-11-11', departmentId: w.departments['基础教育股'] });
    assert.deepEqual(await outgoingPrivacyWarnings(s.ctx, w.users.office, r.id), []);
    await act('clerk', r.id, {
      type: 'draft-reply', on: '2025-11-12', outcome: 'disclosed',
      details: '经查，您（联系电话13800138000）申请的信息已提供；该校负责人李某的手机13974511111请勿外传。',
    });
    const warnings = await outgoingPrivacyWarnings(s.ctx, w.users.office, r.id);
    assert.deepEqual(warnings.map((x) => [x.location, x.kindLabel, x.masked]), [['答复意见（草稿）第1行', '手机号码', '139****1111']]);
    // Not blocking: the reply goes out; the letter sent to the applicant carries the warning on.
    await act('reviewer', r.id, { type: 'approve-reply', on: '2025-11-13' });
    await act('office', r.id, { type: 'reply', on: '2025-11-14' });
    const after = await outgoingPrivacyWarnings(s.ctx, w.users.office, r.id);
    assert.ok(after.length >= 1 && after.every((x) => x.masked === '139****1111' && x.location.startsWith('附件“')), JSON.stringify(after));
    await rejects(outgoingPrivacyWarnings(s.ctx, w.users.otherOffice, r.id), 404);
  });
}, { now: () => NOW });
