// Shared pieces of the education disclosure pages (issue 6): bilingual labels for this area,
// links to catalog documents, the section navigation, date ranges and timelines.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../render.tsx';
import { formatDate } from '../format.ts';
import { documentPath, type Bilingual } from '../../domain/education-terms.ts';
import { PortalLayout, type Crumb, type PortalAgency, type PortalColumn } from './layout.tsx';
import { tx } from '../i18n/index.ts';

/** This area's UI text: Chinese (zh-TW is converted from it) or English. */
export function label(ctx: PageContext, b: Bilingual): string {
  return ctx.lang === 'en' ? b.en : b.zh;
}

export function educationPath(agencyCode: string, sub = ''): string {
  return `/gk/${encodeURIComponent(agencyCode)}/education${sub}`;
}

export interface EducationSection {
  key: string;
  path: (code: string) => string;
  title: Bilingual;
  summary: Bilingual;
}

/** The public pages of the area, in the order of the entrance page. */
export const EDUCATION_SECTIONS: EducationSection[] = [
  { key: 'enrolment', path: (c) => educationPath(c, '/enrolment'), title: { zh: '招生入学与划片查询', en: 'Enrolment zones and schedule' }, summary: { zh: '输入住址或小区名称，查询对口学校和当年招生日程', en: 'Find the schools serving an address and this year\'s admission dates' } },
  { key: 'schools', path: (c) => educationPath(c, '/schools'), title: { zh: '学校名录', en: 'School directory' }, summary: { zh: '各级各类学校的地址、电话和办学性质', en: 'Addresses, phone numbers and type of every school' } },
  { key: 'recruitment', path: (c) => educationPath(c, '/recruitment'), title: { zh: '教师招聘', en: 'Teacher recruitment' }, summary: { zh: '招聘计划、岗位数、招聘程序和结果公示', en: 'Quotas, procedure and published results' } },
  { key: 'statistics', path: (c) => educationPath(c, '/statistics'), title: { zh: '教育统计', en: 'Education statistics' }, summary: { zh: '历年学校数、在校学生数和教职工数，可下载', en: 'Schools, pupils and teachers by year, downloadable' } },
  { key: 'powers', path: (c) => educationPath(c, '/powers'), title: { zh: '权责清单', en: 'Power and responsibility list' }, summary: { zh: '现行权力清单、责任清单及历次调整', en: 'The current list and every change to it' } },
  { key: 'monthly', path: (c) => educationPath(c, '/monthly'), title: { zh: '月度工作', en: 'Monthly work' }, summary: { zh: '每月重点工作、进展和整改落实情况', en: 'Planned work per month and its progress' } },
  { key: 'fees', path: (c) => educationPath(c, '/fees'), title: { zh: '教育收费', en: 'Education fees' }, summary: { zh: '收费项目、标准、依据和批准文件', en: 'Fee items, rates and their legal basis' } },
  { key: 'ask', path: (c) => `/gk/${encodeURIComponent(c)}/ask`, title: { zh: '在线咨询', en: 'Online consultation' }, summary: { zh: '在线提问，凭查询码查看答复', en: 'Ask a question and follow the answer with a code' } },
  { key: 'consultations', path: (c) => `/gk/${encodeURIComponent(c)}/consultations`, title: { zh: '意见征集', en: 'Public comment on drafts' }, summary: { zh: '政策草案征求意见及采纳情况反馈', en: 'Draft policies open for comment and the feedback' } },
];

export function sectionTitle(ctx: PageContext, key: string): string {
  const s = EDUCATION_SECTIONS.find((x) => x.key === key);
  return s ? label(ctx, s.title) : key;
}

/**
 * A page of the area in the portal: under 法定主动公开内容 with 教育公开 in the breadcrumb, or under
 * 在线咨询 for the consultation pages.
 */
export function EducationLayout(props: {
  ctx: PageContext;
  agency: PortalAgency;
  title: string;
  section?: string;
  column?: PortalColumn;
  crumbs?: Crumb[];
  /** The page is its column's own index (no further breadcrumb step). */
  columnIndex?: boolean;
  children: ComponentChildren;
}) {
  const { ctx, agency } = props;
  const column = props.column ?? 'catalog';
  if (props.columnIndex) {
    return <PortalLayout ctx={ctx} agency={agency} column={column} title={props.title}><div class="edu-page">{props.children}</div></PortalLayout>;
  }
  const crumbs: Crumb[] = column === 'catalog' ? [{ label: tx(ctx, '教育公开', 'Education'), href: educationPath(agency.code) }] : [];
  if (props.section && column === 'catalog') {
    const s = EDUCATION_SECTIONS.find((x) => x.key === props.section);
    if (s && label(ctx, s.title) !== props.title) crumbs.push({ label: label(ctx, s.title), href: s.path(agency.code) });
  }
  crumbs.push(...(props.crumbs ?? []), { label: props.title });
  return (
    <PortalLayout ctx={ctx} agency={agency} column={column} title={props.title} crumbs={crumbs}>
      <div class="edu-page">{props.children}</div>
    </PortalLayout>
  );
}

/** A link to a catalog document by its index number (索引号). */
export function DocLink({ ctx, agencyCode, indexNumber, text }: { ctx: PageContext; agencyCode: string; indexNumber: string | null | undefined; text?: string }) {
  if (!indexNumber) return null;
  return (
    <a href={documentPath(agencyCode, indexNumber)} class="doc-link">
      {text ?? tx(ctx, '查看文件', 'View document')}
      <span class="doc-index">（{tx(ctx, '索引号', 'Index no.')}：{indexNumber}）</span>
    </a>
  );
}

/** '7月1日—7月10日' style range (with years), or one date. */
export function DateRange({ ctx, from, to }: { ctx: PageContext; from: string; to?: string | null }) {
  return (
    <span class="date-range">
      <time dateTime={from}>{formatDate(from, ctx.lang)}</time>
      {to && to !== from && <>{' — '}<time dateTime={to}>{formatDate(to, ctx.lang)}</time></>}
    </span>
  );
}

export type Phase = 'upcoming' | 'current' | 'past';

export function phaseOf(today: string, from: string, to: string | null): Phase {
  if (today < from) return 'upcoming';
  if (today > (to ?? from)) return 'past';
  return 'current';
}

const PHASE_LABELS: Record<Phase, Bilingual> = {
  upcoming: { zh: '未开始', en: 'Upcoming' },
  current: { zh: '进行中', en: 'In progress' },
  past: { zh: '已结束', en: 'Finished' },
};

export interface TimelineStep {
  title: string;
  from: string;
  to: string | null;
  detail?: ComponentChildren;
}

/** Dated steps as an ordered list, each marked upcoming / in progress / finished as of today. */
export function Timeline({ ctx, steps, today, labelledBy }: { ctx: PageContext; steps: TimelineStep[]; today: string; labelledBy?: string }) {
  if (steps.length === 0) return <p class="empty">{tx(ctx, '暂无日程安排', 'No dates announced yet')}</p>;
  return (
    <ol class="edu-timeline" aria-labelledby={labelledBy}>
      {steps.map((s) => {
        const phase = phaseOf(today, s.from, s.to);
        return (
          <li class={`edu-timeline-step edu-timeline-${phase}`} aria-current={phase === 'current' ? 'step' : undefined}>
            <p class="edu-timeline-when"><DateRange ctx={ctx} from={s.from} to={s.to} /> <span class={`badge phase-${phase}`}>{label(ctx, PHASE_LABELS[phase])}</span></p>
            <p class="edu-timeline-title">{s.title}</p>
            {s.detail && <div class="edu-timeline-detail">{s.detail}</div>}
          </li>
        );
      })}
    </ol>
  );
}

/** Multi-line text as paragraphs (stored text keeps its line breaks). */
export function Paragraphs({ text, class: cls }: { text: string; class?: string }) {
  const parts = text.split(/\r?\n/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return null;
  return <div class={cls}>{parts.map((p) => <p>{p}</p>)}</div>;
}

/** Year links (the current one marked), for pages with one view per year. */
export function YearNav({ ctx, years, current, href }: { ctx: PageContext; years: number[]; current: number | null; href: (y: number) => string }) {
  if (years.length <= 1) return null;
  return (
    <nav class="year-nav" aria-label={tx(ctx, '选择年度', 'Choose a year')}>
      <ul>
        {years.map((y) => <li><a href={href(y)} aria-current={y === current ? 'page' : undefined}>{ctx.lang === 'en' ? String(y) : `${y}年`}</a></li>)}
      </ul>
    </nav>
  );
}
