import { ConsoleLayout } from './console-layout.tsx';
import { Notice, Pager } from './components.tsx';
import { DeadlineBadge, DocumentTable, DocumentTabs, documentStateLabel } from './document-common.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate } from '../format.ts';
import { DOCUMENT_STATES } from '../../domain/document-workflow.ts';
import { tx } from '../i18n/index.ts';
import type { ConsoleListView, DepartmentDeadlines, DocumentSummaryView } from '../../services/document-query.service.ts';

type Text = { zh: string; en: string };
const VIEW_META: Record<ConsoleListView, { href: string; title: Text; lead: Text; empty: Text }> = {
  mine: {
    href: '/console/documents',
    title: { zh: '我登记的文件', en: 'Documents registered by me' },
    lead: { zh: '您登记或收集的文件。退回的文件请按退回理由修改后重新提交审核。', en: 'Documents you registered or collected. Correct a returned document as its reason says, then submit it for review again.' },
    empty: { zh: '您还没有登记文件。', en: 'You have not registered any documents yet.' },
  },
  all: {
    href: '/console/documents/all',
    title: { zh: '本机关文件', en: 'All documents of this agency' },
    lead: { zh: '本机关登记的全部文件，含未公开的。', en: 'Every document registered by this agency, including unpublished ones.' },
    empty: { zh: '没有符合条件的文件。', en: 'No matching documents.' },
  },
  review: {
    href: '/console/documents/review',
    title: { zh: '待审核', en: 'To review' },
    lead: { zh: '等待保密审查和内容审核的文件。您本人登记的文件不在此列：审核人不能审核自己登记的文件。', en: 'Documents awaiting confidentiality review and content review. Documents you registered yourself are not listed: a reviewer may not review their own documents.' },
    empty: { zh: '目前没有待您审核的文件。', en: 'There are no documents for you to review.' },
  },
  publish: {
    href: '/console/documents/publish',
    title: { zh: '待发布', en: 'To publish' },
    lead: { zh: '已审核、等待公开办发布的文件（可设定时发布）。', en: 'Approved documents waiting for the disclosure office to publish them (publication can be scheduled).' },
    empty: { zh: '目前没有待发布的文件。', en: 'There are no documents waiting to be published.' },
  },
};
const say = (ctx: PageContext, t: Text) => tx(ctx, t.zh, t.en);

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
  const title = say(ctx, meta.title);
  const filterable = view === 'mine' || view === 'all';
  return (
    <ConsoleLayout ctx={ctx} title={title} active="/console/documents">
      <h1>{title}</h1>
      <DocumentTabs ctx={ctx} active={meta.href} />
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <p class="hint">{say(ctx, meta.lead)}</p>
      <form method="get" action={meta.href} class="doc-filter" role="search" aria-label={tx(ctx, '筛选文件', 'Filter documents')}>
        <div>
          <label for="f-text">{tx(ctx, '标题、文号或索引号', 'Title, document number or index number')}</label>
          <input id="f-text" type="search" name="text" value={props.text ?? ''} maxLength={100} />
        </div>
        {filterable && (
          <div>
            <label for="f-state">{tx(ctx, '状态', 'Status')}</label>
            <select id="f-state" name="state">
              <option value="">{tx(ctx, '全部', 'All')}</option>
              {DOCUMENT_STATES.map((s) => <option value={s} selected={props.state === s}>{documentStateLabel(ctx, s)}</option>)}
            </select>
          </div>
        )}
        <button type="submit" class="button button-secondary">{tx(ctx, '筛选', 'Filter')}</button>
      </form>
      {props.items.length === 0
        ? <p class="empty">{say(ctx, meta.empty)}</p>
        : <DocumentTable ctx={ctx} items={props.items} caption={title} />}
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
      <span class="doc-due-meta">{tx(ctx, '成文 ', 'Created ')}{formatDate(d.createdOn, ctx.lang)} · {documentStateLabel(ctx, d.state)}</span>
      <DeadlineBadge ctx={ctx} deadline={d.deadline} />
    </li>
  );
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '发布时限', 'Publication deadlines')} active="/console/documents">
      <h1>{tx(ctx, '主动公开发布时限', 'Proactive disclosure: publication deadlines')}</h1>
      <DocumentTabs ctx={ctx} active="/console/documents/due" />
      <p class="hint">{tx(ctx, '《政府信息公开条例》第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。下表按起草部门列出尚未发布的主动公开文件。', 'Article 26 of the Regulations on Open Government Information: information subject to proactive disclosure shall be published within 20 working days of being created or changed. Below are the proactive documents not yet published, by drafting department.')}</p>
      {provisional && <Notice kind="error">{tx(ctx, '部分期限跨入尚未公布节假日安排的年度，按周一至周五暂定计算，公布后可能变化。', 'Some deadlines fall in a year whose public holidays have not been announced; they are counted provisionally as Monday to Friday and may change.')}</Notice>}
      <p class="doc-due-totals">
        <span class="badge badge-danger">{tx(ctx, `已超期 ${overdue} 件`, `Overdue: ${overdue}`)}</span> <span class="badge badge-warn">{tx(ctx, `5 个工作日内到期 ${dueSoon} 件`, `Due within 5 working days: ${dueSoon}`)}</span>
      </p>
      {departments.length === 0 && <p class="empty">{tx(ctx, '没有待发布的主动公开文件。', 'No proactive documents are waiting to be published.')}</p>}
      {departments.map((d, i) => (
        <section class="card" aria-labelledby={`dept-${i}`}>
          <h2 id={`dept-${i}`}>{d.agency === null ? '' : `${d.agency} · `}{d.department ?? tx(ctx, '未指定部门', 'No department')}</h2>
          <p class="doc-due-counts">{tx(ctx, `超期 ${d.overdue.length} 件；即将到期 ${d.dueSoon.length} 件；期限内 ${d.onTime} 件`, `Overdue: ${d.overdue.length}; due soon: ${d.dueSoon.length}; on time: ${d.onTime}`)}</p>
          {d.overdue.length > 0 && (<><h3>{tx(ctx, '已超期', 'Overdue')}</h3><ul class="doc-due-list">{d.overdue.map(row)}</ul></>)}
          {d.dueSoon.length > 0 && (<><h3>{tx(ctx, '即将到期', 'Due soon')}</h3><ul class="doc-due-list">{d.dueSoon.map(row)}</ul></>)}
        </section>
      ))}
    </ConsoleLayout>
  );
}
