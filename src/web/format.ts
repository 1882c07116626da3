import type { Lang } from './i18n/index.ts';

/** '2025-10-30' → '2025年10月30日' (Chinese) or '30 Oct 2025' (English). */
export function formatDate(date: string | null | undefined, lang: Lang = 'zh-CN'): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (lang === 'en') return new Date(Date.UTC(+y, +mo - 1, +d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${y}年${Number(mo)}月${Number(d)}日`;
}

/** An ISO timestamp shown in China Standard Time: '2025年10月30日 14:05'. */
export function formatDateTime(iso: string | null | undefined, lang: Lang = 'zh-CN'): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const cst = new Date(t.getTime() + 8 * 3600_000).toISOString();
  return `${formatDate(cst.slice(0, 10), lang)} ${cst.slice(11, 16)}`;
}

/** Today's calendar date in China Standard Time (legal dates are CST dates). */
export function todayCst(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
