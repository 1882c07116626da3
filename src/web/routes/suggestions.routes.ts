// Answers before applications (issue 8): the suggestions API that suggest.js calls while someone
// types, the redirecting link that records an opened suggestion, and the confirmation step the
// application and question forms go through when submitted (the page works without JavaScript).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h, type ComponentChildren } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { NotFoundError } from '../../services/errors.ts';
import { openSuggestion, suggestFor, SUGGESTION_FORMS, type SuggestionForm } from '../../services/suggestion.service.ts';
import { pageContext, sendPage } from '../render.tsx';
import { SuggestionConfirmPage } from '../views/privacy-suggest.tsx';

const code = z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效');
const token = z.string().regex(/^[A-Za-z0-9_-]{16,32}$/, '建议标识无效');

/** Typing fires a request after each pause: allow several times the limit of form submissions. */
function suggestRateLimit(ctx: ServiceContext): { rateLimit: false | RateLimitOptions } {
  const max = ctx.config.publicRateLimit;
  return { rateLimit: max > 0 ? { max: max * 4, timeWindow: '1 minute', groupId: 'suggestions', allowList: (req: FastifyRequest) => req.user !== null } : false };
}

const segment = z.object({ text: z.string(), match: z.boolean() });
const suggestionsResponse = z.object({
  token: z.string().nullable().describe('本次填写的建议标识；提交申请或咨询时随表单一并提交（字段 suggestion）'),
  items: z.array(z.object({
    entryId: z.string(),
    kind: z.enum(['document', 'question']),
    title: z.string(),
    href: z.string().describe('打开建议的链接（记录打开后跳转到公开页面）'),
    publishedOn: z.string(),
    snippet: z.array(segment),
  })),
});

export function suggestionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/suggestions', {
    config: suggestRateLimit(ctx),
    schema: {
      tags: ['suggestions'],
      summary: '与描述最相关的已公开信息和咨询答复（“这是否是您要找的信息？”）',
      description: '供申请表和咨询表在填写时提示：按目录检索的同一方式查找机关（及其下级机关）已公开的文件和已公开的咨询答复，最多5条。不保存填写的内容。',
      querystring: z.object({
        agency: code,
        q: z.string().max(2000, '描述过长（最多 2000 个字符）'),
        form: z.enum(SUGGESTION_FORMS as [SuggestionForm, ...SuggestionForm[]]).default('apply'),
        s: token.optional(),
      }),
      response: { 200: suggestionsResponse },
    },
  }, async (request, reply) => {
    const { agency, q, form, s } = request.query;
    const result = await suggestFor(ctx, { agencyCode: agency, form, text: q, token: s ?? null });
    reply.header('cache-control', 'no-store');
    return result;
  });

  r.get('/gk/:code/suggest/:entryId', {
    schema: { hide: true, params: z.object({ code, entryId: z.string().max(40) }), querystring: z.object({ s: z.string().max(40).optional() }) },
  }, async (request, reply) => {
    const url = await openSuggestion(ctx, request.params.code, request.params.entryId, request.query.s ?? null);
    return reply.redirect(url, 303);
  });
}

/**
 * The confirmation step of a public form (application, question): unless the form says the person
 * has already seen the suggestions for this text (`suggest_done=1`, set by suggest.js or by this
 * page's own button), the matching published information is shown first, with one button that
 * sends the same values on. Files cannot be carried in hidden fields: a form with attachments
 * passes `upload`, a file input that asks for them again. Returns true when it answered the request
 * (the caller returns).
 */
export async function suggestionStep(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { agencyCode: string; form: SuggestionForm; text: string; fields: Record<string, unknown>; action: string; upload?: ComponentChildren },
): Promise<boolean> {
  if (opts.fields.suggest_done === '1') return false;
  const agency = await ctx.repos.agencies.byCode(opts.agencyCode);
  if (!agency) throw new NotFoundError('未找到该机关');
  const found = await suggestFor(ctx, { agencyCode: agency.code, form: opts.form, text: opts.text, token: typeof opts.fields.suggestion === 'string' ? opts.fields.suggestion : null });
  if (found.items.length === 0) return false;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.fields)) {
    if (k === '_csrf' || k === 'suggestion' || k === 'suggest_done' || typeof v !== 'string') continue;
    fields[k] = v;
  }
  reply.header('cache-control', 'no-store');
  await sendPage(request, reply, h(SuggestionConfirmPage, {
    ctx: pageContext(request), agency, form: opts.form, items: found.items, token: found.token, action: opts.action, fields, upload: opts.upload,
  }));
  return true;
}
