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
    year: 2025, title: '2025年洪江市义务教育招生入学', published: true, documentRef: `${world.bureau.credit_code}/2025-00041`,
    notes: '义务教育阶段公办学校实行划片就近、免试入学。民办学校面向全市招生。咨询电话：0745-7623456。',
  });
  await saveEnrolmentYear(ctx, clerk, {
    year: 2026, title: '2026年洪江市义务教育招生入学', published: true, documentRef: `${world.bureau.credit_code}/2026-00038`,
    notes: '义务教育阶段公办学校实行划片就近、免试入学；多校划片的社区按报名情况电脑派位。民办学校面向全市招生。咨询电话：0745-7623456。',
  });
  for (const step of SCHEDULE_2026) {
    await addAdmissionStep(ctx, clerk, { year: 2026, level: step.level ?? '', title: step.title, startsOn: step.startsOn, endsOn: step.endsOn ?? '', description: step.description, documentRef: '' });
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
      year, title: `${year}年洪江市公开招聘农村义务教育阶段学校教师公告`, documentRef: '',
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
    await publishResults(ctx, clerk, id, { text: results, publicityStartsOn: d('08-18'), publicityEndsOn: d('08-24'), note: '公示期内对拟聘用人员有异议的，请以书面形式向市教育局人事股反映，电话0745-7623461。', documentRef: '' });
    if (close) await closeRecruitment(ctx, clerk, id);
  };
  await round(2025, '安江镇第二完全小学｜语文｜2｜\n托口镇中心小学｜数学｜2｜\n沅河中学｜英语｜1｜具有初级中学及以上英语教师资格\n龙船塘瑶族乡学校｜体育｜1｜',
    '刘思远｜安江镇第二完全小学｜语文｜82.6｜\n杨雨桐｜安江镇第二完全小学｜语文｜80.1｜\n唐子涵｜托口镇中心小学｜数学｜84.3｜\n蒋浩然｜托口镇中心小学｜数学｜79.8｜\n向佳怡｜沅河中学｜英语｜81.0｜\n舒博文｜龙船塘瑶族乡学校｜体育｜77.5｜', true);
  await round(2026, '黔城镇第三完全小学｜语文｜2｜\n黔城镇第三完全小学｜数学｜1｜\n托口中学｜物理｜1｜具有初级中学及以上物理教师资格\n雪峰中学｜英语｜1｜具有初级中学及以上英语教师资格\n湾溪乡学校｜音乐｜1｜\n群峰乡学校｜美术｜1｜',
    '吴欣然｜黔城镇第三完全小学｜语文｜85.2｜\n田雅婷｜黔城镇第三完全小学｜语文｜83.7｜\n向宇航｜黔城镇第三完全小学｜数学｜82.9｜\n杨俊杰｜托口中学｜物理｜80.4｜\n姚梦琪｜雪峰中学｜英语｜84.8｜\n龙诗雨｜湾溪乡学校｜音乐｜79.6｜\n滕子墨｜群峰乡学校｜美术｜78.3｜递补', false);
}

/** The demo seeder of the education area (registered in seed.ts). */
export async function seedEducationDemo(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  await seedEnrolment(ctx, world);
  await seedStatistics(ctx, world);
  await seedPowerList(ctx, world);
  await seedRecruitment(ctx, world);
}
