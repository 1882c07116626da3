// Shared by the education, questions and consultation route modules (issue 6): parameter schemas,
// form handling (a ValidationError re-renders the form with its field errors, status 400), the
// confirmation after a redirect (noticeFrom: also used by the other console routes), and the rate
// limit of public submissions.
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { z } from 'zod';
import { DomainError, ValidationError } from '../../services/errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { FormState } from '../views/education-console-common.tsx';
import { noticeFrom, type Notice } from '../i18n/index.ts';

export const codeParam = z.object({ code: z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效') });
export const idParam = z.object({ id: z.coerce.number().int().positive() });

/** A text field of a urlencoded form: absent → ''. */
export const field = (max = 2000) => z.string().max(max, `内容过长（最多 ${max} 个字符）`).optional().default('');

/** Body schema for a form: every listed field is optional text; `_csrf` is allowed. */
export function formBody<T extends Record<string, z.ZodTypeAny>>(shape: T) {
  return z.object({ ...shape, _csrf: z.string().optional() });
}

/** The submitted values as strings, for re-rendering a form. */
export function valuesOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * Runs a form action and redirects to the path it returns. A ValidationError calls `rerender` with
 * the form state (values + errors); a DomainError (a rule refused it) calls `refused` when given.
 */
export async function handleForm(
  reply: FastifyReply,
  body: unknown,
  action: () => Promise<string>,
  rerender: (form: FormState) => Promise<FastifyReply> | FastifyReply,
  refused?: (message: string) => Promise<FastifyReply> | FastifyReply,
): Promise<FastifyReply> {
  try {
    const to = await action();
    return reply.redirect(to, 303);
  } catch (e) {
    if (e instanceof ValidationError) return rerender({ values: valuesOf(body), errors: e.fields ?? {}, message: e.message });
    if (refused && e instanceof DomainError) return refused(e.message);
    throw e;
  }
}

/** An integer from a form field, or null when empty; NaN when not a number (services reject it). */
export function intOrNull(v: string | undefined): number | null {
  const s = (v ?? '').trim();
  if (s === '') return null;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

// Confirmations after a redirect are keys, never free text (a crafted link cannot show a message).
const DONE: Record<string, Notice> = {
  saved: { zh: '已保存。', en: 'Saved.' },
  created: { zh: '已创建。', en: 'Created.' },
  deleted: { zh: '已删除。', en: 'Deleted.' },
  imported: { zh: '已导入。', en: 'Imported.' },
  published: { zh: '已发布。', en: 'Published.' },
  unpublished: { zh: '已撤回发布。', en: 'Withdrawn from publication.' },
  answered: { zh: '已答复。', en: 'Answered.' },
  discarded: { zh: '已作无效处理。', en: 'Discarded.' },
  closed: { zh: '已归档。', en: 'Archived.' },
  approved: { zh: '已审核通过。', en: 'Approved.' },
  rejected: { zh: '已不予公开。', en: 'Not published.' },
  concluded: { zh: '已发布意见采纳情况。', en: 'How the comments were taken up has been published.' },
  started: { zh: '已创建新版本草稿。', en: 'A draft of a new version has been created.' },
};

export function doneMessage(request: FastifyRequest): string | null {
  const key = (request.query as Record<string, unknown> | undefined)?.done;
  return typeof key === 'string' ? noticeFrom(request, DONE, key) ?? null : null;
}

export function withDone(path: string, key: keyof typeof DONE | string): string {
  return `${path}${path.includes('?') ? '&' : '?'}done=${encodeURIComponent(key)}`;
}

/** Route options limiting a public submission to config.publicRateLimit per minute per address (0 = off). */
export function publicSubmitLimit(ctx: ServiceContext): Pick<RouteShorthandOptions, 'config'> {
  const max = ctx.config.publicRateLimit;
  return max > 0 ? { config: { rateLimit: { max, timeWindow: '1 minute' } } } : {};
}

/** The CST calendar date of now, for phase badges. */
export function todayOf(ctx: ServiceContext): string {
  return new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
