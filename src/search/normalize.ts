// Text normalisation for search. Documents and queries go through the same function, so a
// Traditional query (學費) finds Simplified text (学费), ＡＢＣ１２３ finds abc123, and a PDF whose text
// layer uses Kangxi radicals (⽂, U+2F42) finds 文. See DESIGN.md "Search".
//
// The steps, per code point, then once over the whole string:
//   1. drop zero-width and soft-hyphen characters (they hide inside words copied from web pages);
//   2. NFKC on the single code point: full-width → half-width (ＡＢＣ → ABC, ，→ ,), compatibility
//      ideographs and Kangxi radicals → unified ideographs, ① → 1, ﹙ → (;
//      applied per code point rather than to the whole string so that every output character can be
//      traced back to its source (highlight() needs that); the price is that a decomposed letter
//      (e + U+0301) is not composed — rare in Chinese government documents;
//   3. lower-case;
//   4. every run of whitespace (including U+3000 and NBSP) and control characters → one space,
//      trimmed at both ends;
//   5. Traditional → Simplified with OpenCC's 'hk' → 'cn' converter. Measured on the seed report:
//      it maps Taiwan, Hong Kong and OpenCC-standard Traditional text to identical Simplified text
//      and leaves Simplified text unchanged ('tw' → 'cn' turns 显著 into 显着; 'twp' rewrites vocabulary,
//      文件 → 文档, which would break matching).
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;

let toSimplifiedConverter: Convert | undefined;
let toTraditionalConverter: Convert | undefined;

// Building a converter loads its dictionaries (~60 ms), so it happens once, on first use.
function toSimplified(text: string): string {
  const convert = (toSimplifiedConverter ??= OpenCC.Converter({ from: 'hk', to: 'cn' }));
  return convert(text);
}

let changingChars: Set<number> | undefined;

/**
 * Every code point that the hk → cn conversion can change: for each dictionary entry that changes
 * its text, the characters that differ (all of its characters when the lengths differ). A text
 * without any of them comes out of the converter unchanged — an entry matches only where all its
 * characters are present, and an entry that maps to itself changes nothing — so Simplified text
 * (nearly all of what is indexed) skips the converter, which is most of the cost of normalising.
 */
function conversionChars(): Set<number> {
  if (changingChars) return changingChars;
  const set = new Set<number>();
  const addPair = (k: string, v: string): void => {
    if (k === v) return;
    const a = Array.from(k);
    const b = Array.from(v);
    a.forEach((c, i) => { if (a.length !== b.length || c !== b[i]) set.add(c.codePointAt(0)!); });
  };
  const walk = (d: unknown): void => {
    if (typeof d === 'string') {
      for (const entry of d.split('|')) {
        const [k, v] = entry.split(' ');
        if (k && v !== undefined) addPair(k, v);
      }
    } else if (Array.isArray(d)) {
      if (d.length === 2 && typeof d[0] === 'string' && typeof d[1] === 'string' && !d[0].includes('|') && !d[0].includes(' ')) addPair(d[0], d[1]);
      else d.forEach(walk);
    }
  };
  // The same dictionaries, in the same stages, as OpenCC.Converter({ from: 'hk', to: 'cn' }).
  walk(OpenCC.Locale.from.hk);
  walk(OpenCC.Locale.to.cn);
  changingChars = set;
  return set;
}

function mayChangeInConversion(text: string): boolean {
  const chars = conversionChars();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (chars.has(c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c)) return true;
  }
  return false;
}

/** Simplified → Traditional (Taiwan character forms, no vocabulary changes) for the zh-TW interface. */
export function toTraditional(text: string): string {
  if (!hasHan(text)) return text;
  const convert = (toTraditionalConverter ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // CJK Extension A and up, compatibility ideographs, surrogates (Extension B+).
    if (c >= 0x3400 && c < 0xfb00) return true;
  }
  return false;
}

const SPACE = 0x20;
// Marker in the per-code-point cache: the code point folds to whitespace.
const WHITESPACE = ' ';
const ZERO_WIDTH = new Set([0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const foldCache = new Map<number, string>();

/** What a single code point becomes: '' (dropped), ' ' (whitespace) or its folded form. */
function foldCodePoint(cp: number): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let folded: string;
  if (ZERO_WIDTH.has(cp)) {
    folded = '';
  } else {
    folded = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    // All whitespace (NBSP, en space …) → one space; a space inside an expansion (¨ → ' ̈') is
    // dropped, or a second pass would collapse it differently.
    if (/^[\s\p{Cc}]+$/u.test(folded)) folded = WHITESPACE;
    else folded = folded.replace(/[\s\p{Cc}]+/gu, '');
  }
  foldCache.set(cp, folded);
  return folded;
}

export interface NormalizedText {
  text: string;
  /**
   * For each UTF-16 code unit i of `text`, the source range [starts[i], ends[i]) it came from.
   * A collapsed run of whitespace maps to the whole run; an expansion (½ → 1⁄2) maps every
   * output unit to the one source character.
   */
  starts: Uint32Array;
  ends: Uint32Array;
}

/** normalizeText plus, for each output code unit, the range of the input it came from. */
export function normalizeWithOffsets(input: string): NormalizedText {
  return normalize(input, true) as NormalizedText;
}

/**
 * The search form of a text: NFKC per character (full-width → half-width), lower case,
 * whitespace collapsed and trimmed, Traditional → Simplified. Idempotent for every code point up to
 * U+2FFFF but one (checked exhaustively): OpenCC maps 薴 to 苧 and, on a second pass, 苧 to 苎.
 * Indexing and querying both normalise exactly once, so that does not affect matching.
 */
export function normalizeText(input: string): string {
  return normalize(input, false).text;
}

function normalize(input: string, withOffsets: boolean): { text: string; starts?: Uint32Array; ends?: Uint32Array } {
  const out: string[] = [];
  // Offsets are collected per pushed piece and expanded per code unit at the end.
  const pieceStart: number[] = [];
  const pieceEnd: number[] = [];
  let pendingSpace = -1; // source index where a run of whitespace began, -1 when none
  let pendingSpaceEnd = 0;
  let outLength = 0;
  // ASCII-and-ideograph runs are copied as slices instead of character by character.
  let runStart = -1;

  const flushRun = (end: number): void => {
    if (runStart < 0) return;
    out.push(input.slice(runStart, end));
    if (withOffsets) {
      for (let k = runStart; k < end; k++) {
        pieceStart.push(k);
        pieceEnd.push(k + 1);
      }
    }
    outLength += end - runStart;
    runStart = -1;
  };
  const emitSpaceIfPending = (): void => {
    if (pendingSpace < 0) return;
    if (outLength > 0) {
      out.push(' ');
      if (withOffsets) {
        pieceStart.push(pendingSpace);
        pieceEnd.push(pendingSpaceEnd);
      }
      outLength += 1;
    }
    pendingSpace = -1;
  };

  for (let i = 0; i < input.length; ) {
    let cp = input.charCodeAt(i);
    let width = 1;
    // Fast path: characters that normalise to themselves (lower-case ASCII letters, digits and
    // punctuation; the unified ideographs block).
    if ((cp > SPACE && cp < 0x7f && !(cp >= 0x41 && cp <= 0x5a)) || (cp >= 0x4e00 && cp <= 0x9fff)) {
      if (runStart < 0) {
        emitSpaceIfPending();
        runStart = i;
      }
      i += 1;
      continue;
    }
    flushRun(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < input.length) {
      const low = input.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    let folded: string;
    if (cp <= SPACE || cp === 0x7f || cp === 0x3000) folded = WHITESPACE;
    else if (cp >= 0x41 && cp <= 0x5a) folded = String.fromCharCode(cp + 32);
    else if (cp >= 0xff01 && cp <= 0xff5e) {
      // Full-width ASCII block: a fixed offset from ASCII (NFKC gives the same result, faster here).
      const ascii = cp - 0xfee0;
      folded = String.fromCharCode(ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii);
    } else folded = foldCodePoint(cp);

    if (folded === WHITESPACE) {
      if (pendingSpace < 0) pendingSpace = i;
      pendingSpaceEnd = i + width;
    } else if (folded !== '') {
      emitSpaceIfPending();
      out.push(folded);
      if (withOffsets) {
        for (let k = 0; k < folded.length; k++) {
          pieceStart.push(i);
          pieceEnd.push(i + width);
        }
      }
      outLength += folded.length;
    }
    i += width;
  }
  flushRun(input.length);

  const folded = out.join('');
  if (!hasHan(folded) || !mayChangeInConversion(folded)) {
    return withOffsets
      ? { text: folded, starts: Uint32Array.from(pieceStart), ends: Uint32Array.from(pieceEnd) }
      : { text: folded };
  }
  const converted = toSimplified(folded);
  // Every entry of the hk → cn tables maps N code points to N code points (checked for OpenCC
  // 1.4), though a few change UTF-16 length (㗲 → 𠵾), so offsets are carried code point by code point.
  const mapped = withOffsets
    ? mapByCodePoints(folded, converted, pieceStart, pieceEnd)
    : countCodePoints(folded) === countCodePoints(converted)
      ? { text: converted }
      : undefined;
  if (mapped) return mapped;
  // Otherwise (no such entry in OpenCC 1.4's hk → cn tables) convert code point by code point, in
  // both modes, so normalizeText and normalizeWithOffsets always agree.
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < folded.length; ) {
    const width = folded.codePointAt(i)! > 0xffff ? 2 : 1;
    const piece = toSimplified(folded.slice(i, i + width));
    parts.push(piece);
    if (withOffsets) {
      for (let k = 0; k < piece.length; k++) {
        starts.push(pieceStart[i]);
        ends.push(pieceEnd[i + width - 1]);
      }
    }
    i += width;
  }
  const text = parts.join('');
  return withOffsets ? { text, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) } : { text };
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

function mapByCodePoints(
  from: string,
  to: string,
  pieceStart: number[],
  pieceEnd: number[],
): NormalizedText | undefined {
  if (countCodePoints(from) !== countCodePoints(to)) return undefined;
  const starts = new Uint32Array(to.length);
  const ends = new Uint32Array(to.length);
  let i = 0;
  for (let j = 0; j < to.length; ) {
    const wi = from.codePointAt(i)! > 0xffff ? 2 : 1;
    const wj = to.codePointAt(j)! > 0xffff ? 2 : 1;
    for (let k = 0; k < wj; k++) {
      starts[j + k] = pieceStart[i];
      ends[j + k] = pieceEnd[i + wi - 1];
    }
    i += wi;
    j += wj;
  }
  return { text: to, starts, ends };
}
