// Text rules for the site inspection (issue 9): forbidden or sensitive expressions (禁用、敏感表述)
// and frequent miswritings with their correct form (易错词: a leader's name written wrongly, an
// agency's former name). The national inspection indicators (国办秘函〔2019〕19号) fail a site
// outright for 严重错别字 (e.g. 将党和国家领导人姓名写错) and for 严重表述错误; smaller slips cost points.
//
// Matching works on the search normal form (src/search/normalize.ts: Traditional → Simplified,
// full-width → half-width, lower case) with every whitespace removed, so 「教育委員會」, 「教育委员会」
// and 「教育 委员会」 are the same text to a rule. Every hit is mapped back to the exact characters of
// the original text. All rules are compiled into one Aho–Corasick automaton: a text is scanned
// once whatever the number of rules (a platform may carry hundreds).
import { normalizeWithOffsets } from '../search/normalize.ts';

export type TextRuleKind = 'forbidden' | 'miswriting';
export type TextRuleSeverity = 'veto' | 'deduct';

export const TEXT_RULE_KINDS: readonly { code: TextRuleKind; label: string }[] = [
  { code: 'forbidden', label: '禁用或敏感表述' },
  { code: 'miswriting', label: '易错词（须改为正确写法）' },
];

export const TEXT_RULE_KIND_LABELS: Readonly<Record<TextRuleKind, string>> = { forbidden: '禁用或敏感表述', miswriting: '易错词' };

export const TEXT_RULE_SEVERITY_LABELS: Readonly<Record<TextRuleSeverity, string>> = {
  veto: '严重（单项否决）',
  deduct: '一般（扣分）',
};

export interface TextRule {
  id: number;
  kind: TextRuleKind;
  /** The expression as the administrator typed it. */
  pattern: string;
  /** The correct form (miswritings); '' for forbidden expressions. */
  replacement: string;
  severity: TextRuleSeverity;
  /** null: platform-wide. */
  agencyId: number | null;
  note?: string;
}

/** Patterns shorter than this (in normal form) would flood every text with hits. */
export const MIN_PATTERN_LENGTH = 2;
export const MAX_PATTERN_LENGTH = 50;

export function isTextRuleKind(v: string): v is TextRuleKind {
  return v === 'forbidden' || v === 'miswriting';
}

export function isTextRuleSeverity(v: string): v is TextRuleSeverity {
  return v === 'veto' || v === 'deduct';
}

/** A text in the form rules match on, with each code unit's source range in the original. */
export interface RuleForm {
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** The normal form used for matching: search normalisation, then every space removed. */
export function ruleForm(input: string): RuleForm {
  const n = normalizeWithOffsets(input);
  let spaces = 0;
  for (let i = 0; i < n.text.length; i++) if (n.text.charCodeAt(i) === 0x20) spaces++;
  if (spaces === 0) return n;
  const len = n.text.length - spaces;
  const starts = new Uint32Array(len);
  const ends = new Uint32Array(len);
  const parts: string[] = [];
  let j = 0;
  let runStart = 0;
  for (let i = 0; i <= n.text.length; i++) {
    if (i === n.text.length || n.text.charCodeAt(i) === 0x20) {
      if (i > runStart) parts.push(n.text.slice(runStart, i));
      runStart = i + 1;
      continue;
    }
    starts[j] = n.starts[i];
    ends[j] = n.ends[i];
    j++;
  }
  return { text: parts.join(''), starts, ends };
}

/** The key a rule is stored and compared under (duplicates are refused on it). */
export function ruleKey(pattern: string): string {
  return ruleForm(pattern).text;
}

export interface TextRuleInput {
  kind: string;
  pattern: string;
  replacement: string;
  severity: string;
}

/** Field errors of a rule being added (form field names), empty when it can be saved. */
export function validateTextRule(input: TextRuleInput): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!isTextRuleKind(input.kind)) fields.kind = '请选择规则类别';
  if (!isTextRuleSeverity(input.severity)) fields.severity = '请选择严重程度';
  const key = ruleKey(input.pattern);
  if (key.length < MIN_PATTERN_LENGTH) fields.pattern = `请填写要查找的表述（至少 ${MIN_PATTERN_LENGTH} 个字符）`;
  else if ([...input.pattern.trim()].length > MAX_PATTERN_LENGTH) fields.pattern = `表述最长 ${MAX_PATTERN_LENGTH} 个字符`;
  const replacement = input.replacement.trim();
  if (input.kind === 'miswriting') {
    if (replacement === '') fields.replacement = '易错词须填写正确写法';
    else if ([...replacement].length > MAX_PATTERN_LENGTH) fields.replacement = `正确写法最长 ${MAX_PATTERN_LENGTH} 个字符`;
    else if (ruleKey(replacement) === key) fields.replacement = '正确写法与错误写法相同（繁简、全角半角视为相同）';
  } else if ([...replacement].length > MAX_PATTERN_LENGTH) {
    fields.replacement = `建议写法最长 ${MAX_PATTERN_LENGTH} 个字符`;
  }
  return fields;
}

export interface TextHit {
  rule: TextRule;
  /** Range in the original text (UTF-16 code units). */
  start: number;
  end: number;
  /** The characters as written in the original (e.g. in Traditional characters). */
  found: string;
  /** Up to `CONTEXT` characters either side, for the finding's description. */
  context: string;
}

const CONTEXT = 12;

interface Compiled {
  rule: TextRule;
  form: string;
  /** Offsets at which `form` occurs inside the correct form: a hit there is the correct text. */
  insideReplacement: number[];
  replacementForm: string;
}

/**
 * A compiled set of rules. `find` returns every hit, in text order; a rule listed twice (say
 * platform-wide and for the agency) reports a place once, for the first rule given.
 */
export class TextMatcher {
  readonly #compiled: Compiled[] = [];
  // Aho–Corasick: goto transitions per state, failure links, pattern indices ending at a state.
  readonly #next: Map<number, number>[] = [new Map()];
  #fail: Int32Array = new Int32Array(1);
  readonly #out: number[][] = [[]];

  constructor(rules: readonly TextRule[]) {
    const seen = new Set<string>();
    for (const rule of rules) {
      const form = ruleForm(rule.pattern).text;
      if (form.length < MIN_PATTERN_LENGTH) continue;
      const dedupe = `${rule.kind}\u0000${form}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const replacementForm = rule.replacement ? ruleForm(rule.replacement).text : '';
      const insideReplacement: number[] = [];
      for (let k = replacementForm.indexOf(form); k >= 0; k = replacementForm.indexOf(form, k + 1)) insideReplacement.push(k);
      this.#compiled.push({ rule, form, insideReplacement, replacementForm });
    }
    this.#build();
  }

  get size(): number {
    return this.#compiled.length;
  }

  #build(): void {
    for (const [pi, c] of this.#compiled.entries()) {
      let s = 0;
      for (let i = 0; i < c.form.length; i++) {
        const ch = c.form.charCodeAt(i);
        let t = this.#next[s].get(ch);
        if (t === undefined) {
          t = this.#next.length;
          this.#next.push(new Map());
          this.#out.push([]);
          this.#next[s].set(ch, t);
        }
        s = t;
      }
      this.#out[s].push(pi);
    }
    const fail = new Int32Array(this.#next.length);
    const queue: number[] = [];
    for (const t of this.#next[0].values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      for (const [ch, t] of this.#next[s]) {
        let f = fail[s];
        while (f > 0 && !this.#next[f].has(ch)) f = fail[f];
        const g = this.#next[f].get(ch);
        fail[t] = g !== undefined && g !== t ? g : 0;
        for (const p of this.#out[fail[t]]) this.#out[t].push(p);
        queue.push(t);
      }
    }
    this.#fail = fail;
  }

  find(original: string): TextHit[] {
    if (this.#compiled.length === 0 || original === '') return [];
    const form = ruleForm(original);
    const text = form.text;
    const hits: TextHit[] = [];
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      while (s > 0 && !this.#next[s].has(ch)) s = this.#fail[s];
      s = this.#next[s].get(ch) ?? 0;
      for (const pi of this.#out[s]) {
        const c = this.#compiled[pi];
        const at = i - c.form.length + 1;
        // 「洪江市教育局」 must not be reported by a rule against 「教育局」 written as part of it.
        if (c.insideReplacement.some((k) => at - k >= 0 && text.startsWith(c.replacementForm, at - k))) continue;
        const start = form.starts[at];
        const end = form.ends[i];
        hits.push({
          rule: c.rule,
          start,
          end,
          found: original.slice(start, end),
          context: contextOf(original, start, end),
        });
      }
    }
    return hits.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

function contextOf(original: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(original.length, end + CONTEXT);
  const text = `${from > 0 ? '…' : ''}${original.slice(from, to)}${to < original.length ? '…' : ''}`;
  return text.replace(/\s+/g, ' ');
}

export type TextField = 'title' | 'body';

export const TEXT_FIELD_LABELS: Readonly<Record<TextField, string>> = { title: '标题', body: '正文' };

export interface FieldHit extends TextHit {
  field: TextField;
}

/** Hits in a title and a body (plain text), title first. */
export function checkText(matcher: TextMatcher, input: { title?: string; body?: string }): FieldHit[] {
  const out: FieldHit[] = [];
  for (const field of ['title', 'body'] as const) {
    const text = input[field];
    if (text) for (const h of matcher.find(text)) out.push({ ...h, field });
  }
  return out;
}

/** One line a person can act on: 「“教育委员会”应为“教育局”」 or 「含禁用表述“保录取”」. */
export function describeHit(hit: Pick<TextHit, 'rule' | 'found'>): string {
  if (hit.rule.kind === 'miswriting') return `“${hit.found}”应为“${hit.rule.replacement}”`;
  return hit.rule.replacement ? `含禁用或敏感表述“${hit.found}”（建议改为“${hit.rule.replacement}”）` : `含禁用或敏感表述“${hit.found}”`;
}
