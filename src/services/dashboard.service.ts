// The console's start page: one card per role the user holds. Areas extend it by editing their
// section here (links, and `figures` for live counts) or by adding a section to the list. Every
// text comes in Chinese and in English (`en`); the page shows the one of its language.
import type { ServiceContext } from './context.ts';
import type { StaffUser } from './actor.ts';
import { ROLE_LABELS, type Role } from '../domain/roles.ts';
import { applicationFigures } from './application-case.service.ts';
import { inboxFigures } from './reminder.service.ts';
import { reportReminder } from './annual-report.service.ts';
import { REPORT_STATUS_LABELS_EN } from '../domain/report-workflow.ts';
import { inspectionDashboardFigures } from './inspection.service.ts';
import { privacyDashboardFigures } from './privacy-sweep.service.ts';

export interface DashboardLink {
  href: string;
  label: string;
  en: string;
}

export interface DashboardFigure {
  label: string;
  /** The label in English. */
  en: string;
  value: number;
  href?: string;
  /** 'danger' for overdue items, 'warn' for items due soon. */
  tone?: 'ok' | 'warn' | 'danger';
}

export interface DashboardSection {
  key: string;
  /** Shown to holders of any of these roles … */
  roles: Role[];
  /** … or, when set, to system administrators. */
  sysadmin?: boolean;
  title: string;
  description: string;
  en: { title: string; description: string };
  links: DashboardLink[];
  /** Live counts for this user (filled in by the area that owns the work). */
  figures?: (ctx: ServiceContext, user: StaffUser) => Promise<DashboardFigure[]>;
}

/** A card as the page shows it (a plain view model). */
export interface DashboardCard {
  key: string;
  title: string;
  description: string;
  en: { title: string; description: string };
  links: DashboardLink[];
  figures: DashboardFigure[];
}

const REGS_EN = 'the Regulations on Open Government Information';

export const DASHBOARD_SECTIONS: DashboardSection[] = [
  {
    key: 'clerk', roles: ['clerk'], title: ROLE_LABELS.clerk,
    description: '登记本科室制作或者获取的政府信息并提交审核；按公开办分办的申请起草答复意见。',
    en: { title: 'Clerk', description: 'Register the information your department makes or obtains and submit it for review; draft replies to the applications the disclosure office assigns to you.' },
    links: [{ href: '/console/documents', label: '主动公开', en: 'Proactive disclosure' }, { href: '/console/applications', label: '依申请公开', en: 'Disclosure on application' }],
  },
  {
    key: 'office', roles: ['office'], title: ROLE_LABELS.office,
    description: '接收、登记和分办政府信息公开申请，办理补正、延期和答复；发布审核通过的政府信息；回复在线咨询；编制年度报告。',
    en: { title: 'Disclosure office', description: 'Receive, register and assign applications for government information; handle corrections, extensions and replies; publish approved information; answer online consultations; prepare the annual report.' },
    links: [
      { href: '/console/applications', label: '依申请公开', en: 'Disclosure on application' },
      { href: '/console/documents', label: '主动公开', en: 'Proactive disclosure' },
      { href: '/console/consultations', label: '在线咨询', en: 'Online consultation' },
      { href: '/console/reports', label: '年度报告', en: 'Annual reports' },
    ],
  },
  {
    key: 'reviewer', roles: ['reviewer'], title: ROLE_LABELS.reviewer,
    description: '对拟公开的政府信息和拟答复的内容进行保密审查和内容审核，审核通过或退回并说明理由。',
    en: { title: 'Reviewer', description: 'Carry out the confidentiality review of information to be published and of draft replies; approve them or return them with reasons.' },
    links: [{ href: '/console/documents', label: '待审核的政府信息', en: 'Information awaiting review' }, { href: '/console/applications', label: '待审核的答复', en: 'Replies awaiting review' }],
  },
  {
    key: 'head', roles: ['head'], title: ROLE_LABELS.head,
    description: '审批延长答复期限（《政府信息公开条例》第三十三条：延长最长不超过20个工作日）和重要答复，批准年度报告。',
    en: { title: 'Head', description: `Approve extensions (Article 33 of ${REGS_EN}: at most 20 working days) and important replies; approve the annual report.` },
    links: [{ href: '/console/applications', label: '依申请公开', en: 'Disclosure on application' }, { href: '/console/reports', label: '年度报告', en: 'Annual reports' }],
  },
  {
    key: 'admin', roles: ['admin'], title: ROLE_LABELS.admin,
    // The working-day calendar is the platform administrator's; an agency's administrator views it.
    description: '管理本机关的用户及其角色，查看工作日历和审计日志。',
    en: { title: 'System administrator', description: "Manage this agency's users and their roles; view the working-day calendar and the audit log." },
    links: [
      { href: '/console/admin/users', label: '用户管理', en: 'Users' },
      { href: '/console/admin/calendar', label: '工作日历', en: 'Working-day calendar' },
      { href: '/console/admin/audit', label: '审计日志', en: 'Audit log' },
    ],
  },
  {
    key: 'supervisor', roles: ['supervisor'], title: ROLE_LABELS.supervisor,
    description: '查看下级机关的政府信息公开工作：申请办理进度、逾期事项、主动公开情况和年度报告。',
    en: { title: 'Supervising office', description: 'Follow the disclosure work of subordinate agencies: applications in progress, overdue items, proactive disclosure and annual reports.' },
    links: [{ href: '/console/supervision', label: '下级机关', en: 'Subordinate agencies' }],
  },
  {
    key: 'platform', roles: [], sysadmin: true, title: '平台管理',
    description: '管理平台上的机关（机关代码、统一社会信用代码、联系方式、索引号规则）及其科室，以及全部机关的用户。',
    en: { title: 'Platform administration', description: 'Manage the agencies on the platform (code, unified social credit code, contacts, index number pattern), their departments, and the users of every agency.' },
    links: [{ href: '/console/admin/agencies', label: '机关管理', en: 'Agencies' }, { href: '/console/admin/users', label: '用户管理', en: 'Users' }],
  },
  {
    key: 'annual-report', roles: ['office', 'head'], title: '年度报告',
    description: '每年1月31日前向上级主管部门报送并向社会公布上一年度政府信息公开工作年度报告（条例第四十九条）。统计表由平台记录生成。',
    en: { title: 'Annual report', description: `Submit the annual report on disclosure work for the previous year to the competent authority and publish it before 31 January (Article 49 of ${REGS_EN}). The tables are generated from the platform’s records.` },
    links: [{ href: '/console/reports', label: '编制年度报告', en: 'Annual reports' }],
    // From 1 January until the report is published: the days left to 31 January (or overdue).
    figures: async (ctx, user) => {
      const r = await reportReminder(ctx, user);
      if (!r) return [];
      const href = `/console/reports/${r.year}`;
      const status = r.status ? REPORT_STATUS_LABELS_EN[r.status] : 'Not started';
      return r.state.kind === 'due'
        ? [{ label: `${r.year}年度报告（${r.statusLabel}）：距1月31日还有（天）`, en: `Annual report ${r.year} (${status}): days left to 31 January`, value: r.state.daysLeft, href, tone: r.state.daysLeft <= 7 ? 'danger' : 'warn' }]
        : [{ label: `${r.year}年度报告（${r.statusLabel}）：已逾期（天）`, en: `Annual report ${r.year} (${status}): days overdue`, value: r.state.kind === 'overdue' ? r.state.daysOverdue : 0, href, tone: 'danger' }];
    },
  },
  {
    key: 'annual-report-supervision', roles: ['supervisor'], title: '下级机关年度报告',
    description: '审核下级机关报送的年度报告（退回修改或审核通过），查看未按期公布的机关，导出汇总统计表。',
    en: { title: 'Annual reports of subordinate agencies', description: 'Review the annual reports subordinate agencies submit (return for changes or approve), see which agencies are late, export the consolidated tables.' },
    links: [{ href: '/console/reports/supervision', label: '年度报告审核和汇总', en: 'Review and consolidate annual reports' }],
  },
  { // issue 8
    key: 'privacy', roles: ['office', 'head', 'reviewer', 'supervisor'], title: '个人信息检查与答复用时',
    description: '发布前检查个人信息，已发布信息的个人信息检查；答复政府信息公开申请的实际用时（工作日）和建议分流情况。',
    en: { title: 'Personal data checks and reply times', description: 'Personal data checks before and after publication; the working days actually taken to reply to applications, and suggestions and referrals.' },
    links: [
      { href: '/console/privacy', label: '个人信息检查', en: 'Personal data checks' },
      { href: '/console/privacy/timing', label: '答复用时', en: 'Reply times' },
      { href: '/console/privacy/suggestions', label: '建议与分流', en: 'Suggestions and referrals' },
    ],
    figures: privacyDashboardFigures,
  },
  {
    key: 'inspection', roles: ['office', 'head', 'supervisor'], title: '网站自查',
    description: '按《政府网站与政务新媒体检查指标》每日自查网站：栏目更新、链接和附件、政策解读、留言和找错答复、错别字和敏感表述；预计检查结果和优先整改事项。',
    en: { title: 'Site self-inspection', description: 'A daily self-inspection of the site against the national indicators for government websites: column updates, links and attachments, policy interpretations, answers to messages and site error reports, typos and sensitive wording; the expected result and what to fix first.' },
    links: [{ href: '/console/inspection', label: '网站自查', en: 'Site self-inspection' }, { href: '/console/error-reports', label: '网站找错留言', en: 'Site error reports' }],
    figures: inspectionDashboardFigures,
  },
  {
    key: 'applications', roles: ['clerk', 'office', 'reviewer', 'head', 'supervisor'], title: '依申请公开办理',
    description: '待我办理、即将到期和已逾期的政府信息公开申请（条例第三十三条）。',
    en: { title: 'Applications', description: `Applications for government information waiting for you, due soon or overdue (Article 33 of ${REGS_EN}).` },
    links: [{ href: '/console/applications?view=mine', label: '待我办理', en: 'Waiting for me' }, { href: '/console/applications?view=overdue', label: '已逾期', en: 'Overdue' }],
    figures: applicationFigures,
  },
  {
    key: 'inbox', roles: ['clerk', 'office'], title: '提醒',
    description: '每日生成的答复期限提醒：3个工作日内到期和已逾期的申请。',
    en: { title: 'Reminders', description: 'Daily reminders of reply deadlines: applications due within 3 working days and overdue ones.' },
    links: [{ href: '/console/inbox', label: '我的提醒', en: 'My reminders' }],
    figures: inboxFigures,
  },
];

export function sectionsFor(user: StaffUser, sections: readonly DashboardSection[] = DASHBOARD_SECTIONS): DashboardSection[] {
  return sections.filter((s) => s.roles.some((r) => user.roles.includes(r)) || (s.sysadmin === true && user.isSysadmin));
}

/** The cards of `user`'s dashboard, with each area's live figures. */
export async function dashboardFor(ctx: ServiceContext, user: StaffUser): Promise<DashboardCard[]> {
  return Promise.all(sectionsFor(user).map(async (s) => ({
    key: s.key, title: s.title, description: s.description, en: s.en, links: s.links,
    figures: s.figures ? await s.figures(ctx, user) : [],
  })));
}
