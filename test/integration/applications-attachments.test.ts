// Issue 4 item 1: an applicant's optional attachments on the online application, stored with the
// application in one transaction; and the reply letter's decision wording per reply type, editable
// per agency. Run on SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import { EXE, JPEG, PDF, PNG, plainZip } from '../support/upload-fixtures.ts';
import { makeWorld, personForm, type World } from './applications-fixture.ts';
import {
  APPLICANT_FILE_KIND,
  MAX_APPLICANT_FILE_BYTES,
  checkApplicantFiles,
  submitApplication,
  type ApplicantFileInput,
} from '../../src/services/application-intake.service.ts';
import { caseFile, caseView, receiptData, trackApplication, trackedFile } from '../../src/services/application-case.service.ts';
import { performAction } from '../../src/services/application-action.service.ts';
import {
  letterForAction,
  listDecisionWordings,
  receiptLetter,
  saveDecisionWording,
} from '../../src/services/application-letter.service.ts';
import { DECISION_WORDING } from '../../src/output/application-letters.ts';
import { OUTCOME_CODES } from '../../src/domain/application-workflow.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../src/services/errors.ts';

const NOW = new Date('2025-12-31T04:00:00Z');
const PUBLIC = { kind: 'public' as const, ip: '203.0.113.7' };

forEachDialect('applicant attachments and decision wording', (s) => {
  let w: World;
  let code: string;
  let nonce = 0;
  const submit = (files: ApplicantFileInput[], key = `attach-test-${++nonce}`, form = personForm()) =>
    submitApplication(s.ctx, PUBLIC, { agencyCode: code, form, files, idempotency: { source: 'form', key } });
  const counts = async () => {
    const apps = await s.ctx.repos.applications.all({ agencyIds: [w.bureauId] });
    let files = 0;
    for (const a of apps) files += (await s.ctx.repos.applications.files(a.id)).length;
    return { apps: apps.length, files };
  };

  test('setup', async () => {
    w = await makeWorld(s.ctx);
    code = (await s.ctx.repos.agencies.byId(w.bureauId))!.code;
  });

  test('attachments are stored with the application: kind applicant, not public, the detected type, tied to the received event', async () => {
    const csv = Buffer.from('姓名,学校\n张晓明,实验小学\n', 'utf8');
    const r = await submit([
      { filename: '身份证扫描件.pdf', content: PDF },
      { filename: 'photo.png', content: PNG },
      { filename: '名单.csv', content: csv },
    ]);
    const files = await s.ctx.repos.applications.files(r.id);
    assert.deepEqual(files.map((f) => [f.filename, f.kind, f.is_public, f.mime, f.size]), [
      ['身份证扫描件.pdf', APPLICANT_FILE_KIND, 0, 'application/pdf', PDF.length],
      ['photo.png', APPLICANT_FILE_KIND, 0, 'image/png', PNG.length],
      ['名单.csv', APPLICANT_FILE_KIND, 0, 'text/csv', csv.length],
    ]);
    const [received] = await s.ctx.repos.applications.events(r.id);
    assert.equal(received.type, 'received');
    assert.ok(files.every((f) => f.event_id === received.id));
    const stored = await s.ctx.repos.applications.file(r.id, files[0].id);
    assert.ok(stored!.content.equals(PDF), 'the bytes come back unchanged');
    const audit = await s.ctx.repos.audit.forSubject('application', r.id);
    assert.match(audit[0].summary, /"attachments":3/);
    assert.doesNotMatch(audit[0].summary, /身份证扫描件/, 'file names (personal data) stay out of the audit chain');
  });

  test('a file whose content is not an accepted type refuses the whole submission, naming the file; nothing is stored', async () => {
    const before = await counts();
    for (const [bad, why] of [
      [{ filename: '委托书.pdf', content: EXE }, /“委托书\.pdf”的内容不是可接受的类型/],
      [{ filename: 'scan.pdf', content: await plainZip() }, /“scan\.pdf”的内容不是可接受的类型/],
      [{ filename: 'list.csv', content: EXE }, /“list\.csv”的内容不是可接受的类型/],
      [{ filename: 'empty.pdf', content: Buffer.alloc(0) }, /“empty\.pdf”是空文件/],
      [{ filename: 'big.pdf', content: Buffer.concat([PDF, Buffer.alloc(MAX_APPLICANT_FILE_BYTES)]) }, /“big\.pdf”超过10MB/],
    ] as const) {
      await assert.rejects(submit([{ filename: 'ok.pdf', content: PDF }, bad]), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.match(e.fields!.attachments, why);
        assert.doesNotMatch(e.fields!.attachments, /ok\.pdf/, 'the good file is not blamed');
        return true;
      });
    }
    await assert.rejects(submit(Array.from({ length: 6 }, (_, i) => ({ filename: `f${i}.pdf`, content: PDF }))), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.fields!.attachments, /最多可以上传5个附件/);
      return true;
    });
    assert.deepEqual(await counts(), before);
  });

  test('file names are made safe: no directories, no control characters; the extension follows the content', async () => {
    const r = await submit([
      { filename: '../../etc/passwd.pdf', content: PDF },
      { filename: '..\\..\\windows\\申请书\u0000.png', content: PNG },
      { filename: '授权委托书.doc', content: PDF },
    ]);
    const names = (await s.ctx.repos.applications.files(r.id)).map((f) => f.filename);
    assert.deepEqual(names, ['passwd.pdf', '申请书.png', '授权委托书.doc.pdf']);
    const check = checkApplicantFiles([{ filename: '/', content: PDF }]);
    assert.ok(check.ok && check.files[0].filename === '附件.pdf');
  });

  test('a resubmitted form with the same files finds the first application; the same nonce with other files is a conflict', async () => {
    const files = [{ filename: 'a.pdf', content: PDF }];
    const first = await submit(files, 'double-submit-nonce-1');
    const before = await counts();
    const again = await submit(files, 'double-submit-nonce-1');
    assert.equal(again.id, first.id);
    assert.equal(again.replayed, true);
    assert.deepEqual(await counts(), before, 'no second application, no second copy of the file');
    await assert.rejects(submit([{ filename: 'a.pdf', content: PNG }], 'double-submit-nonce-1'), (e: unknown) => e instanceof DomainError && e.code === 'idempotency_conflict');
    await assert.rejects(submit([], 'double-submit-nonce-1'), (e: unknown) => e instanceof DomainError && e.code === 'idempotency_conflict');
    assert.deepEqual(await counts(), before);
  });

  test('the receipt (page data and .docx) lists the attached file names; the tracking view lists them but never serves them', async () => {
    const r = await submit([{ filename: '身份证.jpg', content: JPEG }, { filename: '申请书.pdf', content: PDF }]);
    const { app, receipt } = await receiptData(s.ctx, r.trackingCode);
    assert.deepEqual(receipt.attachments, ['身份证.jpg', '申请书.pdf']);
    const letter = await receiptLetter(s.ctx, app);
    assert.match(letter.text, /随申请提交的附件（2个）：身份证\.jpg、申请书\.pdf。/);
    const plain = await submit([]);
    assert.doesNotMatch((await receiptLetter(s.ctx, (await receiptData(s.ctx, plain.trackingCode)).app)).text, /随申请提交的附件/);

    const view = await trackApplication(s.ctx, { trackingCode: r.trackingCode, phoneLast4: '8000' });
    assert.deepEqual(view.applicantFiles, ['身份证.jpg', '申请书.pdf']);
    assert.deepEqual(view.files, [], 'not among the downloads');
    const [file] = await s.ctx.repos.applications.files(r.id);
    await assert.rejects(trackedFile(s.ctx, { trackingCode: r.trackingCode, phoneLast4: '8000', fileId: file.id }), NotFoundError);
  });

  test('staff who handle the case see and download the files; a clerk of another department and another agency do not', async () => {
    const r = await submit([{ filename: '身份证.pdf', content: PDF }]);
    const [file] = await s.ctx.repos.applications.files(r.id);
    const view = await caseView(s.ctx, w.users.office, r.id);
    assert.deepEqual(view.files.map((f) => [f.filename, f.kind, f.isPublic]), [['身份证.pdf', APPLICANT_FILE_KIND, false]]);
    assert.ok((await caseFile(s.ctx, w.users.office, r.id, file.id)).content.equals(PDF));
    await performAction(s.ctx, w.actor('office'), r.id, { type: 'assign', on: '2025-12-31', departmentId: w.departments['基础教育股'] });
    assert.ok((await caseFile(s.ctx, w.users.clerk, r.id, file.id)).content.equals(PDF), 'the assigned department');
    await assert.rejects(caseFile(s.ctx, w.users.clerk2, r.id, file.id), ForbiddenError);
    await assert.rejects(caseFile(s.ctx, w.users.otherOffice, r.id, file.id), NotFoundError);
  });

  test('decision wording: the built-in text by default; an agency’s own wording with placeholders filled; reset restores the default', async () => {
    const r = await submit([]);
    const app = (await s.ctx.repos.applications.byId(r.id))!;
    const agency = (await s.ctx.repos.agencies.byId(w.bureauId))!;
    const reply = () => letterForAction(s.ctx, { action: 'reply', app, agency, on: '2026-01-05', data: { outcome: 'not_held', details: '' }, events: [] });
    assert.match((await reply())!.text, new RegExp(DECISION_WORDING.not_held));

    const listed = await listDecisionWordings(s.ctx, w.users.office);
    const notHeld = listed.find((d) => d.outcome === 'not_held')!;
    assert.equal(notHeld.isDefault, true);
    assert.equal(notHeld.body, DECISION_WORDING.not_held);
    assert.equal(listed.length, OUTCOME_CODES.length, 'one per reply type');

    await saveDecisionWording(s.ctx, w.actor('office'), 'not_held', '经{{agencyName}}全面检索，您于{{receivedOn}}申请的信息本机关未制作也未获取。');
    const text = (await reply())!.text;
    assert.match(text, /经洪江市教育局全面检索，您于2025年12月31日申请的信息本机关未制作也未获取。/);
    assert.doesNotMatch(text, /\{\{/);
    assert.doesNotMatch(text, new RegExp(DECISION_WORDING.not_held));
    const other = (await letterForAction(s.ctx, { action: 'reply', app, agency, on: '2026-01-05', data: { outcome: 'disclosed', details: '' }, events: [] }))!.text;
    assert.match(other, new RegExp(DECISION_WORDING.disclosed), 'other reply types keep their wording');
    const saved = (await listDecisionWordings(s.ctx, w.users.office)).find((d) => d.outcome === 'not_held')!;
    assert.equal(saved.isDefault, false);
    assert.ok(saved.updatedAt);
    assert.equal((await listDecisionWordings(s.ctx, w.users.otherOffice)).find((d) => d.outcome === 'not_held')!.isDefault, true, 'per agency');
    const audit = await s.ctx.repos.audit.forSubject('decision_wording', 'not_held');
    assert.equal(audit.at(-1)!.action, 'application.decision_wording_saved');

    await saveDecisionWording(s.ctx, w.actor('office'), 'not_held', null);
    assert.match((await reply())!.text, new RegExp(DECISION_WORDING.not_held));
  });

  test('decision wording: unknown placeholders, empty or overlong text, unknown reply types and other roles are refused; nothing changes', async () => {
    for (const [body, why] of [
      ['经{{agencyNmae}}检索，信息不存在。', /无法识别的占位符：\{\{agencyNmae\}\}/],
      ['{{title}}不存在', /无法识别的占位符：\{\{title\}\}/],
      ['   ', /决定措辞不能为空/],
      ['长'.repeat(2001), /决定措辞过长/],
    ] as const) {
      await assert.rejects(saveDecisionWording(s.ctx, w.actor('office'), 'repeat_application', body), (e: unknown) => e instanceof ValidationError && why.test(e.fields!.body));
    }
    await assert.rejects(saveDecisionWording(s.ctx, w.actor('office'), 'no_such_outcome', '文字'), NotFoundError);
    await assert.rejects(saveDecisionWording(s.ctx, w.actor('clerk'), 'repeat_application', '文字'), ForbiddenError);
    await assert.rejects(saveDecisionWording(s.ctx, PUBLIC, 'repeat_application', '文字'), ForbiddenError);
    assert.equal((await listDecisionWordings(s.ctx, w.users.office)).find((d) => d.outcome === 'repeat_application')!.isDefault, true);
  });
}, { now: () => NOW });
