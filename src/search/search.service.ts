// Searching published content for the public portal and the API: one page of hits with the
// matched words highlighted in the title and in a snippet of the text.
import type { Repositories } from '../db/repositories/index.ts';
import { highlight, queryTokens, type HighlightSegment } from './tokenize.ts';
import { normalizeText } from './normalize.ts';
import type { SearchFacets } from './search-index.repository.ts';

export type SearchOrder = 'relevance' | 'date';

export interface SearchDocumentsOptions {
  q: string;
  /** The agencies whose content may be shown (a portal's agency, or a city and all below it). */
  agencyIds: number[];
  kinds?: string[];
  category?: string;
  topic?: string;
  year?: number;
  validity?: string;
  order: SearchOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface SearchResultItem {
  kind: string;
  refId: number;
  title: string;
  url: string;
  publishedOn: string;
  agencyId: number;
  snippet: HighlightSegment[];
  titleSegments: HighlightSegment[];
  facets: SearchFacets;
}

export interface SearchResults {
  /** Hits counted up to COUNT_CAP (10,000). */
  total: number;
  /** More hits exist than `total` says (a very frequent word in a large index): show "10,000+". */
  totalCapped: boolean;
  items: SearchResultItem[];
}

export const MAX_PAGE_SIZE = 100;
/** Longer queries are cut: a query is a few words, not a pasted page (tokenize caps tokens too). */
export const MAX_QUERY_LENGTH = 200;
const SNIPPET_LENGTH = 160;

/**
 * Searches the index. A query with no letter, digit or CJK character finds nothing (total 0);
 * so does an empty agency list. Every hit is published: only published content is ever indexed.
 */
export async function searchDocuments(ctx: { repos: Pick<Repositories, 'search'> }, opts: SearchDocumentsOptions): Promise<SearchResults> {
  const q = opts.q.slice(0, MAX_QUERY_LENGTH);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(opts.pageSize)));
  const page = Math.max(1, Math.floor(opts.page));
  const { total, totalCapped, hits } = await ctx.repos.search.search({
    q,
    agencyIds: opts.agencyIds,
    kinds: opts.kinds,
    category: opts.category || undefined,
    topic: opts.topic || undefined,
    year: opts.year,
    validity: opts.validity || undefined,
    order: opts.order,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    total,
    totalCapped,
    items: hits.map((h) => ({
      kind: h.kind,
      refId: h.refId,
      title: h.title,
      url: h.url,
      publishedOn: h.publishedOn,
      agencyId: h.agencyId,
      snippet: snippetOf(h.text, q),
      titleSegments: highlight(h.title, q, { maxLength: Math.max(1, h.title.length) }),
      facets: h.facets,
    })),
  };
}

// An entry's text can hold whole attachments (hundreds of thousands of characters). highlight()
// normalises all of the text it is given, so a long text is read a piece at a time, up to the
// first piece that holds a match.
const PIECE = 4_000;
const OVERLAP = MAX_QUERY_LENGTH;

function snippetOf(text: string, q: string): HighlightSegment[] {
  if (text.length <= 2 * PIECE) return highlight(text, q, { maxLength: SNIPPET_LENGTH });
  const tokens = queryTokens(q).flat();
  for (let start = 0; start < text.length; start += PIECE) {
    const piece = text.slice(start, start + PIECE + OVERLAP);
    const norm = normalizeText(piece);
    if (!tokens.some((t) => norm.includes(t))) continue;
    const segments = highlight(piece, q, { maxLength: SNIPPET_LENGTH });
    if (!segments.some((s) => s.match)) continue;
    if (start > 0 && !segments[0].text.startsWith('…')) segments.unshift({ text: '…', match: false });
    if (start + piece.length < text.length && !segments[segments.length - 1].text.endsWith('…')) segments.push({ text: '…', match: false });
    return segments;
  }
  return [...highlight(text.slice(0, PIECE), q, { maxLength: SNIPPET_LENGTH }).filter((s) => s.text !== '…'), { text: '…', match: false }];
}
