// Masking for copies of files (issue 8): the masked copy of a 公示 list must change nothing but the
// personal data in it. maskText() (privacy-scan.ts) masks an e-mail address to a shorter form
// (zhangsan@x.cn → z***@x.cn); here every finding keeps its length, so the masked text can be put
// back character by character into the runs of a DOCX paragraph or an XLSX rich-text cell without
// moving any formatting boundary.
import { scanText, type FindingLocation, type PrivacyFinding } from './privacy-scan.ts';

const MASKABLE = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/;

// A landline announced as a service number (咨询电话：0745-7623456, 传真 …) belongs to an office that
// publishes it for the public to call, not to a person.
const SERVICE_NUMBER_LABEL = /(?:咨询|监督|举报|投诉|办公|值班|服务|热线|招生|报名|受理)(?:电话|热线|专线)?[：:\s]*$|传真[：:\s]*$/;

/** Whether a landline finding is an office's service number, by the label right before it. */
export function isServiceNumber(text: string, f: Pick<PrivacyFinding, 'kind' | 'index'>): boolean {
  return f.kind === 'landline' && SERVICE_NUMBER_LABEL.test(text.slice(Math.max(0, f.index - 12), f.index));
}

/** The findings of `text` that are personal data: scanText() without offices' service numbers. */
export function personalFindings(text: string, location: FindingLocation): PrivacyFinding[] {
  return scanText(text, location).filter((f) => !isServiceNumber(text, f));
}

/** The masked form of one finding, exactly as long (UTF-16 units) as the original text. */
export function sameLengthMask(original: string, f: Pick<PrivacyFinding, 'kind' | 'masked'>): string {
  if (f.masked.length === original.length) return f.masked;
  if (f.kind === 'email') {
    // Keep the first character and the domain, star the rest of the local part.
    const at = Math.max(original.lastIndexOf('@'), original.lastIndexOf('＠'));
    const first = String.fromCodePoint(original.codePointAt(0)!);
    if (at > first.length - 1) return first + '*'.repeat(at - first.length) + original.slice(at);
  }
  // Not expected (every other masker keeps the length); star every letter and digit.
  let out = '';
  for (let i = 0; i < original.length; i++) out += MASKABLE.test(original[i]) ? '*' : original[i];
  return out;
}

/**
 * `text` with every personal-data finding masked (service numbers stay), each masked part exactly as long as the part it replaces:
 * `result.length === text.length`, and characters outside findings are untouched.
 */
export function maskTextSameLength(text: string): string {
  const findings = personalFindings(text, { part: '' });
  if (findings.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const f of findings) {
    out += text.slice(pos, f.index) + sameLengthMask(text.slice(f.index, f.index + f.length), f);
    pos = f.index + f.length;
  }
  return out + text.slice(pos);
}

/**
 * Puts `masked` (as long as the concatenation of `pieces`) back into pieces of the original
 * lengths: the text of run i of a paragraph stays in run i.
 */
export function splitLike(masked: string, pieces: readonly string[]): string[] {
  const out: string[] = [];
  let pos = 0;
  for (const p of pieces) {
    out.push(masked.slice(pos, pos + p.length));
    pos += p.length;
  }
  if (pos !== masked.length) throw new RangeError('遮盖后的文本长度与原文不一致');
  return out;
}
