// CJK bigram tokens for full-text search (DESIGN.md "Search": any query of 2+ CJK characters must
// find every document containing it; trigrams find nothing for 招生, word segmentation loses phrases).
//
// Index side: indexTokens() turns a text into a space-separated token string, to be stored in an
// SQLite FTS5 column (tokenizer unicode61, which keeps each of our tokens whole) or fed to
// PostgreSQL's to_tsvector('simple', …).
//   - each run of CJK characters → its overlapping bigrams, plus the run's last character on its own
//     (招生工作 → 招生 生工 工作 作). The extra unigram makes single-character queries exact: every
//     character of a run is the first character of a bigram or the run's last character, so the
//     prefix query 作* finds it wherever it occurs. A run of one character → that character.
//   - each run of other letters and digits → one word (already lower-case after normalisation).
//   - everything else (punctuation, symbols, spaces) separates tokens.
// Query side: the query's tokens must all be present (AND); adjacent bigrams approximate the phrase.
// A single CJK character becomes a prefix query. Tokens contain only letters and digits, and are
// quoted anyway, so nothing a user types can become FTS5 or tsquery syntax.
import { normalizeText, normalizeWithOffsets } from './normalize.ts';

// Upper bound on distinct query tokens: a pasted page of text would otherwise become a
// thousand-term AND. Dropping tokens only widens the match, never hides a true hit.
export const MAX_QUERY_TOKENS = 64;

type CharClass = 'separator' | 'cjk' | 'word';

const classCache = new Map<number, CharClass>();

function classify(cp: number): CharClass {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a)
      ? 'word'
      : 'separator';
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'cjk';
  const cached = classCache.get(cp);
  if (cached !== undefined) return cached;
  let result: CharClass;
  if (
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK Extension A
    (cp >= 0x20000 && cp <= 0x3ffff) || // Extensions B–H
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs (NFKC maps most of them away)
    cp === 0x3005 || // 々
    cp === 0x3007 || // 〇, as in 二〇二六年
    (cp >= 0x3021 && cp <= 0x3029) || // Suzhou numerals
    (cp >= 0x3041 && cp <= 0x30fa) || // kana
    cp === 0x30fc ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0xac00 && cp <= 0xd7af) // Hangul syllables
  ) {
    result = 'cjk';
  } else if (/[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(cp))) {
    result = 'word';
  } else {
    result = 'separator';
  }
  classCache.set(cp, result);
  return result;
}

/** Walks an already normalised text: each maximal CJK run and each word, in order. */
function scanTokens(text: string, onCjkRun: (chars: string[]) => void, onWord: (word: string) => void): void {
  let cjk: string[] = [];
  let wordStart = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const cls = classify(cp);
    if (cls !== 'word' && wordStart >= 0) {
      onWord(text.slice(wordStart, i));
      wordStart = -1;
    }
    if (cls === 'cjk') {
      cjk.push(width === 1 ? text[i] : text.slice(i, i + 2));
    } else {
      if (cjk.length > 0) {
        onCjkRun(cjk);
        cjk = [];
      }
      if (cls === 'word' && wordStart < 0) wordStart = i;
    }
    i += width;
  }
  if (wordStart >= 0) onWord(text.slice(wordStart));
  if (cjk.length > 0) onCjkRun(cjk);
}

/** The token string to index for a text (title, body, attachment text …). */
export function indexTokens(text: string): string {
  const tokens: string[] = [];
  scanTokens(
    normalizeText(text),
    (chars) => {
      for (let k = 0; k + 1 < chars.length; k++) tokens.push(chars[k] + chars[k + 1]);
      tokens.push(chars[chars.length - 1]);
    },
    (word) => tokens.push(word),
  );
  return tokens.join(' ');
}

/**
 * The tokens of each whitespace-separated query term, in order, without repeats; terms without any
 * letter, digit or CJK character are dropped. All tokens must match. A token that is a single CJK
 * character is matched as a prefix (see isPrefixToken).
 */
export function queryTokens(q: string): string[][] {
  const seen = new Set<string>();
  const terms: string[][] = [];
  for (const term of normalizeText(q).split(' ')) {
    const tokens: string[] = [];
    const add = (token: string): void => {
      if (seen.has(token) || seen.size >= MAX_QUERY_TOKENS) return;
      seen.add(token);
      tokens.push(token);
    };
    scanTokens(
      term,
      (chars) => {
        if (chars.length === 1) add(chars[0]);
        for (let k = 0; k + 1 < chars.length; k++) add(chars[k] + chars[k + 1]);
      },
      add,
    );
    if (tokens.length > 0) terms.push(tokens);
  }
  return terms;
}

/** A single CJK character: matched as a prefix of the indexed bigrams (and the run-final unigram). */
export function isPrefixToken(token: string): boolean {
  const cp = token.codePointAt(0)!;
  return token.length === (cp > 0xffff ? 2 : 1) && classify(cp) === 'cjk';
}

const ftsToken = (t: string): string => `"${t.replaceAll('"', '""')}"${isPrefixToken(t) ? '*' : ''}`;
const tsToken = (t: string): string => `'${t.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${isPrefixToken(t) ? ':*' : ''}`;

/**
 * An SQLite FTS5 MATCH expression for a user's query, or null when the query has nothing
 * searchable (FTS5 rejects an empty expression). Every token is a double-quoted string, so FTS5
 * operators, column filters, NEAR, * and parentheses typed by the user are just text.
 */
export function ftsMatchExpression(q: string): string | null {
  const parts = queryTokens(q).flat().map((t) => ftsToken(t));
  return parts.length === 0 ? null : parts.join(' AND ');
}

/**
 * A PostgreSQL to_tsquery('simple', …) argument for a user's query, or null when nothing is
 * searchable. Tokens are single-quoted lexemes joined with &; a single CJK character is a prefix (:*).
 */
export function tsQueryTokens(q: string): string | null {
  const parts = queryTokens(q).flat().map((t) => tsToken(t));
  return parts.length === 0 ? null : parts.join(' & ');
}

/**
 * For relevance order: how many of a query's terms (queryTokens) a title holds, given the title's
 * index tokens (indexTokens). A single CJK character is a prefix, as in matching.
 */
export function titleTermCount(titleTokens: string, terms: string[][]): number {
  const tokens = titleTokens === '' ? [] : titleTokens.split(' ');
  const present = new Set(tokens);
  const has = (t: string): boolean => (isPrefixToken(t) ? tokens.some((x) => x.startsWith(t)) : present.has(t));
  return terms.filter((term) => term.every(has)).length;
}

export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface HighlightOptions {
  /** Most characters of the source text to show (ellipses not counted). Default 160. */
  maxLength?: number;
}

const ELLIPSIS = '…';

/**
 * A snippet of `text` around the first place the query matches, split into plain and matched
 * segments. Matching compares normalised forms, so a Traditional query marks Simplified text (and
 * ＡＢＣ marks abc); the segments carry the source characters. Runs of whitespace in the snippet
 * become one space; '…' marks a cut. Not HTML: the view escapes the text.
 */
export function highlight(text: string, q: string, options: HighlightOptions = {}): HighlightSegment[] {
  const maxLength = Math.max(1, Math.floor(options.maxLength ?? 160));
  if (text.length === 0) return [];
  const norm = normalizeWithOffsets(text);
  const ranges = matchRanges(norm, q); // source ranges, sorted, non-overlapping

  let start: number;
  let end: number;
  if (ranges.length === 0) {
    start = 0;
    end = Math.min(text.length, maxLength);
  } else {
    const [first] = ranges;
    const matchLength = first[1] - first[0];
    // Some context before the match, more after it: a snippet reads forwards.
    const lead = Math.max(0, Math.min(first[0], Math.floor((maxLength - matchLength) / 4)));
    start = first[0] - lead;
    end = Math.min(text.length, start + maxLength);
    start = Math.max(0, Math.min(start, end - maxLength));
  }
  start = alignToCodePoint(text, start);
  end = alignToCodePoint(text, end);

  const segments: HighlightSegment[] = [];
  const push = (piece: string, match: boolean): void => {
    if (piece === '') return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += piece;
    else segments.push({ text: piece, match });
  };
  if (start > 0) push(ELLIPSIS, false);
  let pos = start;
  for (const [a, b] of ranges) {
    if (b <= start) continue;
    if (a >= end) break;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    push(collapseSpaces(text.slice(pos, from)), false);
    push(collapseSpaces(text.slice(from, to)), true);
    pos = to;
  }
  push(collapseSpaces(text.slice(pos, end)), false);
  if (end < text.length) push(ELLIPSIS, false);

  // No leading or trailing space next to the ellipses or at the ends of the snippet.
  const head = segments[0];
  if (head && !head.match) head.text = head.text.replace(/^(…?) +/, '$1');
  const tail = segments[segments.length - 1];
  if (tail && !tail.match) tail.text = tail.text.replace(/ +(…?)$/, '$1');
  return segments.filter((s) => s.text !== '');
}

function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function alignToCodePoint(text: string, index: number): number {
  const c = text.charCodeAt(index);
  return index > 0 && index < text.length && c >= 0xdc00 && c <= 0xdfff ? index - 1 : index;
}

/**
 * Where the query's runs (CJK runs and words) occur in the text, as merged source ranges. Words
 * match whole words only, like the index; CJK runs match anywhere, like bigrams do.
 */
function matchRanges(norm: { text: string; starts: Uint32Array; ends: Uint32Array }, q: string): Array<[number, number]> {
  const units = new Map<string, boolean>(); // run → is a word
  scanTokens(
    normalizeText(q),
    (chars) => units.set(chars.join(''), false),
    (word) => units.set(word, true),
  );
  const hay = norm.text;
  const found: Array<[number, number]> = [];
  for (const [unit, isWord] of units) {
    for (let at = hay.indexOf(unit); at >= 0; at = hay.indexOf(unit, at + 1)) {
      const after = at + unit.length;
      if (isWord && (isWordAt(hay, at - 1, true) || isWordAt(hay, after, false))) continue;
      found.push([norm.starts[at], norm.ends[after - 1]]);
    }
  }
  found.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Whether the code point ending at (backwards) or starting at (forwards) `index` is a word character. */
function isWordAt(s: string, index: number, backwards: boolean): boolean {
  if (index < 0 || index >= s.length) return false;
  let cp = s.charCodeAt(index);
  if (backwards && cp >= 0xdc00 && cp <= 0xdfff && index > 0) cp = s.codePointAt(index - 1)!;
  else if (!backwards) cp = s.codePointAt(index)!;
  return classify(cp) === 'word';
}
