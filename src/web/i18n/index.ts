import { messages, type MessageKey } from './messages.ts';
import { toTraditional } from '../../search/normalize.ts';

export type Lang = 'zh-CN' | 'zh-TW' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'zh-TW', 'en'];
export const LANG_LABELS: Record<Lang, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

export function parseLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'zh-cn' || v === 'zh-hans' || v === 'zh' || v === 'cn') return 'zh-CN';
  if (v === 'zh-tw' || v === 'zh-hk' || v === 'zh-hant' || v === 'tw') return 'zh-TW';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * Text written in the view itself rather than in messages.ts: Chinese (Simplified; Traditional is
 * converted from it with the whole page) or English.
 */
export function tx(ctx: { lang: Lang }, zh: string, en: string): string {
  return ctx.lang === 'en' ? en : zh;
}

/** A confirmation in both languages; the route picks one for the request with `noticeFrom`. */
export type Notice = { zh: string; en: string };

/**
 * The confirmation for a `done` key in the request's language, or undefined for a missing or unknown
 * key (own keys only: `?done=constructor` is no notice).
 */
export function noticeFrom<K extends string>(request: { lang: Lang }, notices: Record<K, Notice>, key: string | undefined | null): string | undefined {
  if (!key || !Object.hasOwn(notices, key)) return undefined;
  const n = notices[key as K];
  return tx(request, n.zh, n.en);
}

/** Accept-Language: the first supported entry by q-value; Chinese is the default. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'zh-CN';
  const entries = header.split(',').map((part) => {
    const [tag, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { tag: tag ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
  }).sort((a, b) => b.q - a.q);
  for (const e of entries) {
    const l = parseLang(e.tag);
    if (l) return l;
  }
  return 'zh-CN';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Messages exist in zh-CN and en; zh-TW is converted from zh-CN (the whole page is, at render time). */
export function translator(lang: Lang): Translate {
  const column = lang === 'en' ? 'en' : 'zh';
  return (key, params) => {
    let s: string = messages[key][column];
    if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}

/** The final HTML for a language: Traditional pages are converted as a whole, content included. */
export function localizeHtml(html: string, lang: Lang): string {
  return lang === 'zh-TW' ? toTraditional(html) : html;
}
