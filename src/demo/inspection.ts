// Demo content for the site inspection (issue 9). The bureau's site carries five planted problems,
// each found once by the next inspection and gone once fixed:
//   1. the 通知公告 column (fed by the topic 通知公告) last updated eight months ago;
//   2. a published document whose attachment file is missing from the file store;
//   3. a policy document published without an interpretation;
//   4. a question from the public past its reply deadline;
//   5. a forbidden expression (保录取) in a published document.
// They are planted through the other areas' services, as staff would have caused them. The city's
// site has its own problems (nothing published for months, a policy document without
// interpretation) and nothing of the bureau's. Text rules, column settings and a few error reports
// (我为政府网站找错, one answered) complete the picture; the inspection then runs once for each agency.
import JSZip from 'jszip';
import { addDays, chinaDateOf } from '../domain/dates.ts';
import type { Actor, StaffUser } from '../services/actor.ts';
import type { ServiceContext } from '../services/context.ts';
import { addAttachment, fileStoreOf } from '../services/attachment.service.ts';
import { approveDocument, publishDocument, registerDocument, submitDocument, type DocumentInput } from '../services/document.service.ts';
import { replyErrorReport, submitErrorReport } from '../services/error-report.service.ts';
import { runInspection } from '../services/inspection.service.ts';
import { addTextRule, adoptDefaultColumns, columnsOf, updateColumn } from '../services/inspection-settings.service.ts';
import { submitQuestion } from '../services/question.service.ts';
import { addTaxonomyEntry } from '../services/taxonomy.service.ts';
import { escapeText } from '../web/sanitize.ts';
import type { DemoWorld } from './seed.ts';

/** What the demo plants, so that tests (and people) can find each problem. */
export const DEMO_PLANTED = {
  staleColumn: { column: '通知公告', topicCode: 'tzgg', topicName: '通知公告', title: '洪江市教育局关于做好2026年春季学期开学工作的通知' },
  brokenAttachment: { title: '2026年秋季学期家庭经济困难学生资助申请表', filename: '家庭经济困难学生资助申请表.docx' },
  policyWithoutInterpretation: { title: '洪江市中小学课后服务管理办法' },
  overdueQuestion: { subject: '课后服务费如何退费' },
  sensitiveWord: { title: '洪江市2026年秋季民办学校招生信息汇总', pattern: '保录取' },
} as const;

const p = (...lines: string[]) => lines.map((l) => `<p>${escapeText(l)}</p>`).join('');

// A fixed date inside the ZIP entries: the same bytes (and SHA-256) every time, so the lost file
// can be put back (tests restore it to show the finding disappear).
const ZIP_DATE = new Date(Date.UTC(2026, 7, 20, 0, 0, 0));

/** The attachment whose file the demo "loses": a small Word form, byte-for-byte reproducible. */
export async function demoFormBytes(): Promise<Buffer> {
  const zip = new JSZip();
  const opts = { date: ZIP_DATE, createFolders: false };
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', opts);
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>', opts);
  const para = (t: string) => `<w:p><w:r><w:t>${escapeText(t)}</w:t></w:r></w:p>`;
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${
    para('洪江市家庭经济困难学生资助申请表') + para('学生所在学校：　　　　年级：　　　　') + para('家庭经济困难类型：□低保　□特困供养　□其他') + para('学校审核意见：')
  }</w:body></w:document>`, opts);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

async function staff(ctx: ServiceContext, userId: number): Promise<Actor> {
  const user = (await ctx.repos.users.staffUser(userId)) as StaffUser;
  return { kind: 'staff', user, ip: '127.0.0.1' };
}

/** The context as it was at noon (CST) `daysAgo` days before today: past events go through the same services. */
function past(ctx: ServiceContext, daysAgo: number): ServiceContext {
  const date = addDays(chinaDateOf(ctx.now()), -daysAgo);
  const at = new Date(`${date}T10:00:00+08:00`);
  return { ...ctx, now: () => at };
}

/** Register → submit → approve → publish, as the bureau's staff would. */
async function publish(ctx: ServiceContext, actors: Record<'clerk' | 'reviewer' | 'office', Actor>, input: DocumentInput, attach?: { filename: string; data: Buffer }) {
  const doc = await registerDocument(ctx, actors.clerk, input);
  if (attach) await addAttachment(ctx, actors.clerk, doc.id, attach);
  await submitDocument(ctx, actors.clerk, doc.id);
  await approveDocument(ctx, actors.reviewer, doc.id, '已完成保密审查，同意公开。');
  return publishDocument(ctx, actors.office, doc.id);
}

export async function seedInspectionDemo(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const today = chinaDateOf(ctx.now());
  const actors = {
    clerk: await staff(ctx, world.userIds.clerk),
    reviewer: await staff(ctx, world.userIds.reviewer),
    office: await staff(ctx, world.userIds.office),
  };
  const admin = await staff(ctx, world.userIds.admin);
  const dept = (name: string) => world.departments[name]?.id;

  // Text rules: platform-wide and the bureau's own (an outdated name of the bureau).
  await addTextRule(ctx, admin, { scope: 'platform', kind: 'forbidden', pattern: '保录取', replacement: '', severity: 'veto', note: '招生宣传不得承诺录取（严重表述错误）' });
  await addTextRule(ctx, admin, { scope: 'platform', kind: 'forbidden', pattern: '包就业', replacement: '', severity: 'deduct', note: '不得作就业承诺' });
  await addTextRule(ctx, admin, { scope: 'platform', kind: 'miswriting', pattern: '既往不究', replacement: '既往不咎', severity: 'deduct', note: '' });
  await addTextRule(ctx, admin, { scope: 'platform', kind: 'miswriting', pattern: '国务院扶贫办', replacement: '国家乡村振兴局', severity: 'deduct', note: '机构名称已变更' });
  await addTextRule(ctx, actors.office, { scope: 'agency', kind: 'miswriting', pattern: '洪江市教育委员会', replacement: '洪江市教育局', severity: 'deduct', note: '本局旧称，已不再使用' });

  // 1. The 通知公告 column is fed by a topic of that name; its last notice went out eight months ago.
  const s = DEMO_PLANTED.staleColumn;
  await addTaxonomyEntry(ctx, actors.office, 'topic', { code: s.topicCode, name: s.topicName });
  const eightMonths = 243;
  const then = past(ctx, eightMonths);
  await publish(then, actors, {
    title: s.title, docNumber: '洪教发〔2026〕2号', createdOn: addDays(today, -eightMonths - 2), category: 'qtzyxx', genre: '通知', topics: [s.topicCode],
    summary: '部署春季学期开学各项工作。', bodyHtml: p('各中小学：', '为做好春季学期开学工作，确保校园安全稳定，现将有关事项通知如下。', '一、做好开学前安全检查。二、落实学生报到注册。'),
    disclosure: 'proactive', departmentId: dept('基础教育股'),
  });
  await adoptDefaultColumns(ctx, actors.office);
  const notices = (await columnsOf(ctx.repos, world.bureau.id)).columns.find((c) => c.name === s.column);
  if (notices?.id) {
    await updateColumn(ctx, actors.office, notices.id, { name: s.column, kind: 'notices', periodValue: '6', periodUnit: 'month', categories: [], topics: [s.topicCode], genres: [] });
  }

  // 2. A form for download, published three weeks ago; its file has since been lost from the store.
  const b = DEMO_PLANTED.brokenAttachment;
  const form = await demoFormBytes();
  const withForm = await publish(past(ctx, 21), actors, {
    title: b.title, createdOn: addDays(today, -23), category: 'msgy', genre: '其他', topics: ['xszz'],
    summary: '家庭经济困难学生资助申请表，请下载填写后交所在学校。', bodyHtml: p('家庭经济困难学生可下载附件中的申请表，填写后交所在学校审核。', '咨询电话：0745-7623460（市教育局计划财务股）。'),
    disclosure: 'proactive', departmentId: dept('计划财务股'),
  }, { filename: b.filename, data: form });
  const lost = await ctx.repos.attachments.forDocument(withForm.id);
  for (const a of lost) await fileStoreOf(ctx).remove(a.sha256);

  // 3. A normative document published this week, its interpretation not yet written.
  await publish(past(ctx, 2), actors, {
    title: DEMO_PLANTED.policyWithoutInterpretation.title, docNumber: '洪教发〔2026〕35号', createdOn: addDays(today, -4), category: 'zcwj', genre: '办法', topics: ['jysf'],
    summary: '规范中小学课后服务的内容、收费和退费。', art20Class: 'normative_document', keywords: '课后服务 收费',
    bodyHtml: p('第一条 为规范中小学课后服务，制定本办法。', '第二条 课后服务坚持学生自愿参加原则。', '第三条 课后服务收费每生每学期不超过300元，学生中途退出的按实际天数退费。'),
    disclosure: 'proactive', departmentId: dept('基础教育股'),
  });

  // 4. A question asked three weeks ago, never answered.
  await submitQuestion(past(ctx, 21), { kind: 'public', ip: '203.0.113.9' }, world.bureau.code, {
    category: 'fees', subject: DEMO_PLANTED.overdueQuestion.subject, body: '孩子下学期不参加课后服务了，已交的费用怎么退？', name: '张女士', phone: '13800000000', email: '', keepPrivate: true,
  });

  // 5. A forbidden expression copied from a school's flyer.
  await publish(past(ctx, 6), actors, {
    title: DEMO_PLANTED.sensitiveWord.title, createdOn: addDays(today, -8), category: 'msgy', genre: '其他', topics: ['zsrx'],
    summary: '汇总本市民办学校秋季招生信息。', bodyHtml: p('现将本市民办学校2026年秋季招生信息汇总如下。', '启明学校：小学一年级招生2个班，报名即保录取，额满为止。', '育才学校：初中一年级招生3个班。'),
    disclosure: 'proactive', departmentId: dept('基础教育股'),
  });

  // 我为政府网站找错: one report answered last month, one received today.
  const lastMonth = past(ctx, 30);
  await submitErrorReport(lastMonth, { kind: 'public', ip: '198.51.100.7' }, world.bureau.code, {
    pageUrl: `/gk/${world.bureau.code}/guide`, description: '指南中办公室的传真号码少了一位数字。', contact: '',
  });
  const first = (await ctx.repos.inspection.errorReports.list([world.bureau.id], 'pending', today, 1, 1)).items[0];
  if (first) await replyErrorReport(past(ctx, 29), actors.office, first.id, '感谢指正，传真号码已更正为0745-7623457。');
  await submitErrorReport(ctx, { kind: 'public', ip: '198.51.100.8' }, world.bureau.code, {
    pageUrl: `/gk/${world.bureau.code}/catalog`, description: '目录第二页有一条信息的发布日期显示为空。', contact: 'reader@example.com',
  });

  // Today's inspection, so the health pages have something to show; external links off in the demo.
  for (const agency of [world.city, world.bureau]) await runInspection(ctx, agency.id, { externalLinks: false, kind: 'scheduled' });
}
