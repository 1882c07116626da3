// Answers before applications (issue 8): while someone describes what they want on the application
// form or the question form, the published documents and answered questions that best match are
// shown ("这是否是您要找的信息？"), found by the catalog's own search. The person can still apply.
// What is recorded, per form being filled in: that suggestions were shown, whether one was opened
// (through a redirecting link) and whether the application or question was still submitted — so
// the office sees per month how often a published answer saved an application (deflection).
//
// Nothing the person types is stored, and these records are statistics, not decisions about
// anyone: they are not written to the audit chain (which would grow with every keystroke pause).
import { randomBytes } from 'node:crypto';
import type { Agency } from '../db/schema.ts';
import type { SuggestionMonthRow } from '../db/repositories/privacy.repository.ts';
import { chinaDateOf } from '../domain/dates.ts';
import { MIN_SUGGESTION_SCORE, suggestionTerms, termWeight } from '../domain/suggestion-terms.ts';
import { searchDocuments } from '../search/search.service.ts';
import { normalizeText } from '../search/normalize.ts';
import type { HighlightSegment } from '../search/tokenize.ts';
import type { Actor } from './actor.ts';
import { portalAgencies } from './catalog.service.ts';
import type { ServiceContext } from './context.ts';
import { staffOf } from './document-access.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';

export type SuggestionForm = 'apply' | 'ask';
export const SUGGESTION_FORMS: readonly SuggestionForm[] = ['apply', 'ask'];

/** What was submitted after the suggestions: an application or a question. */
export type FollowUpKind = 'application' | 'question';

export const MAX_SUGGESTIONS = 5;
/** Descriptions shorter than this are not searched (a few characters match too much). */
export const MIN_DESCRIPTION_LENGTH = 4;
const SEARCH_PAGE = 20;

export interface SuggestionItem {
  /** 'document-12', 'question-5': the part of the redirect link that names the entry. */
  entryId: string;
  kind: 'document' | 'question';
  title: string;
  /** The redirecting link that records the opening: /gk/:code/suggest/:entryId?s=<token>. */
  href: string;
  publishedOn: string;
  snippet: HighlightSegment[];
}

export interface Suggestions {
  /** Identifies this form's suggestions (sent back when the form is submitted); null when nothing was shown. */
  token: string | null;
  items: SuggestionItem[];
}

const ENTRY_ID = /^(document|question)-([1-9]\d{0,9})$/;
const TOKEN = /^[A-Za-z0-9_-]{16,32}$/;

export function parseEntryId(entryId: string): { kind: 'document' | 'question'; refId: number } | null {
  const m = ENTRY_ID.exec(entryId);
  return m ? { kind: m[1] as 'document' | 'question', refId: Number(m[2]) } : null;
}

export function isSuggestionToken(s: unknown): s is string {
  return typeof s === 'string' && TOKEN.test(s);
}

export function suggestionHref(agencyCode: string, entryId: string, token: string | null): string {
  return `/gk/${encodeURIComponent(agencyCode)}/suggest/${entryId}${token ? `?s=${token}` : ''}`;
}

async function agencyOf(ctx: ServiceContext, code: string): Promise<Agency> {
  const agency = typeof code === 'string' && /^[a-z0-9_-]{1,32}$/i.test(code) ? await ctx.repos.agencies.byCode(code) : undefined;
  if (!agency) throw new NotFoundError('未找到该机关');
  return agency;
}

interface Scored {
  kind: 'document' | 'question';
  refId: number;
  title: string;
  publishedOn: string;
  snippet: HighlightSegment[];
  score: number;
}

/**
 * The best matches for a description among the agency's portal (itself and the agencies below
 * it), without recording anything: each short phrase of the description is searched like a
 * catalog query; documents matching more and longer phrases (in the title counting double) win.
 */
export async function findSuggestions(ctx: ServiceContext, agency: Agency, text: string): Promise<Scored[]> {
  const description = (text ?? '').slice(0, 5000);
  if (description.replace(/\s/g, '').length < MIN_DESCRIPTION_LENGTH) return [];
  const terms = suggestionTerms(description);
  if (terms.length === 0) return [];
  const agencyIds = (await portalAgencies(ctx, agency)).map((a) => a.id);
  const byEntry = new Map<string, Scored>();
  for (const term of terms) {
    const found = await searchDocuments(ctx, { q: term, agencyIds, kinds: ['document', 'question'], order: 'relevance', page: 1, pageSize: SEARCH_PAGE });
    const normalizedTerm = normalizeText(term);
    for (const hit of found.items) {
      const key = `${hit.kind}-${hit.refId}`;
      const inTitle = normalizeText(hit.title).includes(normalizedTerm);
      const entry = byEntry.get(key) ?? {
        kind: hit.kind as Scored['kind'], refId: hit.refId, title: hit.title, publishedOn: hit.publishedOn, snippet: hit.snippet, score: 0,
      };
      entry.score += termWeight(term, inTitle);
      byEntry.set(key, entry);
    }
  }
  return [...byEntry.values()]
    .filter((e) => e.score >= MIN_SUGGESTION_SCORE && (e.kind === 'document' || e.kind === 'question'))
    .sort((a, b) => b.score - a.score || (a.publishedOn < b.publishedOn ? 1 : a.publishedOn > b.publishedOn ? -1 : 0) || a.refId - b.refId)
    .slice(0, MAX_SUGGESTIONS);
}

/**
 * Suggestions for a description typed on a form, recorded as shown. `token` continues the same
 * form's record (the person kept typing); a token of another agency or form starts a new one.
 */
export async function suggestFor(ctx: ServiceContext, input: { agencyCode: string; form: SuggestionForm; text: string; token?: string | null }): Promise<Suggestions> {
  const agency = await agencyOf(ctx, input.agencyCode);
  const found = await findSuggestions(ctx, agency, input.text);
  if (found.length === 0) return { token: isSuggestionToken(input.token) ? input.token : null, items: [] };
  const entries = found.map((f) => `${f.kind}-${f.refId}`);
  const now = ctx.now();
  let token: string | null = null;
  if (isSuggestionToken(input.token)) {
    const existing = await ctx.repos.privacy.suggestions.byToken(input.token);
    if (existing && existing.agency_id === agency.id && existing.form === input.form && existing.followed_at === null) {
      await ctx.repos.privacy.suggestions.reshown(existing.id, entries);
      token = existing.token;
    }
  }
  if (token === null) {
    token = randomBytes(12).toString('base64url');
    await ctx.repos.privacy.suggestions.insert({ token, agencyId: agency.id, form: input.form, shownOn: chinaDateOf(now), shownAt: now.toISOString(), entries });
  }
  return {
    token,
    items: found.map((f) => ({
      entryId: `${f.kind}-${f.refId}`, kind: f.kind, title: f.title, href: suggestionHref(agency.code, `${f.kind}-${f.refId}`, token),
      publishedOn: f.publishedOn, snippet: f.snippet,
    })),
  };
}

/**
 * Follows a suggestion link: records the opening (when the token is known) and returns where the
 * published entry lives. Only entries of the search index — public content — are ever a target.
 */
export async function openSuggestion(ctx: ServiceContext, agencyCode: string, entryId: string, token?: string | null): Promise<string> {
  const agency = await agencyOf(ctx, agencyCode);
  const entry = parseEntryId(entryId);
  if (!entry) throw new NotFoundError('未找到该信息');
  const target = await ctx.repos.privacy.suggestions.entryUrl(entry.kind, entry.refId);
  const portal = (await portalAgencies(ctx, agency)).map((a) => a.id);
  if (!target || !portal.includes(target.agencyId)) throw new NotFoundError('未找到该信息');
  if (isSuggestionToken(token)) {
    const s = await ctx.repos.privacy.suggestions.byToken(token);
    if (s && s.agency_id === agency.id) await ctx.repos.privacy.suggestions.opened(s.id, entryId, ctx.now().toISOString());
  }
  return target.url;
}

/**
 * Records that the form whose suggestions carried `token` was submitted anyway (`refId`: the
 * application's id, when the caller knows it). Unknown tokens are ignored, and a failure here
 * never fails the submission that already succeeded.
 */
export async function suggestionFollowed(ctx: ServiceContext, token: unknown, kind: FollowUpKind, refId: number | null = null): Promise<void> {
  if (!isSuggestionToken(token)) return;
  try {
    const s = await ctx.repos.privacy.suggestions.byToken(token);
    if (s) await ctx.repos.privacy.suggestions.followed(s.id, kind, refId, ctx.now().toISOString());
  } catch {
    // Statistics only: the application or question is already stored and acknowledged.
  }
}

export interface DeflectionMonth extends SuggestionMonthRow {
  /** deflected / opened; null when nothing was opened. */
  rate: number | null;
}

export interface DeflectionReport {
  agencyName: string;
  year: number;
  months: DeflectionMonth[];
  total: DeflectionMonth;
}

/**
 * Per month of `year`: forms that showed suggestions, in how many one was opened, how many still
 * submitted, and how many opened one and did not submit (deflected). For the office, the head and
 * supervisors of the agency (supervisors: their agency and those below it).
 */
export async function deflectionReport(ctx: ServiceContext, actor: Actor, year: number): Promise<DeflectionReport> {
  const user = staffOf(actor);
  if (!user.roles.some((r) => r === 'office' || r === 'head' || r === 'supervisor' || r === 'admin') && !user.isSysadmin) {
    throw new ForbiddenError('只有公开办、负责人或监督机构可以查看建议的分流统计');
  }
  const agency = await ctx.repos.agencies.byId(user.agencyId);
  const agencyIds = user.roles.includes('supervisor') || user.isSysadmin ? await ctx.repos.agencies.subtreeIds(user.agencyId) : [user.agencyId];
  const rows = await ctx.repos.privacy.suggestions.monthly(agencyIds, `${year}-01-01`, `${year}-12-31`);
  const rate = (r: SuggestionMonthRow): DeflectionMonth => ({ ...r, rate: r.opened === 0 ? null : r.deflected / r.opened });
  const months: DeflectionMonth[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    months.push(rate(rows.find((r) => r.month === month) ?? { month, shown: 0, opened: 0, followed: 0, deflected: 0 }));
  }
  const sum = (k: keyof SuggestionMonthRow) => months.reduce((a, r) => a + (r[k] as number), 0);
  return { agencyName: agency?.name ?? user.agencyCode, year, months, total: rate({ month: String(year), shown: sum('shown'), opened: sum('opened'), followed: sum('followed'), deflected: sum('deflected') }) };
}
