import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { forEachDialect } from '../support/db.ts';
import { eduWorld, type EduWorld } from '../support/education.ts';
import {
  addAdmissionStep, catalogDocumentUrl, importZones, lookupZones, saveEnrolmentYear, saveSchool, setSchoolZones, zoneYear, ZoneImportError, deleteSchool,
} from '../../src/services/enrolment.service.ts';
import {
  currentPowerList, deleteDraftItem, discardPowerDraft, powerChangeLog, powerDiff, powerListConsole, powerVersion, publishPowerDraft, saveDraftItem, startPowerDraft, type PowerItemInput,
} from '../../src/services/power-list.service.ts';
import { summarizeDiff } from '../../src/domain/power-list-diff.ts';
import {
  deleteMonthlyItem, monthlyReport, monthlyYear, monthlyYears, saveMonthlyItem, saveMonthlyReport, setMonthlyPublished, staffMonthlyReports, type MonthlyItemInput,
} from '../../src/services/monthly-work.service.ts';
import { deleteFee, listFees, saveFee } from '../../src/services/education-fee.service.ts';
import {
  concludeConsultation, moderateComment, publicConsultation, publishConsultation, saveConsultation, setCommentAdoption, staffConsultation, submitComment,
} from '../../src/services/consultation.service.ts';
import {
  closeRecruitment, publicRecruitment, publicRecruitments, publishRecruitment, publishResults, saveRecruitment, staffRecruitment, type RecruitmentInput,
} from '../../src/services/recruitment.service.ts';
import { saveStatistics, statisticsForYear, statisticsJson, statisticsTable, statisticsTrend, toCsv, trendTable } from '../../src/services/statistics.service.ts';

const school = (name: string, level: string, town: string) => ({ name, level, ownership: 'public', town, address: `${town}某路1号`, phone: '0745-7600000', website: '', intro: '', sort: 0 });

forEachDialect('education: schools and enrolment zones', (s) => {
  let w: EduWorld;
  before(async () => {
    w = await eduWorld(s.ctx);
  });

  test('staff build the directory; the public finds schools by community, Traditional form and house number', async () => {
    const clerk = w.staff.clerk;
    const a = await saveSchool(s.ctx, clerk, null, school('黔城镇第一小学', 'primary', '黔城镇'));
    const b = await saveSchool(s.ctx, clerk, null, school('黔城镇第二小学', 'primary', '黔城镇'));
    const c = await saveSchool(s.ctx, clerk, null, school('洪江市第一中学', 'junior', '黔城镇'));
    await saveSchool(s.ctx, clerk, null, school('安江镇中心小学', 'primary', '安江镇'));
    await setSchoolZones(s.ctx, clerk, { schoolId: a, year: 2025, text: '沅江社区、江南社区\n沅江路1-99号（单号）｜含沅江花园' });
    await setSchoolZones(s.ctx, clerk, { schoolId: b, year: 2025, text: '沅江社区｜多校划片，电脑派位\n沅江路2-100号双号' });
    await setSchoolZones(s.ctx, clerk, { schoolId: c, year: 2025, text: '沅江社区\n江南社区' });
    await saveEnrolmentYear(s.ctx, clerk, { year: 2025, title: '2025年洪江市义务教育招生入学', notes: '', documentRef: '11431281006109018N/2025-00003', published: true });
    await addAdmissionStep(s.ctx, clerk, { year: 2025, level: '', title: '网上报名', startsOn: '2025-07-01', endsOn: '2025-07-10', description: '登录招生平台报名', documentRef: '' });
    await addAdmissionStep(s.ctx, clerk, { year: 2025, level: 'primary', title: '资格审核', startsOn: '2025-07-11', endsOn: '2025-07-20', description: '', documentRef: '' });

    const r = await lookupZones(s.ctx, { agencyCode: w.agency.code, q: '沅江社区' });
    assert.equal(r.year, 2025);
    assert.deepEqual(r.results.map((x) => x.school.name), ['黔城镇第一小学', '黔城镇第二小学', '洪江市第一中学']);
    assert.equal(r.results[1].matches[0].note, '多校划片，电脑派位');
    assert.deepEqual(r.schedule.map((x) => [x.title, x.startsOn, x.endsOn]), [['网上报名', '2025-07-01', '2025-07-10'], ['资格审核', '2025-07-11', '2025-07-20']]);
    assert.deepEqual(r.documents.map((d) => d.url), [`/gk/${w.agency.code}/education/doc?index=11431281006109018N%2F2025-00003`]);
    await assert.rejects(catalogDocumentUrl(s.ctx, w.agency.code, '11431281006109018N/2025-00003'), { status: 404 }, 'no such document in the catalog');

    const tw = await lookupZones(s.ctx, { agencyCode: w.agency.code, q: '沅江社區' });
    assert.deepEqual(tw.results.map((x) => x.school.name), r.results.map((x) => x.school.name));

    const odd = await lookupZones(s.ctx, { agencyCode: w.agency.code, q: '洪江市黔城镇沅江路13号' });
    assert.deepEqual(odd.results.map((x) => x.school.name), ['黔城镇第一小学']);
    const even = await lookupZones(s.ctx, { agencyCode: w.agency.code, q: '沅江路14号' });
    assert.deepEqual(even.results.map((x) => x.school.name), ['黔城镇第二小学']);

    const elsewhere = await lookupZones(s.ctx, { agencyCode: w.agency.code, q: '安江镇沅江社区' });
    assert.deepEqual(elsewhere.results, []);
    const short = await lookupZones(s.ctx, { agencyCode: w.agency.code, q: '沅' });
    assert.equal(short.tooShort, true);
  });

  test('an unpublished year is invisible to the public but visible to staff', async () => {
    const a = (await s.ctx.repos.education.enrolment.schoolByName(w.agency.id, '黔城镇第一小学'))!;
    await setSchoolZones(s.ctx, w.staff.clerk, { schoolId: a.id, year: 2026, text: '新区社区' });
    await saveEnrolmentYear(s.ctx, w.staff.clerk, { year: 2026, title: '', notes: '', documentRef: '', published: false });
    const r = await lookupZones(s.ctx, { agencyCode: w.agency.code, q: '新区社区' });
    assert.equal(r.year, 2025);
    assert.deepEqual(r.years, [2025]);
    await assert.rejects(lookupZones(s.ctx, { agencyCode: w.agency.code, year: 2026, q: '新区社区' }), { status: 404 });
    await assert.rejects(zoneYear(s.ctx, w.agency.id, 2026), { status: 404 });
    const staffView = await zoneYear(s.ctx, w.agency.id, 2026, { includeUnpublished: true });
    assert.deepEqual(staffView.schools.find((x) => x.school.id === a.id)!.entries, [{ area: '新区社区', note: '' }]);
  });

  test('CSV import replaces the year; every wrong row is reported and nothing changes', async () => {
    const bad = Buffer.from('\ufeff学校名称,招生范围,备注\n黔城镇第一小学,"沅江社区、江南社区",\n不存在小学,长坡村,\n黔城镇第二小学,,\n黔城镇第一小学,沅江社区,\n', 'utf8');
    const before = (await s.ctx.repos.education.enrolment.zones(w.agency.id, 2025)).length;
    await assert.rejects(importZones(s.ctx, w.staff.clerk, { year: 2025, fileName: 'zones.csv', data: bad }), (e: unknown) => {
      assert.ok(e instanceof ZoneImportError);
      assert.deepEqual(e.errors.map((x) => x.row), [3, 4, 5]);
      assert.match(e.errors[0].message, /^学校“不存在小学”不在学校名录中/);
      assert.equal(e.errors[1].message, '招生范围为空');
      assert.equal(e.errors[2].message, '“沅江社区”与第2行重复');
      assert.match(e.message, /未导入任何数据/);
      return true;
    });
    assert.equal((await s.ctx.repos.education.enrolment.zones(w.agency.id, 2025)).length, before);

    const good = Buffer.from('学校名称,招生范围,备注\r\n黔城镇第一小学,"沅江社区、江南社区",\r\n黔城镇第二小学,沅江社区,多校划片\r\n洪江市第一中学,"沅江社区；江南社区；长坡村",\r\n', 'utf8');
    const res = await importZones(s.ctx, w.staff.clerk, { year: 2025, fileName: 'zones.csv', data: good });
    assert.deepEqual(res, { rows: 3, entries: 6, schools: 3 });
    const r = await lookupZones(s.ctx, { agencyCode: w.agency.code, q: '长坡村' });
    assert.deepEqual(r.results.map((x) => x.school.name), ['洪江市第一中学']);
    const odd = await lookupZones(s.ctx, { agencyCode: w.agency.code, q: '沅江路13号' });
    assert.deepEqual(odd.results, [], 'the ranges were replaced by the import');
    const events = await s.ctx.repos.audit.list({ agencyId: w.agency.id, action: 'zones.imported' }, 1, 10);
    assert.equal(events.total, 1);
  });

  test('GB18030 CSV (Excel on Chinese Windows) and XLSX are read', async () => {
    const gbk = Buffer.from([
      // "学校名称,招生范围\r\n洪江市第一中学,长坡村\r\n" in GB18030
      0xd1, 0xa7, 0xd0, 0xa3, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd5, 0xd0, 0xc9, 0xfa, 0xb7, 0xb6, 0xce, 0xa7, 0x0d, 0x0a,
      0xba, 0xe9, 0xbd, 0xad, 0xca, 0xd0, 0xb5, 0xda, 0xd2, 0xbb, 0xd6, 0xd0, 0xd1, 0xa7, 0x2c, 0xb3, 0xa4, 0xc6, 0xc2, 0xb4, 0xe5, 0x0d, 0x0a,
    ]);
    const r1 = await importZones(s.ctx, w.staff.clerk, { year: 2024, fileName: 'ZONES.CSV', data: gbk });
    assert.deepEqual(r1, { rows: 1, entries: 1, schools: 1 });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('片区');
    ws.addRow(['学校名称', '招生范围', '备注']);
    ws.addRow(['黔城镇第一小学', '沅江社区、沅江路1-99号单号', '']);
    ws.addRow(['黔城镇第二小学', '沅江社区', '多校划片']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const r2 = await importZones(s.ctx, w.staff.clerk, { year: 2024, fileName: 'zones.xlsx', data });
    assert.deepEqual(r2, { rows: 2, entries: 3, schools: 2 });
    await assert.rejects(importZones(s.ctx, w.staff.clerk, { year: 2024, fileName: 'zones.xlsx', data: Buffer.from('not a zip') }), { status: 400 });
    await assert.rejects(importZones(s.ctx, w.staff.clerk, { year: 2024, fileName: 'zones.txt', data }), { status: 400 });
  });

  test('roles and agencies are enforced; a school with zones cannot be deleted', async () => {
    await assert.rejects(saveSchool(s.ctx, w.staff.reviewer, null, school('某小学', 'primary', '')), { status: 403 });
    await assert.rejects(saveSchool(s.ctx, w.publicActor, null, school('某小学', 'primary', '')), { status: 401 });
    const a = (await s.ctx.repos.education.enrolment.schoolByName(w.agency.id, '黔城镇第一小学'))!;
    await assert.rejects(saveSchool(s.ctx, w.staff.outsider, a.id, school('改名小学', 'primary', '')), { status: 404 });
    await assert.rejects(deleteSchool(s.ctx, w.staff.clerk, a.id), { status: 409 });
    await assert.rejects(saveSchool(s.ctx, w.staff.clerk, null, school('黔城镇第一小学', 'primary', '')), (e: { fields?: Record<string, string> }) => /已在名录中/.test(e.fields?.name ?? ''));
    await assert.rejects(saveSchool(s.ctx, w.staff.clerk, null, { ...school('', 'college', ''), website: 'ftp://x' }), (e: { fields?: Record<string, string> }) => {
      assert.deepEqual(Object.keys(e.fields ?? {}).sort(), ['level', 'name', 'website']);
      return true;
    });
  });
});

forEachDialect('education: statistics', (s) => {
  let w: EduWorld;
  before(async () => {
    w = await eduWorld(s.ctx);
  });
  const row = (schools: string, pupils: string, teachers: string) => ({ schools, pupils, teachers });

  test('a year is saved per level; the table carries the total; CSV is the same table', async () => {
    await saveStatistics(s.ctx, w.staff.clerk, {
      year: 2016, note: '2016年统计年报', documentRef: '',
      rows: { primary: row('20', '17430', '1320'), junior: row('11', '8912', '812'), nine_year: row('6', '3105', '286'), senior: row('2', '4020', '498'), vocational: row('1', '640', '60'), special: row('1', '115', '22'), kindergarten: row('', '', '') },
    });
    const v = await statisticsForYear(s.ctx, w.agency.id, 2016);
    assert.deepEqual(v.total, { schools: 41, pupils: 34222, teachers: 2998 });
    assert.deepEqual(v.rows.map((r) => r.level), ['primary', 'junior', 'nine_year', 'senior', 'vocational', 'special']);
    const t = statisticsTable(v, 'zh');
    assert.deepEqual(t.header, ['学段', '学校数（所）', '在校学生数（人）', '教职工数（人）']);
    assert.deepEqual(t.body[t.body.length - 1], ['合计', '41', '34222', '2998']);
    const csv = toCsv(t);
    assert.ok(csv.startsWith('\ufeff学段,学校数（所）,在校学生数（人）,教职工数（人）\r\n小学,20,17430,1320\r\n'));
    assert.ok(csv.endsWith('合计,41,34222,2998\r\n'));
    assert.deepEqual(statisticsJson(w.agency, v).total, { schools: 41, pupils: 34222, teachers: 2998 });
  });

  test('saving again replaces the year and is audited with before/after; bad figures are refused field by field', async () => {
    await saveStatistics(s.ctx, w.staff.clerk, { year: 2017, note: '', documentRef: '', rows: { primary: row('19', '17000', '1300') } });
    await saveStatistics(s.ctx, w.staff.clerk, { year: 2017, note: '', documentRef: '', rows: { primary: row('19', '17100', '1300'), junior: row('11', '9000', '800') } });
    const v = await statisticsForYear(s.ctx, w.agency.id, 2017);
    assert.deepEqual(v.total, { schools: 30, pupils: 26100, teachers: 2100 });
    const events = await s.ctx.repos.audit.list({ agencyId: w.agency.id, action: 'statistics.saved' }, 1, 10);
    assert.equal(events.total, 3);
    assert.match(events.items[0].summary, /17000/);
    await assert.rejects(saveStatistics(s.ctx, w.staff.clerk, { year: 2018, note: '', documentRef: '', rows: { primary: row('19', '-3', 'x'), junior: row('', '', '') } }), (e: { fields: Record<string, string> }) => {
      assert.deepEqual(Object.keys(e.fields).sort(), ['primary.pupils', 'primary.teachers']);
      return true;
    });
    await assert.rejects(saveStatistics(s.ctx, w.staff.clerk, { year: 2018, note: '', documentRef: '', rows: {} }), { status: 400 });
    await assert.rejects(saveStatistics(s.ctx, w.staff.reviewer, { year: 2018, note: '', documentRef: '', rows: { primary: row('1', '1', '1') } }), { status: 403 });
    await assert.rejects(statisticsForYear(s.ctx, w.agency.id, 2018), { status: 404 });
    const trend = await statisticsTrend(s.ctx, w.agency.id);
    assert.deepEqual(trend.years, [2016, 2017]);
    assert.deepEqual(trendTable(trend, 'en').body, [['2016', '41', '34222', '2998'], ['2017', '30', '26100', '2100']]);
  });
});

forEachDialect('education: power and responsibility lists', (s) => {
  let w: EduWorld;
  before(async () => {
    w = await eduWorld(s.ctx);
  });
  const item = (code: string, name: string, over: Partial<PowerItemInput> = {}): PowerItemInput => ({
    code, type: 'licensing', name, legalBasis: '《中华人民共和国民办教育促进法》第十二条', department: '基础教育股', responsibilities: '受理、审查、决定', accountability: '违法许可的', sort: 0, ...over,
  });

  test('the first version is published with a reason and a date', async () => {
    await assert.rejects(saveDraftItem(s.ctx, w.staff.clerk, null, item('XK-001', '民办学校审批')), { status: 409 });
    await startPowerDraft(s.ctx, w.staff.clerk);
    await assert.rejects(startPowerDraft(s.ctx, w.staff.clerk), { status: 409, message: /已有一个未发布的新版本草稿/ });
    await saveDraftItem(s.ctx, w.staff.clerk, null, item('XK-001', '民办学校审批'));
    await saveDraftItem(s.ctx, w.staff.clerk, null, item('CF-001', '对民办学校违规办学的处罚', { type: 'penalty' }));
    await assert.rejects(saveDraftItem(s.ctx, w.staff.clerk, null, item('XK-001', '重复编码')), (e: { fields: Record<string, string> }) => /已被其他事项使用/.test(e.fields.code));
    await assert.rejects(saveDraftItem(s.ctx, w.staff.clerk, null, item('', '', { type: 'magic', legalBasis: '' })), (e: { fields: Record<string, string> }) => {
      assert.deepEqual(Object.keys(e.fields).sort(), ['code', 'legalBasis', 'name', 'type']);
      return true;
    });
    await assert.rejects(publishPowerDraft(s.ctx, w.staff.clerk, { reason: '', effectiveOn: '2024-13-01', documentRef: '' }), (e: { fields: Record<string, string> }) => Object.keys(e.fields).length === 2);
    assert.equal(await publishPowerDraft(s.ctx, w.staff.clerk, { reason: '首次公布', effectiveOn: '2024-03-01', documentRef: '' }), 1);
    const cur = await currentPowerList(s.ctx, w.agency.id);
    assert.equal(cur.version?.versionNo, 1);
    assert.deepEqual(cur.items.map((i) => i.code).sort(), ['CF-001', 'XK-001']);
  });

  test('a change becomes version 2 with a readable diff; version 1 stays as it was', async () => {
    await startPowerDraft(s.ctx, w.staff.clerk);
    let view = await powerListConsole(s.ctx, w.staff.clerk);
    assert.equal(view.draft?.versionNo, 2);
    assert.equal(view.draftItems.length, 2, 'the draft starts as a copy of the current list');
    await assert.rejects(publishPowerDraft(s.ctx, w.staff.clerk, { reason: '无变化', effectiveOn: '2025-01-01', documentRef: '' }), { status: 409, message: /没有任何差别/ });
    const xk = view.draftItems.find((i) => i.code === 'XK-001')!;
    await saveDraftItem(s.ctx, w.staff.clerk, xk.id, { ...xk, legalBasis: '《中华人民共和国民办教育促进法》第十二条、第十四条' });
    await deleteDraftItem(s.ctx, w.staff.clerk, view.draftItems.find((i) => i.code === 'CF-001')!.id);
    await saveDraftItem(s.ctx, w.staff.clerk, null, item('JC-001', '对校外培训机构的检查', { type: 'inspection' }));
    view = await powerListConsole(s.ctx, w.staff.clerk);
    assert.equal(view.preview && summarizeDiff(view.preview), '新增 1 项，取消 1 项，调整 1 项');
    await assert.rejects(publishPowerDraft(s.ctx, w.staff.clerk, { reason: '倒填日期', effectiveOn: '2024-01-01', documentRef: '' }), { status: 400 });
    assert.equal(await publishPowerDraft(s.ctx, w.staff.clerk, { reason: '职能调整', effectiveOn: '2025-06-15', documentRef: '11431281006109018N/2025-00077' }), 2);

    const d = await powerDiff(s.ctx, w.agency.id, 1, 2);
    assert.deepEqual(d.diff.added.map((i) => i.code), ['JC-001']);
    assert.deepEqual(d.diff.removed.map((i) => i.code), ['CF-001']);
    assert.deepEqual(d.diff.changed[0].changes[0].segments.filter((x) => x.op !== 'same'), [{ op: 'add', text: '、第十四条' }]);
    const v1 = await powerVersion(s.ctx, w.agency.id, 1);
    assert.deepEqual(v1.items.map((i) => i.code).sort(), ['CF-001', 'XK-001']);
    assert.equal(v1.items.find((i) => i.code === 'XK-001')!.legalBasis, '《中华人民共和国民办教育促进法》第十二条');
    assert.equal(v1.currentNo, 2);
    const log = await powerChangeLog(s.ctx, w.agency.id);
    assert.deepEqual(log.map((v) => [v.versionNo, v.reason, v.effectiveOn, v.summary]), [
      [2, '职能调整', '2025-06-15', '新增 1 项，取消 1 项，调整 1 项'],
      [1, '首次公布', '2024-03-01', '首次发布，共 2 项'],
    ]);
    const events = await s.ctx.repos.audit.list({ agencyId: w.agency.id, action: 'power_list.published' }, 1, 10);
    assert.equal(events.total, 2);
  });

  test('drafts are not public; other agencies and roles cannot edit', async () => {
    await startPowerDraft(s.ctx, w.staff.clerk);
    await assert.rejects(powerVersion(s.ctx, w.agency.id, 3), { status: 404 });
    assert.equal((await currentPowerList(s.ctx, w.agency.id)).version?.versionNo, 2);
    const view = await powerListConsole(s.ctx, w.staff.clerk);
    await assert.rejects(saveDraftItem(s.ctx, w.staff.outsider, view.draftItems[0].id, item('X', 'x')), { status: 409 }, 'the outsider has no draft of their own');
    await assert.rejects(startPowerDraft(s.ctx, w.staff.reviewer), { status: 403 });
    await discardPowerDraft(s.ctx, w.staff.clerk);
    assert.equal((await powerListConsole(s.ctx, w.staff.clerk)).draft, null);
    await assert.rejects(powerDiff(s.ctx, w.agency.id, 2, 2), { status: 400 });
  });
});

let recClock = new Date('2026-06-03T02:00:00Z');
forEachDialect('education: teacher recruitment', (s) => {
  let w: EduWorld;
  let id: number;
  before(async () => {
    w = await eduWorld(s.ctx);
  });
  before(() => { recClock = new Date('2026-06-03T02:00:00Z'); });
  const input = (over: Partial<RecruitmentInput> = {}): RecruitmentInput => ({
    year: 2026, title: '2026年公开招聘教师公告', summary: '面向社会公开招聘', requirements: '本科及以上', documentRef: '',
    quotasText: '黔城镇第一完全小学｜语文｜2｜具有小学教师资格\n托口中学｜物理｜1｜',
    steps: { registration: { startsOn: '2026-06-01', endsOn: '2026-06-07', note: '' }, exam: { startsOn: '2026-06-28', endsOn: '', note: '' } },
    ...over,
  });

  test('a posting with quotas and dated steps; bad lines and dates are refused with their line numbers', async () => {
    await assert.rejects(saveRecruitment(s.ctx, w.staff.clerk, null, input({ quotasText: '只有学校\n某校｜数学｜零｜', steps: { exam: { startsOn: '2026-06-28', endsOn: '2026-06-01', note: '' } } })), (e: { fields: Record<string, string> }) => {
      assert.equal(e.fields.quotasText, '第1行：应为“学校｜学科｜人数｜要求”；第2行：人数应为正整数');
      assert.match(e.fields['exam.endsOn'], /结束日期不能早于开始日期/);
      return true;
    });
    id = await saveRecruitment(s.ctx, w.staff.clerk, null, input());
    await assert.rejects(publicRecruitment(s.ctx, w.agency.id, id), { status: 404 }, 'drafts are not public');
    await publishRecruitment(s.ctx, w.staff.clerk, id);
    const r = await publicRecruitment(s.ctx, w.agency.id, id);
    assert.equal(r.totalQuota, 3);
    assert.equal(r.phase, 'in_progress');
    assert.deepEqual(r.steps.map((x) => x.step), ['registration', 'exam']);
    await assert.rejects(publishRecruitment(s.ctx, w.staff.clerk, id), { status: 409 });
  });

  test('results carry a publicity period; personal identifiers are refused; closing waits for the period to end', async () => {
    await assert.rejects(publishResults(s.ctx, w.staff.clerk, id, { text: '王小明｜黔城镇第一完全小学｜语文｜85.5｜身份证430181199001011233', publicityStartsOn: '2026-08-18', publicityEndsOn: '2026-08-24', note: '', documentRef: '' }),
      (e: { fields: Record<string, string> }) => /居民身份证号码/.test(e.fields.text));
    await assert.rejects(publishResults(s.ctx, w.staff.clerk, id, { text: '王小明｜黔城镇第一完全小学｜语文｜85.5｜', publicityStartsOn: '2026-08-18', publicityEndsOn: '2026-08-10', note: '', documentRef: '' }), { status: 400 });
    await publishResults(s.ctx, w.staff.clerk, id, { text: '王小明｜黔城镇第一完全小学｜语文｜85.5｜\n李小红｜托口中学｜物理｜80｜', publicityStartsOn: '2026-08-18', publicityEndsOn: '2026-08-24', note: '', documentRef: '' });
    recClock = new Date('2026-08-20T02:00:00Z');
    let r = await publicRecruitment(s.ctx, w.agency.id, id);
    assert.equal(r.phase, 'publicity');
    assert.deepEqual(r.results.map((x) => x.candidateName), ['王小明', '李小红']);
    await assert.rejects(closeRecruitment(s.ctx, w.staff.clerk, id), { status: 409, message: /公示期满后才能归档/ });
    recClock = new Date('2026-08-25T02:00:00Z');
    assert.equal((await publicRecruitment(s.ctx, w.agency.id, id)).phase, 'publicity_ended');
    await closeRecruitment(s.ctx, w.staff.clerk, id);
    const lists = await publicRecruitments(s.ctx, w.agency.id);
    assert.deepEqual(lists.archive.map((x) => x.id), [id]);
    assert.deepEqual(lists.current, []);
    r = await publicRecruitment(s.ctx, w.agency.id, id);
    assert.equal(r.phase, 'archived');
    await assert.rejects(saveRecruitment(s.ctx, w.staff.clerk, id, input()), { status: 409, message: /已归档/ });
    await assert.rejects(staffRecruitment(s.ctx, w.staff.outsider, id), { status: 404 });
    const actions = (await s.ctx.repos.audit.forSubject('edu_recruitment', id)).map((e) => e.action);
    assert.deepEqual(actions, ['recruitment.created', 'recruitment.published', 'recruitment.results_published', 'recruitment.closed']);
  });
}, { now: () => recClock });

forEachDialect('education: monthly work and fees', (s) => {
  let w: EduWorld;
  before(async () => {
    w = await eduWorld(s.ctx);
  });
  const item = (title: string, status: string, over: Partial<MonthlyItemInput> = {}): MonthlyItemInput => ({ department: '基础教育股', title, progress: '', status, problems: '', rectification: '', sort: 0, ...over });

  test('a month is public only when published; the year view counts items by status', async () => {
    await saveMonthlyItem(s.ctx, w.staff.clerk, { month: '2025-03' }, item('学区调研', 'done'));
    await saveMonthlyItem(s.ctx, w.staff.clerk, { month: '2025-03' }, item('运动场改造', 'delayed', { problems: '降雨影响', rectification: '增加人员' }));
    await saveMonthlyItem(s.ctx, w.staff.clerk, { month: '2025-04' }, item('招生方案', 'in_progress'));
    await assert.rejects(saveMonthlyItem(s.ctx, w.staff.clerk, { month: '2025-04' }, item('延期但未说明', 'delayed')), (e: { fields: Record<string, string> }) => /延期的事项请说明/.test(e.fields.problems));
    await assert.rejects(saveMonthlyItem(s.ctx, w.staff.clerk, { month: '2025-13' }, item('x', 'done')), { status: 400 });
    await assert.rejects(monthlyReport(s.ctx, w.agency.id, '2025-03'), { status: 404 });
    await saveMonthlyReport(s.ctx, w.staff.clerk, { month: '2025-03', summary: '三月综述', rewardsPenalties: '通报批评2所学校', documentRef: '' });
    await setMonthlyPublished(s.ctx, w.staff.clerk, '2025-03', true);
    await assert.rejects(setMonthlyPublished(s.ctx, w.staff.clerk, '2025-05', true), { status: 404 });
    const m = await monthlyReport(s.ctx, w.agency.id, '2025-03');
    assert.deepEqual(m.counts, { done: 1, in_progress: 0, delayed: 1 });
    assert.equal(m.rewardsPenalties, '通报批评2所学校');
    const y = await monthlyYear(s.ctx, w.agency.id, 2025);
    assert.deepEqual(y.months.map((x) => x.month), ['2025-03']);
    assert.deepEqual(y.totals, { done: 1, in_progress: 0, delayed: 1 });
    assert.deepEqual(await monthlyYears(s.ctx, w.agency.id), [2025]);
    await setMonthlyPublished(s.ctx, w.staff.clerk, '2025-03', false);
    await assert.rejects(monthlyReport(s.ctx, w.agency.id, '2025-03'), { status: 404 });
    const staff = await staffMonthlyReports(s.ctx, w.staff.clerk, 2025);
    assert.deepEqual(staff.map((r) => r.month), ['2025-04', '2025-03']);
    await assert.rejects(deleteMonthlyItem(s.ctx, w.staff.outsider, staff[0].items[0].id), { status: 404 });
    assert.equal(await deleteMonthlyItem(s.ctx, w.staff.clerk, staff[0].items[0].id), '2025-04');
  });

  test('fees: in force derived from the dates; a fee needs a basis; changes are audited', async () => {
    const base = { category: '普通高中收费', name: '学费', scope: '洪江市第一中学', standard: '1200元/生·学期', legalBasis: '省发改委通知', approvalDoc: '湘发改价费〔2023〕316号', documentRef: '', note: '' };
    const id = await saveFee(s.ctx, w.staff.clerk, null, { ...base, validFrom: '2023-09-01', validTo: '' });
    await saveFee(s.ctx, w.staff.clerk, null, { ...base, standard: '800元/生·学期', validFrom: '2017-09-01', validTo: '2023-08-31' });
    await assert.rejects(saveFee(s.ctx, w.staff.clerk, null, { ...base, legalBasis: '', approvalDoc: '', standard: '', validFrom: '2023-09-01', validTo: '2022-01-01' }), (e: { fields: Record<string, string> }) => {
      assert.deepEqual(Object.keys(e.fields).sort(), ['legalBasis', 'standard', 'validTo']);
      return true;
    });
    const fees = await listFees(s.ctx, w.agency.id);
    assert.deepEqual(fees.inForce.map((f) => f.standard), ['1200元/生·学期']);
    assert.deepEqual(fees.other.map((f) => f.standard), ['800元/生·学期']);
    await saveFee(s.ctx, w.staff.clerk, id, { ...base, standard: '1300元/生·学期', validFrom: '2023-09-01', validTo: '' });
    const events = await s.ctx.repos.audit.forSubject('edu_fee', id);
    assert.deepEqual(events.map((e) => e.action), ['fee.created', 'fee.updated']);
    assert.match(events[1].summary, /1200元/);
    await assert.rejects(deleteFee(s.ctx, w.staff.reviewer, id), { status: 403 });
    await deleteFee(s.ctx, w.staff.clerk, id);
    assert.equal((await listFees(s.ctx, w.agency.id)).inForce.length, 0);
  });
});

let cClock = new Date('2026-02-27T02:00:00Z');
forEachDialect('public comment on drafts (意见征集)', (s) => {
  let w: EduWorld;
  let id: number;
  before(async () => {
    w = await eduWorld(s.ctx);
  });
  before(() => { cClock = new Date('2026-02-27T02:00:00Z'); });
  const draft = { title: '课后服务管理办法（征求意见稿）', summary: '', body: '第一条 ……', documentRef: '', opensOn: '2026-03-01', closesOn: '2026-03-31' };
  const comment = (body: string, name = '杨女士', contact = '13900001111') => ({ body, name, contact });

  test('a draft is invisible until published; comments are taken only during the period', async () => {
    await assert.rejects(saveConsultation(s.ctx, w.staff.clerk, null, { ...draft, body: '', closesOn: '2026-02-01' }), (e: { fields: Record<string, string> }) => {
      assert.deepEqual(Object.keys(e.fields).sort(), ['body', 'closesOn']);
      return true;
    });
    id = await saveConsultation(s.ctx, w.staff.clerk, null, draft);
    await assert.rejects(publicConsultation(s.ctx, w.agency.id, id), { status: 404 });
    await assert.rejects(publishConsultation(s.ctx, w.staff.reviewer, id), { status: 403 });
    await publishConsultation(s.ctx, w.staff.clerk, id);
    assert.equal((await publicConsultation(s.ctx, w.agency.id, id)).consultation.phase, 'upcoming');
    await assert.rejects(submitComment(s.ctx, w.publicActor, w.agency.id, id, comment('建议增加体育活动内容')), { status: 409, message: /将于 2026-03-01 开始/ });
    cClock = new Date('2026-03-05T02:00:00Z');
    await submitComment(s.ctx, w.publicActor, w.agency.id, id, comment('建议增加体育活动内容，联系我13900001111'));
    await submitComment(s.ctx, w.publicActor, w.agency.id, id, comment('农村学校可弹性安排', '', ''));
    await assert.rejects(submitComment(s.ctx, w.publicActor, w.agency.id, id, comment('短')), { status: 400 });
    await assert.rejects(submitComment(s.ctx, w.publicActor, w.other.id, id, comment('另一个机关的地址')), { status: 404 });
    const pub = await publicConsultation(s.ctx, w.agency.id, id);
    assert.equal(pub.consultation.counts.received, 2);
    assert.deepEqual(pub.comments, [], 'nothing is shown before moderation');
  });

  test('moderation shows a masked text without name or contact; the feedback waits for the end of the period and for every comment', async () => {
    const staff = await staffConsultation(s.ctx, w.staff.office, id);
    const [first, second] = staff.comments;
    assert.equal(first.name, '杨女士');
    assert.doesNotMatch(first.suggestedPublicBody, /13900001111/);
    await assert.rejects(moderateComment(s.ctx, w.staff.clerk, first.id, { decision: 'approve', publicBody: '' }), { status: 403 });
    await assert.rejects(moderateComment(s.ctx, w.staff.office, first.id, { decision: 'approve', publicBody: '杨女士建议增加体育活动' }), (e: { fields: Record<string, string> }) => /提交人的姓名或联系方式/.test(e.fields.publicBody));
    await moderateComment(s.ctx, w.staff.office, first.id, { decision: 'approve', publicBody: '' });
    await assert.rejects(setCommentAdoption(s.ctx, w.staff.clerk, second.id, { adoption: 'not_adopted', response: '' }), { status: 400 });
    await setCommentAdoption(s.ctx, w.staff.clerk, first.id, { adoption: 'adopted', response: '已增加体育、艺术活动' });
    await setCommentAdoption(s.ctx, w.staff.clerk, second.id, { adoption: 'partly', response: '农村学校每周不少于3天' });
    const feedback = { feedbackSummary: '共收到意见2条', adoptionSummary: '采纳1条，部分采纳1条', finalDocumentRef: '11431281006109018N/2026-00052' };
    await assert.rejects(concludeConsultation(s.ctx, w.staff.clerk, id, feedback), { status: 409, message: /期满后才能发布/ });
    cClock = new Date('2026-04-02T02:00:00Z');
    await assert.rejects(submitComment(s.ctx, w.publicActor, w.agency.id, id, comment('截止后提交的意见')), { status: 409, message: /已于 2026-03-31 截止/ });
    await assert.rejects(concludeConsultation(s.ctx, w.staff.clerk, id, feedback), { status: 409, message: /还有 1 条意见尚未审核/ });
    await moderateComment(s.ctx, w.staff.office, second.id, { decision: 'reject', publicBody: '' });
    await assert.rejects(concludeConsultation(s.ctx, w.staff.clerk, id, { ...feedback, adoptionSummary: '' }), { status: 400 });
    await concludeConsultation(s.ctx, w.staff.clerk, id, feedback);
    const pub = await publicConsultation(s.ctx, w.agency.id, id);
    assert.equal(pub.consultation.phase, 'concluded');
    assert.deepEqual(pub.consultation.counts.adoption, { adopted: 1, partly: 1, not_adopted: 0 });
    assert.equal(pub.consultation.finalDocumentRef, '11431281006109018N/2026-00052');
    assert.equal(pub.comments.length, 1);
    assert.deepEqual(Object.keys(pub.comments[0]).sort(), ['adoption', 'body', 'id', 'response', 'submittedOn']);
    assert.doesNotMatch(JSON.stringify(pub), /杨女士|13900001111|203\.0\.113/);
    await assert.rejects(saveConsultation(s.ctx, w.staff.clerk, id, draft), { status: 409 });
    await assert.rejects(moderateComment(s.ctx, w.staff.office, second.id, { decision: 'approve', publicBody: '' }), { status: 409, message: '已发布采纳情况的意见征集不能再审核意见' });
    await assert.rejects(setCommentAdoption(s.ctx, w.staff.clerk, first.id, { adoption: 'partly', response: '改为部分采纳' }), { status: 409, message: '已发布采纳情况的意见征集不能再修改' });
    await assert.rejects(setCommentAdoption(s.ctx, w.staff.clerk, 999_999, { adoption: 'adopted', response: '' }), { status: 404, message: '未找到该意见' });
    const actions = (await s.ctx.repos.audit.forSubject('consultation', id)).map((e) => e.action);
    assert.equal(actions[0], 'consultation.created');
    assert.equal(actions[actions.length - 1], 'consultation.concluded');
    assert.equal(actions.filter((a) => a === 'consultation.comment_received').length, 2);
  });
}, { now: () => cClock });
