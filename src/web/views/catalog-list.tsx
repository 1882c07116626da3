import { PortalLayout, type PortalAgency } from './layout.tsx';
import { Pager } from './components.tsx';
import { withQuery, type PageContext } from '../render.tsx';
import { formatDate } from '../format.ts';
import type { CatalogPage, CatalogItem, FacetOption, Segment } from '../../services/catalog.service.ts';

export type CatalogColumn = 'catalog' | 'rules' | 'search';

export interface CatalogListProps {
  ctx: PageContext;
  agency: PortalAgency;
  column: CatalogColumn;
  page: CatalogPage;
  /** Where the filter form and links go (the column's path). */
  basePath: string;
}

export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}</>;
}

function Select({ id, name, label, all, options, value }: { id: string; name: string; label: string; all: string; options: FacetOption[]; value?: string }) {
  return (
    <div class="filter-field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">{all}</option>
        {options.map((o) => <option value={o.value} selected={o.value === value}>{o.label}</option>)}
      </select>
    </div>
  );
}

function Row({ ctx, item, multi }: { ctx: PageContext; item: CatalogItem; multi: boolean }) {
  return (
    <li class="catalog-item">
      <h2 class="catalog-item-title">
        <a href={item.url}>{item.titleSegments ? <Highlighted segments={item.titleSegments} /> : item.title}</a>
        {item.validity !== 'valid' && <span class="badge badge-warn">{item.validityLabel}</span>}
      </h2>
      {item.snippet && item.snippet.length > 0 && <p class="catalog-snippet"><Highlighted segments={item.snippet} /></p>}
      <dl class="catalog-item-meta">
        <div><dt>{ctx.t('catalog.indexNumber')}</dt><dd>{item.indexNumber}</dd></div>
        {item.docNumber && <div><dt>{ctx.t('catalog.docNumber')}</dt><dd>{item.docNumber}</dd></div>}
        {multi && <div><dt>{ctx.t('catalog.agency')}</dt><dd>{item.agencyName}</dd></div>}
        <div><dt>{ctx.t('catalog.category')}</dt><dd>{item.category}</dd></div>
        <div><dt>{ctx.t('catalog.createdOn')}</dt><dd>{formatDate(item.createdOn, ctx.lang)}</dd></div>
        <div><dt>{ctx.t('catalog.publishedOn')}</dt><dd><time datetime={item.publishedOn}>{formatDate(item.publishedOn, ctx.lang)}</time></dd></div>
      </dl>
    </li>
  );
}

/** 法定主动公开内容 / 政府信息公开制度 / search: a paginated, filterable catalog of public documents. */
export function CatalogListPage({ ctx, agency, column, page, basePath }: CatalogListProps) {
  const a = page.applied;
  const f = page.facets;
  const multi = f.agencies.length > 0;
  const searching = Boolean(a.q);
  const title = column === 'rules' ? ctx.t('nav.rules') : column === 'search' ? ctx.t('catalog.searchTitle') : ctx.t('nav.catalog');
  const feedHref = `/gk/${agency.code}/feed.atom`;
  const categoryName = a.category ? f.categories.find((c) => c.value === a.category)?.label : undefined;
  return (
    <PortalLayout ctx={ctx} agency={agency} column={column === 'search' ? 'catalog' : column} title={title} crumbs={column === 'search' ? [{ label: title }] : undefined}>
      <div class="catalog">
        <div class="catalog-main">
          <h1>{title}</h1>
          {column !== 'search' && <p class="lead">{column === 'rules' ? ctx.t('catalog.rulesLead') : ctx.t('catalog.lead')}</p>}
          <form method="get" action={basePath} class="catalog-filter" aria-label={ctx.t('catalog.filters')}>
            {a.category && <input type="hidden" name="category" value={a.category} />}
            <div class="filter-field filter-q">
              <label for="cf-q">{ctx.t('catalog.keyword')}</label>
              <input id="cf-q" type="search" name="q" value={a.q ?? ''} maxLength={100} />
            </div>
            <Select id="cf-topic" name="topic" label={ctx.t('catalog.topic')} all={ctx.t('catalog.all')} options={f.topics} value={a.topic} />
            <Select id="cf-genre" name="genre" label={ctx.t('catalog.genre')} all={ctx.t('catalog.all')} options={f.genres} value={a.genre} />
            <Select id="cf-year" name="year" label={ctx.t('catalog.year')} all={ctx.t('catalog.all')} options={f.years} value={a.year ? String(a.year) : undefined} />
            {f.departments.length > 0 && <Select id="cf-dept" name="department" label={ctx.t('catalog.department')} all={ctx.t('catalog.all')} options={f.departments} value={a.department ? String(a.department) : undefined} />}
            {multi && <Select id="cf-agency" name="agency" label={ctx.t('catalog.agency')} all={ctx.t('catalog.all')} options={f.agencies} value={a.agency} />}
            <Select id="cf-validity" name="validity" label={ctx.t('catalog.validity')} all={ctx.t('catalog.all')} options={f.validities} value={a.validity} />
            {searching && (
              <div class="filter-field">
                <label for="cf-order">{ctx.t('catalog.order')}</label>
                <select id="cf-order" name="order">
                  <option value="relevance" selected={a.order !== 'date'}>{ctx.t('catalog.orderRelevance')}</option>
                  <option value="date" selected={a.order === 'date'}>{ctx.t('catalog.orderDate')}</option>
                </select>
              </div>
            )}
            <div class="filter-actions">
              <button type="submit" class="button">{ctx.t('catalog.apply')}</button>
              <a href={basePath}>{ctx.t('catalog.reset')}</a>
            </div>
          </form>
          <p class="catalog-count" role="status">
            {searching
              ? ctx.t(page.totalCapped ? 'catalog.searchResultsCapped' : 'catalog.searchResults', { q: a.q!, total: page.total })
              : ctx.t('catalog.results', { total: page.total })}
          </p>
          {page.ignored.length > 0 && <p class="hint">{ctx.t('catalog.ignored', { list: page.ignored.join('、') })}</p>}
          {page.items.length === 0
            ? <p class="empty-box">{ctx.t('catalog.none')}</p>
            : <ul class="catalog-list">{page.items.map((item) => <Row ctx={ctx} item={item} multi={multi} />)}</ul>}
          <Pager ctx={ctx} page={page.page} pageSize={page.pageSize} total={page.total} capped={page.totalCapped} />
        </div>
        <aside class="catalog-side" aria-labelledby="browse-title">
          <h2 id="browse-title">{ctx.t('catalog.browse')}</h2>
          <ul class="catalog-categories">
            <li><a href={withQuery(ctx.url, { category: undefined, page: undefined })} aria-current={!a.category ? 'page' : undefined}>{ctx.t('catalog.all')}</a></li>
            {f.categories.map((c) => (
              <li><a href={withQuery(ctx.url, { category: c.value, page: undefined })} aria-current={a.category === c.value ? 'page' : undefined}>{c.label}</a></li>
            ))}
          </ul>
          <p class="catalog-feed">
            <a href={feedHref} type="application/atom+xml">{ctx.t('catalog.feed')}</a>
            {a.category && categoryName && <><br /><a href={`/gk/${agency.code}/feeds/${a.category}.atom`} type="application/atom+xml">{ctx.t('catalog.categoryFeed', { name: categoryName })}</a></>}
          </p>
        </aside>
      </div>
    </PortalLayout>
  );
}
