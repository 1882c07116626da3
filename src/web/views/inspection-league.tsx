// The supervisor's league table (issue 9): every supervised agency's site by its predicted result
// and score, with a run across all of them and the monthly circular.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import type { LeagueRow } from '../../services/inspection.service.ts';
import { Done, ResultBadge } from './inspection-common.tsx';

function Change({ change }: { change: number | null }) {
  if (change === null) return <span class="muted">—</span>;
  if (change === 0) return <span>持平</span>;
  const text = `${change > 0 ? '上升' : '下降'} ${Math.abs(change).toFixed(1).replace(/\.0$/, '')} 分`;
  return <span class={change > 0 ? 'change-up' : 'change-down'}>{text}</span>;
}

export function LeaguePage(props: { ctx: PageContext; rows: LeagueRow[]; passed: number; failed: number; notRun: number; externalLinksDefault: boolean; months: string[]; done?: string | null }) {
  const { ctx, rows } = props;
  return (
    <ConsoleLayout ctx={ctx} title="各机关网站检查情况" active="/console/inspection">
      <h1>各机关网站检查情况</h1>
      <Done text={props.done} />
      <p>预计合格 <strong>{props.passed}</strong> 个，不合格 <strong>{props.failed}</strong> 个{props.notRun > 0 ? `，尚未检查 ${props.notRun} 个` : ''}。每个机关取最近一次检查的结果。</p>
      <form method="post" action="/console/inspection/run-all" class="inline-form">
        <CsrfField ctx={ctx} />
        <div class="form-check">
          <input type="checkbox" id="all-external" name="externalLinks" value="1" checked={props.externalLinksDefault} />
          <label for="all-external">同时检查外部链接（较慢）</label>
        </div>
        <button type="submit" class="primary">检查全部机关</button>
      </form>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="各机关检查情况">
        <table class="data-table league-table">
          <thead>
            <tr><th scope="col">排名</th><th scope="col">机关</th><th scope="col">检查日期</th><th scope="col">预计结果</th><th scope="col">得分</th><th scope="col">单项否决</th><th scope="col">问题数</th><th scope="col">较7天前</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.rank}</td>
                <th scope="row"><a href={`/console/inspection/agencies/${r.agency.code}`}>{r.agency.name}</a></th>
                <td>{r.run ? formatDate(r.run.runOn) : '尚未检查'}</td>
                <td>{r.run ? <ResultBadge result={r.run.result} label={r.run.resultLabel} /> : '—'}</td>
                <td>{r.run?.score ?? '—'}</td>
                <td>{r.run?.vetoLabels.join('、') || '无'}</td>
                <td>{r.run?.findingCount ?? '—'}</td>
                <td><Change change={r.change} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>月度检查通报</h2>
      <form method="get" action="/console/inspection/report.docx" class="inline-form">
        <input type="hidden" name="scope" value="supervised" />
        <label for="league-month">月份</label>
        <select id="league-month" name="month">{props.months.map((m) => <option value={m}>{m.replace('-', '年')}月</option>)}</select>
        <button type="submit" class="button button-secondary">下载通报（Word）</button>
      </form>
    </ConsoleLayout>
  );
}
