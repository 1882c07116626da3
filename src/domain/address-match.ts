// Matching a parent's address or community name against enrolment zone entries (划片就近入学).
//
// Zone entries are written the way bureaus publish them: a community (沅江社区), a village (长坡村),
// a street (沅江路), or a house-number range on a street (沅江路1-99号（单号）), sometimes with the town
// in front (黔城镇沅江社区). Parents type anything from a fragment (沅江) to a full postal address
// (湖南省洪江市黔城镇沅江路12号), in Simplified or Traditional characters, with full-width digits.
//
// Both sides go through the same normalisation (search/normalize.ts: Traditional → Simplified,
// full-width → half-width), lose punctuation and spaces, and lose the administrative levels above
// the town (省 / 自治区 / 市 / 自治州 / 县), which every address in one county shares. The town
// (镇 / 乡 / 街道) is kept apart: when both sides name a town and they differ, nothing matches
// (two towns may both have a 新街社区).
import { normalizeText } from '../search/normalize.ts';

export type Parity = 'all' | 'odd' | 'even';

export type ZoneAreaKind = 'house_range' | 'street' | 'community' | 'village' | 'place';

export interface ZoneArea {
  /** As written. */
  text: string;
  /** Normalised, administrative prefixes above the town removed, town kept. */
  full: string;
  /** The town named in front, normalised (黔城镇), or null. */
  town: string | null;
  /** `full` without the town. */
  rest: string;
  kind: ZoneAreaKind;
  /** For house-number ranges: the street (without town) and the inclusive range. */
  street?: string;
  from?: number;
  to?: number;
  parity?: Parity;
}

export interface AddressQuery {
  full: string;
  town: string | null;
  rest: string;
  /** A house number on a street, when the query names one (沅江路12号). */
  street?: string;
  number?: number;
}

/** How well an entry matches; higher is better. */
export type MatchKind = 'exact' | 'house_number' | 'contains' | 'partial' | 'town';

export const MATCH_RANK: Readonly<Record<MatchKind, number>> = {
  exact: 4,
  house_number: 3,
  contains: 2,
  partial: 1,
  town: 0,
};

export const MIN_QUERY_LENGTH = 2;

const DASHES = /[‐‑‒–—―−－~～〜]/g;
// Parity words as bureaus write them.
const ODD = /(单号|单数|单侧|单)(?=$|[^\u4e00-\u9fff]|号)/;
const EVEN = /(双号|双数|双侧|双)(?=$|[^\u4e00-\u9fff]|号)/;
const STREET_SUFFIX = /(路|街|巷|大道|道|弄|里|胡同)$/;
// A generic suffix alone is not a place: "新镇社区" must not become town 新镇 + 社区.
const GENERIC_REST = new Set(['社区', '村', '小区', '居委会', '村委会', '组', '片区']);

function stripPunctuation(s: string): string {
  // Keep letters, digits, Han and the range dash; parentheses and separators go.
  return s.replace(DASHES, '-').replace(/[^\p{L}\p{N}-]/gu, '');
}

/**
 * Removes leading administrative levels above the town that one county's addresses share:
 * 湖南省 / 广西壮族自治区, 怀化市 (twice: 怀化市洪江市), 湘西土家族苗族自治州, 芷江侗族自治县 / 会同县.
 * A level is removed only when something remains after it. 市 followed by 场 is a market, not a city
 * (黔城市场社区).
 */
export function stripAdministrativePrefixes(s: string): string {
  const steps: RegExp[] = [
    /^[\u4e00-\u9fff]{2,7}?(?:省|自治区)/,
    /^[\u4e00-\u9fff]{2,8}?自治州/,
    /^[\u4e00-\u9fff]{2,4}?市(?!场)/,
    /^[\u4e00-\u9fff]{2,4}?市(?!场)/,
    /^[\u4e00-\u9fff]{2,6}?(?:自治县|县)(?!城)/,
  ];
  let out = s;
  for (const re of steps) {
    const m = re.exec(out);
    if (m && out.length - m[0].length >= 2) out = out.slice(m[0].length);
  }
  return out;
}

/** The search form of an address or area: normalised, no punctuation, no levels above the town. */
export function normalizeAddress(input: string): string {
  const n = stripPunctuation(normalizeText(input));
  return stripAdministrativePrefixes(n);
}

/** Splits the town off the front: known towns first, else 2–6 characters ending in 镇/乡/街道. */
export function splitTown(key: string, knownTowns: readonly string[] = []): { town: string | null; rest: string } {
  for (const t of knownTowns) {
    const town = normalizeAddress(t);
    if (town.length >= 2 && key.startsWith(town) && key.length > town.length) return { town, rest: key.slice(town.length) };
    if (town.length >= 2 && key === town) return { town, rest: '' };
  }
  const m = /^([\u4e00-\u9fff]{2,6}?(?:街道办事处|街道|镇|乡))(.*)$/.exec(key);
  if (m && !GENERIC_REST.has(m[2]) && (m[2] === '' || m[2].length >= 2)) return { town: m[1], rest: m[2] };
  return { town: null, rest: key };
}

function parity(text: string): { text: string; parity: Parity } {
  if (ODD.test(text)) return { text: text.replace(ODD, ''), parity: 'odd' };
  if (EVEN.test(text)) return { text: text.replace(EVEN, ''), parity: 'even' };
  return { text, parity: 'all' };
}

function kindOf(rest: string): ZoneAreaKind {
  if (/(社区|小区|居委会|花园|公寓|苑)$/.test(rest)) return 'community';
  if (/(村|组|村委会)$/.test(rest)) return 'village';
  if (STREET_SUFFIX.test(rest)) return 'street';
  return 'place';
}

/**
 * Parses one zone entry as written by the bureau. `defaultTown` (the school's town) applies when
 * the entry does not name one, so 沅江社区 of a 黔城镇 school does not answer 安江镇沅江社区.
 */
export function parseZoneArea(text: string, knownTowns: readonly string[] = [], defaultTown = ''): ZoneArea {
  const full = normalizeAddress(text).replace(/(\d)(?:至|到)(\d)/g, '$1-$2');
  const split = splitTown(full, knownTowns);
  const rest = split.rest;
  const fallback = normalizeAddress(defaultTown);
  const town = split.town ?? (fallback.length >= 2 ? fallback : null);
  const p = parity(rest);
  // 沅江路1-99号, 沅江路1号-99号, 沅江路1-99
  const m = /^(.*?\D)(\d+)号?-(\d+)号?$/.exec(p.text);
  if (m) {
    const a = Number(m[2]);
    const b = Number(m[3]);
    return { text, full, town, rest, kind: 'house_range', street: m[1], from: Math.min(a, b), to: Math.max(a, b), parity: p.parity };
  }
  return { text, full, town, rest, kind: kindOf(rest) };
}

/** Parses what a parent typed; null when it is too short to search for. */
export function parseAddressQuery(input: string, knownTowns: readonly string[] = []): AddressQuery | null {
  const full = normalizeAddress(input);
  if ([...full].length < MIN_QUERY_LENGTH) return null;
  const { town, rest } = splitTown(full, knownTowns);
  const q: AddressQuery = { full, town, rest };
  // The house number: the last "<digits>号", or trailing digits after a street name.
  const m = /^(.*?\D)(\d+)号/.exec(rest) ?? /^(.*?(?:路|街|巷|道|弄|里))(\d+)$/.exec(rest);
  if (m) {
    q.street = m[1];
    q.number = Number(m[2]);
  }
  return q;
}

function sameStreet(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  return a === b || a.endsWith(b) || b.endsWith(a);
}

function parityOk(n: number, p: Parity): boolean {
  return p === 'all' || (p === 'odd' ? n % 2 === 1 : n % 2 === 0);
}

/** How `area` matches `query`, or null. */
export function matchArea(query: AddressQuery, area: ZoneArea): MatchKind | null {
  if (query.town && area.town && query.town !== area.town) return null;
  if (area.kind === 'house_range') {
    if (query.number !== undefined && query.street !== undefined) {
      if (!sameStreet(query.street, area.street!)) return null;
      return query.number >= area.from! && query.number <= area.to! && parityOk(query.number, area.parity!) ? 'house_number' : null;
    }
    if (query.rest === '') return query.town && area.town === query.town ? 'town' : null;
    // No number: the street alone (or part of it) lists every range on it.
    return area.street!.includes(query.rest) ? 'partial' : null;
  }
  if (query.rest === '') return query.town && area.town === query.town ? 'town' : null;
  const entryForms = area.town ? [area.rest, area.town + area.rest] : [area.rest];
  const queryForms = query.town ? [query.rest, query.full] : [query.rest];
  for (const e of entryForms) for (const q of queryForms) if (e === q) return 'exact';
  for (const e of entryForms) for (const q of queryForms) if (q.length >= MIN_QUERY_LENGTH && e.includes(q)) return 'partial';
  // A full address that contains the area: 沅江社区3组12号 lies in 沅江社区. A house number on a
  // street whose ranges are listed separately is decided by the ranges, not by the street name.
  if (area.rest.length >= 2 && query.rest.includes(area.rest)) return 'contains';
  return null;
}

/**
 * Splits a cell that lists several areas (、；;，, and new lines) into entries. A segment that is only
 * a number range (2-50号双号) inherits the street of the segment before it: 沅江路1-99号、2-50号双号.
 */
export function splitAreas(cell: string): string[] {
  const parts = cell.split(/[、;；,，\n\r]+/).map((s) => s.trim()).filter((s) => s !== '');
  const out: string[] = [];
  let lastStreet = '';
  for (const part of parts) {
    const norm = normalizeText(part).replace(DASHES, '-');
    const rangeOnly = /^\d+号?(?:-|至|到)\d+号?/.test(norm);
    if (rangeOnly && lastStreet) {
      out.push(lastStreet + part);
      continue;
    }
    const m = /^(.*?(?:路|街|巷|大道|道|弄|里))\d+号?(?:-|至|到)\d+/.exec(norm);
    lastStreet = m ? m[1] : '';
    out.push(part);
  }
  return out;
}

export interface RankedMatch<T> {
  entry: T;
  match: MatchKind;
}

/** Every entry that matches, best first (stable within a rank). */
export function matchEntries<T extends { area: ZoneArea }>(query: AddressQuery, entries: readonly T[]): RankedMatch<T>[] {
  const out: RankedMatch<T>[] = [];
  for (const entry of entries) {
    const match = matchArea(query, entry.area);
    if (match) out.push({ entry, match });
  }
  return out.sort((a, b) => MATCH_RANK[b.match] - MATCH_RANK[a.match]);
}
