// Demo applications to 洪江市教育局, 2024–2026: every applicant type, every state and every reply
// outcome, carried over year ends, some open and overdue today. Fictitious people (valid-format
// fictitious identity numbers, 555-prefixed mobile numbers do not exist), realistic requests.
// Everything goes through the services, each step "as of" its own date, so events, letters and
// the audit chain are what real use would have produced.
import type { ServiceContext } from '../services/context.ts';
import type { Actor } from '../services/actor.ts';
import type { DemoWorld } from './seed.ts';
import { registerOfflineApplication } from '../services/application-intake.service.ts';
import { performAction } from '../services/application-action.service.ts';
import { recordReviewCase, decideReviewCase } from '../services/application-review.service.ts';
import { creditCodeCheckChar, residentIdCheckChar } from '../domain/identity.ts';
import { chinaDateOf, compareDates, fromDayNumber, toDayNumber } from '../domain/dates.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';

const id = (birth: string, seq: string) => {
  const first17 = `431281${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
};
const credit = (first17: string) => first17 + creditCodeCheckChar(first17);

type Who = 'office' | 'clerk' | 'clerk2' | 'reviewer' | 'head';

interface Applicant {
  kind: 'person' | 'organization';
  orgType?: string;
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  email?: string;
  address?: string;
}

const P = {
  zhang: { kind: 'person', name: '张建国', idType: 'resident_id', idNumber: id('19750312', '215'), phone: '15574501234', address: '湖南省洪江市黔城镇芙蓉路12号' },
  li: { kind: 'person', name: '李秀兰', idType: 'resident_id', idNumber: id('19820605', '426'), phone: '13907451122', email: 'lixiulan@example.com' },
  wang: { kind: 'person', name: '王志强', idType: 'resident_id', idNumber: id('19900918', '333'), phone: '18874502345' },
  chen: { kind: 'person', name: '陈美玲', idType: 'resident_id', idNumber: id('19870121', '148'), phone: '13574563344', email: 'chenml@example.com' },
  yang: { kind: 'person', name: '杨光明', idType: 'resident_id', idNumber: id('19681130', '079'), phone: '13787454455', address: '湖南省洪江市安江镇沿河路6号' },
  zhao: { kind: 'person', name: '赵丽华', idType: 'resident_id', idNumber: id('19950707', '562'), phone: '17707456677' },
  zhou: { kind: 'person', name: '周文斌', idType: 'resident_id', idNumber: id('19790228', '191'), phone: '15874507788', email: 'zhouwb@example.com' },
  wu: { kind: 'person', name: '吴小燕', idType: 'resident_id', idNumber: id('19930416', '284'), phone: '13974508899' },
  huang: { kind: 'person', name: '黄德福', idType: 'resident_id', idNumber: id('19600101', '017'), phone: '0745-7621888', address: '湖南省洪江市黔城镇玉壶路3号' },
  tan: { kind: 'person', name: '谭静', idType: 'passport', idNumber: 'E87654321', phone: '13607459900', email: 'tanjing@example.com' },
  firm: { kind: 'organization', orgType: 'legal_services', name: '湖南沅水律师事务所', idType: 'credit_code', idNumber: credit('31431281MD0123456'), phone: '0745-7634567', email: 'office@yuanshui-law.example.com', address: '湖南省洪江市黔城镇大桥路88号' },
  books: { kind: 'organization', orgType: 'commercial', name: '洪江市启明图书发行有限公司', idType: 'credit_code', idNumber: credit('91431281MA4L2K7D3'), phone: '0745-7645678', address: '湖南省洪江市黔城镇商贸街20号' },
  bus: { kind: 'organization', orgType: 'commercial', name: '洪江市平安校车服务有限公司', idType: 'credit_code', idNumber: credit('91431281MA4P8R2T6'), phone: '0745-7656789', email: 'pingan-bus@example.com' },
  institute: { kind: 'organization', orgType: 'research', name: '怀化学院教育科学研究所', idType: 'credit_code', idNumber: credit('12431200445678901'), phone: '0745-2851234', email: 'jky@example.edu.cn', address: '湖南省怀化市鹤城区怀东路180号' },
  charity: { kind: 'organization', orgType: 'public_interest', name: '洪江市春蕾助学促进会', idType: 'credit_code', idNumber: credit('51431281MJ1234567'), phone: '0745-7667890', address: '湖南省洪江市黔城镇新华路5号' },
  coop: { kind: 'organization', orgType: 'other', name: '洪江市沙湾乡柑橘种植专业合作社', idType: 'credit_code', idNumber: credit('93431281MA4Q1W2E3'), phone: '0745-7678901', address: '湖南省洪江市沙湾乡沙湾村3组' },
} satisfies Record<string, Applicant>;

type Step = [action: string, workingDaysAfterReceipt: number, who: Who, details?: Record<string, unknown>];

interface Scenario {
  applicant: Applicant;
  description: string;
  channel: string;
  /** A fixed date, or `-n`: n working days before today (for the applications open now). */
  received: string | number;
  format?: string;
  delivery?: string;
  steps: Step[];
  review?: { kind: string; filedAfter: number; result: string; decidedAfter?: number; authority: string };
}

const D = { basic: '基础教育股', hr: '人事股', finance: '计划财务股', inspection: '教育督导室', office: '办公室' } as const;
const assign = (dept: string, after = 1): Step => ['assign', after, 'office', { dept }];
const replied = (outcome: string, at: number, details = '', drafter: Who = 'clerk'): Step[] => [
  ['draft-reply', at - 3, drafter, { outcome, details }],
  ['approve-reply', at - 1, 'reviewer'],
  ['reply', at, 'office'],
];

const SCENARIOS: Scenario[] = [
  // ---- 2024 ----
  { applicant: P.zhang, received: '2024-01-15', channel: 'online', description: '申请公开2024年洪江市城区义务教育阶段学校招生范围（学区划分）文件',
    steps: [assign(D.basic), ...replied('disclosed', 9, '现将《洪江市2024年城区义务教育阶段学校招生工作方案》及附件《城区学校招生范围》提供给您。'), ['close', 11, 'office']] },
  { applicant: P.li, received: '2024-02-20', channel: 'email', description: '请提供2023年度洪江市教育局部门决算公开表',
    steps: [assign(D.finance), ...replied('already_public', 6, '该信息已于2023年9月在本局政府信息公开专栏“财务信息”栏目主动公开，您可登录查阅下载。', 'office'), ['close', 8, 'office']] },
  { applicant: P.books, received: '2024-03-11', channel: 'post', format: 'paper', delivery: 'post', description: '申请公开2024年春季学期全市中小学教辅材料征订目录及各校征订数量',
    steps: [assign(D.basic), ...replied('partially_disclosed', 15, '现提供2024年春季教辅材料征订目录；各学校的征订数量及供货商报价涉及第三方商业秘密，不予公开。'), ['close', 17, 'office']] },
  { applicant: P.wang, received: '2024-03-25', channel: 'in_person', format: 'paper', delivery: 'pickup', description: '申请查阅2024年全国统一考试试卷保管、运送方案',
    steps: [assign(D.basic), ...replied('withheld_state_secret', 5, ''), ['close', 7, 'office']] },
  { applicant: P.firm, received: '2024-04-08', channel: 'post', format: 'paper', delivery: 'post', description: '申请公开某学生在校期间心理健康档案及辅导记录',
    steps: [assign(D.basic), ...replied('withheld_prohibited_by_law', 12, '依照《中华人民共和国未成年人保护法》的规定，未成年人的个人信息和心理健康档案依法予以保护。'), ['close', 14, 'office']] },
  { applicant: P.chen, received: '2024-04-22', channel: 'online', description: '申请公开全市各中小学校安全保卫重点部位布防图及监控点位分布',
    steps: [assign(D.basic), ...replied('withheld_security_stability', 8, ''), ['close', 10, 'office']] },
  { applicant: P.yang, received: '2024-05-13', channel: 'online', description: '申请公开2023年洪江市第二中学食堂承包经营合同及承包人收支账目',
    steps: [assign(D.finance), ['start-consultation', 3, 'office', { party: '洪江市某餐饮管理有限公司', partyKind: 'third_party', matter: '洪江市第二中学食堂承包经营合同及收支账目' }],
      ['end-consultation', 14, 'office', { result: 'objected', note: '第三方书面答复不同意公开，理由为涉及商业秘密' }],
      ...replied('withheld_third_party', 20, '经书面征求第三方意见，第三方认为该信息涉及其商业秘密，不同意公开，且不公开不会对公共利益造成重大影响。'), ['close', 22, 'office']] },
  { applicant: P.institute, received: '2024-06-03', channel: 'email', description: '请提供2023年教育局机关干部年度考核评议表及考核结果',
    steps: [assign(D.hr), ...replied('withheld_internal_affairs', 10, '', 'office'), ['close', 12, 'office']] },
  { applicant: P.zhao, received: '2024-06-17', channel: 'online', description: '申请公开关于调整城区学校布局的局党组会议讨论记录和请示稿',
    steps: [assign(D.office), ...replied('withheld_process_info', 9, '', 'office'), ['close', 11, 'office']] },
  { applicant: P.zhou, received: '2024-07-01', channel: 'online', description: '申请公开对某民办培训机构违规办学进行查处的全部执法案卷',
    steps: [assign(D.inspection), ...replied('withheld_enforcement_file', 11, '', 'office'), ['close', 13, 'office']] },
  { applicant: P.charity, received: '2024-07-15', channel: 'ordinary_mail', format: 'paper', delivery: 'post', description: '请提供洪江市2010年至2015年全部教师资格认定人员名单及证书编号',
    steps: [assign(D.hr), ...replied('withheld_administrative_query', 12, '教师资格证书信息可通过中国教师资格网依法查询。', 'office'), ['close', 14, 'office']] },
  { applicant: P.wu, received: '2024-08-05', channel: 'online', description: '申请公开1998年洪江市原某村小撤并的审批文件',
    steps: [assign(D.basic), ...replied('not_held', 10, '经检索本局档案室及相关股室，未找到该审批文件。'), ['close', 12, 'office']] },
  { applicant: P.huang, received: '2024-09-02', channel: 'in_person', format: 'paper', delivery: 'pickup', description: '申请公开本人退休后养老保险待遇核定表',
    steps: [assign(D.hr), ...replied('not_this_agency', 6, '该信息由洪江市人力资源和社会保障局负责公开，联系电话：0745-7620000。', 'office'), ['close', 8, 'office']] },
  { applicant: P.bus, received: '2024-09-23', channel: 'email', description: '请按年度、学校、车型统计2016年以来全市校车运营补助的发放金额并形成分析报告',
    steps: [assign(D.finance), ['extend', 18, 'head', { reason: '所涉年份较多，需要调取历年财务档案核实' }], ...replied('needs_compilation', 30, '本局掌握各年度校车补助拨付文件，但没有按您要求的口径制作的统计分析报告。'), ['close', 32, 'office']] },
  { applicant: P.li, received: '2024-10-21', channel: 'online', format: 'electronic', delivery: 'email', description: '申请复制2023年全市中小学校舍安全排查整改台账（约150页）',
    steps: [assign(D.basic), ['send-fee-notice', 3, 'office', { method: 'per_volume', units: 150 }], ['record-payment', 8, 'office', { amount: 1700 }],
      ...replied('disclosed', 18, '现将2023年全市中小学校舍安全排查整改台账扫描件通过电子邮件发送给您。'), ['close', 20, 'office']] },
  { applicant: P.wang, received: '2024-10-14', channel: 'online', description: '要求公开教育局的那个文件',
    steps: [['request-correction', 2, 'office', { items: '请写明所需文件的名称、文号、制作年份或者其他能够确定该信息的特征。' }],
      ['receive-correction', 8, 'office', { description: '要求公开教育局关于学校的那个通知' }], assign(D.office, 9), ...replied('unclear_after_correction', 20, '', 'office'), ['close', 22, 'office']] },
  { applicant: P.chen, received: '2024-11-04', channel: 'online', description: '举报某小学教师课外有偿补课，要求教育局公开处理结果并给予处分',
    steps: [assign(D.inspection), ...replied('petition_complaint', 7, '您反映的问题属于投诉举报事项，请通过洪江市教育局监督举报电话0745-7623400或信访渠道提出，我局将依法处理。', 'office'), ['close', 9, 'office']] },
  { applicant: P.wu, received: '2024-11-18', channel: 'online', description: '再次申请公开1998年洪江市原某村小撤并的审批文件',
    steps: [assign(D.basic), ...replied('repeat_application', 5, '您于2024年8月5日提出的相同申请，本局已于2024年8月19日作出答复。'), ['close', 7, 'office']] },
  { applicant: P.coop, received: '2024-12-02', channel: 'fax', format: 'paper', delivery: 'post', description: '请提供《洪江市教育志（1978—2010）》一套',
    steps: [assign(D.office), ...replied('publication_request', 6, '《洪江市教育志》为公开出版物，可到洪江市图书馆查阅或通过正规出版发行渠道购买。', 'office'), ['close', 8, 'office']] },
  // carried over from 2024 into 2025
  { applicant: P.zhou, received: '2024-12-23', channel: 'online', description: '申请公开2024年全市每一名中小学教师的职称评审材料、评审打分表和投票记录（共约3000人）',
    steps: [['request-reasons', 3, 'office', { matter: '您本月已提出多项内容相近的申请，请说明申请理由及用途。' }],
      ['receive-reasons', 10, 'office', { reasonable: '0', note: '申请人未说明正当理由' }], ...replied('excessive_requests', 15, '', 'office'), ['close', 17, 'office']] },
  { applicant: P.tan, received: '2024-12-26', channel: 'email', description: '请教育局确认本人2019年取得的教师资格证书真实有效并重新出具证明',
    steps: [assign(D.hr), ...replied('confirmation_request', 9, '', 'office'), ['close', 11, 'office']],
    review: { kind: 'reconsideration', filedAfter: 25, result: 'upheld', decidedAfter: 70, authority: '洪江市人民政府' } },
  // ---- 2025 ----
  { applicant: P.li, received: '2025-02-10', channel: 'online', description: '申请公开学校的有关情况',
    steps: [['request-correction', 3, 'office', { items: '请写明具体学校名称和所需信息的内容。' }], ['reply', 25, 'office']] },
  { applicant: P.books, received: '2025-03-10', channel: 'post', format: 'paper', delivery: 'post', description: '申请复制2015年至2024年全市中小学教材征订、结算的全部原始凭证（约2000页）',
    steps: [assign(D.finance), ['send-fee-notice', 8, 'office', { method: 'per_volume', units: 2000 }], ['reply', 32, 'office']] },
  { applicant: P.yang, received: '2025-04-07', channel: 'online', description: '申请公开安江镇中心小学新建教学楼的竣工验收资料',
    steps: [assign(D.basic), ...replied('other', 12, '该项目尚在建设中，未进行竣工验收；待竣工验收后，本局将在政府信息公开专栏主动公开验收结果。'), ['close', 14, 'office']],
    review: { kind: 'lawsuit_direct', filedAfter: 30, result: 'pending', authority: '洪江市人民法院' } },
  { applicant: P.zhao, received: '2025-05-12', channel: 'online', description: '申请公开2025年城区公办幼儿园招生计划',
    steps: [assign(D.basic), ['withdraw', 4, 'office', { note: '申请人来电称已在网站找到该信息，申请撤回' }]] },
  { applicant: P.huang, received: '2025-09-26', channel: 'in_person', format: 'paper', delivery: 'pickup', description: '申请公开2025年洪江市教育系统教师招聘考试成绩及拟录用人员名单',
    steps: [assign(D.hr, 0), ['extend', 20, 'head', { reason: '涉及多批次招聘，需要逐一核对考试成绩和体检、考察结果' }],
      ...replied('disclosed', 36, '现将2025年教师招聘考试成绩（含准考证号）及拟录用人员名单提供给您。', 'clerk2'), ['close', 38, 'office']],
    review: { kind: 'reconsideration', filedAfter: 45, result: 'corrected', decidedAfter: 60, authority: '洪江市人民政府' } },
  // carried over from 2025 into 2026
  { applicant: P.institute, received: '2025-12-22', channel: 'email', description: '请提供2025年洪江市义务教育阶段各学校在校生人数、班额及专任教师数统计表',
    steps: [assign(D.basic), ...replied('disclosed', 16, '现将《2025年洪江市教育事业统计汇总表》（义务教育部分）提供给您。'), ['close', 18, 'office']] },
  // ---- open today (dates counted back from today) ----
  { applicant: P.charity, received: -45, channel: 'ordinary_mail', format: 'paper', delivery: 'post', description: '申请公开2025年秋季学期家庭经济困难学生生活补助发放名单（隐去身份证号）',
    steps: [assign(D.finance, 3)] },
  { applicant: P.zhang, received: -30, channel: 'online', description: '申请公开洪江市第一中学新校区建设项目的立项批复和资金来源',
    steps: [assign(D.finance), ['start-consultation', 4, 'office', { party: '洪江市发展和改革局', partyKind: 'agency', matter: '洪江市第一中学新校区建设项目立项批复' }], ['end-consultation', 9, 'office', { result: 'consented' }]] },
  { applicant: P.wang, received: -25, channel: 'online', description: '申请公开2026年城区学校教师交流轮岗名单',
    steps: [assign(D.hr), ['draft-reply', 15, 'clerk2', { outcome: 'disclosed', details: '现将2026年城区学校教师交流轮岗名单提供给您。' }]] },
  { applicant: P.tan, received: -18, channel: 'email', description: '请提供2026年全市中小学校服采购的招标文件和中标结果',
    steps: [assign(D.finance), ['draft-reply', 10, 'office', { outcome: 'already_public', details: '该信息已在洪江市公共资源交易中心网站公开。' }], ['approve-reply', 12, 'reviewer']] },
  { applicant: P.chen, received: -12, channel: 'online', description: '申请公开某民办幼儿园的办学许可证年检结果和收费备案材料',
    steps: [assign(D.basic), ['start-consultation', 4, 'office', { party: '洪江市某民办幼儿园', partyKind: 'third_party', matter: '该园办学许可证年检结果和收费备案材料' }]] },
  { applicant: P.bus, received: -10, channel: 'email', description: '申请复制2020年至2025年全部校车安全检查记录（约400页）',
    steps: [assign(D.basic), ['send-fee-notice', 3, 'office', { method: 'per_volume', units: 400 }]] },
  { applicant: P.zhou, received: -8, channel: 'online', description: '申请公开全市所有中小学近十年的每一次教职工会议记录',
    steps: [['request-reasons', 2, 'office', { matter: '您近期提出的申请数量较多，请说明申请理由。' }]] },
  { applicant: P.wu, received: -5, channel: 'online', description: '申请公开那个关于学生的规定',
    steps: [['request-correction', 2, 'office', { items: '请写明所需规定的名称、发文机关或大致发布时间。' }]] },
  { applicant: P.firm, received: -3, channel: 'post', format: 'paper', delivery: 'post', description: '申请公开2026年义务教育阶段学生转学审批的办理流程和内部审批表样式',
    steps: [assign(D.basic)] },
  { applicant: P.li, received: -1, channel: 'online', description: '申请公开2026年城区小学一年级招生计划及各校计划招生人数', steps: [] },
];

/** The day n working days before `today`. */
function workingDaysBefore(cal: WorkingCalendar, today: string, n: number): string {
  let day = toDayNumber(today);
  let counted = 0;
  while (counted < n) {
    day -= 1;
    if (cal.isWorkingDay(fromDayNumber(day))) counted += 1;
  }
  return fromDayNumber(day);
}

/** The context as of a legal date, 10:00 China time (the services read "today" from it). */
const asOf = (ctx: ServiceContext, date: string): ServiceContext => ({ ...ctx, now: () => new Date(`${date}T02:00:00Z`) });

export async function seedApplications(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const cal = await ctx.calendar();
  const today = chinaDateOf(ctx.now());
  const actors = {} as Record<Who, Actor>;
  for (const who of ['office', 'clerk', 'clerk2', 'reviewer', 'head'] as const) {
    const user = await ctx.repos.users.staffUser(world.userIds[who]);
    if (!user) throw new Error(`demo account ${who} missing`);
    actors[who] = { kind: 'staff', user, ip: '127.0.0.1' };
  }
  for (const s of SCENARIOS) {
    const receivedOn = typeof s.received === 'number' ? workingDaysBefore(cal, today, -s.received) : s.received;
    const dateAfter = (n: number) => (n === 0 ? receivedOn : cal.addWorkingDays(receivedOn, n).date);
    // A fixed-date scenario whose steps would lie in the future (the demo loaded on an earlier clock) is left out.
    const lastStep = s.steps.length > 0 ? dateAfter(s.steps[s.steps.length - 1][1]) : receivedOn;
    if (compareDates(lastStep, today) > 0) continue;
    const confirm = ['ordinary_mail', 'fax', 'email', 'online'].includes(s.channel);
    const result = await registerOfflineApplication(asOf(ctx, receivedOn), actors.office, {
      agencyCode: world.bureau.code,
      form: {
        applicant: { ...s.applicant, email: s.applicant.email ?? '', address: s.applicant.address ?? '' },
        description: s.description,
        format: s.format ?? 'electronic',
        delivery: s.delivery ?? (s.applicant.email ? 'email' : 'online'),
      },
      receipt: { channel: s.channel, receivedOn, ...(confirm ? { confirmedOn: receivedOn } : {}) },
    });
    let department: string | null = null;
    for (const [action, after, who, details = {}] of s.steps) {
      const on = dateAfter(after);
      const { dept, ...rest } = details as { dept?: string } & Record<string, unknown>;
      if (dept) department = dept;
      const request = { type: action, on, ...rest, ...(dept ? { departmentId: world.departments[dept].id } : {}) };
      // Drafts come from the assigned department's clerk where the demo has one, else from the office.
      const actor = action === 'draft-reply' ? actors[department === D.basic ? 'clerk' : department === D.hr ? 'clerk2' : 'office'] : actors[who];
      await performAction(asOf(ctx, on), actor, result.id, request);
    }
    if (s.review) {
      const filedOn = dateAfter(s.review.filedAfter);
      if (compareDates(filedOn, today) > 0) continue;
      const caseId = await recordReviewCase(asOf(ctx, filedOn), actors.office, result.id, { kind: s.review.kind, filedOn, authority: s.review.authority });
      if (s.review.decidedAfter !== undefined) {
        const decidedOn = dateAfter(s.review.decidedAfter);
        if (compareDates(decidedOn, today) <= 0) {
          await decideReviewCase(asOf(ctx, decidedOn), actors.office, result.id, caseId, { result: s.review.result, decidedOn });
        }
      }
    }
  }
}
