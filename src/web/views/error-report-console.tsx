// The console side of 我为政府网站找错 (issue 9): the list with reply deadlines, one report with the
// reply form.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Pager } from './components.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { tx } from '../i18n/index.ts';
import type { StaffErrorReport } from '../../services/error-report.service.ts';
import type { ErrorReportFilter } from '../../db/repositories/error-report.repository.ts';
import { Done, FormErrors, TextAreaField, type FormState } from './inspection-common.tsx';

const FILTERS: [ErrorReportFilter, string, string][] = [['pending', '待答复', 'Awaiting reply'], ['overdue', '已超期', 'Overdue'], ['replied', '已答复', 'Replied'], ['all', '全部', 'All']];

function DueBadge({ ctx, r }: { ctx: PageContext; r: StaffErrorReport }) {
  const left = r.workingDaysLeft;
  switch (r.dueState) {
    case 'overdue':
      return <span class="badge badge-danger">{tx(ctx, `已超期 ${-left} 个工作日`, `Overdue by ${-left} working day(s)`)}</span>;
    case 'due_soon':
      return <span class="badge badge-warn">{left === 0 ? tx(ctx, '今日到期', 'Due today') : tx(ctx, `剩余 ${left} 个工作日`, `${left} working day(s) left`)}</span>;
    case 'on_time':
      return <span class="badge">{tx(ctx, `剩余 ${left} 个工作日`, `${left} working day(s) left`)}</span>;
    case 'replied':
      return <span class="badge badge-ok">{r.repliedOnTime ? tx(ctx, '已按期答复', 'Replied on time') : tx(ctx, '已答复（超期）', 'Replied (late)')}</span>;
  }
}

const excerpt = (s: string, n = 60) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

export function ErrorReportListPage(props: { ctx: PageContext; filter: ErrorReportFilter; rows: StaffErrorReport[]; total: number; page: number; pageSize: number; counts: { pending: number; overdue: number } }) {
  const { ctx, filter, rows, counts } = props;
  const count = (n: number) => tx(ctx, `（${n}）`, ` (${n})`);
  const countOf = (f: ErrorReportFilter) => (f === 'pending' ? count(counts.pending) : f === 'overdue' ? count(counts.overdue) : '');
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '网站找错留言', 'Site error reports')}>
      <h1>{tx(ctx, '网站找错留言', 'Site error reports')}</h1>
      <p>{tx(ctx, '公众通过各页面底部的“我为政府网站找错”提交的留言，应在收到后3个工作日内处理并答复；超期未答复的留言计入网站自查问题。', 'Reports sent with “Report an error on this site” at the foot of every page must be dealt with and answered within 3 working days of receipt; reports not answered in time count as problems in the site\'s self-inspection.')}</p>
      <nav aria-label={tx(ctx, '留言筛选', 'Filter reports')} class="tabs">
        <ul>{FILTERS.map(([f, zh, en]) => <li><a href={`/console/error-reports?filter=${f}`} aria-current={f === filter ? 'page' : undefined}>{tx(ctx, zh, en)}{countOf(f)}</a></li>)}</ul>
      </nav>
      {rows.length === 0 ? <p class="empty">{tx(ctx, '没有留言。', 'No reports.')}</p> : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={tx(ctx, '留言列表', 'Reports')}>
          <table class="data-table">
            <thead><tr><th scope="col">{tx(ctx, '问题描述', 'Problem')}</th><th scope="col">{tx(ctx, '页面', 'Page')}</th><th scope="col">{tx(ctx, '收到日期', 'Received')}</th><th scope="col">{tx(ctx, '答复期限', 'Reply due')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row"><a href={`/console/error-reports/${r.id}`}>{excerpt(r.description)}</a></th>
                  <td><code>{excerpt(r.pageUrl, 40)}</code></td>
                  <td>{formatDate(r.receivedOn, ctx.lang)}</td>
                  <td>{formatDate(r.dueOn, ctx.lang)}{r.provisional && tx(ctx, '（暂定）', ' (provisional)')}</td>
                  <td><DueBadge ctx={ctx} r={r} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager ctx={ctx} page={props.page} pageSize={props.pageSize} total={props.total} />
    </ConsoleLayout>
  );
}

export function ErrorReportDetailPage(props: { ctx: PageContext; report: StaffErrorReport; form: FormState; done?: string | null }) {
  const { ctx, report: r, form } = props;
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '网站找错留言', 'Site error report')} active="/console/error-reports">
      <h1>{tx(ctx, '网站找错留言', 'Site error report')}</h1>
      <p><a href="/console/error-reports">{tx(ctx, '返回留言列表', 'Back to the reports')}</a></p>
      <Done text={props.done} />
      <table class="data-table meta-table">
        <tbody>
          <tr><th scope="row">{tx(ctx, '页面', 'Page')}</th><td><a href={r.pageUrl}>{r.pageUrl}</a></td></tr>
          <tr><th scope="row">{tx(ctx, '问题描述', 'Problem')}</th><td class="pre-line">{r.description}</td></tr>
          <tr><th scope="row">{tx(ctx, '联系方式', 'Contact')}</th><td>{r.contact || tx(ctx, '未留', 'None given')}</td></tr>
          <tr><th scope="row">{tx(ctx, '提交时间', 'Submitted')}</th><td>{formatDateTime(r.submittedAt, ctx.lang)}</td></tr>
          <tr><th scope="row">{tx(ctx, '答复期限', 'Reply due')}</th><td>{formatDate(r.dueOn, ctx.lang)}{r.provisional && tx(ctx, '（暂按周一至周五计算）', ' (provisional: counted Monday to Friday)')} <DueBadge ctx={ctx} r={r} /></td></tr>
          {r.status === 'replied' && <tr><th scope="row">{tx(ctx, '答复', 'Reply')}</th><td class="pre-line">{r.reply}<br /><span class="muted">{tx(ctx, `${formatDate(r.repliedOn)}答复`, `Replied ${formatDate(r.repliedOn, 'en')}`)}</span></td></tr>}
        </tbody>
      </table>
      {r.status === 'pending' && (
        <form method="post" action={`/console/error-reports/${r.id}/reply`}>
          <CsrfField ctx={ctx} />
          <FormErrors ctx={ctx} form={form} />
          <TextAreaField form={form} name="reply" label={tx(ctx, '答复', 'Reply')} required rows={6} maxLength={5000} hint={tx(ctx, '说明已如何处理（如已更正、链接已修复）；留有联系方式的，请同时告知留言人。', 'Say what was done (e.g. corrected, link fixed); if the sender left contact details, tell them as well.')} />
          <button type="submit" class="primary">{tx(ctx, '提交答复', 'Submit the reply')}</button>
        </form>
      )}
    </ConsoleLayout>
  );
}
