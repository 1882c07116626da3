// The health page of one agency's site (issue 9): the predicted result of a full inspection, what
// to fix first, today's findings by indicator with a link to each offending item, the 90-day trend
// (server-rendered SVG, its numbers in a table), and the monthly report.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import type { FindingView, HealthView } from '../../services/inspection.service.ts';
import { tx } from '../i18n/index.ts';
import { Done, ResultBadge, SeverityBadge, deductionLabel, indicatorLabel, monthLabel, resultLabel } from './inspection-common.tsx';

function FindingLinks({ ctx, f }: { ctx: PageContext; f: FindingView }) {
  const sep = tx(ctx, '：', ': ');
  return (
    <span class="finding-links">
      <a href={f.href}>{tx(ctx, '去处理', 'Fix')}<span class="visually-hidden">{sep}{f.title}</span></a>
      {f.publicHref && <> <a href={f.publicHref}>{tx(ctx, '查看页面', 'View the page')}<span class="visually-hidden">{sep}{f.title}</span></a></>}
    </span>
  );
}

export function HealthPage(props: { ctx: PageContext; view: HealthView; chart: string; done?: string | null; months: string[] }) {
  const { ctx, view } = props;
  const run = view.run;
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, `网站自查 - ${view.agency.name}`, `Site inspection - ${view.agency.name}`)} active="/console/inspection">
      <h1>{tx(ctx, '网站自查：', 'Site inspection: ')}{view.agency.name}</h1>
      <Done text={props.done} />
      <p class="inspection-links">
        {view.canConfigure && <a href="/console/inspection/settings">{tx(ctx, '检查设置（栏目、文字规则）', 'Inspection settings (columns, text rules)')}</a>}
        <a href="/console/inspection/check-text">{tx(ctx, '文字检查', 'Text check')}</a>
        {view.canSupervise && <a href="/console/inspection/league">{tx(ctx, '各机关检查情况', 'All agencies')}</a>}
      </p>

      <section class="panel inspection-summary" aria-labelledby="summary-h">
        <h2 id="summary-h">{tx(ctx, '检查结论', 'Result')}</h2>
        {run === null ? <p>{tx(ctx, '尚未检查。', 'Not inspected yet.')}</p> : (
          <>
            <p class="inspection-verdict">
              {tx(ctx, '预计结果：', 'Expected result: ')}<ResultBadge ctx={ctx} result={run.result} />
              <span class="inspection-score">{tx(ctx, '得分 ', 'Score ')}<strong>{run.score}</strong>{tx(ctx, ' 分', '')}</span>
            </p>
            <p class="muted">
              {tx(ctx,
                `检查时间：${formatDateTime(run.finishedAt)}${view.ranToday ? '' : '（今天尚未检查）'}；检查信息 ${run.documentsChecked} 条、链接 ${run.linksChecked} 个； 外部链接${run.externalLinks ? '已检查' : '未检查'}${run.externalSkipped > 0 ? `（另有 ${run.externalSkipped} 个待下次检查）` : ''}。`,
                `Inspected ${formatDateTime(run.finishedAt, 'en')}${view.ranToday ? '' : ' (not yet inspected today)'}; ${run.documentsChecked} items and ${run.linksChecked} links checked; external links ${run.externalLinks ? 'checked' : 'not checked'}${run.externalSkipped > 0 ? ` (${run.externalSkipped} more at the next run)` : ''}.`)}
            </p>
            {run.vetoes.length > 0 && (
              <div class="inspection-vetoes">
                <h3>{tx(ctx, '单项否决', 'Veto items')}</h3>
                <ul>{run.vetoes.map((v) => <li>{v.reason}</li>)}</ul>
                <p>{tx(ctx, '出现任一单项否决情形即判定为不合格，不再对扣分指标评分；下表的得分仅供整改参考。', 'Any veto item means the site fails, and the deduction indicators are not scored; the score below is only a guide for corrections.')}</p>
              </div>
            )}
            {run.warnings.length > 0 && <ul class="inspection-warnings">{run.warnings.map((w) => <li>{w}</li>)}</ul>}
            <table class="data-table inspection-deductions">
              <caption>{tx(ctx, '扣分指标', 'Deduction indicators')}</caption>
              <thead><tr><th scope="col">{tx(ctx, '指标', 'Indicator')}</th><th scope="col">{tx(ctx, '分值', 'Points')}</th><th scope="col">{tx(ctx, '扣分', 'Deducted')}</th></tr></thead>
              <tbody>
                {run.deductions.map((d) => (
                  <tr>
                    <th scope="row">{deductionLabel(ctx, d.label)}</th><td>{d.points}</td>
                    <td>{d.lost}{d.raw !== d.lost ? tx(ctx, `（累计 ${d.raw}，以分值为限）`, ` (${d.raw} in all, capped at the indicator's points)`) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="hint">{tx(ctx, '按《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）计分：单项否决即不合格；扣分指标低于60分不合格。站点能否访问、办事服务和加分指标不在自动检查范围内，扣分指标按75分折算为百分制。', 'Scored by the Inspection Indicators for Government Websites and Government New Media (国办秘函〔2019〕19号): any veto item fails the site, and so does a score below 60 on the deduction indicators. Whether the site can be reached, online services and bonus indicators are not checked automatically; the deduction indicators are scaled from 75 points to 100.')}</p>
          </>
        )}
        {view.canRun && (
          <form method="post" action="/console/inspection/run" class="inline-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="agency" value={view.agency.code} />
            <div class="form-check">
              <input type="checkbox" id="run-external" name="externalLinks" value="1" checked={view.externalLinksDefault} />
              <label for="run-external">{tx(ctx, '同时检查外部链接（较慢）', 'Also check external links (slower)')}</label>
            </div>
            <button type="submit" class="primary">{tx(ctx, '立即检查', 'Inspect now')}</button>
          </form>
        )}
      </section>

      {view.fixFirst.length > 0 && (
        <section aria-labelledby="fix-h">
          <h2 id="fix-h">{tx(ctx, '优先整改', 'Fix first')}</h2>
          <ol class="fix-first">
            {view.fixFirst.map((f) => (
              <li>
                <SeverityBadge ctx={ctx} severity={f.severity} /> <strong>{f.title}</strong>
                {f.severity === 'deduct' && <span class="muted">{tx(ctx, `（扣 ${f.points} 分）`, ` (${f.points} points deducted)`)}</span>}
                <br /><span class="muted">{f.detail}</span> <FindingLinks ctx={ctx} f={f} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="findings-h">
        <h2 id="findings-h">{tx(ctx, '发现的问题', 'Problems found')}{tx(ctx, `（${view.findings.length}）`, ` (${view.findings.length})`)}</h2>
        {view.findings.length === 0 && <p class="empty">{run ? tx(ctx, '未发现问题。', 'No problems found.') : tx(ctx, '尚未检查。', 'Not inspected yet.')}</p>}
        {view.groups.map((g) => (
          <div class="finding-group">
            <h3>{indicatorLabel(ctx, g.indicator)} <SeverityBadge ctx={ctx} severity={g.severity} /> <span class="muted">{tx(ctx, `${g.findings.length} 个`, String(g.findings.length))}</span></h3>
            <div class="table-scroll" tabIndex={0} role="region" aria-label={tx(ctx, `${g.label}的问题`, `Problems: ${indicatorLabel(ctx, g.indicator)}`)}>
              <table class="data-table">
                <thead><tr><th scope="col">{tx(ctx, '问题', 'Problem')}</th><th scope="col">{tx(ctx, '说明', 'Details')}</th><th scope="col">{tx(ctx, '扣分', 'Deducted')}</th><th scope="col">{tx(ctx, '首次发现', 'First found')}</th><th scope="col">{tx(ctx, '处理', 'Action')}</th></tr></thead>
                <tbody>
                  {g.findings.map((f) => (
                    <tr>
                      <th scope="row">{f.title}{f.severity !== g.severity && <> <SeverityBadge ctx={ctx} severity={f.severity} /></>}</th>
                      <td>{f.detail}</td>
                      <td>{f.severity === 'veto' ? '—' : f.points}</td>
                      <td>{f.firstSeen ? formatDate(f.firstSeen, ctx.lang) : ''}</td>
                      <td><FindingLinks ctx={ctx} f={f} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>

      <section aria-labelledby="trend-h">
        <h2 id="trend-h">{tx(ctx, '近90天趋势', 'Last 90 days')}</h2>
        {view.trend.length === 0 ? <p class="empty">{tx(ctx, '暂无检查记录。', 'No inspections yet.')}</p> : (
          <>
            <figure class="chart-figure"><div class="chart-box" dangerouslySetInnerHTML={{ __html: props.chart }} /></figure>
            <details>
              <summary>{tx(ctx, `趋势数据（${view.trend.length} 天）`, `Trend data (${view.trend.length} days)`)}</summary>
              <div class="table-scroll" tabIndex={0} role="region" aria-label={tx(ctx, '趋势数据', 'Trend data')}>
                <table class="data-table">
                  <thead><tr><th scope="col">{tx(ctx, '日期', 'Date')}</th><th scope="col">{tx(ctx, '预计结果', 'Expected result')}</th><th scope="col">{tx(ctx, '得分', 'Score')}</th><th scope="col">{tx(ctx, '问题数', 'Problems')}</th></tr></thead>
                  <tbody>{[...view.trend].reverse().map((t) => <tr><th scope="row">{formatDate(t.date, ctx.lang)}</th><td>{resultLabel(ctx, t.result)}</td><td>{t.score}</td><td>{t.findings}</td></tr>)}</tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="report-h">
        <h2 id="report-h">{tx(ctx, '月度检查报告', 'Monthly report')}</h2>
        <form method="get" action="/console/inspection/report.docx" class="inline-form">
          <label for="report-month">{tx(ctx, '月份', 'Month')}</label>
          <select id="report-month" name="month">{props.months.map((m) => <option value={m}>{monthLabel(ctx, m)}</option>)}</select>
          {view.canSupervise && (
            <>
              <label for="report-scope">{tx(ctx, '范围', 'Scope')}</label>
              <select id="report-scope" name="scope">
                <option value="agency">{tx(ctx, '本机关自查报告', 'This agency\'s self-inspection report')}</option>
                <option value="supervised">{tx(ctx, '所辖机关检查通报', 'Circular on the supervised agencies')}</option>
              </select>
            </>
          )}
          <button type="submit" class="button button-secondary">{tx(ctx, '下载报告（Word）', 'Download the report (Word)')}</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}
