import type { PageContext } from '../render.tsx';
import type { Role } from '../../domain/roles.ts';
import type { DocumentState } from '../../domain/document-workflow.ts';
import type { DocumentSummaryView } from '../../services/document-query.service.ts';
import { formatDate } from '../format.ts';

/** The tabs of the proactive-disclosure area of the console, by role. */
const TABS: { href: string; label: string; roles: Role[] }[] = [
  { href: '/console/documents', label: '我登记的', roles: ['clerk', 'office'] },
  { href: '/console/documents/all', label: '本机关文件', roles: [] },
  { href: '/console/documents/review', label: '待审核', roles: ['reviewer'] },
  { href: '/console/documents/publish', label: '待发布', roles: ['office'] },
  { href: '/console/documents/due', label: '发布时限', roles: [] },
  { href: '/console/documents/new', label: '登记文件', roles: ['clerk', 'office'] },
  { href: '/console/documents/import', label: '目录导入', roles: ['office'] },
  { href: '/console/documents/taxonomy', label: '分类与专题', roles: ['office', 'admin'] },
];

export function DocumentTabs({ ctx, active }: { ctx: PageContext; active: string }) {
  const user = ctx.user!;
  const tabs = TABS.filter((t) => t.roles.length === 0 || t.roles.some((r) => user.roles.includes(r)));
  return (
    <nav class="doc-tabs" aria-label="主动公开">
      <ul>
        {tabs.map((t) => <li><a href={t.href} aria-current={t.href === active ? 'page' : undefined}>{t.label}</a></li>)}
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

export function StateBadge({ state, label }: { state: DocumentState; label: string }) {
  return <span class={`badge ${STATE_TONE[state]}`.trim()}>{label}</span>;
}

/** Art. 26: where an unpublished document stands against its 20-working-day limit. */
export function DeadlineBadge({ deadline }: { deadline: DocumentSummaryView['deadline'] }) {
  if (!deadline) return null;
  const provisional = deadline.provisional ? '（暂定）' : '';
  if (deadline.status === 'overdue') {
    return <span class="badge badge-danger">已超期{deadline.workingDaysLeft < 0 ? ` ${-deadline.workingDaysLeft} 个工作日` : ''}（应于{formatDate(deadline.dueOn)}前发布）{provisional}</span>;
  }
  if (deadline.status === 'due_soon') {
    return <span class="badge badge-warn">{deadline.workingDaysLeft === 0 ? '今日到期' : `剩 ${deadline.workingDaysLeft} 个工作日`}（{formatDate(deadline.dueOn)}）{provisional}</span>;
  }
  return <span class="badge">应于{formatDate(deadline.dueOn)}前发布{provisional}</span>;
}

/** A table of documents for the console lists. */
export function DocumentTable({ items, caption, showAuthor = true }: { items: DocumentSummaryView[]; caption: string; showAuthor?: boolean }) {
  return (
    <table class="data-table doc-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">索引号</th>
          <th scope="col">主题分类</th>
          <th scope="col">起草部门</th>
          {showAuthor && <th scope="col">登记人</th>}
          <th scope="col">成文日期</th>
          <th scope="col">状态</th>
          <th scope="col">发布时限</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr>
            <td>
              <a href={`/console/documents/${d.id}`}>{d.title}</a>
              {d.docNumber && <span class="doc-number">{d.docNumber}</span>}
              {d.returnReason && <span class="doc-return">退回理由：{d.returnReason}</span>}
            </td>
            <td class="nowrap">{d.indexNumber ?? '（草稿，未分配）'}</td>
            <td>{d.category}</td>
            <td>{d.department ?? ''}</td>
            {showAuthor && <td>{d.author ?? '（导入）'}</td>}
            <td class="nowrap">{formatDate(d.createdOn)}</td>
            <td><StateBadge state={d.state} label={d.stateLabel} />{d.scheduledOn && <span class="doc-scheduled">定时 {formatDate(d.scheduledOn)}</span>}</td>
            <td>{d.publishedOn ? `已于${formatDate(d.publishedOn)}发布` : <DeadlineBadge deadline={d.deadline} />}</td>
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
