import type { ComponentChildren } from 'preact';
import { LANGS, LANG_LABELS } from '../i18n/index.ts';
import { withQuery, type PageContext } from '../render.tsx';

export interface PortalAgency {
  code: string;
  name: string;
  phone: string;
  address: string;
}

export type PortalColumn = 'home' | 'guide' | 'rules' | 'catalog' | 'reports' | 'apply' | 'ask';

const COLUMNS: { key: PortalColumn; path: string; label: Parameters<PageContext['t']>[0] }[] = [
  { key: 'home', path: '', label: 'nav.home' },
  { key: 'guide', path: '/guide', label: 'nav.guide' },
  { key: 'rules', path: '/rules', label: 'nav.rules' },
  { key: 'catalog', path: '/catalog', label: 'nav.catalog' },
  { key: 'reports', path: '/reports', label: 'nav.reports' },
  { key: 'apply', path: '/apply', label: 'nav.apply' },
  { key: 'ask', path: '/ask', label: 'nav.ask' },
];

export function portalPath(agencyCode: string, column: PortalColumn): string {
  const c = COLUMNS.find((x) => x.key === column)!;
  return `/gk/${agencyCode}${c.path}` || '/';
}

function Head({ ctx, title, meta }: { ctx: PageContext; title: string; meta?: Record<string, string> }) {
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

function Toolbar({ ctx }: { ctx: PageContext }) {
  return (
    <div class="toolbar">
      <div class="wrap toolbar-inner">
        <nav aria-label={ctx.t('lang.switch')} class="langs">
          {LANGS.map((l) => (
            <a href={withQuery(ctx.url, { lang: l })} lang={l} aria-current={l === ctx.lang ? 'true' : undefined}>{LANG_LABELS[l]}</a>
          ))}
        </nav>
        <form method="post" action="/prefs/large-text" class="inline">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="next" value={ctx.url} />
          <input type="hidden" name="on" value={ctx.largeText ? '0' : '1'} />
          <button type="submit" class="linklike">{ctx.largeText ? ctx.t('a11y.normalText') : ctx.t('a11y.largeText')}</button>
        </form>
        {ctx.user
          ? <a href="/console">{ctx.t('nav.console')}</a>
          : <a href="/login">{ctx.t('nav.login')}</a>}
      </div>
    </div>
  );
}

/** The public portal of one agency, with the national column structure. */
export function PortalLayout(props: { ctx: PageContext; agency: PortalAgency; column: PortalColumn; title: string; meta?: Record<string, string>; children: ComponentChildren }) {
  const { ctx, agency } = props;
  const pageTitle = props.column === 'home' ? `${agency.name}${ctx.t('site.suffix')}` : `${props.title} - ${agency.name}`;
  return (
    <html lang={ctx.lang}>
      <Head ctx={ctx} title={pageTitle} meta={props.meta} />
      <body class={ctx.largeText ? 'large' : undefined}>
        <a class="skip" href="#main">{ctx.t('nav.skip')}</a>
        <Toolbar ctx={ctx} />
        <header class="masthead">
          <div class="wrap">
            <a class="brand" href={`/gk/${agency.code}`}>
              <span class="emblem" aria-hidden="true">公</span>
              <span><span class="brand-name">{agency.name}</span><span class="brand-sub">{ctx.t('site.suffix')}</span></span>
            </a>
          </div>
        </header>
        <nav class="columns" aria-label={ctx.t('nav.main')}>
          <ul class="wrap">
            {COLUMNS.map((c) => (
              <li><a href={`/gk/${agency.code}${c.path}`} aria-current={c.key === props.column ? 'page' : undefined}>{ctx.t(c.label)}</a></li>
            ))}
          </ul>
        </nav>
        <main id="main" class="wrap main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="footer">
          <div class="wrap">
            <p>{ctx.t('footer.sponsor', { name: agency.name })}</p>
            {agency.address && <p>{ctx.t('footer.address', { address: agency.address })}</p>}
            {agency.phone && <p>{ctx.t('footer.contact', { phone: agency.phone })}</p>}
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A plain page outside any agency's portal (sign-in, errors). */
export function BareLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <html lang={ctx.lang}>
      <Head ctx={ctx} title={`${props.title} - ${ctx.t('site.platform')}`} />
      <body class={ctx.largeText ? 'large' : undefined}>
        <a class="skip" href="#main">{ctx.t('nav.skip')}</a>
        <Toolbar ctx={ctx} />
        <header class="masthead">
          <div class="wrap"><a class="brand" href="/"><span class="emblem" aria-hidden="true">公</span><span class="brand-name">{ctx.t('site.platform')}</span></a></div>
        </header>
        <main id="main" class="wrap main narrow" tabIndex={-1}>{props.children}</main>
      </body>
    </html>
  );
}
