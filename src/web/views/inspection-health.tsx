// The health page of one agency's site (issue 9): the predicted result of a full inspection, what
// to fix first, today's findings by indicator with a link to each offending item, the 90-day trend
// (server-rendered SVG, its numbers in a table), and the monthly report.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import type { FindingView, HealthView } from '../../services/inspection.service.ts';
import { Done, ResultBadge, SeverityBadge } from './inspection-common.tsx';

function FindingLinks({ f }: { f: FindingView }) {
  return (
    <span class="finding-links">
      <a href={f.href}>去处理<span class="visually-hidden">：{f.title}</span></a>
      {f.publicHref && <> <a href={f.publicHref}>查看页面<span class="visually-hidden">：{f.title}</span></a></>}
    </span>
  );
}

export function HealthPage(props: { ctx: PageContext; view: HealthView; chart: string; done?: string | null; months: string[] }) {
  const { ctx, view } = props;
  const run = view.run;
  return (
    <ConsoleLayout ctx={ctx} title={`网站自查 - ${view.agency.name}`} active="/console/inspection">
      <h1>网站自查：{view.agency.name}</h1>
      <Done text={props.done} />
      <p class="inspection-links">
        {view.canConfigure && <a href="/console/inspection/settings">检查设置（栏目、文字规则）</a>}
        <a href="/console/inspection/check-text">文字检查</a>
        {view.canSupervise && <a href="/console/inspection/league">各机关检查情况</a>}
      </p>

      <section class="panel inspection-summary" aria-labelledby="summary-h">
        <h2 id="summary-h">检查结论</h2>
        {run === null ? <p>尚未检查。</p> : (
          <>
            <p class="inspection-verdict">
              预计结果：<ResultBadge result={run.result} label={run.resultLabel} />
              <span class="inspection-score">得分 <strong>{run.score}</strong> 分</span>
            </p>
            <p class="muted">
              检查时间：{formatDateTime(run.finishedAt)}{view.ranToday ? '' : '（今天尚未检查）'}；检查信息 {run.documentsChecked} 条、链接 {run.linksChecked} 个；
              外部链接{run.externalLinks ? '已检查' : '未检查'}{run.externalSkipped > 0 ? `（另有 ${run.externalSkipped} 个待下次检查）` : ''}。
            </p>
            {run.vetoes.length > 0 && (
              <div class="inspection-vetoes">
                <h3>单项否决</h3>
                <ul>{run.vetoes.map((v) => <li>{v.reason}</li>)}</ul>
                <p>出现任一单项否决情形即判定为不合格，不再对扣分指标评分；下表的得分仅供整改参考。</p>
              </div>
            )}
            {run.warnings.length > 0 && <ul class="inspection-warnings">{run.warnings.map((w) => <li>{w}</li>)}</ul>}
            <table class="data-table inspection-deductions">
              <caption>扣分指标</caption>
              <thead><tr><th scope="col">指标</th><th scope="col">分值</th><th scope="col">扣分</th></tr></thead>
              <tbody>
                {run.deductions.map((d) => <tr><th scope="row">{d.label}</th><td>{d.points}</td><td>{d.lost}{d.raw !== d.lost ? `（累计 ${d.raw}，以分值为限）` : ''}</td></tr>)}
              </tbody>
            </table>
            <p class="hint">按《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）计分：单项否决即不合格；扣分指标低于60分不合格。站点能否访问、办事服务和加分指标不在自动检查范围内，扣分指标按75分折算为百分制。</p>
          </>
        )}
        {view.canRun && (
          <form method="post" action="/console/inspection/run" class="inline-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="agency" value={view.agency.code} />
            <div class="form-check">
              <input type="checkbox" id="run-external" name="externalLinks" value="1" checked={view.externalLinksDefault} />
              <label for="run-external">同时检查外部链接（较慢）</label>
            </div>
            <button type="submit" class="primary">立即检查</button>
          </form>
        )}
      </section>

      {view.fixFirst.length > 0 && (
        <section aria-labelledby="fix-h">
          <h2 id="fix-h">优先整改</h2>
          <ol class="fix-first">
            {view.fixFirst.map((f) => (
              <li>
                <SeverityBadge severity={f.severity} /> <strong>{f.title}</strong>
                {f.severity === 'deduct' && <span class="muted">（扣 {f.points} 分）</span>}
                <br /><span class="muted">{f.detail}</span> <FindingLinks f={f} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="findings-h">
        <h2 id="findings-h">发现的问题（{view.findings.length}）</h2>
        {view.findings.length === 0 && <p class="empty">{run ? '未发现问题。' : '尚未检查。'}</p>}
        {view.groups.map((g) => (
          <div class="finding-group">
            <h3>{g.label} <SeverityBadge severity={g.severity} /> <span class="muted">{g.findings.length} 个</span></h3>
            <div class="table-scroll" tabIndex={0} role="region" aria-label={`${g.label}的问题`}>
              <table class="data-table">
                <thead><tr><th scope="col">问题</th><th scope="col">说明</th><th scope="col">扣分</th><th scope="col">首次发现</th><th scope="col">处理</th></tr></thead>
                <tbody>
                  {g.findings.map((f) => (
                    <tr>
                      <th scope="row">{f.title}{f.severity !== g.severity && <> <SeverityBadge severity={f.severity} /></>}</th>
                      <td>{f.detail}</td>
                      <td>{f.severity === 'veto' ? '—' : f.points}</td>
                      <td>{f.firstSeen ? formatDate(f.firstSeen) : ''}</td>
                      <td><FindingLinks f={f} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>

      <section aria-labelledby="trend-h">
        <h2 id="trend-h">近90天趋势</h2>
        {view.trend.length === 0 ? <p class="empty">暂无检查记录。</p> : (
          <>
            <figure class="chart-figure"><div class="chart-box" dangerouslySetInnerHTML={{ __html: props.chart }} /></figure>
            <details>
              <summary>趋势数据（{view.trend.length} 天）</summary>
              <div class="table-scroll" tabIndex={0} role="region" aria-label="趋势数据">
                <table class="data-table">
                  <thead><tr><th scope="col">日期</th><th scope="col">预计结果</th><th scope="col">得分</th><th scope="col">问题数</th></tr></thead>
                  <tbody>{[...view.trend].reverse().map((t) => <tr><th scope="row">{formatDate(t.date)}</th><td>{t.result === 'pass' ? '合格' : '不合格'}</td><td>{t.score}</td><td>{t.findings}</td></tr>)}</tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="report-h">
        <h2 id="report-h">月度检查报告</h2>
        <form method="get" action="/console/inspection/report.docx" class="inline-form">
          <label for="report-month">月份</label>
          <select id="report-month" name="month">{props.months.map((m) => <option value={m}>{m.replace('-', '年')}月</option>)}</select>
          {view.canSupervise && (
            <>
              <label for="report-scope">范围</label>
              <select id="report-scope" name="scope"><option value="agency">本机关自查报告</option><option value="supervised">所辖机关检查通报</option></select>
            </>
          )}
          <button type="submit" class="button button-secondary">下载报告（Word）</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}
