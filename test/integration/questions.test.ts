import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import { eduWorld, type EduWorld } from '../support/education.ts';
import {
  answerQuestion, countDisclosureOpinions, countQuestionsByCategory, discardQuestion, listPublishedQuestions, publishedQuestion, publishQuestion,
  questionForStaff, questionInbox, setAnswerDays, submitQuestion, trackQuestion, unpublishQuestion,
} from '../../src/services/question.service.ts';

// Monday 9 March 2026, 10:00 in Beijing: no holidays in the following two weeks.
let clock = new Date('2026-03-09T02:00:00Z');
const at = (iso: string) => { clock = new Date(iso); };

const ask = (over: Partial<Parameters<typeof submitQuestion>[3]> = {}) => ({
  category: 'enrolment', subject: '孩子入学需要哪些材料', body: '我家住沅江社区，孩子今年满六周岁，报名需要准备哪些材料？我的电话13907451234。',
  name: '张三', phone: '13907451234', email: 'zhangsan@example.com', keepPrivate: false, ...over,
});

forEachDialect('online consultation (questions)', (s) => {
  let w: EduWorld;
  let code: string;
  let id: number;
  before(async () => {
    at('2026-03-09T02:00:00Z');
    w = await eduWorld(s.ctx);
  });

  test('a question from the public is due in 5 working days and shows as pending in the console', async () => {
    const receipt = await submitQuestion(s.ctx, w.publicActor, w.agency.code, ask());
    code = receipt.code;
    assert.equal(receipt.receivedOn, '2026-03-09');
    assert.equal(receipt.dueOn, '2026-03-16');
    assert.equal(receipt.answerDays, 5);
    assert.equal(receipt.provisional, false);
    const inbox = await questionInbox(s.ctx, w.staff.clerk, 'pending');
    assert.equal(inbox.rows.length, 1);
    id = inbox.rows[0].id;
    assert.deepEqual([inbox.rows[0].dueOn, inbox.rows[0].state, inbox.rows[0].workingDaysLeft], ['2026-03-16', 'on_time', 5]);
    assert.deepEqual(inbox.counts, { pending: 1, due_soon: 0, overdue: 0 });
    const events = await s.ctx.repos.audit.forSubject('question', id);
    assert.equal(events[0].action, 'question.submitted');
    assert.doesNotMatch(events[0].summary, /13907451234|张三|example\.com/);
  });

  test('due soon and overdue are derived from the date, not stored', async () => {
    at('2026-03-13T02:00:00Z');
    let inbox = await questionInbox(s.ctx, w.staff.office, 'due_soon');
    assert.deepEqual(inbox.rows.map((r) => [r.id, r.workingDaysLeft]), [[id, 1]]);
    at('2026-03-17T02:00:00Z');
    inbox = await questionInbox(s.ctx, w.staff.office, 'overdue');
    assert.deepEqual(inbox.rows.map((r) => [r.id, r.state, r.workingDaysLeft]), [[id, 'overdue', -1]]);
    assert.equal(inbox.counts.overdue, 1);
  });

  test('the public sees nothing until staff publish; the tracking code shows status without contact details', async () => {
    assert.equal((await listPublishedQuestions(s.ctx, w.agency.id, {})).total, 0);
    const tracked = await trackQuestion(s.ctx, w.agency.code, code.toLowerCase().replace(/(.{4})/g, '$1-'));
    assert.equal(tracked.status, 'pending');
    assert.equal(tracked.answer, '');
    assert.deepEqual(Object.keys(tracked).filter((k) => /name|phone|email|ip/i.test(k)), []);
    await assert.rejects(trackQuestion(s.ctx, w.agency.code, 'ABCD'), { status: 400 });
    await assert.rejects(trackQuestion(s.ctx, w.other.code, code), { status: 404 });
  });

  test('only answering roles answer; only publishing roles publish; other agencies see nothing', async () => {
    await assert.rejects(answerQuestion(s.ctx, w.staff.supervisor, id, { answer: '答复', department: '' }), { status: 403 });
    await assert.rejects(answerQuestion(s.ctx, w.staff.outsider, id, { answer: '答复内容', department: '' }), { status: 404 });
    await assert.rejects(publishQuestion(s.ctx, w.staff.reviewer, id, { subject: 'x', body: '内容内容内容' }), { status: 409 });
    await answerQuestion(s.ctx, w.staff.clerk, id, { answer: '您好！适龄儿童报名需准备户口簿、不动产权证书或租房备案证明。', department: '基础教育股' });
    await assert.rejects(publishQuestion(s.ctx, w.staff.clerk, id, { subject: '入学材料', body: '入学需要哪些材料？' }), { status: 403 });
    const tracked = await trackQuestion(s.ctx, w.agency.code, code);
    assert.equal(tracked.status, 'answered');
    assert.match(tracked.answer, /户口簿/);
    assert.equal((await listPublishedQuestions(s.ctx, w.agency.id, {})).total, 0, 'answered is not published');
  });

  test('publishing refuses personal data and the asker\'s own name and contacts', async () => {
    const detail = await questionForStaff(s.ctx, w.staff.reviewer, id);
    assert.equal(detail.canPublish, true);
    assert.doesNotMatch(detail.suggestedPublicBody, /13907451234/);
    await assert.rejects(publishQuestion(s.ctx, w.staff.reviewer, id, { subject: '入学材料', body: '请回电13907451234，谢谢。' }), (e: { status: number; fields: Record<string, string> }) => {
      assert.equal(e.status, 400);
      assert.match(e.fields.publicBody, /手机号码/);
      return true;
    });
    await assert.rejects(publishQuestion(s.ctx, w.staff.reviewer, id, { subject: '张三的问题', body: '入学需要哪些材料？' }), (e: { fields: Record<string, string> }) => /提问人的姓名或联系方式/.test(e.fields.publicSubject));
    await publishQuestion(s.ctx, w.staff.reviewer, id, { subject: '孩子入学需要哪些材料', body: detail.suggestedPublicBody });
    const list = await listPublishedQuestions(s.ctx, w.agency.id, {});
    assert.equal(list.total, 1);
    const pub = list.items[0];
    assert.deepEqual(Object.keys(pub).sort(), ['answer', 'answerDepartment', 'answeredOn', 'body', 'category', 'id', 'receivedOn', 'subject']);
    const all = JSON.stringify(pub);
    for (const secret of ['张三', '13907451234', 'zhangsan@example.com', '203.0.113.9']) assert.ok(!all.includes(secret), secret);
    assert.equal((await publishedQuestion(s.ctx, w.agency.id, id)).subject, '孩子入学需要哪些材料');
  });

  test('published answers are searchable (Traditional queries too) and leave search when withdrawn', async () => {
    assert.equal((await listPublishedQuestions(s.ctx, w.agency.id, { q: '戶口簿' })).total, 1);
    assert.equal((await listPublishedQuestions(s.ctx, w.agency.id, { q: '户口簿 不动产' })).total, 1);
    assert.equal((await listPublishedQuestions(s.ctx, w.agency.id, { q: '学费' })).total, 0);
    assert.equal((await listPublishedQuestions(s.ctx, w.agency.id, { category: 'fees' })).total, 0);
    const hits = await s.ctx.repos.search.search({ q: '户口簿', agencyIds: [w.agency.id], kinds: ['question'], order: 'relevance', limit: 10, offset: 0 });
    assert.deepEqual(hits.hits.map((x) => x.refId), [id]);
    assert.equal(hits.hits[0].url, `/gk/${w.agency.code}/ask/${id}`);
    assert.doesNotMatch(hits.hits[0].title + JSON.stringify(hits.hits[0]), /张三|13907451234/);
    await unpublishQuestion(s.ctx, w.staff.office, id);
    assert.equal((await listPublishedQuestions(s.ctx, w.agency.id, {})).total, 0);
    const after = await s.ctx.repos.search.search({ q: '户口簿', agencyIds: [w.agency.id], kinds: ['question'], order: 'relevance', limit: 10, offset: 0 });
    assert.equal(after.total, 0);
    await assert.rejects(publishedQuestion(s.ctx, w.agency.id, id), { status: 404 });
  });

  test('an asker who keeps the question private is answered but never published', async () => {
    at('2026-03-09T02:00:00Z');
    await submitQuestion(s.ctx, w.publicActor, w.agency.code, ask({ keepPrivate: true, subject: '家庭困难补助' }));
    const row = (await questionInbox(s.ctx, w.staff.clerk, 'pending')).rows.find((r) => r.subject === '家庭困难补助')!;
    await answerQuestion(s.ctx, w.staff.clerk, row.id, { answer: '请向学校提出申请。', department: '' });
    assert.equal((await questionForStaff(s.ctx, w.staff.office, row.id)).canPublish, false);
    await assert.rejects(publishQuestion(s.ctx, w.staff.office, row.id, { subject: '补助', body: '家庭困难补助怎么申请' }), { status: 409, message: /提问人要求不公开/ });
  });

  test('the number of working days is configurable; bad input is refused', async () => {
    await assert.rejects(setAnswerDays(s.ctx, w.staff.clerk, 3), { status: 403 });
    await assert.rejects(setAnswerDays(s.ctx, w.staff.office, 0), { status: 400 });
    await setAnswerDays(s.ctx, w.staff.office, 3);
    const r = await submitQuestion(s.ctx, w.publicActor, w.agency.code, ask({ category: 'disclosure_opinion', subject: '建议公开更多招生信息' }));
    assert.equal(r.dueOn, '2026-03-12');
    await setAnswerDays(s.ctx, w.staff.office, 5);
    await assert.rejects(submitQuestion(s.ctx, w.publicActor, w.agency.code, ask({ category: 'nope', phone: '', email: '', body: '短' })), (e: { fields: Record<string, string> }) => {
      assert.deepEqual(Object.keys(e.fields).sort(), ['body', 'category', 'phone']);
      return true;
    });
  });

  test('opinions on the disclosure work are counted per year; discarded questions are not', async () => {
    const r = await submitQuestion(s.ctx, w.publicActor, w.agency.code, ask({ category: 'disclosure_opinion', subject: '重复提交' }));
    const dup = (await questionInbox(s.ctx, w.staff.office, 'pending')).rows.find((x) => x.subject === '重复提交')!;
    await assert.rejects(discardQuestion(s.ctx, w.staff.clerk, dup.id, '重复'), { status: 403 });
    await assert.rejects(discardQuestion(s.ctx, w.staff.office, dup.id, ' '), { status: 400 });
    await discardQuestion(s.ctx, w.staff.office, dup.id, '与第一次提交重复');
    assert.equal((await trackQuestion(s.ctx, w.agency.code, r.code)).status, 'discarded');
    assert.equal(await countDisclosureOpinions(s.ctx, w.agency.id, 2026), 1);
    assert.equal(await countDisclosureOpinions(s.ctx, w.agency.id, 2025), 0);
    const byCat = await countQuestionsByCategory(s.ctx, w.agency.id, 2026);
    assert.equal(byCat.enrolment, 2);
    assert.equal(byCat.fees, 0);
  });
}, { now: () => clock });
