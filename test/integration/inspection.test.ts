// The site inspection (issue 9) on both dialects, over the demo data: the planted problems are each
// found once and disappear once fixed, a clean agency has no findings, the city's findings are its
// own; error reports get their deadline and reach the public statistics once answered; links,
// settings, the supervisor's view, the daily job, the trend and the monthly report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// The database helper first: its PostgreSQL probe (2 s timeout) completes before the application's
// modules are evaluated below, so a busy machine does not make it give up and skip the dialect.
import { forEachDialect, type DialectSuite } from '../support/db.ts';
import type { Actor, StaffUser } from '../../src/services/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { Agency } from '../../src/db/schema.ts';
import type { Finding } from '../../src/domain/inspection.ts';
import type { DocumentInput } from '../../src/services/document.service.ts';
import type { ProbeResult } from '../../src/services/inspection.service.ts';

const { default: JSZip } = await import('jszip');
const { loadDemo } = await import('../../src/demo/seed.ts');
const { DEMO_PLANTED, demoFormBytes } = await import('../../src/demo/inspection.ts');
const { addDays, chinaDateOf } = await import('../../src/domain/dates.ts');
const { FileStore } = await import('../../src/storage/file-store.ts');
const { approveDocument, publishDocument, registerDocument, submitDocument, withdrawDocument } = await import('../../src/services/document.service.ts');
const { answerQuestion } = await import('../../src/services/question.service.ts');
const { checkText, healthPage, leagueTable, monthlyReport, runDailyInspections, runInspection, runInspectionAs, runSupervisedInspections } = await import('../../src/services/inspection.service.ts');
const { addColumn, addTextRule, columnsOf, deleteTextRule, textRulesOf, updateColumn } = await import('../../src/services/inspection-settings.service.ts');
const { errorReportInbox, publicErrorReportStats, replyErrorReport, submitErrorReport } = await import('../../src/services/error-report.service.ts');
const { inspectionReportDocx } = await import('../../src/output/inspection-docx.ts');
const { runOnce } = await import('../../src/jobs/scheduler.ts');
const { inspectionJob } = await import('../../src/jobs/inspection.job.ts');
const { escapeText } = await import('../../src/web/sanitize.ts');
const { DomainError, ForbiddenError, NotFoundError, ValidationError } = await import('../../src/services/errors.ts');
const { sweepPublished } = await import('../../src/services/privacy-sweep.service.ts');

const p = (...lines: string[]) => lines.map((l) => `<p>${escapeText(l)}</p>`).join('');

async function actorFor(ctx: ServiceContext, username: string): Promise<Actor> {
  const row = await ctx.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return { kind: 'staff', user: (await ctx.repos.users.staffUser(row.id)) as StaffUser, ip: '127.0.0.1' };
}

interface Staff { clerk: Actor; reviewer: Actor; office: Actor }

async function publish(ctx: ServiceContext, staff: Staff, input: Omit<DocumentInput, 'disclosure' | 'createdOn'> & { createdOn?: string }) {
  const doc = await registerDocument(ctx, staff.clerk, { createdOn: chinaDateOf(ctx.now()), disclosure: 'proactive', ...input });
  await submitDocument(ctx, staff.clerk, doc.id);
  await approveDocument(ctx, staff.reviewer, doc.id, '同意公开');
  return publishDocument(ctx, staff.office, doc.id);
}

/** A new agency with its own clerk, reviewer and office (each username prefixed with its code). */
async function newAgency(ctx: ServiceContext, code: string, name: string, parentId: number | null): Promise<{ agency: Agency; staff: Staff }> {
  const now = ctx.now();
  const agency = await ctx.repos.agencies.insert({
    code, name, short_name: null, parent_id: parentId, credit_code: '11431281MB1234567X', address: '洪江市', postcode: '418100', office_hours: '', phone: '0745-1234567',
    fax: '', email: '', website: '', office_name: `${name}办公室`, index_pattern: '{creditCode}/{year}-{serial:5}', created_at: now.toISOString(),
  });
  const dept = await ctx.repos.agencies.addDepartment(agency.id, '办公室', 0);
  const staff = {} as Staff;
  for (const role of ['clerk', 'reviewer', 'office'] as const) {
    const u = await ctx.repos.users.insert({ username: `${code}_${role}`, displayName: `${name}${role}`, passwordHash: 'x', agencyId: agency.id, departmentId: dept.id, isSysadmin: false, roles: [role] }, now);
    staff[role] = { kind: 'staff', user: (await ctx.repos.users.staffUser(u.id)) as StaffUser, ip: '127.0.0.1' };
  }
  return { agency, staff };
}

const matching = (findings: readonly Finding[], check: string, text: string) => findings.filter((f) => f.check === check && (f.title.includes(text) || f.subjectId === text));

forEachDialect('site inspection', (s: DialectSuite) => {
  let bureau: Agency;
  let city: Agency;
  let staff: Staff;

  test('the demo loads and its first inspection has run for each agency', async () => {
    await loadDemo(s.ctx);
    bureau = (await s.ctx.repos.agencies.byCode('hjjyj'))!;
    city = (await s.ctx.repos.agencies.byCode('hjs'))!;
    staff = { clerk: await actorFor(s.ctx, 'clerk'), reviewer: await actorFor(s.ctx, 'reviewer'), office: await actorFor(s.ctx, 'office') };
    assert.ok(await s.ctx.repos.inspection.runs.latest(bureau.id));
    assert.ok(await s.ctx.repos.inspection.runs.latest(city.id));
  });

  test('each planted problem is found exactly once, with a link to the offending item', async () => {
    const { assessment: a } = await runInspection(s.ctx, bureau.id, { externalLinks: false });
    const stale = matching(a.findings, 'column_stale', DEMO_PLANTED.staleColumn.column);
    const attachment = matching(a.findings, 'broken_attachment', DEMO_PLANTED.brokenAttachment.filename);
    const policy = matching(a.findings, 'policy_without_interpretation', DEMO_PLANTED.policyWithoutInterpretation.title);
    const question = matching(a.findings, 'question_overdue', DEMO_PLANTED.overdueQuestion.subject);
    const word = matching(a.findings, 'text_forbidden', DEMO_PLANTED.sensitiveWord.pattern);
    for (const [name, list] of Object.entries({ stale, attachment, policy, question, word })) assert.equal(list.length, 1, `${name}: ${JSON.stringify(a.findings.map((f) => f.title))}`);
    assert.match(attachment[0].publicHref!, /^\/gk\/hjjyj\/doc\/\d+\/files\/\d+\//);
    assert.match(policy[0].href, /^\/console\/documents\/\d+$/);
    assert.match(question[0].href, /^\/console\/questions\/\d+$/);
    assert.equal(stale[0].publicHref, '/gk/hjjyj/catalog?topic=tzgg');
    // The forbidden expression is a serious error: the site is predicted to fail.
    assert.equal(word[0].severity, 'veto');
    assert.equal(a.result, 'fail');
    assert.deepEqual(a.vetoes.map((v) => v.indicator), ['security']);
    // Nothing of another kind hides among them: no planted document shows up twice.
    const docIds = [attachment, policy, word].map((l) => l[0].subjectId);
    assert.equal(a.findings.filter((f) => docIds.includes(f.subjectId) && f.subjectType === 'document').length, 2); // policy + word (the attachment's subject is the attachment)
  });

  test('the city has its own findings and none of the bureau’s', async () => {
    const { assessment: a } = await runInspection(s.ctx, city.id, { externalLinks: false });
    assert.ok(a.findings.length > 0);
    const titles = a.findings.map((f) => f.title).join('\n');
    for (const planted of [DEMO_PLANTED.brokenAttachment.filename, DEMO_PLANTED.policyWithoutInterpretation.title, DEMO_PLANTED.overdueQuestion.subject, DEMO_PLANTED.sensitiveWord.pattern]) {
      assert.ok(!titles.includes(planted), planted);
    }
    assert.ok(a.findings.some((f) => f.check === 'site_not_updated'));
  });

  test('fixing each planted problem makes it disappear from the next run', async () => {
    const before = (await runInspection(s.ctx, bureau.id, { externalLinks: false })).assessment;
    // 1. a new notice in the 通知公告 column
    await publish(s.ctx, staff, { title: '洪江市教育局关于做好寒假安全工作的通知', category: 'qtzyxx', genre: '通知', topics: [DEMO_PLANTED.staleColumn.topicCode], bodyHtml: p('各中小学：请做好寒假安全教育。') });
    // 2. the lost file put back into the store
    await new FileStore(s.ctx.config.storageDir).put(await demoFormBytes());
    // 3. the interpretation, linked to the policy
    const policyId = Number(matching(before.findings, 'policy_without_interpretation', DEMO_PLANTED.policyWithoutInterpretation.title)[0].subjectId);
    await publish(s.ctx, staff, { title: '《洪江市中小学课后服务管理办法》政策解读', category: 'zcwj', genre: '其他', topics: ['zcjd'], interpretationOfId: policyId, bodyHtml: p('一、出台背景。二、主要内容。') });
    // 4. the question answered
    const questionId = Number(matching(before.findings, 'question_overdue', DEMO_PLANTED.overdueQuestion.subject)[0].subjectId);
    await answerQuestion(s.ctx, staff.office, questionId, { answer: '可按实际参加天数退费，请联系学校办理。', department: '基础教育股' });
    // 5. the document with the forbidden expression withdrawn (to be corrected and published again)
    const wordDocId = Number(matching(before.findings, 'text_forbidden', DEMO_PLANTED.sensitiveWord.pattern)[0].subjectId);
    await withdrawDocument(s.ctx, staff.office, wordDocId, '含不当表述，更正后重新发布');

    const after = (await runInspection(s.ctx, bureau.id, { externalLinks: false })).assessment;
    const planted = new Set([
      matching(before.findings, 'column_stale', DEMO_PLANTED.staleColumn.column), matching(before.findings, 'broken_attachment', DEMO_PLANTED.brokenAttachment.filename),
      matching(before.findings, 'policy_without_interpretation', DEMO_PLANTED.policyWithoutInterpretation.title), matching(before.findings, 'question_overdue', DEMO_PLANTED.overdueQuestion.subject),
      matching(before.findings, 'text_forbidden', DEMO_PLANTED.sensitiveWord.pattern),
    ].map((l) => l[0].fingerprint));
    assert.equal(planted.size, 5);
    assert.deepEqual(after.findings.filter((f) => planted.has(f.fingerprint)).map((f) => f.title), []);
    // What was not touched is still there (the documents area's overdue registrations).
    assert.deepEqual(after.findings.filter((f) => f.check === 'publication_overdue').map((f) => f.fingerprint), before.findings.filter((f) => f.check === 'publication_overdue').map((f) => f.fingerprint));
    assert.deepEqual(after.vetoes, []);
    assert.equal(after.result, 'pass');
  });

  test('a clean agency shows no findings and scores 100', async () => {
    const { agency, staff: own } = await newAgency(s.ctx, 'clean', '洪江市示范局', city.id);
    await publish(s.ctx, own, { title: '洪江市示范局关于开展读书月活动的通知', category: 'qtzyxx', genre: '通知', bodyHtml: p('各单位：现开展读书月活动。') });
    const policy = await publish(s.ctx, own, { title: '洪江市示范局文明单位创建办法', category: 'zcwj', genre: '办法', art20Class: 'normative_document', bodyHtml: p('第一条 为推进文明单位创建，制定本办法。') });
    await publish(s.ctx, own, { title: '《洪江市示范局文明单位创建办法》解读', category: 'zcwj', genre: '其他', interpretationOfId: policy.id, bodyHtml: p('一、制定背景。二、主要内容。') });
    const { assessment: a, run } = await runInspection(s.ctx, agency.id, { externalLinks: false });
    assert.deepEqual(a.findings.map((f) => f.title), []);
    assert.equal(a.score, 1000);
    assert.equal(a.result, 'pass');
    assert.equal(run.documents_checked, 3);
  });

  test('an error report from the public: deadline in the console, answered → public statistics; overdue → a finding', async () => {
    const statsBefore = await publicErrorReportStats(s.ctx, 'hjjyj');
    const receipt = await submitErrorReport(s.ctx, { kind: 'public', ip: '203.0.113.5' }, 'hjjyj', { pageUrl: 'http://localhost:3000/gk/hjjyj/guide?x=1', description: '指南页面的邮政编码写错了。', contact: '13900000000' });
    const cal = await s.ctx.calendar();
    assert.equal(receipt.dueOn, cal.addWorkingDays(receipt.receivedOn, 3).date);
    const inbox = await errorReportInbox(s.ctx, staff.office, 'pending');
    const mine = inbox.rows.find((r) => r.description === '指南页面的邮政编码写错了。')!;
    assert.equal(mine.pageUrl, '/gk/hjjyj/guide?x=1');
    assert.equal(mine.dueOn, receipt.dueOn);
    assert.equal(mine.contact, '13900000000');
    await assert.rejects(errorReportInbox(s.ctx, staff.clerk, 'pending'), ForbiddenError);
    await replyErrorReport(s.ctx, staff.office, mine.id, '已更正，感谢您的指正。');
    await assert.rejects(replyErrorReport(s.ctx, staff.office, mine.id, '再次答复'), DomainError);
    const statsAfter = await publicErrorReportStats(s.ctx, 'hjjyj');
    assert.equal(statsAfter.total.received, statsBefore.total.received + 1);
    assert.equal(statsAfter.total.replied, statsBefore.total.replied + 1);
    assert.equal(statsAfter.total.repliedOnTime, statsBefore.total.repliedOnTime + 1);
    assert.equal(statsAfter.months[0].month, chinaDateOf(s.ctx.now()).slice(0, 7));

    await assert.rejects(submitErrorReport(s.ctx, { kind: 'public', ip: '203.0.113.5' }, 'hjjyj', { pageUrl: 'https://evil.example/x', description: '短', contact: '' }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(Object.keys(e.fields ?? {}).sort(), ['description', 'pageUrl']);
      return true;
    });

    // Ten days ago, never answered: the inspection lists it; answered, it goes.
    const tenDaysAgo = { ...s.ctx, now: () => new Date(s.ctx.now().getTime() - 10 * 86_400_000) };
    await submitErrorReport(tenDaysAgo, { kind: 'public', ip: '203.0.113.6' }, 'hjjyj', { pageUrl: '/gk/hjjyj/catalog', description: '目录里有一条重复的信息。', contact: '' });
    const run1 = (await runInspection(s.ctx, bureau.id, { externalLinks: false })).assessment;
    const overdue = run1.findings.filter((f) => f.check === 'error_report_overdue');
    assert.equal(overdue.length, 1);
    await replyErrorReport(s.ctx, staff.office, Number(overdue[0].subjectId), '已删除重复的信息。');
    const run2 = (await runInspection(s.ctx, bureau.id, { externalLinks: false })).assessment;
    assert.equal(run2.findings.filter((f) => f.check === 'error_report_overdue').length, 0);
  });

  test('links: internal ones resolved against the registry and the file store; external ones only when switched on, only to what documents contain', async () => {
    const { agency, staff: own } = await newAgency(s.ctx, 'links', '洪江市链接测试局', city.id);
    const target = await publish(s.ctx, own, { title: '被链接的通知', category: 'qtzyxx', genre: '通知', bodyHtml: p('正文') });
    const gone = await publish(s.ctx, own, { title: '将撤回的通知', category: 'qtzyxx', genre: '通知', bodyHtml: p('正文') });
    await withdrawDocument(s.ctx, own.office, gone.id, '已过时');
    const body = [
      `<p><a href="/gk/links/doc/${target.id}">有效</a></p>`,
      `<p><a href="/gk/links/doc/${gone.id}">已撤回</a></p>`,
      `<p><a href="/gk/hjjyj/doc/${target.id}">机关代码不对</a></p>`,
      '<p><a href="/gk/nosuch/guide">不存在的机关</a></p>',
      '<p><a href="/nowhere">不存在的页面</a></p>',
      '<p><a href="/gk/links/catalog">目录</a><a href="#top">锚点</a><a href="mailto:a@b.cn">邮件</a></p>',
      '<p><a href="http://192.168.1.2/oa">内网</a></p>',
      '<p><a href="https://www.moe.gov.cn/ok.html">外部可用</a><a href="https://example.invalid/gone.html">外部失效</a><a href="https://www.moe.gov.cn/ok.html">重复</a></p>',
    ].join('');
    await publish(s.ctx, own, { title: '带链接的通知', category: 'qtzyxx', genre: '通知', bodyHtml: body });

    const requested: string[] = [];
    const probe = async (url: string): Promise<ProbeResult> => {
      requested.push(url);
      return url.includes('gone') ? { broken: true, status: 404 } : { broken: false, status: 200 };
    };
    const off = (await runInspection(s.ctx, agency.id, { externalLinks: false, probe })).assessment;
    assert.deepEqual(requested, []);
    const broken = off.findings.filter((f) => f.check === 'broken_link').map((f) => f.detail.split('：')[0]).sort();
    assert.deepEqual(broken, [`/gk/hjjyj/doc/${target.id}`, `/gk/links/doc/${gone.id}`, '/gk/nosuch/guide', '/nowhere', 'http://192.168.1.2/oa'].sort());
    assert.match(off.findings.find((f) => f.detail.startsWith(`/gk/links/doc/${gone.id}`))!.detail, /已撤回/);

    const on = (await runInspection(s.ctx, agency.id, { externalLinks: true, probe, externalDelayMs: 0 })).assessment;
    assert.deepEqual(requested.sort(), ['https://example.invalid/gone.html', 'https://www.moe.gov.cn/ok.html']);
    const ext = on.findings.filter((f) => f.check === 'external_link');
    assert.equal(ext.length, 1);
    assert.match(ext[0].detail, /gone\.html：HTTP 404/);
  });

  test('personal data found by the privacy guard in a published document is a finding until the document is withdrawn', async () => {
    const links = (await s.ctx.repos.agencies.byCode('links'))!;
    const office = await actorFor(s.ctx, 'links_office');
    const doc = await publish(s.ctx, { clerk: await actorFor(s.ctx, 'links_clerk'), reviewer: await actorFor(s.ctx, 'links_reviewer'), office }, { title: '2026年资助名单', category: 'msgy', genre: '公告', bodyHtml: p('名单如下。') });
    // Published before the guard existed: the text carries an ID number; the sweep finds it.
    await s.ctx.repos.documents.update(doc.id, { body_html: p('张三，身份证号 11010519491231002X。'), body_text: '张三，身份证号 11010519491231002X。' });
    await sweepPublished(s.ctx, [links.id]);
    const found = (await runInspection(s.ctx, links.id, { externalLinks: false })).assessment.findings.filter((f) => f.check === 'privacy');
    assert.equal(found.length, 1);
    assert.equal(found[0].subjectId, String(doc.id));
    assert.match(found[0].title, /含个人信息（1处）/);
    await withdrawDocument(s.ctx, office, doc.id, '含个人信息');
    assert.equal((await runInspection(s.ctx, links.id, { externalLinks: false })).assessment.findings.filter((f) => f.check === 'privacy').length, 0);
  });

  test('interaction: drafts for comment closed without feedback, comments left unmoderated, a question unanswered for over 3 months (veto)', async () => {
    const links = (await s.ctx.repos.agencies.byCode('links'))!;
    const today = chinaDateOf(s.ctx.now());
    const at = (daysAgo: number) => new Date(s.ctx.now().getTime() - daysAgo * 86_400_000).toISOString();
    const c = await s.ctx.repos.consultations.insert({
      agency_id: links.id, title: '关于调整学区划分的征求意见稿', summary: '', body: '', document_ref: null, opens_on: addDays(today, -80), closes_on: addDays(today, -60),
      status: 'published', feedback_summary: '', adoption_summary: '', final_document_ref: null, created_at: at(80), updated_at: at(80), published_at: at(80), concluded_at: null,
    });
    const comment = await s.ctx.repos.consultations.insertComment({
      consultation_id: c.id, name: '', contact: '', body: '建议保留原学区。', submitted_at: at(70), ip: '', status: 'pending', public_body: '', moderated_at: null, moderated_by: null, adoption: null, response: '',
    });
    await s.ctx.repos.questions.insert({
      agency_id: links.id, code: 'LINKSQ0000001', category: 'other', subject: '学区调整何时公布', body: '请问今年学区调整何时公布？', asker_name: '', phone: '', email: 'a@example.com', keep_private: 1,
      submitted_at: at(100), received_on: addDays(today, -100), due_on: addDays(today, -93), due_provisional: 0, status: 'pending', answer: '', answer_department: '',
      answered_at: null, answered_on: null, answered_by: null, published: 0, published_at: null, public_subject: '', public_body: '', ip: '',
    });
    const a = (await runInspection(s.ctx, links.id, { externalLinks: false })).assessment;
    const feedback = a.findings.filter((f) => f.check === 'consultation_feedback_overdue');
    const comments = a.findings.filter((f) => f.check === 'comments_overdue');
    const unanswered = a.findings.filter((f) => f.check === 'question_unanswered');
    assert.deepEqual([feedback.length, comments.length, unanswered.length], [1, 1, 1]);
    assert.equal(feedback[0].href, `/console/consultations/${c.id}`);
    assert.match(comments[0].title, /有1条意见超期未处理/);
    assert.equal(unanswered[0].severity, 'veto');
    assert.ok(a.vetoes.some((v) => v.indicator === 'poor_interaction'));
    assert.equal(a.findings.filter((f) => f.check === 'question_overdue').length, 0, 'not counted twice');

    await s.ctx.repos.consultations.updateComment(comment.id, { status: 'approved', moderated_at: at(0) });
    await s.ctx.repos.consultations.update(c.id, { status: 'concluded', concluded_at: at(0), feedback_summary: '共收到意见1条。' });
    const b = (await runInspection(s.ctx, links.id, { externalLinks: false })).assessment;
    assert.equal(b.findings.filter((f) => f.check === 'consultation_feedback_overdue' || f.check === 'comments_overdue').length, 0);
  });

  test('text rules: Traditional variants are one rule; platform rules are for administrators; checkText for the registration form', async () => {
    const added = await addTextRule(s.ctx, staff.office, { scope: 'agency', kind: 'forbidden', pattern: '测试表述甲', replacement: '', severity: 'deduct', note: '' });
    await assert.rejects(addTextRule(s.ctx, staff.office, { scope: 'agency', kind: 'forbidden', pattern: '測試表述甲', replacement: '', severity: 'deduct', note: '' }), ValidationError);
    await assert.rejects(addTextRule(s.ctx, staff.office, { scope: 'platform', kind: 'forbidden', pattern: '测试表述乙', replacement: '', severity: 'deduct', note: '' }), ForbiddenError);
    await assert.rejects(addTextRule(s.ctx, staff.clerk, { scope: 'agency', kind: 'forbidden', pattern: '测试表述丙', replacement: '', severity: 'deduct', note: '' }), ForbiddenError);

    const hits = await checkText(s.ctx, bureau.id, { title: '洪江市教育委員會關於招生的說明', body: '本校報名即保錄取。' });
    assert.deepEqual(hits.map((h) => [h.field, h.kind, h.found, h.replacement, h.severity]), [
      ['title', 'miswriting', '洪江市教育委員會', '洪江市教育局', 'deduct'],
      ['body', 'forbidden', '保錄取', '', 'veto'],
    ]);
    // The bureau's own rule does not apply to the city.
    assert.deepEqual((await checkText(s.ctx, city.id, { title: '洪江市教育委员会' })).map((h) => h.found), []);

    const rules = await textRulesOf(s.ctx.repos, bureau.id);
    assert.ok(rules.agency.some((r) => r.id === added.id));
    assert.ok(rules.platform.some((r) => r.pattern === '保录取'));
    const platformRule = rules.platform.find((r) => r.pattern === '保录取')!;
    await assert.rejects(deleteTextRule(s.ctx, staff.office, platformRule.id), NotFoundError);
    await deleteTextRule(s.ctx, staff.office, added.id);
    assert.ok(!(await textRulesOf(s.ctx.repos, bureau.id)).agency.some((r) => r.id === added.id));
  });

  test('column settings: the demo adopted the defaults for the bureau; the city uses them; input is checked', async () => {
    assert.equal((await columnsOf(s.ctx.repos, city.id)).isDefault, true);
    const { columns, isDefault } = await columnsOf(s.ctx.repos, bureau.id);
    assert.equal(isDefault, false);
    const notices = columns.find((c) => c.name === '通知公告')!;
    assert.deepEqual(notices.topics, ['tzgg']);
    await assert.rejects(updateColumn(s.ctx, staff.office, notices.id!, { name: '', kind: 'x', periodValue: '0', periodUnit: 'month', categories: ['nosuch'], topics: [], genres: [] }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(Object.keys(e.fields ?? {}).sort(), ['categories', 'kind', 'name', 'periodValue']);
      return true;
    });
    await assert.rejects(addColumn(s.ctx, staff.office, { name: '空栏目', kind: 'other', periodValue: '12', periodUnit: 'month', categories: [], topics: [], genres: [] }), ValidationError);
    // A column nothing feeds yet: an empty column (空白栏目) in the next run.
    await addColumn(s.ctx, staff.office, { name: '审计结果', kind: 'other', periodValue: '12', periodUnit: 'month', categories: [], topics: ['sjjg'], genres: [] });
    await addColumn(s.ctx, staff.office, { name: '行政许可', kind: 'other', periodValue: '12', periodUnit: 'month', categories: ['xzxk'], topics: [], genres: [] });
    const a = (await runInspection(s.ctx, bureau.id, { externalLinks: false })).assessment;
    // 审计结果: the topic has documents (2021) → stale; 行政许可: last 2022 → stale as well.
    assert.deepEqual(a.findings.filter((f) => f.check === 'column_stale').map((f) => f.subjectId).sort(), ['审计结果', '行政许可']);
    await assert.rejects(updateColumn(s.ctx, await actorFor(s.ctx, 'supervisor'), notices.id!, { name: '通知公告', kind: 'notices', periodValue: '6', periodUnit: 'month', categories: [], topics: ['tzgg'], genres: [] }), ForbiddenError);
  });

  test('supervisor: a run across the agencies below, the league table with the predicted result; others see only their own', async () => {
    const supervisor = await actorFor(s.ctx, 'supervisor');
    const outcomes = await runSupervisedInspections(s.ctx, supervisor, { externalLinks: false });
    assert.deepEqual(outcomes.map((o) => o.run.agency_id).sort((a, b) => a - b), (await s.ctx.repos.agencies.all()).map((a) => a.id).sort((a, b) => a - b));
    const league = await leagueTable(s.ctx, supervisor);
    assert.equal(league.rows.length, 4);
    assert.equal(league.passed + league.failed + league.notRun, 4);
    assert.deepEqual(league.rows.map((r) => r.rank), [1, 2, 3, 4]);
    // Passing agencies rank first, by score.
    const results = league.rows.map((r) => r.run!.result);
    assert.deepEqual(results, [...results].sort((a, b) => (a === b ? 0 : a === 'pass' ? -1 : 1)));
    assert.equal(league.rows.find((r) => r.agency.code === 'clean')!.run!.score, '100');
    assert.equal(league.rows.find((r) => r.agency.code === 'hjs')!.run!.resultLabel, '不合格');

    await assert.rejects(leagueTable(s.ctx, staff.office), ForbiddenError);
    await assert.rejects(healthPage(s.ctx, staff.office, 'hjs'), NotFoundError);
    await assert.rejects(runInspectionAs(s.ctx, staff.office, 'hjs', { externalLinks: false }), NotFoundError);
    await assert.rejects(runInspectionAs(s.ctx, staff.clerk, undefined, { externalLinks: false }), ForbiddenError);
    const seen = await healthPage(s.ctx, supervisor, 'hjjyj');
    assert.equal(seen.agency.code, 'hjjyj');
    assert.equal(seen.canConfigure, false);
  });

  test('health page: today’s findings grouped by indicator, what to fix first, the trend (one point per day)', async () => {
    const h = await healthPage(s.ctx, staff.office);
    assert.equal(h.agency.code, 'hjjyj');
    assert.equal(h.ranToday, true);
    assert.equal(h.findings.length, h.run!.findingCount);
    assert.equal(h.groups.reduce((n, g) => n + g.findings.length, 0), h.findings.length);
    assert.ok(h.fixFirst.length > 0 && h.fixFirst.length <= 5);
    assert.equal(h.trend.length, 1);
    assert.equal(h.trend[0].date, h.today);
    assert.equal(h.canConfigure, true);
  });

  test('the daily job runs every agency once a day (external links switched off here) and drops findings older than 90 days', async () => {
    await s.ctx.repos.settings.set('inspection.external_links', '0');
    const today = chinaDateOf(s.ctx.now());
    const old = await s.ctx.repos.inspection.runs.insert({
      agency_id: bureau.id, run_on: addDays(today, -100), started_at: s.ctx.now().toISOString(), finished_at: s.ctx.now().toISOString(), run_kind: 'scheduled',
      external_links: 0, documents_checked: 0, links_checked: 0, finding_count: 1, veto_count: 0, score_tenths: 990, result: 'pass',
      summary: JSON.stringify({ vetoes: [], deductions: [], warnings: [], counts: {}, externalChecked: 0, externalSkipped: 0 }), created_by: null,
    });
    await s.ctx.repos.inspection.runs.insertFindings([{ run_id: old.id, agency_id: bureau.id, check_kind: 'broken_link', indicator: 'function', severity: 'deduct', points_tenths: 1, fingerprint: 'old', subject_type: 'document', subject_id: '1', title: 'old', detail: '', href: '/console', public_href: null, since: null, sort: 0 }]);
    const first = await runOnce(s.ctx, inspectionJob);
    assert.ok(first.status === 'ran');
    assert.equal(first.result.agencies, 4);
    assert.ok(Number(first.result.pruned) >= 1);
    assert.deepEqual(await s.ctx.repos.inspection.runs.findings(old.id), []);
    assert.ok(await s.ctx.repos.inspection.runs.byId(old.id));
    assert.equal((await runOnce(s.ctx, inspectionJob)).status, 'claimed_elsewhere');
    const direct = await runDailyInspections(s.ctx, { probe: async () => { throw new Error('no external requests expected'); } });
    assert.equal(direct.agencies, 4);
  });

  test('monthly report: the agency’s self-inspection and the supervisor’s circular, as .docx', async () => {
    const month = chinaDateOf(s.ctx.now()).slice(0, 7);
    const own = await monthlyReport(s.ctx, staff.office, month, 'agency');
    assert.match(own.title, /^洪江市教育局\d{4}年\d{1,2}月政府网站自查情况报告$/);
    assert.equal(own.agencies.length, 1);
    assert.ok(own.problems.length > 0);
    await assert.rejects(monthlyReport(s.ctx, staff.office, month, 'supervised'), ForbiddenError);
    const circular = await monthlyReport(s.ctx, await actorFor(s.ctx, 'supervisor'), month, 'supervised');
    assert.match(circular.title, /^关于\d{4}年\d{1,2}月政府网站检查情况的通报$/);
    assert.equal(circular.agencies.length, 4);
    assert.ok(circular.failedNames.includes('洪江市人民政府'));
    const docx = await inspectionReportDocx(circular);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    assert.ok(xml.includes(circular.title));
    assert.ok(xml.includes('洪江市示范局'));
    assert.ok(xml.includes('预计不合格的网站'));
  });
});
