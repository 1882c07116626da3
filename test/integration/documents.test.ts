import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { Actor, StaffUser } from '../../src/services/actor.ts';
import type { Role } from '../../src/domain/roles.ts';
import {
  registerDocument, submitDocument, approveDocument, returnDocument, publishDocument, withdrawDocument,
  archiveDocument, updateDocument, transitionDocument, publishScheduledDocuments, linkInterpretation, type DocumentInput,
} from '../../src/services/document.service.ts';
import { searchDocuments } from '../../src/search/search.service.ts';
import { AppError } from '../../src/services/errors.ts';

const NOW = new Date('2026-03-10T02:00:00Z'); // 2026-03-10 10:00 CST, a Tuesday

interface World {
  agencyId: number;
  otherAgencyId: number;
  clerk: Actor;
  clerk2: Actor;
  office: Actor;
  reviewer: Actor;
  outsider: Actor;
}

async function buildWorld(ctx: ServiceContext, tag: string): Promise<World> {
  const now = ctx.now();
  const agency = await ctx.repos.agencies.insert({
    code: `b${tag}`, name: `测试教育局${tag}`, short_name: null, parent_id: null, credit_code: '11431281006109018N',
    address: '', postcode: '', office_hours: '', phone: '', fax: '', email: '', website: '', office_name: '',
    index_pattern: '{creditCode}/{year}-{serial:5}', created_at: now.toISOString(),
  });
  const other = await ctx.repos.agencies.insert({
    code: `o${tag}`, name: `其他机关${tag}`, short_name: null, parent_id: null, credit_code: '11431281006108945C',
    address: '', postcode: '', office_hours: '', phone: '', fax: '', email: '', website: '', office_name: '',
    index_pattern: '{agencyCode}-{year}-{serial:4}', created_at: now.toISOString(),
  });
  const dept = await ctx.repos.agencies.addDepartment(agency.id, '基础教育股');
  const office = await ctx.repos.agencies.addDepartment(agency.id, '办公室');
  const mk = async (username: string, roles: Role[], agencyId = agency.id, departmentId: number | null = dept.id): Promise<Actor> => {
    const u = await ctx.repos.users.insert({ username: `${username}${tag}`, displayName: username, passwordHash: 'x', agencyId, departmentId, isSysadmin: false, roles }, now);
    const user: StaffUser = { id: u.id, username: u.username, displayName: username, agencyId, agencyCode: agencyId === agency.id ? agency.code : other.code, departmentId, roles, isSysadmin: false };
    return { kind: 'staff', user, ip: '127.0.0.1' };
  };
  return {
    agencyId: agency.id,
    otherAgencyId: other.id,
    clerk: await mk('clerk', ['clerk']),
    clerk2: await mk('clerktwo', ['clerk']),
    office: await mk('office', ['office'], agency.id, office.id),
    reviewer: await mk('reviewer', ['reviewer'], agency.id, office.id),
    outsider: await mk('outsider', ['office', 'reviewer', 'clerk'], other.id, null),
  };
}

function input(over: Partial<DocumentInput> = {}): DocumentInput {
  return {
    title: '关于做好2026年义务教育招生入学工作的通知',
    docNumber: '洪教发〔2026〕12号',
    createdOn: '2026-03-02',
    category: '政策文件',
    genre: '通知',
    topics: ['招生入学'],
    summary: '部署2026年秋季义务教育阶段招生入学工作。',
    bodyHtml: '<p>各中小学：</p><p>现就2026年义务教育<strong>招生</strong>入学工作通知如下。</p>',
    disclosure: 'proactive',
    ...over,
  };
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

forEachDialect('document workflow', (s) => {
  let w: World;
  before(async () => { w = await buildWorld(s.ctx, 'w'); });

  test('clerk registers, reviewer approves, office publishes: searchable at once, audited at each step', async () => {
    const doc = await registerDocument(s.ctx, w.clerk, input());
    assert.equal(doc.state, 'registered');
    assert.match(doc.index_number!, /^11431281006109018N\/2026-\d{5}$/);
    const search = () => searchDocuments(s.ctx, { q: '招生', agencyIds: [w.agencyId], order: 'date', page: 1, pageSize: 50 });
    assert.equal((await search()).items.some((i) => i.refId === doc.id), false, 'not in search before publication');

    await submitDocument(s.ctx, w.clerk, doc.id);
    await approveDocument(s.ctx, w.reviewer, doc.id);
    assert.equal((await search()).items.some((i) => i.refId === doc.id), false, 'approved is not yet public');
    const published = await publishDocument(s.ctx, w.office, doc.id);
    assert.equal(published.state, 'published');
    assert.equal(published.published_on, '2026-03-10');
    const hit = (await search()).items.find((i) => i.refId === doc.id);
    assert.ok(hit, 'published document is found');
    assert.equal(hit.url, `/gk/bw/doc/${doc.id}`);
    assert.equal(hit.facets.category, 'zcwj');
    assert.deepEqual(hit.facets.topics, ['zsrx']);

    const events = await s.ctx.repos.audit.forSubject('document', doc.id);
    assert.deepEqual(events.map((e) => e.action), ['document.registered', 'document.submitted', 'document.approved', 'document.published']);
    assert.equal((await s.ctx.repos.audit.verify()).ok, true);

    await withdrawDocument(s.ctx, w.office, doc.id, '内容有误，重新发文');
    assert.equal((await search()).items.some((i) => i.refId === doc.id), false, 'withdrawn leaves the index');
    const row = await s.ctx.repos.documents.byId(doc.id);
    assert.equal(row!.state, 'withdrawn');
    assert.equal(row!.index_number, doc.index_number, 'index number stays with the withdrawn document');
    assert.equal(row!.withdraw_reason, '内容有误，重新发文');
  });

  test('the author cannot approve their own document, even holding the reviewer role', async () => {
    const doc = await registerDocument(s.ctx, w.clerk, input({ title: '本人登记' }));
    await submitDocument(s.ctx, w.clerk, doc.id);
    await rejects(approveDocument(s.ctx, w.clerk, doc.id), 403, /权限/);
    // A user who is clerk and reviewer registers and then tries to review.
    const both: Actor = { ...w.clerk, user: { ...(w.clerk as { user: StaffUser }).user, roles: ['clerk', 'reviewer'] } } as Actor;
    const own = await registerDocument(s.ctx, both, input({ title: '兼任审核人登记' }));
    await submitDocument(s.ctx, both, own.id);
    await rejects(approveDocument(s.ctx, both, own.id), 403, /不能审核自己登记的文件/);
    await rejects(returnDocument(s.ctx, both, own.id, '自己退回'), 403, /不能审核自己登记的文件/);
    assert.equal((await s.ctx.repos.documents.byId(own.id))!.state, 'in_review');
  });

  test('a returned document carries the reason; a return without one is refused', async () => {
    const doc = await registerDocument(s.ctx, w.clerk, input({ title: '待退回' }));
    await submitDocument(s.ctx, w.clerk, doc.id);
    const err = await rejects(returnDocument(s.ctx, w.reviewer, doc.id, '   '), 400, /退回时须填写理由/);
    assert.equal(err.fields?.reason, '退回时须填写理由');
    const returned = await returnDocument(s.ctx, w.reviewer, doc.id, '附件缺少盖章页');
    assert.equal(returned.state, 'returned');
    assert.equal(returned.return_reason, '附件缺少盖章页');
    const events = await s.ctx.repos.audit.forSubject('document', doc.id);
    assert.equal(JSON.parse(events.at(-1)!.summary).reason, '附件缺少盖章页');
    // Fixed and resubmitted: the reason is cleared, the history keeps it.
    await updateDocument(s.ctx, w.clerk, doc.id, input({ title: '待退回（已补盖章页）' }));
    const again = await submitDocument(s.ctx, w.clerk, doc.id);
    assert.equal(again.return_reason, null);
  });

  test('wrong state and wrong role are refused with the rule; nothing changes', async () => {
    const doc = await registerDocument(s.ctx, w.clerk, input({ title: '状态检查' }));
    await rejects(publishDocument(s.ctx, w.office, doc.id), 409, /只有已审核的文件才能发布/);
    await rejects(approveDocument(s.ctx, w.reviewer, doc.id), 409, /只有审核中的文件才能审核通过/);
    await submitDocument(s.ctx, w.clerk, doc.id);
    await rejects(publishDocument(s.ctx, w.clerk, doc.id), 409);
    await approveDocument(s.ctx, w.reviewer, doc.id);
    await rejects(publishDocument(s.ctx, w.clerk, doc.id), 403, /没有发布该文件的权限/);
    await rejects(updateDocument(s.ctx, w.clerk, doc.id, input()), 409, /只有草稿、已登记或已退回的文件可以修改/);
    assert.equal((await s.ctx.repos.documents.byId(doc.id))!.state, 'approved');
  });

  test('other agencies cannot see or act on the document (not found)', async () => {
    const doc = await registerDocument(s.ctx, w.clerk, input({ title: '他机关' }));
    await submitDocument(s.ctx, w.clerk, doc.id);
    await rejects(approveDocument(s.ctx, w.outsider, doc.id), 404);
    await rejects(updateDocument(s.ctx, w.outsider, doc.id, input()), 404);
  });

  test('a clerk cannot edit a colleague\'s document; the office can', async () => {
    const doc = await registerDocument(s.ctx, w.clerk, input({ title: '同事文件' }));
    await rejects(updateDocument(s.ctx, w.clerk2, doc.id, input({ title: '改' })), 403);
    const updated = await updateDocument(s.ctx, w.office, doc.id, input({ title: '公开办修改' }));
    assert.equal(updated.title, '公开办修改');
  });

  test('input is checked field by field; withheld needs an Art. 14–16 ground and cannot be published', async () => {
    const err = await rejects(registerDocument(s.ctx, w.clerk, input({ title: ' ', createdOn: '2026-02-30', category: '不存在的分类', genre: '通报', disclosure: 'withheld' })), 400);
    assert.deepEqual(Object.keys(err.fields!).sort(), ['category', 'createdOn', 'genre', 'title', 'withheldGround'].sort());
    await rejects(registerDocument(s.ctx, w.clerk, input({ createdOn: '2026-03-11' })), 400, /不能晚于今天/);
    const withheld = await registerDocument(s.ctx, w.clerk, input({ title: '内部请示', disclosure: 'withheld', withheldGround: 'process_information' }));
    await submitDocument(s.ctx, w.clerk, withheld.id);
    await approveDocument(s.ctx, w.reviewer, withheld.id);
    await rejects(publishDocument(s.ctx, w.office, withheld.id), 409, /不予公开/);
  });

  test('the body is sanitised before it is stored', async () => {
    const doc = await registerDocument(s.ctx, w.clerk, input({ title: '<script>alert(1)</script>标题', bodyHtml: '<p onclick="x">正文<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">链接</a></p>' }));
    assert.equal(doc.body_html, '<p>正文<a>链接</a></p>');
    assert.equal(doc.body_text, '正文链接');
    // The title is text: stored as typed, escaped when rendered.
    assert.equal(doc.title, '<script>alert(1)</script>标题');
  });

  test('drafts get their index number when registered; the number is never reused', async () => {
    const draft = await registerDocument(s.ctx, w.clerk, input({ title: '草稿' }), { draft: true });
    assert.equal(draft.state, 'draft');
    assert.equal(draft.index_number, null);
    const registered = await transitionDocument(s.ctx, w.clerk, draft.id, 'register');
    assert.equal(registered.state, 'registered');
    assert.ok(registered.index_number);
  });

  test('scheduled publication: publish with a later date waits; the job publishes on the day', async () => {
    const doc = await registerDocument(s.ctx, w.clerk, input({ title: '定时发布' }));
    await submitDocument(s.ctx, w.clerk, doc.id);
    await approveDocument(s.ctx, w.reviewer, doc.id);
    const scheduled = await publishDocument(s.ctx, w.office, doc.id, '2026-03-12');
    assert.equal(scheduled.state, 'approved');
    assert.equal(scheduled.scheduled_on, '2026-03-12');
    assert.deepEqual(await publishScheduledDocuments(s.ctx), [], 'not yet due on 3-10');
    const later = { ...s.ctx, now: () => new Date('2026-03-12T01:00:00Z') };
    assert.deepEqual(await publishScheduledDocuments(later), [doc.id]);
    const row = await s.ctx.repos.documents.byId(doc.id);
    assert.equal(row!.state, 'published');
    assert.equal(row!.published_on, '2026-03-12');
  });

  test('archive keeps the document public; interpretations link both ways', async () => {
    const policy = await registerDocument(s.ctx, w.clerk, input({ title: '政策原文' }));
    const reading = await registerDocument(s.ctx, w.clerk, input({ title: '政策解读', topics: ['政策解读'], interpretationOfId: policy.id }));
    assert.equal(reading.interpretation_of_id, policy.id);
    const interps = await s.ctx.repos.documents.interpretationsOf(policy.id);
    assert.deepEqual(interps.map((d) => d.id), [reading.id]);
    await rejects(linkInterpretation(s.ctx, w.clerk, policy.id, reading.id), 400, /互为解读/);
    for (const id of [policy.id]) {
      await submitDocument(s.ctx, w.clerk, id);
      await approveDocument(s.ctx, w.reviewer, id);
      await publishDocument(s.ctx, w.office, id);
      await archiveDocument(s.ctx, w.office, id);
    }
    const found = await searchDocuments(s.ctx, { q: '政策原文', agencyIds: [w.agencyId], order: 'date', page: 1, pageSize: 10 });
    assert.ok(found.items.some((i) => i.refId === policy.id), 'archived documents stay in the catalog and search');
  });
}, { now: () => NOW });

forEachDialect('index numbers', (s) => {
  test('50 concurrent registrations in one agency and year get 50 distinct, consecutive numbers', async () => {
    const w = await buildWorld(s.ctx, 'c');
    const docs = await Promise.all(Array.from({ length: 50 }, (_, i) => registerDocument(s.ctx, i % 2 ? w.clerk : w.office, input({ title: `并发登记 ${i}` }))));
    const serials = docs.map((d) => d.index_serial!).sort((a, b) => a - b);
    assert.deepEqual(serials, Array.from({ length: 50 }, (_, i) => i + 1));
    assert.equal(new Set(docs.map((d) => d.index_number)).size, 50);
    assert.ok(docs.every((d) => d.index_number === `11431281006109018N/2026-${String(d.index_serial).padStart(5, '0')}`));
  });

  test('a failed registration gives its number back (no gap); years and agencies count separately', async () => {
    const w = await buildWorld(s.ctx, 'g');
    const a = await registerDocument(s.ctx, w.clerk, input({ title: '一' }));
    await rejects(registerDocument(s.ctx, w.clerk, input({ title: '' })), 400);
    const b = await registerDocument(s.ctx, w.clerk, input({ title: '二' }));
    assert.equal(b.index_serial, a.index_serial! + 1);
    const old = await registerDocument(s.ctx, w.clerk, input({ title: '往年', createdOn: '2025-12-30' }));
    assert.equal(old.index_number, '11431281006109018N/2025-00001');
    const other = await registerDocument(s.ctx, w.outsider, input({ title: '他机关' }));
    assert.equal(other.index_number, 'og-2026-0001', 'the other agency uses its own pattern and counter');
  });
}, { now: () => NOW });
