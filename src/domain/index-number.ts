// Index numbers (索引号). Art. 12: the catalog gives every item its index number. Each agency sets
// the pattern (most use the unified social credit code, the year and a serial number:
// 11431281006178945K/2026-00012). Serial numbers are allocated by the repository, gap-free per
// agency and year (DESIGN.md invariants); this module only formats and reads them.

export const DEFAULT_INDEX_PATTERN = '{creditCode}/{year}-{serial:5}';

export const INDEX_PLACEHOLDERS = ['creditCode', 'year', 'serial', 'agencyCode', 'categoryCode'] as const;
export type IndexPlaceholder = (typeof INDEX_PLACEHOLDERS)[number];

export const INDEX_PLACEHOLDER_LABELS: Readonly<Record<IndexPlaceholder, string>> = {
  creditCode: '统一社会信用代码',
  year: '年份',
  serial: '流水号',
  agencyCode: '机构代码',
  categoryCode: '分类代码',
};

export interface IndexNumberParts {
  creditCode: string;
  year: number;
  /** 1, 2, 3 … within the agency and year. */
  serial: number;
  agencyCode: string;
  categoryCode?: string;
}

export const MAX_SERIAL_WIDTH = 10;

type Piece = { literal: string } | { placeholder: IndexPlaceholder; width?: number };

export type IndexPatternCheck = { ok: true } | { ok: false; errors: string[] };

function isPlaceholder(name: string): name is IndexPlaceholder {
  return (INDEX_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Splits a pattern into literals and placeholders, collecting every problem. */
function parsePattern(pattern: string): { pieces: Piece[]; errors: string[] } {
  const pieces: Piece[] = [];
  const errors: string[] = [];
  const mentioned = new Set<IndexPlaceholder>();
  let literal = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '}') {
      errors.push('索引号规则中的花括号不成对');
      continue;
    }
    if (c !== '{') {
      literal += c;
      continue;
    }
    const close = pattern.indexOf('}', i + 1);
    const nextOpen = pattern.indexOf('{', i + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      errors.push('索引号规则中的花括号不成对');
      continue;
    }
    const body = pattern.slice(i + 1, close);
    i = close;
    const m = /^([A-Za-z]+)(?::(\d+))?$/.exec(body);
    if (!m || !isPlaceholder(m[1])) {
      errors.push(`索引号规则含有未知的占位符 {${body}}，可用的占位符：${INDEX_PLACEHOLDERS.map((p) => `{${p}}`).join('、')}`);
      continue;
    }
    const name = m[1];
    mentioned.add(name);
    let width: number | undefined;
    if (m[2] !== undefined) {
      width = Number(m[2]);
      if (name !== 'serial') {
        errors.push(`只有流水号 {serial} 可以指定位数，{${body}} 不可以`);
        continue;
      }
      if (width < 1 || width > MAX_SERIAL_WIDTH) {
        errors.push(`流水号位数应为 1 至 ${MAX_SERIAL_WIDTH}`);
        continue;
      }
    }
    if (literal) pieces.push({ literal });
    literal = '';
    pieces.push({ placeholder: name, width });
  }
  if (literal) pieces.push({ literal });

  const serials = pieces.filter((p) => 'placeholder' in p && p.placeholder === 'serial').length;
  if (!mentioned.has('serial')) errors.push('索引号规则必须包含流水号 {serial}，否则无法保证索引号唯一');
  if (serials > 1) errors.push('索引号规则只能包含一个流水号 {serial}');
  // Serials restart at 1 every year (gap-free per agency and year), so the year keeps numbers unique.
  if (!mentioned.has('year')) errors.push('索引号规则必须包含年份 {year}：流水号每年从 1 开始编号');
  return { pieces, errors: [...new Set(errors)] };
}

/** Checks an index-number pattern an administrator typed in; messages are for that person. */
export function validateIndexPattern(pattern: string): IndexPatternCheck {
  if (pattern.trim() === '') return { ok: false, errors: ['索引号规则不能为空'] };
  const { errors } = parsePattern(pattern);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function compile(pattern: string): Piece[] {
  const { pieces, errors } = parsePattern(pattern);
  if (errors.length > 0) throw new RangeError(errors.join('；'));
  return pieces;
}

/**
 * The index number for one item. A serial wider than the pattern's width is written in full
 * (100000 under {serial:5}) rather than refused: the number stays unique and registration does not
 * stop on the 100,000th item of a year.
 */
export function formatIndexNumber(pattern: string, parts: IndexNumberParts): string {
  const pieces = compile(pattern);
  if (!Number.isInteger(parts.serial) || parts.serial < 1) throw new RangeError(`流水号应为正整数：${parts.serial}`);
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) throw new RangeError(`年份应为四位整数：${parts.year}`);
  return pieces
    .map((p) => {
      if ('literal' in p) return p.literal;
      switch (p.placeholder) {
        case 'serial':
          return String(parts.serial).padStart(p.width ?? 1, '0');
        case 'year':
          return String(parts.year);
        case 'creditCode':
          return required(parts.creditCode, 'creditCode');
        case 'agencyCode':
          return required(parts.agencyCode, 'agencyCode');
        case 'categoryCode':
          return required(parts.categoryCode, 'categoryCode');
      }
    })
    .join('');
}

function required(value: string | undefined, name: IndexPlaceholder): string {
  if (value === undefined || value.trim() === '') {
    throw new RangeError(`索引号规则需要${INDEX_PLACEHOLDER_LABELS[name]}，但未设置`);
  }
  return value.trim();
}

export interface ParsedIndexNumber {
  creditCode?: string;
  year?: number;
  serial?: number;
  agencyCode?: string;
  categoryCode?: string;
}

/**
 * Reads an index number back into its parts under `pattern`, or returns null when it does not fit.
 * Credit codes are 18 characters, years 4 digits, serials at least their width; agency and category
 * codes take as few characters as the rest of the pattern allows, so a pattern that puts two of
 * them side by side without a separator cannot be read back reliably.
 */
export function parseIndexNumber(pattern: string, s: string): ParsedIndexNumber | null {
  const pieces = compile(pattern);
  const names: IndexPlaceholder[] = [];
  let source = '^';
  for (const p of pieces) {
    if ('literal' in p) {
      source += p.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    names.push(p.placeholder);
    switch (p.placeholder) {
      case 'creditCode':
        source += '([0-9A-Z]{18})';
        break;
      case 'year':
        source += '(\\d{4})';
        break;
      case 'serial':
        source += `(\\d{${p.width ?? 1},})`;
        break;
      case 'agencyCode':
      case 'categoryCode':
        source += '(.+?)';
        break;
    }
  }
  const m = new RegExp(`${source}$`, 'u').exec(s.trim());
  if (!m) return null;
  const result: ParsedIndexNumber = {};
  for (let k = 0; k < names.length; k++) {
    const name = names[k];
    const value = m[k + 1];
    const previous = result[name];
    const parsed = name === 'year' || name === 'serial' ? Number(value) : value;
    // The same placeholder twice must carry the same value.
    if (previous !== undefined && previous !== parsed) return null;
    (result as Record<string, string | number>)[name] = parsed;
  }
  if (result.serial !== undefined && result.serial < 1) return null;
  return result;
}
