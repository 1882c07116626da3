import { PortalLayout, type PortalAgency } from './layout.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate } from '../format.ts';
import type { LinkedDocument, PublicDocumentView, WithdrawnDocumentView } from '../../services/catalog.service.ts';
import { fileSize } from './document-common.tsx';

export interface CatalogDocumentProps {
  ctx: PageContext;
  agency: PortalAgency;
  doc: PublicDocumentView;
}

/** The page meta tags Chinese government sites carry (国办 website guidelines), for the national search and statistics. */
export function documentMeta(agencyName: string, doc: PublicDocumentView, columnName: string): Record<string, string> {
  return {
    SiteName: `${agencyName}政府信息公开`,
    ColumnName: columnName,
    ColumnType: doc.category,
    ArticleTitle: doc.title,
    PubDate: doc.publishedOn,
    ContentSource: doc.agencyName,
    Keywords: doc.keywords,
    Description: doc.summary.slice(0, 200),
    Author: doc.department ? `${doc.agencyName}${doc.department}` : doc.agencyName,
  };
}

function MetaTable({ ctx, doc }: { ctx: PageContext; doc: PublicDocumentView }) {
  const d = (x: string) => formatDate(x, ctx.lang);
  return (
    <table class="meta-table doc-meta">
      <caption class="visually-hidden">{ctx.t('catalog.meta')}</caption>
      <tbody>
        <tr>
          <th scope="row">{ctx.t('catalog.indexNumber')}</th><td>{doc.indexNumber}</td>
          <th scope="row">{ctx.t('catalog.agency')}</th><td>{doc.agencyName}</td>
        </tr>
        <tr>
          <th scope="row">{ctx.t('catalog.category')}</th><td>{doc.category}</td>
          <th scope="row">{ctx.t('catalog.genre')}</th><td>{doc.genre}</td>
        </tr>
        <tr>
          <th scope="row">{ctx.t('catalog.createdOn')}</th><td>{d(doc.createdOn)}</td>
          <th scope="row">{ctx.t('catalog.publishedOn')}</th><td>{d(doc.publishedOn)}</td>
        </tr>
        <tr>
          <th scope="row">{ctx.t('catalog.docNumber')}</th><td>{doc.docNumber || '—'}</td>
          <th scope="row">{ctx.t('catalog.validity')}</th><td>{doc.validityLabel}</td>
        </tr>
        <tr>
          <th scope="row">{ctx.t('catalog.channel')}</th><td>{doc.disclosureChannel}</td>
          <th scope="row">{ctx.t('catalog.scope')}</th><td>{doc.disclosureScope}</td>
        </tr>
        {(doc.topics.length > 0 || doc.keywords) && (
          <tr>
            <th scope="row">{ctx.t('catalog.topic')}</th><td>{doc.topics.map((t) => t.name).join('、') || '—'}</td>
            <th scope="row">{ctx.t('catalog.keywords')}</th><td>{doc.keywords || '—'}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function Links({ label, docs }: { label: string; docs: LinkedDocument[] }) {
  if (docs.length === 0) return null;
  return (
    <div class="doc-links">
      <h3>{label}</h3>
      <ul>{docs.map((d) => <li><a href={d.url}>{d.title}</a></li>)}</ul>
    </div>
  );
}

function Body({ ctx, doc }: { ctx: PageContext; doc: PublicDocumentView }) {
  const related = doc.interpretationOf || doc.interpretations.length || doc.replacedBy || doc.replaces.length;
  return (
    <>
      <h1 class="doc-title">{doc.title}</h1>
      {doc.docNumber && <p class="doc-number-line">{doc.docNumber}</p>}
      {doc.validity !== 'valid' && (
        <p class="notice notice-error doc-validity" role="note">
          {ctx.t('catalog.validityNotice', { validity: doc.validityLabel })}
          {doc.replacedBy && <> {ctx.t('catalog.replacedBy')}：<a href={doc.replacedBy.url}>{doc.replacedBy.title}</a></>}
        </p>
      )}
      {doc.summary && (
        <section class="summary" aria-labelledby="doc-summary">
          <h2 id="doc-summary" class="visually-hidden">{ctx.t('catalog.summary')}</h2>
          <p>{doc.summary}</p>
        </section>
      )}
      <section aria-labelledby="doc-body-title">
        <h2 id="doc-body-title" class="visually-hidden">{ctx.t('catalog.body')}</h2>
        {/* body_html is the sanitiser's output (web/sanitize.ts), stored only through the services. */}
        <div class="doc-body" dangerouslySetInnerHTML={{ __html: doc.bodyHtml }} />
      </section>
      {doc.attachments.length > 0 && (
        <section class="doc-attachments" aria-labelledby="doc-att-title">
          <h2 id="doc-att-title">{ctx.t('catalog.attachments')}</h2>
          <ol>
            {doc.attachments.map((a) => <li><a href={a.url}>{a.filename}</a> <span class="att-meta">（{a.kind.toUpperCase()}，{fileSize(a.size)}）</span></li>)}
          </ol>
        </section>
      )}
      {related ? (
        <section class="doc-related" aria-labelledby="doc-related-title">
          <h2 id="doc-related-title">{ctx.t('catalog.related')}</h2>
          {doc.interpretationOf && <Links label={ctx.t('catalog.interprets')} docs={[doc.interpretationOf]} />}
          <Links label={ctx.t('catalog.interpretations')} docs={doc.interpretations} />
          {doc.replacedBy && <Links label={ctx.t('catalog.replacedBy')} docs={[doc.replacedBy]} />}
          <Links label={ctx.t('catalog.replaces')} docs={doc.replaces} />
        </section>
      ) : null}
    </>
  );
}

/** A public document: the catalog record above the text, attachments, related documents. */
export function CatalogDocumentPage({ ctx, agency, doc }: CatalogDocumentProps) {
  const columnName = ctx.t('nav.catalog');
  return (
    <PortalLayout ctx={ctx} agency={agency} column="catalog" title={doc.title} meta={documentMeta(agency.name, doc, columnName)}
      crumbs={[{ label: doc.category, href: `/gk/${agency.code}/catalog?category=${encodeURIComponent(doc.categoryCode)}` }, { label: doc.title }]}>
      <article class="doc">
        <MetaTable ctx={ctx} doc={doc} />
        <Body ctx={ctx} doc={doc} />
        <p class="doc-tools">
          <a href={`${doc.url}/print`}>{ctx.t('catalog.print')}</a>
          <a href={`/gk/${agency.code}/catalog`}>{ctx.t('catalog.backToCatalog')}</a>
        </p>
      </article>
    </PortalLayout>
  );
}

/** The same document laid out for paper: no navigation, the record and the text. */
export function CatalogPrintPage({ ctx, doc }: { ctx: PageContext; doc: PublicDocumentView }) {
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.title} - ${doc.agencyName}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="stylesheet" href="/static/print.css" />
      </head>
      <body class="doc-print">
        <main id="main" class="doc-print-main">
          <p class="doc-print-agency">{doc.agencyName}</p>
          <MetaTable ctx={ctx} doc={doc} />
          <Body ctx={ctx} doc={doc} />
          <p class="doc-print-url">{doc.url}</p>
        </main>
      </body>
    </html>
  );
}

/** A withdrawn document keeps its index number; its page says so and shows nothing else. */
export function WithdrawnDocumentPage({ ctx, agency, doc }: { ctx: PageContext; agency: PortalAgency; doc: WithdrawnDocumentView }) {
  const title = ctx.t('catalog.withdrawnTitle');
  return (
    <PortalLayout ctx={ctx} agency={agency} column="catalog" title={title}>
      <h1>{title}</h1>
      <p class="empty-box">{ctx.t('catalog.withdrawn', { index: doc.indexNumber, date: formatDate(doc.withdrawnOn, ctx.lang) })}</p>
      <p><a href={`/gk/${agency.code}/catalog`}>{ctx.t('catalog.backToCatalog')}</a></p>
    </PortalLayout>
  );
}
