// The public 政府信息公开年报 column: the published reports by year (archived ones included) and
// one report as a page, with its .docx and .xlsx downloads.
import { PortalLayout } from './layout.tsx';
import { Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { formatDate } from '../format.ts';
import type { AgencyLink, AgencyView } from './portal-pages.tsx';
import type { PublishedListEntry, PublishedReportView } from '../../services/annual-report.service.ts';
import type { SearchResults } from '../../search/search.service.ts';
import { ApplicationTableView, ProactiveTableView, Prose, ReviewTableView } from './report-tables.tsx';

export function ReportsListPage(props: { ctx: PageContext; agency: AgencyView; entries: PublishedListEntry[]; children: AgencyLink[]; q: string; results: SearchResults | null }) {
  const { ctx, agency, results } = props;
  const title = ctx.t('nav.reports');
  return (
    <PortalLayout ctx={ctx} agency={agency} column="reports" title={title}>
      <h1>{title}</h1>
      <p class="lead">{ctx.t('reports.intro')}</p>
      <form method="get" action={`/gk/${encodeURIComponent(agency.code)}/reports`} role="search" class="report-search" aria-label={ctx.t('reports.search')}>
        <label for="report-q">{ctx.t('reports.search')}</label>
        <input id="report-q" type="search" name="q" maxLength={100} value={props.q} />
        <button type="submit" class="button">{ctx.t('common.search')}</button>
      </form>
      {results && (
        <section aria-labelledby="report-results">
          <h2 id="report-results">{ctx.t('reports.results', { total: results.total })}</h2>
          {results.items.length === 0 ? <p class="empty">{ctx.t('reports.noResults')}</p> : (
            <ol class="report-results">
              {results.items.map((hit) => (
                <li>
                  <a href={hit.url}>{hit.titleSegments.map((x) => (x.match ? <mark>{x.text}</mark> : x.text))}</a>
                  <span class="report-date">{ctx.t('reports.publishedOn', { date: formatDate(hit.publishedOn, ctx.lang) })}</span>
                  <p class="report-snippet">{hit.snippet.map((x) => (x.match ? <mark>{x.text}</mark> : x.text))}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {props.entries.length === 0 ? <p class="empty empty-box">{ctx.t('reports.none')}</p> : (
        <ul class="report-list">
          {props.entries.map((e) => (
            <li>
              <span class="report-year">{ctx.t('reports.year', { year: e.year })}</span>
              <a href={e.href}>{e.title}</a>
              <span class="report-date">{ctx.t('reports.publishedOn', { date: formatDate(e.publishedOn, ctx.lang) })}</span>
              {e.kind === 'archived' && <span class="report-tag">{ctx.t('reports.archived')}</span>}
              {e.version > 1 && <span class="report-tag">{ctx.t('reports.version', { version: e.version })}</span>}
              {e.earlier.length > 0 && (
                <span class="report-earlier">
                  {ctx.t('reports.earlier')}
                  {e.earlier.map((x) => <a href={x.href}>{ctx.t('reports.version', { version: x.version })}（{formatDate(x.publishedOn, ctx.lang)}）</a>)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.children.length > 0 && (
        <section class="report-children" aria-labelledby="report-children">
          <h2 id="report-children">{ctx.t('reports.children')}</h2>
          <ul>{props.children.map((c) => <li><a href={`/gk/${encodeURIComponent(c.code)}/reports`}>{c.name}</a></li>)}</ul>
        </section>
      )}
    </PortalLayout>
  );
}

const SECTION_KEYS: MessageKey[] = ['reports.s1', 'reports.s2', 'reports.s3', 'reports.s4', 'reports.s5', 'reports.s6'];

export function ReportPage(props: { ctx: PageContext; agency: AgencyView; view: PublishedReportView; docxHref: string; xlsxHref: string | null; jsonHref: string | null }) {
  const { ctx, agency, view } = props;
  const m = view.model;
  const current = view.versions.find((v) => v.current)!;
  const isOld = m.version !== current.version;
  const yearLabel = ctx.t('reports.year', { year: m.year });
  // The report itself is Chinese on every page; English pages translate the chrome and headings.
  const zh = ctx.lang === 'en' ? 'zh-Hans' : undefined;
  return (
    <PortalLayout ctx={ctx} agency={agency} column="reports" title={m.title} crumbs={[{ label: yearLabel }]}>
      <article class="report">
        <h1 class="report-title" lang={zh}>{m.title}</h1>
        <p class="report-meta">
          <span>{ctx.t('reports.publishedOn', { date: formatDate(m.publishedOn, ctx.lang) })}</span>
          {view.versions.length > 1 && <span>{ctx.t('reports.version', { version: m.version })}</span>}
          {m.kind === 'archived' && m.archiveSource && <span>{ctx.t('reports.source', { source: m.archiveSource })}</span>}
        </p>
        <p class="report-downloads">
          <a class="button button-secondary" href={props.docxHref}>{ctx.t('reports.docx')}</a>
          {props.xlsxHref && <a class="button button-secondary" href={props.xlsxHref}>{ctx.t('reports.xlsx')}</a>}
          {props.jsonHref && <a href={props.jsonHref}>{ctx.t('reports.json')}</a>}
        </p>
        {isOld && <Notice kind="error"><p>{ctx.t('reports.olderVersion')} <a href={current.href}>{ctx.t('reports.currentVersion')}</a></p></Notice>}
        {m.correctionNote && <Notice kind="ok"><p>{ctx.t('reports.correction', { note: m.correctionNote })}</p></Notice>}
        {m.kind === 'archived' || m.tables === null ? (
          <>
            <p class="hint">{ctx.t('reports.archiveNote')}</p>
            <div class="report-archive" lang={zh}><Prose text={m.archiveText} empty={ctx.t('reports.empty')} /></div>
          </>
        ) : (
          <>
            <p class="hint">{ctx.t('reports.format')}</p>
            <h2>{ctx.t(SECTION_KEYS[0])}</h2>
            <div lang={zh}><Prose text={m.overview} empty={ctx.t('reports.empty')} /></div>
            <h2>{ctx.t(SECTION_KEYS[1])}</h2>
            <div lang={zh}><ProactiveTableView table={m.tables.proactive} caption={ctx.t('reports.table2')} /></div>
            <h2>{ctx.t(SECTION_KEYS[2])}</h2>
            <div lang={zh}><ApplicationTableView table={m.tables.applications} caption={ctx.t('reports.table3')} /></div>
            <h2>{ctx.t(SECTION_KEYS[3])}</h2>
            <div lang={zh}><ReviewTableView table={m.tables.reviewLitigation} caption={ctx.t('reports.table4')} /></div>
            <h2>{ctx.t(SECTION_KEYS[4])}</h2>
            <div lang={zh}><Prose text={m.problems} empty={ctx.t('reports.empty')} /></div>
            <h2>{ctx.t(SECTION_KEYS[5])}</h2>
            <div lang={zh}><Prose text={m.otherMatters} empty={ctx.t('reports.empty')} /></div>
          </>
        )}
        {view.versions.length > 1 && (
          <section class="report-versions" aria-labelledby="report-versions">
            <h2 id="report-versions">{ctx.t('reports.versions')}</h2>
            <ul>
              {view.versions.map((v) => (
                <li>
                  {v.version === m.version ? <strong>{ctx.t('reports.version', { version: v.version })}</strong> : <a href={v.href}>{ctx.t('reports.version', { version: v.version })}</a>}
                  {'　'}{formatDate(v.publishedOn, ctx.lang)}
                  {v.current && `（${ctx.t('reports.current')}）`}
                  {v.correctionNote && <span class="muted">　{ctx.t('reports.correction', { note: v.correctionNote })}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </PortalLayout>
  );
}
