// Demo annual reports of 洪江市教育局: the 2016 report as it was published (Traditional characters,
// free text, kept as archived), and the 2025 report computed from the demo's applications, documents
// and cases, written, submitted, accepted by 洪江市人民政府 and published in January 2026. Runs after
// the other areas' seeders, whose records it counts.
import { readFile } from 'node:fs/promises';
import type { ServiceContext } from '../services/context.ts';
import type { Actor } from '../services/actor.ts';
import type { DemoWorld } from './seed.ts';
import {
  acceptReport,
  generateDraftProse,
  importArchivedReport,
  publishReport,
  reportWorkspace,
  saveManualFigures,
  saveProse,
  submitReport,
} from '../services/annual-report.service.ts';

const ARCHIVE_2016 = new URL('./data/hongjiang-education-2016-annual-report.txt', import.meta.url);

/** The first line of the archived text: "發布時間:2017-03-13 02:35 信息來源:市政府門戶網站". */
export function archiveMeta(text: string): { publishedOn: string; source: string } {
  const first = text.split('\n', 1)[0];
  const date = /(\d{4}-\d{2}-\d{2})/.exec(first)?.[1] ?? '2017-03-13';
  const source = /信息[來来]源[:：]\s*(\S+)/.exec(first)?.[1] ?? '';
  return { publishedOn: date, source };
}

/** The demo as of a day: the services read the time from the context. */
const on = (ctx: ServiceContext, iso: string): ServiceContext => ({ ...ctx, now: () => new Date(iso) });

export async function seedReports(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const text = await readFile(ARCHIVE_2016, 'utf8');
  const meta = archiveMeta(text);
  await importArchivedReport(ctx, { kind: 'system', label: '系统（演示数据）' }, {
    agencyId: world.bureau.id, year: 2016, title: '洪江市教育局2016年度政府信息公开工作年度报告',
    text: text.trim(), source: meta.source, publishedOn: meta.publishedOn,
  });

  const staff = async (username: string): Promise<Actor> => {
    const user = await ctx.repos.users.staffUser(world.userIds[username]);
    if (!user) throw new Error(`demo account ${username} missing`);
    return { kind: 'staff', user, ip: '127.0.0.1' };
  };
  const office = await staff('office');
  const supervisor = await staff('supervisor');

  const early = on(ctx, '2026-01-12T01:30:00Z');
  await saveManualFigures(early, office, 2025, {
    licensing: '6', penalty: '0', coercion: '0', fees: '0',
    sources: {
      licensing: '洪江市政务服务中心审批系统2025年度办件统计（民办学校设立、变更等）',
      penalty: '本局2025年度行政执法台账：无行政处罚决定',
      coercion: '本局2025年度行政执法台账：无行政强制决定',
      fees: '计划财务股：本局2025年度未收取行政事业性收费',
    },
  });
  const draft = await generateDraftProse(early, office, 2025);
  await saveProse(on(ctx, '2026-01-14T02:00:00Z'), office, 2025, {
    overview: draft
      .replace('【请补充：政府信息公开保密审查、公文公开属性认定、政策解读和信息发布审核等情况。】', '严格执行“先审查、后公开”和“一事一审”制度，公文在拟制时即确定公开属性；重要政策文件同步发布政策解读。')
      .replace('【请补充：政府信息公开专栏和政务新媒体等平台建设和维护情况。】', '依托政府信息公开平台统一发布本局信息，完善政府信息公开专栏的栏目设置，方便群众查询和申请。')
      .replace('【请补充：工作考核、社会评议、责任追究和业务培训等情况。】', '将政府信息公开工作纳入股室年度考核，组织业务培训2次。'),
    problems: '一是部分股室对政府信息公开工作重视不够，信息报送不够及时；二是政策解读形式较为单一。\n下一步，我局将加强业务培训，落实“谁制作、谁公开”的责任，丰富图表、问答等解读形式。',
    otherMatters: '本年度未收取信息处理费。\n本年度无人大代表建议和政协提案办理结果公开事项需要专门报告。',
  });
  await submitReport(on(ctx, '2026-01-16T03:00:00Z'), office, 2025);
  const ws = await reportWorkspace(ctx, office, 2025);
  await acceptReport(on(ctx, '2026-01-20T07:00:00Z'), supervisor, ws.report!.id, '同意发布。');
  await publishReport(on(ctx, '2026-01-22T02:00:00Z'), office, 2025);
}
