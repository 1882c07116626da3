import type { PageContext } from '../render.tsx';
import type { Role } from '../../domain/roles.ts';
import {
  ART20_CLASSES, DISCLOSURE_ATTRIBUTES, DOCUMENT_STATE_LABELS, NON_DISCLOSURE_GROUNDS, VALIDITY,
  type Art20Class, type DisclosureAttribute, type DocumentAction, type DocumentState, type NonDisclosureGround, type Validity,
} from '../../domain/document-workflow.ts';
import type { DocumentSummaryView } from '../../services/document-query.service.ts';
import { formatDate } from '../format.ts';
import { tx } from '../i18n/index.ts';

// English for the labels of the document workflow and catalog attributes. The Chinese lives in
// domain/document-workflow.ts (services hand views the Chinese label); these follow its codes, so
// a code added there fails to compile here until it has its English.
const STATE_EN: Record<DocumentState, string> = {
  draft: 'Draft', registered: 'Registered', in_review: 'In review', approved: 'Approved',
  published: 'Published', returned: 'Returned', archived: 'Archived', withdrawn: 'Withdrawn',
};
const ACTION_EN: Record<DocumentAction, string> = {
  register: 'Register', submit: 'Submit for review', approve: 'Approve', return: 'Return',
  publish: 'Publish', archive: 'Archive', withdraw: 'Withdraw',
};
const VALIDITY_EN: Record<Validity, string> = { valid: 'In force', expired: 'Expired', repealed: 'Repealed', amended: 'Amended' };
const DISCLOSURE_EN: Record<DisclosureAttribute, string> = {
  proactive: 'Proactive disclosure', on_request: 'Disclosure on application', withheld: 'Not disclosed',
};
const ART20_EN: Record<Art20Class, string> = { rules: 'Rules', normative_document: 'Administrative normative document', none: 'Other' };
const GROUND_EN: Record<NonDisclosureGround, { label: string; article: string }> = {
  state_secret: { label: 'State secret', article: 'Article 14' },
  prohibited_by_law: { label: 'Disclosure prohibited by other laws or administrative regulations', article: 'Article 14' },
  security_stability: { label: 'Would endanger national, public or economic security or social stability', article: 'Article 14' },
  third_party_rights: { label: 'Protection of third parties\' lawful rights', article: 'Article 15' },
  internal_affairs: { label: 'Internal affairs information', article: 'Article 16(1)' },
  process_information: { label: 'Process information', article: 'Article 16(2)' },
  enforcement_case_file: { label: 'Administrative enforcement case file', article: 'Article 16(2)' },
};

/** The English of a label a service rendered in Chinese, found through the domain list it came from. */
function fromLabel<C extends string>(ctx: { lang: PageContext['lang'] }, list: readonly { code: C; label: string }[], en: Record<C, string>, zh: string): string {
  if (ctx.lang !== 'en') return zh;
  const code = list.find((x) => x.label === zh)?.code;
  return code ? en[code] : zh;
}

export const documentStateLabel = (ctx: PageContext, state: DocumentState): string => tx(ctx, DOCUMENT_STATE_LABELS[state], STATE_EN[state]);
export const documentActionLabel = (ctx: PageContext, action: DocumentAction, zh: string): string => tx(ctx, zh, ACTION_EN[action]);
export const validityLabel = (ctx: PageContext, zh: string): string => fromLabel(ctx, VALIDITY, VALIDITY_EN, zh);
export const validityOption = (ctx: PageContext, v: (typeof VALIDITY)[number]): string => tx(ctx, v.label, VALIDITY_EN[v.code]);
export const disclosureLabel = (ctx: PageContext, zh: string): string => fromLabel(ctx, DISCLOSURE_ATTRIBUTES, DISCLOSURE_EN, zh);
export const art20Label = (ctx: PageContext, zh: string): string => fromLabel(ctx, ART20_CLASSES, ART20_EN, zh);
export const art20Option = (ctx: PageContext, a: (typeof ART20_CLASSES)[number]): string => tx(ctx, a.label, ART20_EN[a.code]);
export const disclosureOption = (ctx: PageContext, a: (typeof DISCLOSURE_ATTRIBUTES)[number]): string => tx(ctx, a.label, DISCLOSURE_EN[a.code]);

/** A ground for not publishing with its article: 属于国家秘密（第十四条） / State secret (Article 14). */
export function groundOption(ctx: PageContext, g: (typeof NON_DISCLOSURE_GROUNDS)[number]): string {
  return ctx.lang === 'en' ? `${GROUND_EN[g.code].label} (${GROUND_EN[g.code].article})` : `${g.label}（${g.article}）`;
}

/** The same, from the Chinese label and article a service handed over, as the document page shows it. */
export function groundLabel(ctx: PageContext, ground: { label: string; article: string }): string {
  const g = NON_DISCLOSURE_GROUNDS.find((x) => x.label === ground.label);
  if (ctx.lang === 'en' && g) return `${GROUND_EN[g.code].label}, ${GROUND_EN[g.code].article} of the Regulations on Open Government Information`;
  return `${ground.label}，条例${ground.article}`;
}

/** The tabs of the proactive-disclosure area of the console, by role. */
const TABS: { href: string; label: string; en: string; roles: Role[] }[] = [
  { href: '/console/documents', label: '我登记的', en: 'Registered by me', roles: ['clerk', 'office'] },
  { href: '/console/documents/all', label: '本机关文件', en: 'All documents', roles: [] },
  { href: '/console/documents/review', label: '待审核', en: 'To review', roles: ['reviewer'] },
  { href: '/console/documents/publish', label: '待发布', en: 'To publish', roles: ['office'] },
  { href: '/console/documents/due', label: '发布时限', en: 'Publication deadlines', roles: [] },
  { href: '/console/documents/new', label: '登记文件', en: 'Register a document', roles: ['clerk', 'office'] },
  { href: '/console/documents/import', label: '目录导入', en: 'Import a catalog', roles: ['office'] },
  { href: '/console/documents/taxonomy', label: '分类与专题', en: 'Categories and topics', roles: ['office', 'admin'] },
];

export function DocumentTabs({ ctx, active }: { ctx: PageContext; active: string }) {
  const user = ctx.user!;
  const tabs = TABS.filter((t) => t.roles.length === 0 || t.roles.some((r) => user.roles.includes(r)));
  return (
    <nav class="doc-tabs" aria-label={tx(ctx, '主动公开', 'Proactive disclosure')}>
      <ul>
        {tabs.map((t) => <li><a href={t.href} aria-current={t.href === active ? 'page' : undefined}>{tx(ctx, t.label, t.en)}</a></li>)}
      </ul>
    </nav>
  );
}

const STATE_TONE: Record<DocumentState, string> = {
  draft: '',
  registered: '',
  in_review: 'badge-warn',
  approved: 'badge-warn',
  published: 'badge-ok',
  returned: 'badge-danger',
  archived: '',
  withdrawn: 'badge-danger',
};

export function StateBadge({ ctx, state }: { ctx: PageContext; state: DocumentState }) {
  return <span class={`badge ${STATE_TONE[state]}`.trim()}>{documentStateLabel(ctx, state)}</span>;
}

/** Art. 26: where an unpublished document stands against its 20-working-day limit. */
export function DeadlineBadge({ ctx, deadline }: { ctx: PageContext; deadline: DocumentSummaryView['deadline'] }) {
  if (!deadline) return null;
  const due = formatDate(deadline.dueOn, ctx.lang);
  const provisional = deadline.provisional ? tx(ctx, '（暂定）', ' (provisional)') : '';
  const days = (n: number) => (n === 1 ? '1 working day' : `${n} working days`);
  if (deadline.status === 'overdue') {
    const late = deadline.workingDaysLeft < 0 ? -deadline.workingDaysLeft : 0;
    return (
      <span class="badge badge-danger">
        {tx(ctx, `已超期${late ? ` ${late} 个工作日` : ''}（应于${due}前发布）`, `Overdue${late ? ` by ${days(late)}` : ''} (due by ${due})`)}{provisional}
      </span>
    );
  }
  if (deadline.status === 'due_soon') {
    const left = deadline.workingDaysLeft;
    return <span class="badge badge-warn">{left === 0 ? tx(ctx, '今日到期', 'Due today') : tx(ctx, `剩 ${left} 个工作日`, `${days(left)} left`)}{tx(ctx, `（${due}）`, ` (${due})`)}{provisional}</span>;
  }
  return <span class="badge">{tx(ctx, `应于${due}前发布`, `Due by ${due}`)}{provisional}</span>;
}

/** A table of documents for the console lists. */
export function DocumentTable({ ctx, items, caption, showAuthor = true }: { ctx: PageContext; items: DocumentSummaryView[]; caption: string; showAuthor?: boolean }) {
  return (
    <table class="data-table doc-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(ctx, '标题', 'Title')}</th>
          <th scope="col">{tx(ctx, '索引号', 'Index number')}</th>
          <th scope="col">{tx(ctx, '主题分类', 'Category')}</th>
          <th scope="col">{tx(ctx, '起草部门', 'Drafting department')}</th>
          {showAuthor && <th scope="col">{tx(ctx, '登记人', 'Registered by')}</th>}
          <th scope="col">{tx(ctx, '成文日期', 'Date created')}</th>
          <th scope="col">{tx(ctx, '状态', 'Status')}</th>
          <th scope="col">{tx(ctx, '发布时限', 'Publication deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr>
            <td>
              <a href={`/console/documents/${d.id}`}>{d.title}</a>
              {d.docNumber && <span class="doc-number">{d.docNumber}</span>}
              {d.returnReason && <span class="doc-return">{tx(ctx, '退回理由：', 'Reason for return: ')}{d.returnReason}</span>}
            </td>
            <td class="nowrap">{d.indexNumber ?? tx(ctx, '（草稿，未分配）', '(draft, not yet assigned)')}</td>
            <td>{d.category}</td>
            <td>{d.department ?? ''}</td>
            {showAuthor && <td>{d.author ?? tx(ctx, '（导入）', '(imported)')}</td>}
            <td class="nowrap">{formatDate(d.createdOn, ctx.lang)}</td>
            <td><StateBadge ctx={ctx} state={d.state} />{d.scheduledOn && <span class="doc-scheduled">{tx(ctx, '定时 ', 'Scheduled for ')}{formatDate(d.scheduledOn, ctx.lang)}</span>}</td>
            <td>{d.publishedOn ? tx(ctx, `已于${formatDate(d.publishedOn)}发布`, `Published on ${formatDate(d.publishedOn, 'en')}`) : <DeadlineBadge ctx={ctx} deadline={d.deadline} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
