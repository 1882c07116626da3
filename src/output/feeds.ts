// Atom feeds (RFC 4287) and sitemaps (sitemaps.org 0.9) of the public catalog. Plain string
// building with one escape function: every value that goes into the XML passes through xml().

export interface FeedEntry {
  /** Absolute URL of the entry's page; also its id. */
  url: string;
  title: string;
  /** 'YYYY-MM-DD' (publication) */
  published: string;
  /** ISO timestamp of the last change */
  updated: string;
  summary: string;
  categories: string[];
  author: string;
}

export interface Feed {
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the HTML page it mirrors. */
  alternateUrl: string;
  title: string;
  subtitle?: string;
  author: string;
  lang: string;
  entries: FeedEntry[];
}

// XML 1.0 forbids most control characters even as references: drop them.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A publication date as an RFC 3339 timestamp at the start of that day in China Standard Time. */
function dayStart(date: string): string {
  return `${date}T00:00:00+08:00`;
}

function latest(entries: FeedEntry[]): string {
  let max = '';
  for (const e of entries) if (e.updated > max) max = e.updated;
  return max || new Date(0).toISOString();
}

export function atomFeed(feed: Feed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.lang)}">`,
    `  <id>${xml(feed.selfUrl)}</id>`,
    `  <title>${xml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${xml(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${xml(latest(feed.entries))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(feed.alternateUrl)}"/>`,
    `  <author><name>${xml(feed.author)}</name></author>`,
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xml(e.url)}</id>`,
      `    <title>${xml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>`,
      `    <published>${xml(dayStart(e.published))}</published>`,
      `    <updated>${xml(e.updated)}</updated>`,
      `    <author><name>${xml(e.author)}</name></author>`,
      ...e.categories.map((c) => `    <category term="${xml(c)}"/>`),
      ...(e.summary ? [`    <summary>${xml(e.summary)}</summary>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** 'YYYY-MM-DD' */
  lastmod?: string;
}

export function sitemapXml(urls: SitemapUrl[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const u of urls) {
    lines.push(`  <url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${xml(u.lastmod)}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** Joins the configured public base URL and a path. */
export function absoluteUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}
