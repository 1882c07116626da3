// Answers before applications (issue 8): the search terms of a free-text description ("我想申请公开
// 2025年秋季学期学生资助名单"), for finding published documents and answers that may already be
// what the person wants. The catalog's search matches all of a query's words (CJK bigrams), so a
// whole description finds nothing; it is cut into short phrases instead, each searched on its
// own, and the documents matching most of them win (suggestion.service.ts).

/** Phrases that say how someone asks, not what about; cut out (longest first). */
const STOP_PHRASES = [
  '政府信息公开', '依申请公开', '申请公开', '政府信息', '信息公开', '贵单位', '请问', '您好', '你好', '谢谢', '能否', '是否', '可否', '怎么', '如何',
  '什么', '哪些', '多少', '我想', '我要', '希望', '需要', '要求', '请求', '申请', '提供', '获取', '查询', '查阅', '了解', '咨询', '公开', '关于',
  '有关', '相关', '本人', '贵局', '你们', '我们', '一下', '以及', '情况', '内容', '信息', '文件', '资料', '具体', '全部', '所有', '一份', '复印件',
  '的', '了', '和', '与', '及', '或', '我', '在', '对', '是', '吗', '呢', '请', '等', '该', '这', '那', '给', '把', '被', '向', '从',
].sort((a, b) => b.length - a.length);

const WINDOW = 4;
const STRIDE = 2;

function isHan(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf);
}

function isWordChar(c: string): boolean {
  return isHan(c) || /[0-9A-Za-z]/.test(c);
}

/** Full-width letters and digits → ASCII, so ２０２５年 and 2025年 are one term. */
function foldWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function cutStopPhrases(clause: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < clause.length; ) {
    const stop = STOP_PHRASES.find((p) => clause.startsWith(p, i));
    if (stop) {
      if (current) out.push(current);
      current = '';
      i += stop.length;
    } else {
      current += clause[i];
      i += 1;
    }
  }
  if (current) out.push(current);
  return out;
}

function hanCount(s: string): number {
  let n = 0;
  for (const c of s) if (isHan(c)) n++;
  return n;
}

/** A phrase is worth searching when it has two Chinese characters, or a number with one (2025年), or a word of 3+ letters. */
function worthSearching(s: string): boolean {
  const han = hanCount(s);
  if (han >= 2) return true;
  if (han === 1) return /[0-9]/.test(s);
  return /^[A-Za-z]{3,}$/.test(s);
}

/**
 * Short phrases of `description` to search for, in order of appearance, without repeats, at most
 * `max`. Phrases longer than 4 characters become overlapping 4-character windows (义务教育招生入学 →
 * 义务教育, 教育招生, 招生入学; a number counts as one character), so a document that words it a little
 * differently still matches most of them.
 */
export function suggestionTerms(description: string, max = 10): string[] {
  const text = foldWidth(description);
  const clauses: string[] = [];
  let clause = '';
  for (const c of text) {
    if (isWordChar(c)) clause += c;
    else if (clause) {
      clauses.push(clause);
      clause = '';
    }
  }
  if (clause) clauses.push(clause);

  const terms: string[] = [];
  const add = (t: string) => {
    if (terms.length < max && worthSearching(t) && !terms.includes(t)) terms.push(t);
  };
  for (const c of clauses) {
    for (const phrase of cutStopPhrases(c)) {
      // Units: each Chinese character, or a whole run of digits and letters (2026, 2026年 keeps its number whole).
      const units = phrase.match(/[0-9A-Za-z]+|[^0-9A-Za-z]/g) ?? [];
      if (units.length <= WINDOW) {
        add(phrase);
        continue;
      }
      for (let i = 0; ; i += STRIDE) {
        const start = Math.min(i, units.length - WINDOW);
        add(units.slice(start, start + WINDOW).join(''));
        if (start + WINDOW >= units.length) break;
      }
    }
  }
  return terms;
}

/** How much a matched term counts: its Chinese characters (a number counts as one), doubled when it is in the title. */
export function termWeight(term: string, inTitle: boolean): number {
  const w = Math.max(1, hanCount(term) + (/[0-9]/.test(term) ? 1 : 0));
  return inTitle ? w * 2 : w;
}

/** A suggestion is shown only when it matches at least this much (one 4-character phrase, or two short ones). */
export const MIN_SUGGESTION_SCORE = 4;
