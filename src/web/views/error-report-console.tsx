// The console side of 我为政府网站找错 (issue 9): the list with reply deadlines, one report with the
// reply form.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Pager } from './components.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import type { StaffErrorReport } from '../../services/error-report.service.ts';
import type { ErrorReportFilter } from '../../db/repositories/error-report.repository.ts';
import { Done, FormErrors, TextAreaField, type FormState } from './inspection-common.tsx';

const FILTERS: [ErrorReportFilter, string][] = [['pending', '待答复'], ['overdue', '已超期'], ['replied', '已答复'], ['all', '全部']];

function DueBadge({ r }: { r: StaffErrorReport }) {
  switch (r.dueState) {
    case 'overdue':
      return <span class="badge badge-danger">已超期 {-r.workingDaysLeft} 个工作日</span>;
    case 'due_soon':
      return <span class="badge badge-warn">{r.workingDaysLeft === 0 ? '今日到期' : `剩余 ${r.workingDaysLeft} 个工作日`}</span>;
    case 'on_time':
      return <span class="badge">剩余 {r.workingDaysLeft} 个工作日</span>;
    case 'replied':
      return <span class="badge badge-ok">{r.repliedOnTime ? '已按期答复' : '已答复（超期）'}</span>;
  }
}

const excerpt = (s: string, n = 60) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

export function ErrorReportListPage(props: { ctx: PageContext; filter: ErrorReportFilter; rows: StaffErrorReport[]; total: number; page: number; pageSize: number; counts: { pending: number; overdue: number } }) {
  const { ctx, filter, rows, counts } = props;
  const countOf = (f: ErrorReportFilter) => (f === 'pending' ? `（${counts.pending}）` : f === 'overdue' ? `（${counts.overdue}）` : '');
  return (
    <ConsoleLayout ctx={ctx} title="网站找错留言">
      <h1>网站找错留言</h1>
      <p>公众通过各页面底部的“我为政府网站找错”提交的留言，应在收到后3个工作日内处理并答复；超期未答复的留言计入网站自查问题。</p>
      <nav aria-label="留言筛选" class="tabs">
        <ul>{FILTERS.map(([f, label]) => <li><a href={`/console/error-reports?filter=${f}`} aria-current={f === filter ? 'page' : undefined}>{label}{countOf(f)}</a></li>)}</ul>
      </nav>
      {rows.length === 0 ? <p class="empty">没有留言。</p> : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="留言列表">
          <table class="data-table">
            <thead><tr><th scope="col">问题描述</th><th scope="col">页面</th><th scope="col">收到日期</th><th scope="col">答复期限</th><th scope="col">状态</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row"><a href={`/console/error-reports/${r.id}`}>{excerpt(r.description)}</a></th>
                  <td><code>{excerpt(r.pageUrl, 40)}</code></td>
                  <td>{formatDate(r.receivedOn)}</td>
                  <td>{formatDate(r.dueOn)}{r.provisional && '（暂定）'}</td>
                  <td><DueBadge r={r} /></td>
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
    <ConsoleLayout ctx={ctx} title="网站找错留言" active="/console/error-reports">
      <h1>网站找错留言</h1>
      <p><a href="/console/error-reports">返回留言列表</a></p>
      <Done text={props.done} />
      <table class="data-table meta-table">
        <tbody>
          <tr><th scope="row">页面</th><td><a href={r.pageUrl}>{r.pageUrl}</a></td></tr>
          <tr><th scope="row">问题描述</th><td class="pre-line">{r.description}</td></tr>
          <tr><th scope="row">联系方式</th><td>{r.contact || '未留'}</td></tr>
          <tr><th scope="row">提交时间</th><td>{formatDateTime(r.submittedAt)}</td></tr>
          <tr><th scope="row">答复期限</th><td>{formatDate(r.dueOn)}{r.provisional && '（暂按周一至周五计算）'} <DueBadge r={r} /></td></tr>
          {r.status === 'replied' && <tr><th scope="row">答复</th><td class="pre-line">{r.reply}<br /><span class="muted">{formatDate(r.repliedOn)}答复</span></td></tr>}
        </tbody>
      </table>
      {r.status === 'pending' && (
        <form method="post" action={`/console/error-reports/${r.id}/reply`}>
          <CsrfField ctx={ctx} />
          <FormErrors form={form} />
          <TextAreaField form={form} name="reply" label="答复" required rows={6} maxLength={5000} hint="说明已如何处理（如已更正、链接已修复）；留有联系方式的，请同时告知留言人。" />
          <button type="submit" class="primary">提交答复</button>
        </form>
      )}
    </ConsoleLayout>
  );
}
