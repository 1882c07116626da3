import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The database helper first: its PostgreSQL probe (2 s timeout) completes before the application's
// modules are evaluated below, so a busy machine does not make it give up and skip the dialect.
import { forEachDialect } from '../support/db.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { Actor, StaffUser } from '../../src/services/actor.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { DocumentInput } from '../../src/services/document.service.ts';
import type { ImportTable } from '../../src/services/document-import.service.ts';

const {
  registerDocument, submitDocument, approveDocument, returnDocument, publishDocument, withdrawDocument,
  archiveDocument, updateDocument, transitionDocument, publishScheduledDocuments, linkInterpretation,
} = await import('../../src/services/document.service.ts');
const { searchDocuments } = await import('../../src/search/search.service.ts');
const { AppError } = await import('../../src/services/errors.ts');
const { autoMap, dryRunImport, importCatalog, readImportFile, xlsxTemplate } = await import('../../src/services/document-import.service.ts');
const { default: ExcelJS } = await import('exceljs');
const { addAttachment, attachmentForDownload } = await import('../../src/services/attachment.service.ts');

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

async function rejects(p: Promise<unknown>, status: number, pattern?: RegExp): Promise<InstanceType<typeof AppError>> {
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

  test('the publication monitor gives the view a missing department as null; the history names the personal-data check events', async () => {
    const { publicationMonitor, staffDocumentPage } = await import('../../src/services/document-query.service.ts');
    const doc = await registerDocument(s.ctx, w.clerk, input({ title: '未指定部门的文件' }));
    await s.ctx.repos.documents.update(doc.id, { department_id: null });
    const monitor = await publicationMonitor(s.ctx, w.office);
    const none = monitor.departments.find((d) => d.department === null);
    assert.ok(none, 'a group without a department');
    assert.equal(none.agency, null, 'the viewer’s own agency is not named');
    assert.ok([...none.overdue, ...none.dueSoon].some((d) => d.id === doc.id) || none.onTime > 0);
    assert.ok(monitor.departments.every((d) => d.department !== '未指定部门'), 'no label in the data');

    const office = (w.office as { user: StaffUser }).user;
    await s.ctx.repos.audit.append({ actorId: office.id, actorLabel: '公开办', agencyId: w.agencyId, action: 'privacy.finding_justified', subjectType: 'document', subjectId: doc.id, summary: { reason: '公示名单须公开姓名' }, ip: undefined }, NOW);
    await s.ctx.repos.audit.append({ actorId: null, actorLabel: '系统（个人信息检查）', agencyId: w.agencyId, action: 'privacy.cleared', subjectType: 'document', subjectId: doc.id, summary: {}, ip: undefined }, NOW);
    const page = await staffDocumentPage(s.ctx, w.office, doc.id);
    assert.deepEqual(page.history.slice(-2).map((h) => [h.action, h.label, h.detail]), [
      ['privacy.finding_justified', '个人信息检查：说明理由', '理由：公示名单须公开姓名'],
      ['privacy.cleared', '个人信息检查：已通过', ''],
    ]);
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

forEachDialect('catalog import', (s) => {
  const HEAD = ['索引号', '标题', '发文字号', '成文日期', '发布日期', '主题分类', '体裁', '专题', '内容概述', '有效性'];
  function table(n: number, bad: Set<number>): ImportTable {
    const rows: string[][] = [];
    for (let i = 1; i <= n; i++) {
      const year = 2010 + (i % 6);
      rows.push([
        `11431281006109018N/${year}-${String(i).padStart(5, '0')}`,
        bad.has(i) && i % 3 === 0 ? '' : `历史文件第${i}号：关于学校招生工作的通知`,
        `洪教发〔${year}〕${i}号`,
        bad.has(i) && i % 3 === 1 ? `${year}-02-30` : `${year}-03-01`,
        `${year}-03-0${1 + (i % 5)}`,
        bad.has(i) && i % 3 === 2 ? '没有的分类' : i % 2 ? '政策文件' : '其他重要信息',
        '通知',
        i % 4 === 0 ? '招生入学' : '',
        `概述 ${i}`,
        i % 7 === 0 ? '失效' : '',
      ]);
    }
    return { headers: HEAD, rows };
  }

  test('a 1,000-row import with 3 bad rows reports exactly those rows and imports nothing; fixed, it imports all', async () => {
    const w = await buildWorld(s.ctx, 'i');
    const mapping = autoMap(HEAD);
    assert.equal(mapping.title, 1);
    // i % 3 picks the fault: 18 → empty title, 500 → unknown category, 997 → 2011-02-30.
    const bad3 = new Set([18, 500, 997]);
    const dry = await dryRunImport(s.ctx, w.office, table(1000, bad3), mapping);
    assert.equal(dry.total, 1000);
    assert.deepEqual([...new Set(dry.errors.map((e) => e.row))], [19, 501, 998], 'spreadsheet row numbers (header is row 1)');
    assert.deepEqual(dry.errors.map((e) => e.message), ['标题不能为空', '主题分类“没有的分类”不存在', '成文日期“2011-02-30”不是有效日期']);
    await rejects(importCatalog(s.ctx, w.office, table(1000, bad3), mapping), 400, /3 行存在错误，未导入任何文件/);
    assert.equal((await s.ctx.repos.documents.list({ agencyIds: [w.agencyId] }, 'created_asc', 1, 1)).total, 0, 'nothing imported');

    const { imported } = await importCatalog(s.ctx, w.office, table(1000, new Set()), mapping, { source: 'test.csv' });
    assert.equal(imported, 1000);
    const all = await s.ctx.repos.documents.all({ agencyIds: [w.agencyId] });
    assert.equal(all.length, 1000);
    assert.ok(all.every((d) => d.state === 'published' && d.source === 'imported'));
    const d7 = all.find((d) => d.index_number === '11431281006109018N/2011-00007')!;
    assert.equal(d7.created_on, '2011-03-01');
    assert.equal(d7.published_on, '2011-03-03');
    assert.equal(d7.validity, 'expired');
    assert.equal(d7.category_name, '政策文件');
    // Searchable at once; the counter continues after the imported serials of the agency's pattern.
    const found = await searchDocuments(s.ctx, { q: '历史文件第7号', agencyIds: [w.agencyId], order: 'relevance', page: 1, pageSize: 5 });
    assert.equal(found.items[0]?.refId, d7.id);
    assert.equal(await s.ctx.repos.documents.lastSerial(w.agencyId, 2015), 995);
    // Importing the same numbers again is refused row by row.
    const again = await dryRunImport(s.ctx, w.office, table(2, new Set()), mapping);
    assert.equal(again.errors.length, 2);
    assert.match(again.errors[0].message, /已被本机关的其他文件使用/);
  });

  test('only the office imports; CSV in GB18030 and quoted fields are read', async () => {
    const w = await buildWorld(s.ctx, 'j');
    await rejects(dryRunImport(s.ctx, w.clerk, table(1, new Set()), autoMap(HEAD)), 403);
    const csv = '标题,成文日期,发布日期,主题分类,体裁\r\n"关于""双减""工作的通知，第一号",2020/3/1,2020年3月2日,政策文件,通知\r\n';
    const gbk = Buffer.from(new TextEncoder().encode(csv)); // UTF-8 first
    const t1 = await readImportFile('a.csv', gbk);
    assert.deepEqual(t1.rows[0].slice(0, 3), ['关于"双减"工作的通知，第一号', '2020/3/1', '2020年3月2日']);
    // "招生" in GB18030 is D5 D0 C9 FA: a file saved by Chinese Excel.
    const gb = Buffer.concat([Buffer.from('title\r\n'), Buffer.from([0xd5, 0xd0, 0xc9, 0xfa]), Buffer.from('\r\n')]);
    assert.equal((await readImportFile('b.csv', gb)).rows[0][0], '招生');
    const dry = await dryRunImport(s.ctx, w.office, t1, autoMap(t1.headers));
    assert.deepEqual(dry.errors, []);
    assert.equal(dry.preview[0].createdOn, '2020-03-01');
    assert.equal(dry.preview[0].publishedOn, '2020-03-02');
  });
}, { now: () => NOW });

forEachDialect('catalog import from Excel', (s) => {
  test('the XLSX template reads back; dates typed as Excel dates and rich text are understood', async () => {
    const w = await buildWorld(s.ctx, 'x');
    const template = await xlsxTemplate(s.ctx, w.office);
    const t = await readImportFile('模板.xlsx', template);
    assert.equal(t.headers[1], '标题*');
    assert.equal(autoMap(t.headers).title, 1, 'the asterisk of a required column does not stop the mapping');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    ws.addRow(['标题', '成文日期', '发布日期', '主题分类', '体裁']);
    ws.addRow([{ richText: [{ text: '关于' }, { text: '招生', font: { bold: true } }, { text: '的通知' }] }, new Date(Date.UTC(2019, 2, 1)), '2019年3月4日', '政策文件', '通知']);
    const table = await readImportFile('old.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    assert.deepEqual(table.rows[0], ['关于招生的通知', '2019-03-01', '2019年3月4日', '政策文件', '通知']);
    const dry = await dryRunImport(s.ctx, w.office, table, autoMap(table.headers));
    assert.deepEqual(dry.errors, []);
    await rejects(readImportFile('old.xls', Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex')), 400, /旧版 Excel/);
  });
}, { now: () => NOW });

forEachDialect('attachments', (s) => {
  test('checked by content, stored by SHA-256, text extracted; only while the form may change', async () => {
    const w = await buildWorld(s.ctx, 'a');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-att-'));
    const ctx = { ...s.ctx, config: { ...s.ctx.config, storageDir: dir } };
    const doc = await registerDocument(ctx, w.clerk, input({ title: '附件测试' }));
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const att = await addAttachment(ctx, w.clerk, doc.id, { filename: '../../etc/图.png', data: png });
    assert.equal(att.kind, 'png');
    assert.equal(att.filename, '图.png');
    assert.equal(att.sha256, createHash('sha256').update(png).digest('hex'));
    assert.ok(existsSync(join(dir, att.sha256.slice(0, 2), att.sha256)));
    const renamed = await addAttachment(ctx, w.clerk, doc.id, { filename: '说明.doc', data: png });
    assert.equal(renamed.filename, '说明.doc.png', 'the name follows the content');
    await rejects(addAttachment(ctx, w.clerk, doc.id, { filename: 'x.pdf', data: Buffer.from('MZ\x90\x00 not a pdf') }), 400, /不是可接受的类型/);
    await rejects(addAttachment(ctx, w.clerk2, doc.id, { filename: 'a.png', data: png }), 403);
    await rejects(addAttachment(ctx, w.outsider, doc.id, { filename: 'a.png', data: png }), 404);
    await submitDocument(ctx, w.clerk, doc.id);
    await rejects(addAttachment(ctx, w.clerk, doc.id, { filename: 'a.png', data: png }), 403);
    const events = (await s.ctx.repos.audit.forSubject('document', doc.id)).map((e) => e.action);
    assert.deepEqual(events, ['document.registered', 'document.attachment_added', 'document.attachment_added', 'document.submitted']);
    await rejects(attachmentForDownload(ctx, { kind: 'public', ip: '' }, doc.id, att.id), 404);
    const staffCopy = await attachmentForDownload(ctx, w.reviewer, doc.id, att.id);
    assert.ok(staffCopy.data.equals(png));
  });
}, { now: () => NOW });
