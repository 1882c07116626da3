// The supervisor's league table (issue 9): every supervised agency's site by its predicted result
// and score, with a run across all of them and the monthly circular.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import type { LeagueRow } from '../../services/inspection.service.ts';
import { tx } from '../i18n/index.ts';
import { Done, ResultBadge, indicatorLabel, monthLabel } from './inspection-common.tsx';

function Change({ ctx, change }: { ctx: PageContext; change: number | null }) {
  if (change === null) return <span class="muted">—</span>;
  if (change === 0) return <span>{tx(ctx, '持平', 'No change')}</span>;
  const points = Math.abs(change).toFixed(1).replace(/\.0$/, '');
  const text = change > 0 ? tx(ctx, `上升 ${points} 分`, `Up ${points}`) : tx(ctx, `下降 ${points} 分`, `Down ${points}`);
  return <span class={change > 0 ? 'change-up' : 'change-down'}>{text}</span>;
}

export function LeaguePage(props: { ctx: PageContext; rows: LeagueRow[]; passed: number; failed: number; notRun: number; externalLinksDefault: boolean; months: string[]; done?: string | null }) {
  const { ctx, rows } = props;
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '各机关网站检查情况', 'Site inspection of all agencies')} active="/console/inspection">
      <h1>{tx(ctx, '各机关网站检查情况', 'Site inspection of all agencies')}</h1>
      <Done text={props.done} />
      {ctx.lang === 'en'
        ? <p>Expected to pass: <strong>{props.passed}</strong>; to fail: <strong>{props.failed}</strong>{props.notRun > 0 ? `; not inspected yet: ${props.notRun}` : ''}. Each agency's latest inspection counts.</p>
        : <p>预计合格 <strong>{props.passed}</strong> 个，不合格 <strong>{props.failed}</strong> 个{props.notRun > 0 ? `，尚未检查 ${props.notRun} 个` : ''}。每个机关取最近一次检查的结果。</p>}
      <form method="post" action="/console/inspection/run-all" class="inline-form">
        <CsrfField ctx={ctx} />
        <div class="form-check">
          <input type="checkbox" id="all-external" name="externalLinks" value="1" checked={props.externalLinksDefault} />
          <label for="all-external">{tx(ctx, '同时检查外部链接（较慢）', 'Also check external links (slower)')}</label>
        </div>
        <button type="submit" class="primary">{tx(ctx, '检查全部机关', 'Inspect all agencies')}</button>
      </form>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={tx(ctx, '各机关检查情况', 'All agencies')}>
        <table class="data-table league-table">
          <thead>
            <tr>
              <th scope="col">{tx(ctx, '排名', 'Rank')}</th><th scope="col">{tx(ctx, '机关', 'Agency')}</th><th scope="col">{tx(ctx, '检查日期', 'Inspected')}</th>
              <th scope="col">{tx(ctx, '预计结果', 'Expected result')}</th><th scope="col">{tx(ctx, '得分', 'Score')}</th><th scope="col">{tx(ctx, '单项否决', 'Veto items')}</th>
              <th scope="col">{tx(ctx, '问题数', 'Problems')}</th><th scope="col">{tx(ctx, '较7天前', 'Against 7 days ago')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.rank}</td>
                <th scope="row"><a href={`/console/inspection/agencies/${r.agency.code}`}>{r.agency.name}</a></th>
                <td>{r.run ? formatDate(r.run.runOn, ctx.lang) : tx(ctx, '尚未检查', 'Not inspected yet')}</td>
                <td>{r.run ? <ResultBadge ctx={ctx} result={r.run.result} /> : '—'}</td>
                <td>{r.run?.score ?? '—'}</td>
                <td>{(ctx.lang === 'en' ? [...new Set(r.run?.vetoes.map((v) => indicatorLabel(ctx, v.indicator)))].join('; ') : r.run?.vetoLabels.join('、')) || tx(ctx, '无', 'None')}</td>
                <td>{r.run?.findingCount ?? '—'}</td>
                <td><Change ctx={ctx} change={r.change} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{tx(ctx, '月度检查通报', 'Monthly circular')}</h2>
      <form method="get" action="/console/inspection/report.docx" class="inline-form">
        <input type="hidden" name="scope" value="supervised" />
        <label for="league-month">{tx(ctx, '月份', 'Month')}</label>
        <select id="league-month" name="month">{props.months.map((m) => <option value={m}>{monthLabel(ctx, m)}</option>)}</select>
        <button type="submit" class="button button-secondary">{tx(ctx, '下载通报（Word）', 'Download the circular (Word)')}</button>
      </form>
    </ConsoleLayout>
  );
}
