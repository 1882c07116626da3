// Demo content for education disclosure and public engagement (issue 6), for 洪江市教育局.
// Schools, villages and communities are fictitious but follow the county's real towns
// (黔城镇, 安江镇, 托口镇, 沅河镇 …); the 2016 statistics match the bureau's 2016 annual report
// (41 schools, 34,222 pupils, 2,998 teachers).
import type { ServiceContext } from '../services/context.ts';
import type { Actor } from '../services/actor.ts';
import type { DemoWorld } from './seed.ts';
import { addAdmissionStep, saveEnrolmentYear, saveSchool, setSchoolPlan, setSchoolZones } from '../services/enrolment.service.ts';
import { saveStatistics } from '../services/statistics.service.ts';
import { closeRecruitment, publishRecruitment, publishResults, saveRecruitment } from '../services/recruitment.service.ts';
import { saveMonthlyItem, saveMonthlyReport, setMonthlyPublished } from '../services/monthly-work.service.ts';
import { saveFee } from '../services/education-fee.service.ts';
import { answerQuestion, publishQuestion, questionForStaff, submitQuestion } from '../services/question.service.ts';
import { concludeConsultation, moderateComment, publishConsultation, saveConsultation, setCommentAdoption, staffConsultation, submitComment } from '../services/consultation.service.ts';
import { addDays, chinaDateOf } from '../domain/dates.ts';
import { deleteDraftItem, powerListConsole, publishPowerDraft, saveDraftItem, startPowerDraft } from '../services/power-list.service.ts';
import type { StatLevel } from '../domain/education-terms.ts';

interface DemoSchool {
  name: string;
  level: 'primary' | 'junior' | 'nine_year' | 'senior';
  town: string;
  address: string;
  ownership?: 'private';
  /** One area per line; "｜" starts a note. */
  zones: string;
  plan?: [number, number];
}

const SCHOOLS: DemoSchool[] = [
  { name: '洪江市第一中学', level: 'senior', town: '黔城镇', address: '黔城镇龙标路6号', zones: '', plan: [16, 800] },
  { name: '洪江市第二中学', level: 'senior', town: '安江镇', address: '安江镇安江路210号', zones: '', plan: [12, 600] },
  { name: '洪江市实验中学', level: 'junior', town: '黔城镇', address: '黔城镇芙蓉路88号', zones: '沅江社区\n芙蓉社区\n龙标社区\n沅江路\n芙蓉路', plan: [12, 600] },
  { name: '黔城中学', level: 'junior', town: '黔城镇', address: '黔城镇玉壶路15号', zones: '玉壶社区\n黔阳社区\n新城社区\n江南社区\n长坡村、大湾村', plan: [10, 500] },
  { name: '洪江市实验小学', level: 'primary', town: '黔城镇', address: '黔城镇芙蓉路20号', zones: '芙蓉社区\n龙标社区\n芙蓉路1-199号', plan: [8, 360] },
  { name: '黔城镇第一完全小学', level: 'primary', town: '黔城镇', address: '黔城镇沅江路31号', zones: '沅江社区｜多校划片，与黔城镇第二完全小学共同招生，超出学位时电脑派位\n沅江路1-99号（单号）\n江南社区', plan: [6, 270] },
  { name: '黔城镇第二完全小学', level: 'primary', town: '黔城镇', address: '黔城镇沅江路58号', zones: '沅江社区｜多校划片，与黔城镇第一完全小学共同招生，超出学位时电脑派位\n沅江路2-100号（双号）\n玉壶社区', plan: [6, 270] },
  { name: '黔城镇第三完全小学', level: 'primary', town: '黔城镇', address: '黔城镇黔阳大道102号', zones: '黔阳社区\n新城社区\n长坡村、大湾村', plan: [5, 225] },
  { name: '黔城镇芙蓉学校', level: 'nine_year', town: '黔城镇', address: '黔城镇芙蓉村', zones: '芙蓉村、红岩村、桥头村', plan: [4, 160] },
  { name: '洪江市育才学校', level: 'nine_year', town: '黔城镇', address: '黔城镇新城大道9号', ownership: 'private', zones: '', plan: [4, 180] },
  { name: '安江镇第一完全小学', level: 'primary', town: '安江镇', address: '安江镇新路街12号', zones: '大沙坪社区\n新路社区\n安江路1-149号', plan: [5, 225] },
  { name: '安江镇第二完全小学', level: 'primary', town: '安江镇', address: '安江镇高庙村', zones: '高庙村、岔溪村\n安江路150-300号', plan: [3, 135] },
  { name: '安江中学', level: 'junior', town: '安江镇', address: '安江镇安江路166号', zones: '大沙坪社区、新路社区\n高庙村、岔溪村、水涧村', plan: [8, 400] },
  { name: '安江镇水涧学校', level: 'nine_year', town: '安江镇', address: '安江镇水涧村', zones: '水涧村、黄家村', plan: [2, 80] },
  { name: '托口镇中心小学', level: 'primary', town: '托口镇', address: '托口镇托口社区', zones: '托口社区、渠江村、长寨村', plan: [4, 180] },
  { name: '托口中学', level: 'junior', town: '托口镇', address: '托口镇渠江路3号', zones: '托口社区、渠江村、长寨村、木洞村、牛头村', plan: [6, 300] },
  { name: '托口镇木洞小学', level: 'primary', town: '托口镇', address: '托口镇木洞村', zones: '木洞村、牛头村', plan: [1, 40] },
  { name: '沅河镇中心小学', level: 'primary', town: '沅河镇', address: '沅河镇沅河社区', zones: '沅河社区、大垅村、新建村', plan: [3, 135] },
  { name: '沅河中学', level: 'junior', town: '沅河镇', address: '沅河镇新建村', zones: '沅河社区、大垅村、新建村、黄茅村、坪溪村', plan: [4, 200] },
  { name: '沅河镇黄茅小学', level: 'primary', town: '沅河镇', address: '沅河镇黄茅村', zones: '黄茅村、坪溪村', plan: [1, 40] },
  { name: '江市镇中心小学', level: 'primary', town: '江市镇', address: '江市镇江市社区', zones: '江市社区、沙坪村', plan: [2, 90] },
  { name: '江市中学', level: 'junior', town: '江市镇', address: '江市镇沙坪村', zones: '江市社区、沙坪村、桐木村', plan: [3, 150] },
  { name: '塘湾镇中心小学', level: 'primary', town: '塘湾镇', address: '塘湾镇塘湾社区', zones: '塘湾社区、高坪村', plan: [2, 90] },
  { name: '塘湾中学', level: 'junior', town: '塘湾镇', address: '塘湾镇高坪村', zones: '塘湾社区、高坪村、罗翁村', plan: [3, 150] },
  { name: '雪峰镇中心小学', level: 'primary', town: '雪峰镇', address: '雪峰镇雪峰社区', zones: '雪峰社区、茶溪村', plan: [2, 90] },
  { name: '雪峰中学', level: 'junior', town: '雪峰镇', address: '雪峰镇茶溪村', zones: '雪峰社区、茶溪村、龙潭村', plan: [3, 150] },
  { name: '双溪镇中心小学', level: 'primary', town: '双溪镇', address: '双溪镇双溪社区', zones: '双溪社区、大坪村', plan: [2, 90] },
  { name: '双溪中学', level: 'junior', town: '双溪镇', address: '双溪镇大坪村', zones: '双溪社区、大坪村、洞坪村', plan: [3, 150] },
  { name: '岩垅乡学校', level: 'nine_year', town: '岩垅乡', address: '岩垅乡岩垅村', zones: '岩垅村、枫木村', plan: [2, 80] },
  { name: '湾溪乡学校', level: 'nine_year', town: '湾溪乡', address: '湾溪乡湾溪村', zones: '湾溪村、堙上村', plan: [2, 80] },
  { name: '大崇乡学校', level: 'nine_year', town: '大崇乡', address: '大崇乡大崇村', zones: '大崇村、坪地村', plan: [2, 80] },
  { name: '龙船塘瑶族乡学校', level: 'nine_year', town: '龙船塘瑶族乡', address: '龙船塘瑶族乡龙船塘村', zones: '龙船塘村、翁朗村', plan: [2, 70] },
  { name: '熟坪乡学校', level: 'nine_year', town: '熟坪乡', address: '熟坪乡熟坪村', zones: '熟坪村、金田村', plan: [2, 70] },
  { name: '铁山乡学校', level: 'nine_year', town: '铁山乡', address: '铁山乡铁山村', zones: '铁山村、木溪村', plan: [1, 45] },
  { name: '深渡苗族乡学校', level: 'nine_year', town: '深渡苗族乡', address: '深渡苗族乡深渡村', zones: '深渡村、茶园村', plan: [1, 45] },
  { name: '岔头乡学校', level: 'nine_year', town: '岔头乡', address: '岔头乡岔头村', zones: '岔头村、牛抵村', plan: [2, 70] },
  { name: '沙湾乡学校', level: 'nine_year', town: '沙湾乡', address: '沙湾乡沙湾村', zones: '沙湾村、黄土村', plan: [1, 45] },
  { name: '茅渡乡学校', level: 'nine_year', town: '茅渡乡', address: '茅渡乡茅渡村', zones: '茅渡村、大湾里村', plan: [1, 45] },
  { name: '洗马乡学校', level: 'nine_year', town: '洗马乡', address: '洗马乡洗马村', zones: '洗马村、白竹村', plan: [1, 45] },
  { name: '群峰乡学校', level: 'nine_year', town: '群峰乡', address: '群峰乡群峰村', zones: '群峰村、杉木村', plan: [1, 45] },
];

const SCHEDULE_2026: { title: string; level?: 'primary' | 'junior'; startsOn: string; endsOn?: string; description: string }[] = [
  { title: '公布招生政策和学区划分', startsOn: '2026-06-10', description: '公布《2026年洪江市义务教育招生入学工作方案》及各校招生范围。' },
  { title: '网上报名', startsOn: '2026-07-01', endsOn: '2026-07-10', description: '家长通过“洪江市义务教育招生平台”或到就读学校现场报名，提交户口簿、不动产权证书或居住证明。' },
  { title: '资格审核', startsOn: '2026-07-11', endsOn: '2026-07-20', description: '学校会同派出所、社区核验户籍和居住信息，审核结果在平台公布。' },
  { title: '多校划片电脑派位', level: 'primary', startsOn: '2026-07-25', description: '报名人数超过学位数的多校划片学校，在公证人员监督下电脑随机派位。' },
  { title: '录取结果公示', startsOn: '2026-07-28', endsOn: '2026-08-01', description: '各校在校门口和平台公示录取名单（不含身份证号码等个人信息）。' },
  { title: '新生报到', startsOn: '2026-08-30', endsOn: '2026-08-31', description: '凭录取通知书到校报到。' },
];

/** The index number of a published demo document of the bureau by its exact title (documents demo), or ''. */
async function docRef(ctx: ServiceContext, world: DemoWorld, title: string): Promise<string> {
  const { items } = await ctx.repos.documents.list({ agencyIds: [world.bureau.id], text: title, states: ['published', 'archived'] }, 'created_asc', 1, 20);
  return items.find((d) => d.title === title)?.index_number ?? '';
}

async function staffActor(ctx: ServiceContext, world: DemoWorld, username: string): Promise<Actor> {
  const user = await ctx.repos.users.staffUser(world.userIds[username]);
  if (!user) throw new Error(`演示账号 ${username} 不存在`);
  return { kind: 'staff', user, ip: '127.0.0.1' };
}

async function seedEnrolment(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const clerk = await staffActor(ctx, world, 'clerk');
  for (const [i, s] of SCHOOLS.entries()) {
    const id = await saveSchool(ctx, clerk, null, {
      name: s.name, level: s.level, ownership: s.ownership ?? 'public', town: s.town, address: `湖南省洪江市${s.address}`,
      phone: `0745-76${String(31000 + i * 17).slice(-5)}`, website: '', intro: s.ownership === 'private' ? '民办学校，面向全市招生，不划定招生范围。' : '', sort: i,
    });
    for (const year of [2025, 2026]) {
      // 2026 added 新城社区 to the third primary school; 2025 had it with the second.
      let zones = s.zones;
      if (year === 2025 && s.name === '黔城镇第三完全小学') zones = zones.replace('新城社区\n', '');
      if (year === 2025 && s.name === '黔城镇第二完全小学') zones += '\n新城社区';
      if (zones) await setSchoolZones(ctx, clerk, { schoolId: id, year, text: zones });
      if (s.plan) await setSchoolPlan(ctx, clerk, { schoolId: id, year, classes: s.plan[0], places: s.plan[1], note: '' });
    }
  }
  await saveEnrolmentYear(ctx, clerk, {
    year: 2025, title: '2025年洪江市义务教育招生入学', published: true, documentRef: await docRef(ctx, world, '洪江市2025年义务教育招生入学工作方案'),
    notes: '义务教育阶段公办学校实行划片就近、免试入学。民办学校面向全市招生。咨询电话：0745-7623456。',
  });
  await saveEnrolmentYear(ctx, clerk, {
    year: 2026, title: '2026年洪江市义务教育招生入学', published: true, documentRef: await docRef(ctx, world, '洪江市2026年义务教育招生入学工作方案'),
    notes: '义务教育阶段公办学校实行划片就近、免试入学；多校划片的社区按报名情况电脑派位。民办学校面向全市招生。咨询电话：0745-7623456。',
  });
  const zones2026 = await docRef(ctx, world, '洪江市2026年义务教育学校招生范围公告');
  for (const step of SCHEDULE_2026) {
    await addAdmissionStep(ctx, clerk, { year: 2026, level: step.level ?? '', title: step.title, startsOn: step.startsOn, endsOn: step.endsOn ?? '', description: step.description, documentRef: step.startsOn === '2026-06-10' ? zones2026 : '' });
    await addAdmissionStep(ctx, clerk, { year: 2025, level: step.level ?? '', title: step.title, startsOn: step.startsOn.replace('2026', '2025'), endsOn: (step.endsOn ?? '').replace('2026', '2025'), description: step.description.replace('2026', '2025'), documentRef: '' });
  }
}

// 2016 as in the bureau's annual report: 41 schools, 34,222 pupils, 2,998 teachers.
const STAT_LEVELS_DEMO: StatLevel[] = ['primary', 'junior', 'nine_year', 'senior', 'vocational', 'special'];
const SCHOOLS_BY_YEAR: Record<number, number[]> = {
  2016: [20, 11, 6, 2, 1, 1], 2017: [20, 11, 6, 2, 1, 1], 2018: [19, 11, 7, 2, 1, 1], 2019: [19, 10, 8, 2, 1, 1], 2020: [18, 10, 9, 2, 1, 1],
  2021: [18, 10, 9, 2, 1, 1], 2022: [17, 10, 10, 2, 1, 1], 2023: [17, 10, 10, 2, 1, 1], 2024: [16, 10, 11, 2, 1, 1], 2025: [16, 10, 11, 2, 1, 1],
};
const PUPILS_2016 = [17430, 8912, 3105, 4020, 640, 115];
const TEACHERS_2016 = [1320, 812, 286, 498, 60, 22];
// Yearly change per level: fewer births reach primary school after 2019; consolidation moves
// pupils into nine-year schools.
const PUPIL_GROWTH = [0.985, 1.006, 1.05, 1.018, 1.03, 1.03];
const TEACHER_GROWTH = [0.992, 1.004, 1.045, 1.015, 1.02, 1.03];

export function demoStatistics(year: number): { level: StatLevel; schools: number; pupils: number; teachers: number }[] {
  const n = year - 2016;
  return STAT_LEVELS_DEMO.map((level, i) => ({
    level,
    schools: SCHOOLS_BY_YEAR[year][i],
    pupils: Math.round(PUPILS_2016[i] * PUPIL_GROWTH[i] ** n),
    teachers: Math.round(TEACHERS_2016[i] * TEACHER_GROWTH[i] ** n),
  }));
}

async function seedStatistics(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const clerk = await staffActor(ctx, world, 'clerk');
  for (let year = 2016; year <= 2025; year++) {
    const rows = Object.fromEntries(demoStatistics(year).map((r) => [r.level, { schools: String(r.schools), pupils: String(r.pupils), teachers: String(r.teachers) }]));
    await saveStatistics(ctx, clerk, {
      year, rows, documentRef: '',
      note: year === 2016 ? '数据来源：洪江市教育局2016年教育事业统计年报。学校数含中等职业学校和特殊教育学校各1所。' : `数据来源：洪江市教育局${year}年教育事业统计年报。`,
    });
  }
}

const RESP = {
  licensing: ['受理责任：公示申请条件、材料和时限，一次性告知补正材料。审查责任：审查申请材料，组织现场核查。决定责任：作出准予或不予许可的决定，不予许可的说明理由。送达责任：送达决定书并公开。事后监管责任：对被许可人开展监督检查。', '对符合条件的申请不予受理或不在法定期限内作出决定的；对不符合条件的申请准予许可的；在许可过程中索取、收受他人财物的。'],
  penalty: ['立案责任、调查责任、审查责任、告知责任、决定责任、送达责任、执行责任，依法保障当事人陈述、申辩和要求听证的权利。', '没有法律依据实施处罚的；擅自改变处罚种类、幅度的；违反法定程序的；应当依法移送而未移送的。'],
  inspection: ['制定检查计划，随机抽取检查对象和检查人员，依法开展检查，公开检查结果，对发现的问题督促整改。', '不依法履行检查职责，对发现的违法行为不予制止、纠正的；检查中滥用职权、徇私舞弊的。'],
  benefit: ['公布资助政策和申请程序，组织学校认定家庭经济困难学生，按规定发放资助资金并公示。', '不按规定认定资助对象、截留挪用资助资金的；资助信息泄露学生个人隐私的。'],
  confirmation: ['审核学生学籍信息，依规办理学籍注册、转学、休学、复学手续。', '违规办理学籍、弄虚作假的；泄露学生个人信息的。'],
  reward: ['制定表彰方案，组织推荐、评审、公示，作出表彰决定。', '评选过程中弄虚作假、徇私舞弊的。'],
  other: ['依照规定程序履行职责，公开办理依据、条件和结果。', '不依法履行职责或者滥用职权、玩忽职守、徇私舞弊的。'],
} as const;

const POWER_V1: { code: string; type: keyof typeof RESP; name: string; legalBasis: string; department: string }[] = [
  { code: 'XK-001', type: 'licensing', name: '民办学校设立、变更、终止审批', legalBasis: '《中华人民共和国民办教育促进法》第十二条、第五十四条', department: '基础教育股' },
  { code: 'XK-002', type: 'licensing', name: '教师资格认定（幼儿园、小学、初级中学）', legalBasis: '《中华人民共和国教师法》第十三条；《教师资格条例》第十三条', department: '人事股' },
  { code: 'XK-003', type: 'licensing', name: '校车使用许可（审查）', legalBasis: '《校车安全管理条例》第十四条', department: '基础教育股' },
  { code: 'CF-001', type: 'penalty', name: '对民办学校违规办学行为的处罚', legalBasis: '《中华人民共和国民办教育促进法》第六十二条', department: '基础教育股' },
  { code: 'CF-002', type: 'penalty', name: '对违法颁发学业证书的处罚', legalBasis: '《中华人民共和国教育法》第八十二条', department: '基础教育股' },
  { code: 'JC-001', type: 'inspection', name: '对学校办学行为的督导检查', legalBasis: '《中华人民共和国教育法》第二十五条；《教育督导条例》第二条', department: '教育督导室' },
  { code: 'JC-002', type: 'inspection', name: '对校车安全管理的监督检查', legalBasis: '《校车安全管理条例》第五条', department: '教育督导室' },
  { code: 'GF-001', type: 'benefit', name: '家庭经济困难学生资助', legalBasis: '《中华人民共和国义务教育法》第四十四条；《学生资助资金管理办法》', department: '计划财务股' },
  { code: 'QR-001', type: 'confirmation', name: '中小学生学籍确认', legalBasis: '《中小学生学籍管理办法》第五条', department: '基础教育股' },
  { code: 'JL-001', type: 'reward', name: '对教育工作中有突出贡献的单位和个人的表彰奖励', legalBasis: '《中华人民共和国教育法》第十三条；《中华人民共和国教师法》第三十三条', department: '人事股' },
  { code: 'QT-001', type: 'other', name: '中小学教师职称评审推荐', legalBasis: '《关于深化中小学教师职称制度改革的指导意见》', department: '人事股' },
  { code: 'QT-002', type: 'other', name: '义务教育学校招生划片', legalBasis: '《中华人民共和国义务教育法》第十二条', department: '基础教育股' },
];

async function seedPowerList(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const clerk = await staffActor(ctx, world, 'clerk');
  await startPowerDraft(ctx, clerk);
  for (const [i, it] of POWER_V1.entries()) {
    await saveDraftItem(ctx, clerk, null, { ...it, responsibilities: RESP[it.type][0], accountability: RESP[it.type][1], sort: i });
  }
  await publishPowerDraft(ctx, clerk, { reason: '依据《湖南省人民政府办公厅关于全面推行县级政府部门权力清单和责任清单制度的通知》首次公布', effectiveOn: '2024-03-01', documentRef: '' });

  // Version 2: a licence moved to the city government, a new inspection duty, two items amended.
  await startPowerDraft(ctx, clerk);
  const draft = await powerListConsole(ctx, clerk);
  const byCode = new Map(draft.draftItems.map((i) => [i.code, i]));
  await deleteDraftItem(ctx, clerk, byCode.get('XK-003')!.id);
  const xk2 = byCode.get('XK-002')!;
  await saveDraftItem(ctx, clerk, xk2.id, { ...xk2, legalBasis: `${xk2.legalBasis}；《湖南省教师资格认定实施办法》第五条` });
  const cf1 = byCode.get('CF-001')!;
  await saveDraftItem(ctx, clerk, cf1.id, { ...cf1, name: '对民办学校违法违规办学行为的行政处罚' });
  await saveDraftItem(ctx, clerk, null, {
    code: 'JC-003', type: 'inspection', name: '对校外培训机构的监督检查', legalBasis: '《国务院办公厅关于规范校外培训机构发展的意见》（国办发〔2018〕80号）', department: '基础教育股',
    responsibilities: RESP.inspection[0], accountability: RESP.inspection[1], sort: 7,
  });
  await publishPowerDraft(ctx, clerk, { reason: '校车使用许可调整由市人民政府统一审批；新增校外培训机构监督检查职责；依据新修订的实施办法更新设定依据', effectiveOn: '2025-06-15', documentRef: '' });
}

async function seedRecruitment(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const clerk = await staffActor(ctx, world, 'clerk2');
  const round = async (year: number, quotasText: string, results: string, close: boolean) => {
    const d = (md: string) => `${year}-${md}`;
    const id = await saveRecruitment(ctx, clerk, null, {
      year, title: `${year}年洪江市公开招聘农村义务教育阶段学校教师公告`, documentRef: await docRef(ctx, world, `洪江市${year}年公开招聘中小学教师公告`),
      summary: `为补充农村义务教育阶段学校教师，经市人民政府同意，面向社会公开招聘教师。本次招聘按照“公开、平等、竞争、择优”的原则，采取笔试与面试相结合的方式进行。`,
      requirements: '1．具有中华人民共和国国籍，遵守宪法和法律；\n2．具有全日制普通高校本科及以上学历，或专科学历且具有相应教师资格；\n3．具有与招聘岗位相应的教师资格证书；\n4．年龄在35周岁以下（研究生可放宽至40周岁）。',
      quotasText,
      steps: {
        announcement: { startsOn: d('05-20'), endsOn: '', note: '在市教育局网站和市人民政府网站发布公告' },
        registration: { startsOn: d('06-01'), endsOn: d('06-07'), note: '网上报名，资格初审' },
        qualification: { startsOn: d('06-08'), endsOn: d('06-12'), note: '' },
        exam: { startsOn: d('06-28'), endsOn: '', note: '笔试科目为教育综合知识和学科专业知识' },
        interview: { startsOn: d('07-19'), endsOn: d('07-20'), note: '按笔试成绩1:3确定面试人选' },
        medical: { startsOn: d('07-28'), endsOn: '', note: '在怀化市第一人民医院体检' },
        inspection: { startsOn: d('08-04'), endsOn: d('08-10'), note: '' },
        publicity: { startsOn: d('08-18'), endsOn: d('08-24'), note: '公示期7天' },
      },
    });
    await publishRecruitment(ctx, clerk, id);
    await publishResults(ctx, clerk, id, { text: results, publicityStartsOn: d('08-18'), publicityEndsOn: d('08-24'), note: '公示期内对拟聘用人员有异议的，请以书面形式向市教育局人事股反映，电话0745-7623461。', documentRef: await docRef(ctx, world, `洪江市${year}年公开招聘中小学教师拟聘用人员名单公示`) });
    if (close) await closeRecruitment(ctx, clerk, id);
  };
  await round(2025, '安江镇第二完全小学｜语文｜2｜\n托口镇中心小学｜数学｜2｜\n沅河中学｜英语｜1｜具有初级中学及以上英语教师资格\n龙船塘瑶族乡学校｜体育｜1｜',
    '刘思远｜安江镇第二完全小学｜语文｜82.6｜\n杨雨桐｜安江镇第二完全小学｜语文｜80.1｜\n唐子涵｜托口镇中心小学｜数学｜84.3｜\n蒋浩然｜托口镇中心小学｜数学｜79.8｜\n向佳怡｜沅河中学｜英语｜81.0｜\n舒博文｜龙船塘瑶族乡学校｜体育｜77.5｜', true);
  await round(2026, '黔城镇第三完全小学｜语文｜2｜\n黔城镇第三完全小学｜数学｜1｜\n托口中学｜物理｜1｜具有初级中学及以上物理教师资格\n雪峰中学｜英语｜1｜具有初级中学及以上英语教师资格\n湾溪乡学校｜音乐｜1｜\n群峰乡学校｜美术｜1｜',
    '吴欣然｜黔城镇第三完全小学｜语文｜85.2｜\n田雅婷｜黔城镇第三完全小学｜语文｜83.7｜\n向宇航｜黔城镇第三完全小学｜数学｜82.9｜\n杨俊杰｜托口中学｜物理｜80.4｜\n姚梦琪｜雪峰中学｜英语｜84.8｜\n龙诗雨｜湾溪乡学校｜音乐｜79.6｜\n滕子墨｜群峰乡学校｜美术｜78.3｜递补', false);
}

/** The same services at another moment (demo history: questions asked and answered in the past). */
function at(ctx: ServiceContext, iso: string): ServiceContext {
  return { ...ctx, now: () => new Date(iso) };
}

type WorkItem = [department: string, title: string, progress: string, status: 'done' | 'in_progress' | 'delayed', problems?: string, rectification?: string];

const MONTHLY_2025: { summary: string; rewards?: string; items: WorkItem[] }[] = [
  { summary: '做好寒假安全教育和春季开学准备工作。', items: [
    ['基础教育股', '春季开学工作检查', '对全市40所学校开学准备情况进行检查。', 'done'],
    ['计划财务股', '春季学期学生资助资金发放', '完成义务教育阶段家庭经济困难寄宿生生活补助审核。', 'done'],
    ['教育督导室', '寒假校园安全督查', '督查学校寒假值班和校舍安全。', 'done'] ] },
  { summary: '开展校园安全隐患排查整治。', items: [
    ['教育督导室', '校园安全隐患排查', '排查隐患23处，已整改19处。', 'in_progress', '4处校舍维修需专项资金。', '已纳入第二季度维修计划。'],
    ['人事股', '教师资格认定（春季）', '受理申请186人，认定通过179人。', 'done'],
    ['办公室', '政府信息公开年度报告', '完成2024年度政府信息公开工作年度报告并按期公布。', 'done'] ] },
  { summary: '推进义务教育优质均衡发展。', rewards: '对校园安全隐患整改不及时的2所学校予以通报批评。', items: [
    ['基础教育股', '义务教育优质均衡发展督导自评', '完成自评报告初稿。', 'in_progress'],
    ['教育督导室', '校园安全隐患整改复查', '复查整改情况，剩余4处隐患完成整改。', 'done'],
    ['计划财务股', '农村学校薄弱环节改善项目', '3所学校运动场改造项目招标中。', 'in_progress'] ] },
  { summary: '启动2025年招生入学准备工作。', items: [
    ['基础教育股', '2025年招生入学工作方案', '方案已经市教育局党组会审议。', 'done'],
    ['基础教育股', '学区划分调整调研', '赴黔城镇、安江镇调研新建小区入学需求。', 'done'],
    ['人事股', '2025年教师招聘计划', '招聘计划已报市人社局审核。', 'in_progress'] ] },
  { summary: '发布招聘公告，做好防溺水安全教育。', items: [
    ['人事股', '发布教师招聘公告', '5月20日发布招聘公告。', 'done'],
    ['教育督导室', '防溺水专项教育', '全市中小学开展防溺水主题教育活动。', 'done'],
    ['计划财务股', '农村学校薄弱环节改善项目', '3所学校运动场改造项目开工。', 'in_progress'] ] },
  { summary: '组织教师招聘笔试，公布学区划分。', items: [
    ['基础教育股', '公布2025年学区划分', '6月10日公布各校招生范围。', 'done'],
    ['人事股', '教师招聘报名与笔试', '报名312人，6月28日组织笔试。', 'done'],
    ['基础教育股', '中考组织工作', '中考平稳有序。', 'done'] ] },
  { summary: '义务教育招生报名和审核。', rewards: '表彰2024—2025学年度优秀教师28名、优秀班主任15名。', items: [
    ['基础教育股', '义务教育网上报名和资格审核', '报名新生5120人，审核通过5087人。', 'done'],
    ['人事股', '教师招聘面试', '7月19—20日组织面试。', 'done'],
    ['计划财务股', '农村学校薄弱环节改善项目', '受连续降雨影响，运动场改造进度滞后。', 'delayed', '施工受天气影响，工期延误约20天。', '督促施工单位增加人员，计划8月底前完工。'] ] },
  { summary: '做好秋季开学准备。', items: [
    ['人事股', '拟聘用人员公示', '8月18—24日公示拟聘用教师6名。', 'done'],
    ['计划财务股', '农村学校薄弱环节改善项目', '3所学校运动场改造项目完工验收。', 'done'],
    ['基础教育股', '秋季开学准备检查', '检查学校教材、校舍和食堂准备情况。', 'done'] ] },
  { summary: '秋季开学和教师节表彰。', items: [
    ['基础教育股', '秋季学期开学', '全市中小学如期开学。', 'done'],
    ['人事股', '新聘教师岗前培训', '组织新聘教师培训5天。', 'done'],
    ['计划财务股', '秋季学期学生资助', '资助申请审核中。', 'in_progress'] ] },
  { summary: '规范办学行为专项检查。', rewards: '对违规收取资料费的1所学校责令退费并约谈校长。', items: [
    ['教育督导室', '规范办学行为专项检查', '检查学校32所，发现违规收费问题1起。', 'done'],
    ['计划财务股', '秋季学期学生资助发放', '发放资助资金并在校内公示。', 'done'],
    ['基础教育股', '课后服务工作推进', '课后服务覆盖率达到98%。', 'in_progress'] ] },
  { summary: '教育质量监测和冬季安全。', items: [
    ['基础教育股', '义务教育质量监测', '完成四年级、八年级抽样监测。', 'done'],
    ['教育督导室', '冬季校园安全检查', '重点检查用电、消防安全。', 'done'],
    ['基础教育股', '课后服务工作推进', '部分农村学校师资不足，个别学校未开设。', 'delayed', '2所农村学校课后服务师资不足。', '通过走教和志愿者方式补充，12月起开设。'] ] },
  { summary: '年终考核和下一年度计划。', items: [
    ['人事股', '年度教师考核', '完成全市教职工年度考核。', 'done'],
    ['办公室', '2026年工作要点', '起草2026年全市教育工作要点。', 'in_progress'],
    ['基础教育股', '课后服务工作推进', '2所农村学校课后服务已开设。', 'done'] ] },
];

async function seedMonthly(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const clerk = await staffActor(ctx, world, 'clerk');
  for (const [i, m] of MONTHLY_2025.entries()) {
    const month = `2025-${String(i + 1).padStart(2, '0')}`;
    for (const [k, [department, title, progress, status, problems, rectification]] of m.items.entries()) {
      await saveMonthlyItem(ctx, clerk, { month }, { department, title, progress, status, problems: problems ?? '', rectification: rectification ?? '', sort: k });
    }
    await saveMonthlyReport(ctx, clerk, { month, summary: m.summary, rewardsPenalties: m.rewards ?? '', documentRef: '' });
    await setMonthlyPublished(ctx, clerk, month, true);
  }
}

async function seedFees(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const clerk = await staffActor(ctx, world, 'clerk');
  const feesNotice = await docRef(ctx, world, '洪江市教育局关于进一步规范中小学收费行为的通知');
  const fee = (category: string, name: string, scope: string, standard: string, legalBasis: string, approvalDoc: string, validFrom: string, validTo = '', note = '') =>
    saveFee(ctx, clerk, null, { category, name, scope, standard, legalBasis, approvalDoc, documentRef: validTo === '' ? feesNotice : '', validFrom, validTo, note });
  const basis = '《湖南省发展和改革委员会 湖南省财政厅 湖南省教育厅关于调整普通高中学费标准的通知》';
  await fee('普通高中收费', '学费', '洪江市第一中学（省级示范性普通高中）', '1200元/生·学期', basis, '湘发改价费〔2023〕316号', '2023-09-01');
  await fee('普通高中收费', '学费', '洪江市第二中学', '900元/生·学期', basis, '湘发改价费〔2023〕316号', '2023-09-01');
  await fee('普通高中收费', '学费', '洪江市第一中学（省级示范性普通高中）', '800元/生·学期', basis, '湘发改价费〔2017〕418号', '2017-09-01', '2023-08-31', '已被2023年新标准取代');
  await fee('住宿费', '学生住宿费', '普通高中寄宿学生（4—6人间）', '400元/生·学期', '《湖南省普通高中学生住宿费管理办法》', '湘发改价费〔2021〕502号', '2021-09-01');
  await fee('服务性收费', '校服费', '自愿购买的学生', '按学校公开采购价格，每套不超过180元', '《湖南省教育厅等五部门关于进一步加强中小学生校服管理工作的通知》', '湘教发〔2020〕38号', '2020-09-01', '', '学生自愿购买，不得强制');
  await fee('代收费', '作业本费', '义务教育阶段学生', '按实际发生额，每学期小学不超过20元、初中不超过30元', '《湖南省中小学服务性收费和代收费管理办法》', '湘发改价费〔2019〕621号', '2019-09-01');
}

const DEMO_QUESTIONS: { at: string; category: string; subject: string; body: string; name: string; phone: string; answer?: string; department?: string; publish?: string; keepPrivate?: boolean }[] = [
  { at: '2026-06-12T01:30:00Z', category: 'enrolment', subject: '沅江社区的孩子上哪所小学', body: '我家住黔城镇沅江社区，孩子今年9月上一年级，请问对口哪所小学？', name: '张女士', phone: '13907450001',
    answer: '沅江社区为多校划片区域，对口黔城镇第一完全小学和黔城镇第二完全小学，报名人数超过学位数时电脑派位。您也可以在本网站“招生入学与划片查询”中输入社区名称查询。', department: '基础教育股', publish: '沅江社区的孩子对口哪所小学？' },
  { at: '2026-06-20T02:00:00Z', category: 'enrolment', subject: '随迁子女入学需要什么材料', body: '我们在洪江务工，孩子户口在外省，上小学要准备哪些材料？', name: '王先生', phone: '13807450002',
    answer: '进城务工人员随迁子女入学需提供：户口簿、居住证（或居住证明）、务工证明（劳动合同或营业执照）。按“居住证为主要依据”的原则统筹安排入学。', department: '基础教育股', publish: '进城务工人员随迁子女入学需要哪些材料？' },
  { at: '2026-07-03T03:00:00Z', category: 'fees', subject: '初中收不收资料费', body: '孩子在公办初中读书，学校让每人交100元资料费，这是规定的吗？', name: '李先生', phone: '13707450003',
    answer: '义务教育阶段公办学校不得以任何名义收取资料费。市教育局已责成该校立即退费，并开展规范办学行为专项检查。', department: '计划财务股', publish: '公办初中可以收取资料费吗？' },
  { at: '2026-07-15T01:00:00Z', category: 'aid', subject: '家庭困难学生怎么申请资助', body: '家里经济困难，孩子读高中，怎么申请国家助学金？', name: '刘女士', phone: '13607450004',
    answer: '普通高中国家助学金每学期开学后由学生向学校提出申请，学校资助工作领导小组评议并公示后报市学生资助管理中心审核。资助标准为每生每年2000元。', department: '计划财务股', publish: '普通高中国家助学金如何申请？' },
  { at: '2026-08-05T02:00:00Z', category: 'teachers', subject: '教师招聘面试成绩什么时候公布', body: '请问今年教师招聘面试成绩什么时候公布？', name: '杨同学', phone: '13507450005',
    answer: '面试成绩已于面试结束后3个工作日内在市教育局网站公布，综合成绩同时公布。', department: '人事股', publish: '教师招聘面试成绩何时公布？' },
  { at: '2026-09-10T02:00:00Z', category: 'disclosure_opinion', subject: '建议公开学校食堂收费标准', body: '建议在网站上公开各学校食堂伙食费标准，方便家长了解。', name: '陈先生', phone: '13407450006',
    answer: '感谢您的建议。我局将在“教育收费”栏目中补充公开各学校食堂伙食费收取标准和账目公示情况。', department: '办公室', publish: '关于公开学校食堂收费标准的建议' },
  { at: '2026-10-09T02:00:00Z', category: 'student_status', subject: '转学手续怎么办', body: '孩子从外县转回洪江读书，转学手续怎么办？', name: '周女士', phone: '13307450007', keepPrivate: true,
    answer: '请先到拟转入学校办理接收手续，再通过全国中小学生学籍信息管理系统发起转学申请，转出学校和两地教育部门审核后即可完成。', department: '基础教育股' },
  { at: '2026-11-23T02:00:00Z', category: 'safety', subject: '学校门口交通拥堵', body: '黔城镇第二完全小学门口上下学时段交通很拥堵，存在安全隐患，希望协调解决。', name: '赵先生', phone: '13207450008' },
  { at: '2026-11-26T02:00:00Z', category: 'enrolment', subject: '民办学校招生范围', body: '洪江市育才学校招生有没有划片限制？', name: '孙女士', phone: '13107450009' },
];

async function seedQuestions(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const clerk = await staffActor(ctx, world, 'clerk');
  const office = await staffActor(ctx, world, 'office');
  for (const q of DEMO_QUESTIONS) {
    const asked = at(ctx, q.at);
    const receipt = await submitQuestion(asked, { kind: 'public', ip: '127.0.0.1' }, world.bureau.code, {
      category: q.category, subject: q.subject, body: q.body, name: q.name, phone: q.phone, email: '', keepPrivate: q.keepPrivate ?? false,
    });
    if (!q.answer) continue;
    const row = await ctx.repos.questions.byCode(receipt.code);
    const answered = at(ctx, new Date(Date.parse(q.at) + 2 * 86_400_000).toISOString());
    await answerQuestion(answered, clerk, row!.id, { answer: q.answer, department: q.department ?? '' });
    if (q.publish) {
      const detail = await questionForStaff(answered, office, row!.id);
      await publishQuestion(answered, office, row!.id, { subject: q.publish, body: detail.suggestedPublicBody });
    }
  }
}

async function seedConsultations(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const clerk = await staffActor(ctx, world, 'clerk');
  const office = await staffActor(ctx, world, 'office');
  const visitor = { kind: 'public' as const, ip: '127.0.0.1' };

  // A closed consultation with its feedback and the final document.
  const before = at(ctx, '2026-02-27T02:00:00Z');
  const closedId = await saveConsultation(before, clerk, null, {
    title: '洪江市义务教育阶段学校课后服务管理办法（征求意见稿）', documentRef: '',
    summary: '为规范课后服务，减轻学生课业负担和家长接送负担，市教育局起草了本办法，现公开征求社会意见。',
    body: '第一条 为规范全市义务教育阶段学校课后服务工作，制定本办法。\n第二条 课后服务坚持学生家长自愿参加原则，不得强制或变相强制。\n第三条 课后服务时间原则上每周5天，每天不少于2小时，结束时间与当地正常下班时间相衔接。\n第四条 课后服务经费采取财政补助和服务性收费相结合的方式保障，收费标准报价格主管部门审批。\n第五条 本办法自印发之日起施行。',
    opensOn: '2026-03-01', closesOn: '2026-03-31',
  });
  await publishConsultation(before, clerk, closedId);
  const comments = [
    ['2026-03-05T01:00:00Z', '建议课后服务增加体育和艺术类活动，不要只做作业辅导。', '杨女士', '13900001111'],
    ['2026-03-12T01:00:00Z', '农村学校老师少，课后服务时间每天2小时压力太大，建议农村学校可适当弹性安排。', '', ''],
    ['2026-03-20T01:00:00Z', '希望明确课后服务收费标准，对家庭困难学生免收费用。', '李先生', 'li@example.com'],
    ['2026-03-25T01:00:00Z', '我家孩子的老师布置作业太多，请你们管一管！我的电话13711112222。', '王某', '13711112222'],
  ] as const;
  for (const [t, body, name, contact] of comments) await submitComment(at(ctx, t), visitor, world.bureau.id, closedId, { body, name, contact });
  const after = at(ctx, '2026-04-08T02:00:00Z');
  const list = (await staffConsultation(after, office, closedId)).comments;
  const adoption: [string, string][] = [
    ['adopted', '已在第三条增加“开展体育、艺术、科普等活动”的规定。'],
    ['partly', '农村学校可根据师资情况每周安排不少于3天，城区学校仍按每周5天执行。'],
    ['adopted', '已在第四条增加“家庭经济困难学生免收课后服务费”的规定。'],
    ['not_adopted', '该意见反映的是个别学校作业管理问题，不属于本办法规范内容，已转基础教育股核查处理。'],
  ];
  for (const [i, cm] of list.entries()) {
    await moderateComment(after, office, cm.id, { decision: i === 3 ? 'reject' : 'approve', publicBody: '' });
    await setCommentAdoption(after, clerk, cm.id, { adoption: adoption[i][0], response: adoption[i][1] });
  }
  await concludeConsultation(after, clerk, closedId, {
    feedbackSummary: '征求意见期间（2026年3月1日至3月31日），共收到公众意见4条，主要涉及课后服务内容、农村学校时间安排和收费减免。',
    adoptionSummary: '采纳2条：增加体育、艺术、科普活动内容；家庭经济困难学生免收费用。部分采纳1条：农村学校可弹性安排服务天数。未采纳1条：反映个别学校作业问题，不属于本办法规范范围，已转有关股室处理。',
    finalDocumentRef: await docRef(ctx, world, '关于规范课后服务收费的通知'),
  });

  // An open consultation: its period runs around the day the demo is loaded.
  const today = chinaDateOf(ctx.now());
  const openId = await saveConsultation(ctx, clerk, null, {
    title: '洪江市城区义务教育学校学区划分调整方案（征求意见稿）', documentRef: '',
    summary: '随着新城区居民小区陆续交付，部分学校学位紧张。为合理配置教育资源，市教育局拟对城区学区划分进行调整，现公开征求意见。',
    body: '一、新城社区由黔城镇第二完全小学调整至黔城镇第三完全小学招生范围。\n二、沅江社区继续实行多校划片，由黔城镇第一完全小学和黔城镇第二完全小学共同招生。\n三、调整自2027年秋季招生起执行，已在读学生不受影响。',
    opensOn: addDays(today, -10), closesOn: addDays(today, 20),
  });
  await publishConsultation(ctx, clerk, openId);
  await submitComment(ctx, visitor, world.bureau.id, openId, { body: '新城社区到第三完小路程较远，建议开通校车或设置安全的步行通道。', name: '刘先生', contact: '13888889999' });
  await submitComment(ctx, visitor, world.bureau.id, openId, { body: '支持调整方案，希望尽早公布各小区对应学校。', name: '', contact: '' });
  const open = (await staffConsultation(ctx, office, openId)).comments;
  await moderateComment(ctx, office, open[0].id, { decision: 'approve', publicBody: '' });
}

/** The demo seeder of the education area (registered in seed.ts). */
export async function seedEducationDemo(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  await seedEnrolment(ctx, world);
  await seedStatistics(ctx, world);
  await seedPowerList(ctx, world);
  await seedRecruitment(ctx, world);
  await seedMonthly(ctx, world);
  await seedFees(ctx, world);
  await seedQuestions(ctx, world);
  await seedConsultations(ctx, world);
}
