// Text a member of the public sent (a question, a comment on a draft) made fit to show: identifiers
// masked as the scanner finds them, and the submitter's own name and contacts — which the scanner
// cannot know — removed or refused.
import { maskText } from './privacy-scan.ts';

/** The submitter's own details worth looking for: trimmed, two characters or more. */
function ownDetails(details: readonly string[]): string[] {
  return details.map((s) => s.trim()).filter((s) => s.length >= 2);
}

/** A suggested public text: findings masked, the submitter's own details replaced by ＊＊. */
export function suggestPublicText(body: string, details: readonly string[]): string {
  let text = maskText(body);
  for (const s of ownDetails(details)) text = text.split(s).join('＊＊');
  return text;
}

/** Whether `text` still contains one of the submitter's own details. */
export function mentionsSubmitter(text: string, details: readonly string[]): boolean {
  return ownDetails(details).some((s) => text.includes(s));
}
