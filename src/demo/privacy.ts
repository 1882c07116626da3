// Demo for the privacy guard (issue 8): a few documents that show what the guard catches, added
// through the documents services (the documents demo itself is left as it is).
//   1. A student aid recipient list published last autumn, before the guard existed, with full ID
//      numbers and phone numbers in its XLSX attachment: the sweep lists it (planted findings).
//   2. This spring's aid list in review, its DOCX table holding full ID numbers: approval is
//      refused, naming the table cell, until the reviewer makes the masked copy.
//   3. A school-bus driver list whose published work phones a reviewer let stand, with the reason.
// All people and numbers are invented; the ID numbers are built with valid check digits because
// that is what the scanner looks for.
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { addDays, chinaDateOf } from '../domain/dates.ts';
import { residentIdCheckChar } from '../domain/identity.ts';
import type { Actor, StaffUser } from '../services/actor.ts';
import { addAttachment } from '../services/attachment.service.ts';
import type { ServiceContext } from '../services/context.ts';
import { syncDocumentSearch } from '../services/document-search.ts';
import { approveDocument, publishDocument, registerDocument, submitDocument } from '../services/document.service.ts';
import { documentPrivacy, recordJustification, scanDocument } from '../services/privacy.service.ts';
import type { DemoWorld } from './seed.ts';

/** A valid fictitious ID number of 洪江市 (431281) for a birth date. */
function demoId(birth: string, seq: number): string {
  const first17 = `431281${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const PUPILS = ['张雨涵', '李子轩', '王欣怡', '刘浩然', '陈思彤', '杨梓萱', '黄俊杰', '赵可欣', '周子豪', '吴雨桐'];
const SCHOOLS = ['黔城镇中心小学', '洪江区幸福路小学', '安江镇第一完全小学', '托口镇中心小学', '黔城中学'];

/** Planted in attachment 1: ten ID numbers and ten phone numbers. */
export const DEMO_PLANTED_AUTUMN = { ids: 10, phones: 10 };

async function autumnAidList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资助名单');
  ws.addRow(['序号', '姓名', '就读学校', '身份证号码', '监护人电话', '资助项目', '资助金额（元）']);
  ws.getRow(1).font = { bold: true };
  PUPILS.forEach((name, i) => {
    ws.addRow([i + 1, name, SCHOOLS[i % SCHOOLS.length], demoId(`2014${String(1 + i).padStart(2, '0')}1${i % 9}`, 20 + i), `1397450${String(1200 + i * 37).padStart(4, '0')}`, '家庭经济困难学生生活补助', 625]);
  });
  ws.getColumn(4).width = 22;
  ws.getColumn(5).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function springAidList(): Promise<Buffer> {
  const rows = PUPILS.slice(0, 6).map((name, i) => [String(i + 1), name, '黔城中学', demoId(`2009${String(3 + i).padStart(2, '0')}0${1 + i}`, 40 + i), '1000']);
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ children: [new TextRun({ text: '2026年春季学期普通高中国家助学金拟资助学生名单', bold: true })] }),
        new Table({ rows: [new TableRow({ children: ['序号', '姓名', '学校', '身份证号码', '资助金额（元）'].map(cell) }), ...rows.map((r) => new TableRow({ children: r.map(cell) }))] }),
        new Paragraph('公示期5个工作日。监督电话：0745-7623456。'),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

async function staff(ctx: ServiceContext, id: number): Promise<Actor> {
  return { kind: 'staff', user: (await ctx.repos.users.staffUser(id)) as StaffUser, ip: '127.0.0.1' };
}

export async function seedPrivacyDemo(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const today = chinaDateOf(ctx.now());
  const clerk = await staff(ctx, world.userIds.clerk);
  const office = await staff(ctx, world.userIds.office);
  const reviewer = await staff(ctx, world.userIds.reviewer);
  const base = { docNumber: '', category: '政策文件', genre: '公告', disclosure: 'proactive', departmentId: world.departments['计划财务股']?.id };

  // 1. Published before the guard: registered and attached through the services, then published
  //    the way the documents demo records its historic documents (the state as it was then).
  const autumnOn = addDays(today, -200);
  const autumn = await registerDocument(ctx, office, {
    ...base, title: '洪江市2025年秋季学期家庭经济困难学生生活补助名单公示', createdOn: autumnOn,
    summary: '2025年秋季学期义务教育阶段家庭经济困难学生生活补助拟资助名单。',
    bodyHtml: '<p>根据学生资助政策，经学生申请、学校评议和公示、市教育局审核，现将2025年秋季学期家庭经济困难学生生活补助拟资助名单予以公示（见附件）。</p><p>公示期为5个工作日。</p>',
  });
  await addAttachment(ctx, office, autumn.id, { filename: '2025年秋季学期资助名单.xlsx', data: await autumnAidList() });
  const publishedOn = addDays(autumnOn, 2);
  await ctx.transaction(async (repos) => {
    await repos.documents.update(autumn.id, { state: 'published', published_on: publishedOn, updated_at: new Date(`${publishedOn}T10:00:00+08:00`).toISOString() });
    await repos.audit.append({
      actorId: null, actorLabel: '演示数据', agencyId: world.bureau.id, action: 'document.published', subjectType: 'document', subjectId: autumn.id,
      summary: { title: autumn.title, publishedOn, demo: true, note: '个人信息检查启用前发布' },
    }, new Date(`${publishedOn}T10:00:00+08:00`));
    await syncDocumentSearch(repos, autumn.id);
  });
  await scanDocument(ctx, autumn.id);

  // 2. In review now: the reviewer's approval is refused until the list is masked.
  const spring = await registerDocument(ctx, clerk, {
    ...base, title: '2026年春季学期普通高中国家助学金拟资助学生名单公示', createdOn: addDays(today, -3), departmentId: undefined,
    summary: '2026年春季学期普通高中国家助学金拟资助学生名单。', bodyHtml: '<p>现将2026年春季学期普通高中国家助学金拟资助学生名单予以公示（见附件）。</p>',
  });
  await addAttachment(ctx, clerk, spring.id, { filename: '国家助学金拟资助名单.docx', data: await springAidList() });
  await submitDocument(ctx, clerk, spring.id);
  await scanDocument(ctx, spring.id);

  // 3. A finding a reviewer let stand, with the reason; then approved and published.
  const bus = await registerDocument(ctx, clerk, {
    ...base, title: '2026年春季学期校车驾驶人员及联系方式公示', createdOn: addDays(today, -5), departmentId: undefined, genre: '公告',
    summary: '各校校车驾驶人员及随车照管人员联系方式。',
    bodyHtml: '<p>为方便家长联系，现将黔城镇中心小学校车驾驶人员公示如下：</p><p>驾驶人：彭师傅，工作手机13974561234。</p>',
  });
  await submitDocument(ctx, clerk, bus.id);
  const { findings } = await documentPrivacy(ctx, reviewer, bus.id);
  for (const f of findings) await recordJustification(ctx, reviewer, f.id, '校车驾驶人工作手机依校车安全管理规定须向家长公开，本人已书面同意');
  await approveDocument(ctx, reviewer, bus.id, '已完成保密审查，同意公开。');
  await publishDocument(ctx, office, bus.id);
}
