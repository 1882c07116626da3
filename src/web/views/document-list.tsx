import { ConsoleLayout } from './console-layout.tsx';
import { Notice, Pager } from './components.tsx';
import { DeadlineBadge, DocumentTable, DocumentTabs } from './document-common.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate } from '../format.ts';
import { DOCUMENT_STATES, DOCUMENT_STATE_LABELS } from '../../domain/document-workflow.ts';
import type { ConsoleListView, DepartmentDeadlines, DocumentSummaryView } from '../../services/document-query.service.ts';

const VIEW_META: Record<ConsoleListView, { href: string; title: string; lead: string; empty: string }> = {
  mine: { href: '/console/documents', title: '我登记的文件', lead: '您登记或收集的文件。退回的文件请按退回理由修改后重新提交审核。', empty: '您还没有登记文件。' },
  all: { href: '/console/documents/all', title: '本机关文件', lead: '本机关登记的全部文件，含未公开的。', empty: '没有符合条件的文件。' },
  review: { href: '/console/documents/review', title: '待审核', lead: '等待保密审查和内容审核的文件。您本人登记的文件不在此列：审核人不能审核自己登记的文件。', empty: '目前没有待您审核的文件。' },
  publish: { href: '/console/documents/publish', title: '待发布', lead: '已审核、等待公开办发布的文件（可设定时发布）。', empty: '目前没有待发布的文件。' },
};

export interface DocumentListProps {
  ctx: PageContext;
  view: ConsoleListView;
  items: DocumentSummaryView[];
  total: number;
  page: number;
  pageSize: number;
  state?: string;
  text?: string;
  notice?: string;
}

export function DocumentListPage(props: DocumentListProps) {
  const { ctx, view } = props;
  const meta = VIEW_META[view];
  const filterable = view === 'mine' || view === 'all';
  return (
    <ConsoleLayout ctx={ctx} title={meta.title} active="/console/documents">
      <h1>{meta.title}</h1>
      <DocumentTabs ctx={ctx} active={meta.href} />
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <p class="hint">{meta.lead}</p>
      <form method="get" action={meta.href} class="doc-filter" role="search" aria-label="筛选文件">
        <div>
          <label for="f-text">标题、文号或索引号</label>
          <input id="f-text" type="search" name="text" value={props.text ?? ''} maxLength={100} />
        </div>
        {filterable && (
          <div>
            <label for="f-state">状态</label>
            <select id="f-state" name="state">
              <option value="">全部</option>
              {DOCUMENT_STATES.map((s) => <option value={s} selected={props.state === s}>{DOCUMENT_STATE_LABELS[s]}</option>)}
            </select>
          </div>
        )}
        <button type="submit" class="button button-secondary">筛选</button>
      </form>
      {props.items.length === 0
        ? <p class="empty">{meta.empty}</p>
        : <DocumentTable items={props.items} caption={meta.title} />}
      <Pager ctx={ctx} page={props.page} pageSize={props.pageSize} total={props.total} />
    </ConsoleLayout>
  );
}

/** Art. 26: unpublished proactive documents by department, overdue and due soon. */
export function DocumentDuePage({ ctx, departments, provisional }: { ctx: PageContext; departments: DepartmentDeadlines[]; provisional: boolean }) {
  const overdue = departments.reduce((n, d) => n + d.overdue.length, 0);
  const dueSoon = departments.reduce((n, d) => n + d.dueSoon.length, 0);
  const row = (d: DocumentSummaryView) => (
    <li>
      <a href={`/console/documents/${d.id}`}>{d.title}</a>
      <span class="doc-due-meta">成文 {formatDate(d.createdOn)} · {d.stateLabel}</span>
      <DeadlineBadge deadline={d.deadline} />
    </li>
  );
  return (
    <ConsoleLayout ctx={ctx} title="发布时限" active="/console/documents">
      <h1>主动公开发布时限</h1>
      <DocumentTabs ctx={ctx} active="/console/documents/due" />
      <p class="hint">《政府信息公开条例》第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。下表按起草部门列出尚未发布的主动公开文件。</p>
      {provisional && <Notice kind="error">部分期限跨入尚未公布节假日安排的年度，按周一至周五暂定计算，公布后可能变化。</Notice>}
      <p class="doc-due-totals">
        <span class="badge badge-danger">已超期 {overdue} 件</span> <span class="badge badge-warn">5 个工作日内到期 {dueSoon} 件</span>
      </p>
      {departments.length === 0 && <p class="empty">没有待发布的主动公开文件。</p>}
      {departments.map((d, i) => (
        <section class="card" aria-labelledby={`dept-${i}`}>
          <h2 id={`dept-${i}`}>{d.department}</h2>
          <p class="doc-due-counts">超期 {d.overdue.length} 件；即将到期 {d.dueSoon.length} 件；期限内 {d.onTime} 件</p>
          {d.overdue.length > 0 && (<><h3>已超期</h3><ul class="doc-due-list">{d.overdue.map(row)}</ul></>)}
          {d.dueSoon.length > 0 && (<><h3>即将到期</h3><ul class="doc-due-list">{d.dueSoon.map(row)}</ul></>)}
        </section>
      ))}
    </ConsoleLayout>
  );
}
