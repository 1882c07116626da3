// Checks of a page in English and in Chinese, for the tests of the console's languages.
import assert from 'node:assert/strict';
import type { Browser } from './app.ts';

export const h1Of = (html: string) => html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1].replace(/<[^>]+>/g, '').trim() ?? '';
export const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
export const CONSOLE_SUFFIX = ' - Console - Government Information Disclosure Platform';

export interface EnglishPage {
  /** The English <h1>; for pages headed by data (a school's name), a pattern for it. */
  h1: string | RegExp;
  /** The page's <title> starts with this; defaults to the <h1> when that is a string. */
  title?: string;
  /** The end of the <title>: the console's by default. */
  suffix?: string;
  /** English UI text the page shows besides its heading. */
  present?: string[];
  /** Chinese UI text of the page (not data) that must not appear in English. */
  absent: string[];
}

/** The answer is the English page described: status, `<html lang="en">`, heading, title, texts. */
export function assertEnglish(url: string, res: { statusCode: number; body: string }, page: EnglishPage, status = 200): void {
  assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 300)}`);
  assert.match(res.body, /<html lang="en">/, url);
  const h1 = h1Of(res.body);
  if (typeof page.h1 === 'string') assert.equal(h1, page.h1, url);
  else assert.match(h1, page.h1, url);
  const title = titleOf(res.body);
  const suffix = page.suffix ?? CONSOLE_SUFFIX;
  const expected = page.title ?? (typeof page.h1 === 'string' ? page.h1 : undefined);
  if (expected !== undefined) assert.equal(title, `${expected}${suffix}`, url);
  else assert.ok(title.endsWith(suffix), `${url}: ${title}`);
  for (const en of page.present ?? []) assert.ok(res.body.includes(en), `${url} lacks “${en}”`);
  for (const zh of page.absent) assert.ok(!res.body.includes(zh), `${url} still shows “${zh}”`);
}

/** GETs `url` with a browser that chose English and checks it; returns the page. */
export async function getEnglish(b: Browser, url: string, page: EnglishPage): Promise<string> {
  const res = await b.get(url);
  assertEnglish(url, res, page);
  return res.body;
}

/** GETs `url` in the default Simplified Chinese: its heading and some of its texts. */
export async function getChinese(b: Browser, url: string, h1: string | RegExp, present: string[] = []): Promise<string> {
  const res = await b.get(url);
  assert.equal(res.statusCode, 200, url);
  assert.match(res.body, /<html lang="zh-CN">/, url);
  const got = h1Of(res.body);
  if (typeof h1 === 'string') assert.equal(got, h1, url);
  else assert.match(got, h1, url);
  for (const zh of present) assert.ok(res.body.includes(zh), `${url} lacks “${zh}”`);
  return res.body;
}
