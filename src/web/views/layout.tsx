import type { ComponentChildren } from 'preact';
import { LANGS, LANG_LABELS } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { withQuery, type PageContext } from '../render.tsx';

/** What the portal chrome needs to know about an agency (an `Agency` row satisfies it). */
export interface PortalAgency {
  code: string;
  name: string;
  phone: string;
  address: string;
}

export type PortalColumn = 'home' | 'guide' | 'rules' | 'catalog' | 'reports' | 'apply' | 'ask';

/** The national column structure of a disclosure site (国办 guidance for 政府信息公开专栏), in order. */
export const PORTAL_COLUMNS: readonly { key: PortalColumn; path: string; label: MessageKey }[] = [
  { key: 'home', path: '', label: 'nav.home' },
  { key: 'guide', path: '/guide', label: 'nav.guide' },
  { key: 'rules', path: '/rules', label: 'nav.rules' },
  { key: 'catalog', path: '/catalog', label: 'nav.catalog' },
  { key: 'reports', path: '/reports', label: 'nav.reports' },
  { key: 'apply', path: '/apply', label: 'nav.apply' },
  { key: 'ask', path: '/ask', label: 'nav.ask' },
];

export function portalPath(agencyCode: string, column: PortalColumn): string {
  const c = PORTAL_COLUMNS.find((x) => x.key === column)!;
  return `/gk/${encodeURIComponent(agencyCode)}${c.path}`;
}

export function columnLabel(column: PortalColumn): MessageKey {
  return PORTAL_COLUMNS.find((x) => x.key === column)!.label;
}

/** The search of an agency's published information (served by the search area). */
export function searchPath(agencyCode: string): string {
  return `/gk/${encodeURIComponent(agencyCode)}/search`;
}

/** One step of the breadcrumb below the column navigation; the last step is the current page. */
export interface Crumb {
  label: string;
  href?: string;
}

function bodyClass(ctx: PageContext, extra?: string): string | undefined {
  return [extra, ctx.largeText ? 'large' : ''].filter(Boolean).join(' ') || undefined;
}

function Head({ title, meta }: { title: string; meta?: Record<string, string> }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {meta && Object.entries(meta).map(([name, content]) => <meta name={name} content={content} />)}
      <link rel="stylesheet" href="/static/site.css" />
      <link rel="stylesheet" href="/static/print.css" media="print" />
    </head>
  );
}

/**
 * Language switch, large-text toggle (a GET form like the language links: works without JavaScript
 * and carries nothing per visitor, so the page can be shared) and the staff entrance.
 */
function Toolbar({ ctx }: { ctx: PageContext }) {
  return (
    <div class="toolbar">
      <div class="wrap toolbar-inner">
        <p class="toolbar-welcome">{ctx.t('site.welcome')}</p>
        <div class="toolbar-tools">
          <nav aria-label={ctx.t('lang.switch')} class="langs">
            <ul>
              {LANGS.map((l) => (
                <li><a href={withQuery(ctx.url, { lang: l })} lang={l} hreflang={l} aria-current={l === ctx.lang ? 'true' : undefined}>{LANG_LABELS[l]}</a></li>
              ))}
            </ul>
          </nav>
          <form method="get" action="/prefs/large-text" class="inline">
            <input type="hidden" name="next" value={ctx.url} />
            <input type="hidden" name="on" value={ctx.largeText ? '0' : '1'} />
            <button type="submit" class="linklike toggle-large">{ctx.largeText ? ctx.t('a11y.normalText') : ctx.t('a11y.largeText')}</button>
          </form>
          {ctx.user
            ? <a href="/console">{ctx.t('nav.console')}</a>
            : <a href="/login">{ctx.t('nav.login')}</a>}
        </div>
      </div>
    </div>
  );
}

/** A round seal with 公 (not the national emblem, whose use is restricted by law). */
function Emblem() {
  return <span class="emblem" aria-hidden="true">公</span>;
}

export function SearchForm({ ctx, agencyCode, id, big }: { ctx: PageContext; agencyCode: string; id: string; big?: boolean }) {
  return (
    <form role="search" method="get" action={searchPath(agencyCode)} class={big ? 'search search-big' : 'search'} aria-label={ctx.t('search.label')}>
      <label for={id} class="visually-hidden">{ctx.t('search.label')}</label>
      <input id={id} type="search" name="q" maxLength={100} placeholder={ctx.t('search.placeholder')} />
      <button type="submit">{ctx.t('common.search')}</button>
    </form>
  );
}

function Breadcrumb({ ctx, crumbs }: { ctx: PageContext; crumbs: Crumb[] }) {
  return (
    <nav class="crumbs wrap" aria-label={ctx.t('nav.crumbs')}>
      <span class="crumbs-label">{ctx.t('nav.crumbs')}：</span>
      <ol>
        {crumbs.map((c, i) => (
          <li>{c.href && i < crumbs.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The public portal of one agency, with the national column structure. Column pages get a
 * breadcrumb (首页 › column › title); pass `crumbs` for deeper pages (the steps after the column).
 */
export function PortalLayout(props: {
  ctx: PageContext;
  agency: PortalAgency;
  column: PortalColumn;
  title: string;
  meta?: Record<string, string>;
  crumbs?: Crumb[];
  children: ComponentChildren;
}) {
  const { ctx, agency, column } = props;
  const home = column === 'home';
  const pageTitle = home ? `${agency.name}${ctx.t('site.suffix')}` : `${props.title} - ${agency.name}${ctx.t('site.suffix')}`;
  const columnName = ctx.t(columnLabel(column));
  const crumbs: Crumb[] = [{ label: ctx.t('nav.home'), href: portalPath(agency.code, 'home') }];
  if (!home) {
    crumbs.push({ label: columnName, href: portalPath(agency.code, column) });
    if (props.crumbs) crumbs.push(...props.crumbs);
    else if (props.title !== columnName) crumbs.push({ label: props.title });
  }
  return (
    <html lang={ctx.lang}>
      <Head title={pageTitle} meta={props.meta} />
      <body class={bodyClass(ctx, 'portal')}>
        <a class="skip" href="#main">{ctx.t('nav.skip')}</a>
        <header class="site-header">
          <Toolbar ctx={ctx} />
          <div class="masthead">
            <div class="wrap masthead-inner">
              <a class="brand" href={portalPath(agency.code, 'home')}>
                <Emblem />
                <span class="brand-text"><span class="brand-name">{agency.name}</span><span class="brand-sub">{ctx.t('site.suffix')}</span></span>
              </a>
              {!home && <SearchForm ctx={ctx} agencyCode={agency.code} id="q-top" />}
            </div>
          </div>
        </header>
        <nav class="columns" aria-label={ctx.t('nav.main')}>
          <ul class="wrap">
            {PORTAL_COLUMNS.map((c) => (
              <li><a href={portalPath(agency.code, c.key)} aria-current={c.key === column ? 'page' : undefined}>{ctx.t(c.label)}</a></li>
            ))}
          </ul>
        </nav>
        {!home && <Breadcrumb ctx={ctx} crumbs={crumbs} />}
        <main id="main" class={home ? 'wrap main main-home' : 'wrap main'} tabIndex={-1}>
          {props.children}
        </main>
        <footer class="footer">
          <div class="wrap footer-inner">
            <div>
              <p class="footer-name">{ctx.t('footer.sponsor', { name: agency.name })}</p>
              {agency.address && <p>{ctx.t('footer.address', { address: agency.address })}</p>}
              {agency.phone && <p>{ctx.t('footer.contact', { phone: agency.phone })}</p>}
            </div>
            <nav aria-label={ctx.t('footer.links')} class="footer-links">
              <ul>
                <li><a href={portalPath(agency.code, 'guide')}>{ctx.t('nav.guide')}</a></li>
                <li><a href={portalPath(agency.code, 'apply')}>{ctx.t('nav.apply')}</a></li>
                <li><a href="/api/docs">{ctx.t('docs.link')}</a></li>
                <li><a href={`/gk/${encodeURIComponent(agency.code)}/report-error?page=${encodeURIComponent(ctx.url)}`}>{ctx.t('footer.reportError')}</a></li>
              </ul>
            </nav>
          </div>
          <div class="wrap footer-note"><p>{ctx.t('footer.platform')}</p></div>
        </footer>
      </body>
    </html>
  );
}

/** A page outside any agency's portal (sign-in, errors, API docs). `wide` for reading pages. */
export function BareLayout(props: { ctx: PageContext; title: string; wide?: boolean; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <html lang={ctx.lang}>
      <Head title={`${props.title} - ${ctx.t('site.platform')}`} />
      <body class={bodyClass(ctx, 'bare')}>
        <a class="skip" href="#main">{ctx.t('nav.skip')}</a>
        <header class="site-header">
          <Toolbar ctx={ctx} />
          <div class="masthead">
            <div class="wrap masthead-inner">
              <a class="brand" href="/"><Emblem /><span class="brand-text"><span class="brand-name">{ctx.t('site.platform')}</span></span></a>
            </div>
          </div>
        </header>
        <main id="main" class={props.wide ? 'wrap main' : 'wrap main narrow'} tabIndex={-1}>{props.children}</main>
        <footer class="footer">
          <div class="wrap footer-note"><p>{ctx.t('footer.platform')}</p></div>
        </footer>
      </body>
    </html>
  );
}
