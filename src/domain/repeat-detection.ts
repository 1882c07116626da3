// Repeat applications (重复申请, Art. 36(6)): when an application is registered, the office is shown
// the same applicant's earlier applications whose text is similar, to support the decision. The
// similarity is the Dice coefficient of the two texts' search tokens (CJK bigrams and words after
// normalisation), so Traditional and Simplified, full- and half-width spellings compare equal.
import { indexTokens } from '../search/tokenize.ts';

function tokenSet(text: string): Set<string> {
  return new Set(indexTokens(text).split(' ').filter((t) => t.length > 1 || /[0-9a-z]/.test(t)));
}

/** 0 (nothing in common) … 1 (the same tokens). */
export function textSimilarity(a: string, b: string): number {
  const x = tokenSet(a);
  const y = tokenSet(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common += 1;
  return (2 * common) / (x.size + y.size);
}

/** From this similarity on, an earlier application is shown as a possible repeat. */
export const REPEAT_THRESHOLD = 0.35;

export interface RepeatCandidate<T> {
  item: T;
  similarity: number;
  /** At or above REPEAT_THRESHOLD. */
  similar: boolean;
}

/** The same applicant's earlier applications, most similar first. */
export function rankRepeats<T extends { description: string }>(text: string, earlier: readonly T[]): RepeatCandidate<T>[] {
  return earlier
    .map((item) => {
      const similarity = Math.round(textSimilarity(text, item.description) * 100) / 100;
      return { item, similarity, similar: similarity >= REPEAT_THRESHOLD };
    })
    .sort((p, q) => q.similarity - p.similarity);
}
