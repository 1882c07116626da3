// Links in document bodies, for the inspection's 链接可用性 check (issue 9). Pure: which links a body
// holds, which of them point into this site (checked against the database and the file store) and
// which leave it (checked, when switched on, by an HTTP HEAD request to exactly that address).

/** href values of the <a> elements of a sanitised body (web/sanitize.ts keeps only href on <a>). */
export function extractHrefs(html: string): string[] {
  const out: string[] = [];
  const re = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push(decodeAttribute(m[1] ?? m[2] ?? '').trim());
  return out;
}

function decodeAttribute(s: string): string {
  return s.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[e]!);
}

export type LinkTarget =
  | { kind: 'internal'; path: string }
  | { kind: 'external'; url: string }
  /** Anchors, mailto:, tel: and the like: nothing to fetch. */
  | { kind: 'skip' }
  /** Cannot work for a reader (a malformed URL, a private address): broken without a request. */
  | { kind: 'invalid'; reason: string };

/**
 * Where a link goes. `pageUrl` is the public address of the page holding it (relative links
 * resolve against it); `siteUrl` is the platform's public base URL (config.publicBaseUrl).
 */
export function classifyHref(href: string, pageUrl: string, siteUrl: string): LinkTarget {
  if (href === '' || href.startsWith('#')) return { kind: 'skip' };
  if (/^(mailto|tel|sms):/i.test(href)) return { kind: 'skip' };
  let url: URL;
  let site: URL;
  try {
    site = new URL(siteUrl);
    url = new URL(href, new URL(pageUrl, site));
  } catch {
    return { kind: 'invalid', reason: '链接地址格式错误' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'skip' };
  if (url.host === site.host) return { kind: 'internal', path: decodePath(url.pathname) };
  if (isPrivateHost(url.hostname)) return { kind: 'invalid', reason: '链接指向内网或本机地址，公众无法访问' };
  url.hash = '';
  return { kind: 'external', url: url.toString() };
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** Loopback, private (RFC 1918), link-local and unique-local addresses, and bare host names. */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (h.includes(':')) return h === '::1' || h === '::' || h.startsWith('fc') || h.startsWith('fd') || h.startsWith('fe80') || h.startsWith('::ffff:');
  // A name without a dot only resolves inside some network.
  return !h.includes('.');
}

export type InternalTarget =
  | { kind: 'document'; agencyCode: string; documentId: number }
  | { kind: 'attachment'; agencyCode: string; documentId: number; attachmentId: number }
  /** Any other page of an agency's portal: exists when the agency does. */
  | { kind: 'agency'; agencyCode: string }
  /** A page of the platform outside the portals (home, sign-in, static files, API, sitemap). */
  | { kind: 'site' }
  | { kind: 'unknown' };

const SITE_PREFIXES = new Set(['', 'static', 'login', 'sitemap.xml', 'api', 'healthz', 'console', 'robots.txt', 'favicon.ico']);
const ID = /^[1-9]\d{0,9}$/;

/** What an internal path addresses, by the portal's URL scheme (/gk/:code/doc/:id/files/:aid/:name). */
export function parseInternalPath(path: string): InternalTarget {
  const parts = path.split('/').slice(1);
  if (parts[0] !== 'gk') return SITE_PREFIXES.has(parts[0] ?? '') ? { kind: 'site' } : { kind: 'unknown' };
  const code = parts[1];
  if (!code || !/^[a-z0-9_-]{1,32}$/i.test(code)) return { kind: 'unknown' };
  if (parts[2] === 'doc') {
    if (!ID.test(parts[3] ?? '')) return { kind: 'unknown' };
    const documentId = Number(parts[3]);
    if (parts.length === 4 || (parts.length === 5 && (parts[4] === '' || parts[4] === 'print'))) return { kind: 'document', agencyCode: code, documentId };
    if (parts[4] === 'files' && ID.test(parts[5] ?? '') && parts.length === 7) return { kind: 'attachment', agencyCode: code, documentId, attachmentId: Number(parts[5]) };
    return { kind: 'unknown' };
  }
  return { kind: 'agency', agencyCode: code };
}

/**
 * Whether an answer to a HEAD request means the link is broken. A server that refuses HEAD (405,
 * 501), asks for credentials or throttles robots (401, 403, 429) still serves the page to a reader;
 * redirects are not followed (only the address a document holds is ever requested) and count as
 * working.
 */
export function isBrokenStatus(status: number): boolean {
  if (status === 401 || status === 403 || status === 405 || status === 429 || status === 501) return false;
  return status >= 400;
}
