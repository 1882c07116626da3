// Server-rendered charts (SVG) for pages that must work without JavaScript. Each chart is an image
// with a <title> and a <desc> (named by aria-labelledby), so a screen reader announces what it
// shows; the page puts the same numbers in a table next to it. Colours come from attributes, not
// style attributes or <style> (the CSP forbids inline styles). The text is escaped here because the
// page embeds the markup as is. The caller writes the texts (title, desc, series names, unit) in the
// page's language; `lang` only decides the chart's own punctuation.
import type { Lang } from '../web/i18n/index.ts';

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartOptions {
  /** Unique on the page: prefixes the ids of <title> and <desc>. */
  id: string;
  title: string;
  desc: string;
  categories: string[];
  series: ChartSeries[];
  width?: number;
  height?: number;
  /** Appended to the axis label, e.g. '人'. */
  unit?: string;
  /** The language of the texts: the separator in each value's tooltip ('：' or ': '). Chinese by default. */
  lang?: Lang;
}

// Okabe–Ito colours: distinguishable with colour-vision deficiencies, ≥ 3:1 against white.
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00'];
const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A "nice" axis maximum and step: 1, 2 or 5 × 10^k, about five ticks. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
  return { max: Math.ceil(max / step) * step, step };
}

export function formatNumber(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** One data point's tooltip: '2016 在校学生数：17,430' or '2016 Pupils: 17,430'. */
function pointTitle(o: ChartOptions, category: string | undefined, series: string, v: number): string {
  return `${category} ${series}${o.lang === 'en' ? ': ' : '：'}${formatNumber(v)}`;
}

/** Roughly how wide a legend label is at 13px: CJK characters are square, Latin ones about half as wide. */
function textWidth(s: string): number {
  return [...s].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? 13 : 7.5), 0);
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  max: number;
  step: number;
}

function frame(o: ChartOptions): Frame {
  const width = o.width ?? 720;
  const height = o.height ?? 360;
  const max = Math.max(0, ...o.series.flatMap((s) => s.values));
  const scale = niceScale(max);
  const left = 16 + formatNumber(scale.max).length * 8;
  return { width, height, left, right: width - 16, top: 24 + (o.series.length > 1 ? 24 : 0), bottom: height - 40, max: scale.max, step: scale.step };
}

function open(o: ChartOptions, f: Frame): string[] {
  const tid = `${o.id}-title`;
  const did = `${o.id}-desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${escapeXml(tid)} ${escapeXml(did)}" viewBox="0 0 ${f.width} ${f.height}" width="${f.width}" height="${f.height}" font-family="${escapeXml(FONT)}" font-size="13">`,
    `<title id="${escapeXml(tid)}">${escapeXml(o.title)}</title>`,
    `<desc id="${escapeXml(did)}">${escapeXml(o.desc)}</desc>`,
    `<rect x="0" y="0" width="${f.width}" height="${f.height}" fill="#ffffff"/>`,
  ];
}

function y(f: Frame, v: number): number {
  return f.bottom - ((f.bottom - f.top) * v) / f.max;
}

function axes(o: ChartOptions, f: Frame, out: string[]): void {
  for (let v = 0; v <= f.max + f.step / 2; v += f.step) {
    const yy = y(f, v).toFixed(1);
    out.push(`<line x1="${f.left}" y1="${yy}" x2="${f.right}" y2="${yy}" stroke="${v === 0 ? '#57606a' : '#d0d7de'}" stroke-width="1"/>`);
    out.push(`<text x="${f.left - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle" fill="#24292f">${escapeXml(formatNumber(v))}</text>`);
  }
  if (o.unit) out.push(`<text x="${f.left}" y="${f.top - 8}" text-anchor="start" fill="#24292f">${escapeXml(o.unit)}</text>`);
}

function legend(o: ChartOptions, f: Frame, out: string[]): void {
  if (o.series.length < 2) return;
  let x = f.left;
  for (const [i, s] of o.series.entries()) {
    out.push(`<rect x="${x}" y="6" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`);
    out.push(`<text x="${x + 16}" y="12" dominant-baseline="middle" fill="#24292f">${escapeXml(s.name)}</text>`);
    x += 28 + Math.ceil(textWidth(s.name));
  }
}

/** Grouped vertical bars: one group per category, one bar per series, values written on the bars. */
export function barChart(o: ChartOptions): string {
  const f = frame(o);
  const out = open(o, f);
  axes(o, f, out);
  legend(o, f, out);
  const n = Math.max(1, o.categories.length);
  const band = (f.right - f.left) / n;
  const groupWidth = band * 0.7;
  const barWidth = groupWidth / Math.max(1, o.series.length);
  for (const [ci, cat] of o.categories.entries()) {
    const gx = f.left + band * ci + (band - groupWidth) / 2;
    for (const [si, s] of o.series.entries()) {
      const v = s.values[ci] ?? 0;
      const x = gx + barWidth * si;
      const top = y(f, v);
      out.push(`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${Math.max(1, barWidth - 2).toFixed(1)}" height="${(f.bottom - top).toFixed(1)}" fill="${PALETTE[si % PALETTE.length]}"><title>${escapeXml(pointTitle(o, cat, s.name, v))}</title></rect>`);
      if (barWidth >= 24) out.push(`<text x="${(x + (barWidth - 2) / 2).toFixed(1)}" y="${(top - 4).toFixed(1)}" text-anchor="middle" fill="#24292f" font-size="11">${escapeXml(formatNumber(v))}</text>`);
    }
    out.push(`<text x="${(f.left + band * ci + band / 2).toFixed(1)}" y="${f.bottom + 18}" text-anchor="middle" fill="#24292f">${escapeXml(cat)}</text>`);
  }
  out.push('</svg>');
  return out.join('');
}

/** Lines with markers, one per series, over the categories (years). */
export function lineChart(o: ChartOptions): string {
  const f = frame(o);
  const out = open(o, f);
  axes(o, f, out);
  legend(o, f, out);
  const n = o.categories.length;
  const xAt = (i: number) => (n <= 1 ? (f.left + f.right) / 2 : f.left + 12 + ((f.right - f.left - 24) * i) / (n - 1));
  const every = Math.max(1, Math.ceil(n / 12));
  for (const [i, cat] of o.categories.entries()) {
    if (i % every === 0 || i === n - 1) out.push(`<text x="${xAt(i).toFixed(1)}" y="${f.bottom + 18}" text-anchor="middle" fill="#24292f">${escapeXml(cat)}</text>`);
  }
  for (const [si, s] of o.series.entries()) {
    const colour = PALETTE[si % PALETTE.length];
    const pts = s.values.map((v, i) => `${xAt(i).toFixed(1)},${y(f, v).toFixed(1)}`);
    out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    for (const [i, v] of s.values.entries()) {
      out.push(`<circle cx="${xAt(i).toFixed(1)}" cy="${y(f, v).toFixed(1)}" r="4" fill="${colour}"><title>${escapeXml(pointTitle(o, o.categories[i], s.name, v))}</title></circle>`);
    }
  }
  out.push('</svg>');
  return out.join('');
}
