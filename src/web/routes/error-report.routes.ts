// 我为政府网站找错 (issue 9): the public form (linked from every portal page's footer), its receipt
// and the public statistics; the console list with deadlines and the reply. Public posts carry the
// CSRF token (checked by the plugin) and are rate-limited per address (config.publicRateLimit).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { ValidationError } from '../../services/errors.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import {
  errorReportForStaff, errorReportInbox, publicErrorReportStats, replyErrorReport, sitePath, submitErrorReport,
} from '../../services/error-report.service.ts';
import { ERROR_REPORT_WORKING_DAYS } from '../../domain/inspection.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { tx } from '../i18n/index.ts';
import { ErrorReportFormPage, ErrorReportReceiptPage, ErrorReportStatsPage } from '../views/error-report-public.tsx';
import { ErrorReportDetailPage, ErrorReportListPage } from '../views/error-report-console.tsx';
import { emptyForm, type FormState } from '../views/inspection-common.tsx';

const codeParam = z.object({ code: z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效') });
const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const text = (max: number) => z.string().max(max, `内容过长（最多 ${max} 个字符）`).optional().default('');

// Field errors on the English page (the service's messages are Chinese).
const EN_ERRORS: Record<string, string> = {
  pageUrl: 'Enter the address of a page on this site (starting with “/”, or this site’s full address).',
  description: 'Describe the error (5 to 1,000 characters).',
  contact: 'Contact details take at most 100 characters.',
};

export function errorReportRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const max = ctx.config.publicRateLimit;
  const limit = max > 0 ? { config: { rateLimit: { max, timeWindow: '1 minute' } } } : {};

  const form = async (request: FastifyRequest, reply: FastifyReply, agencyCode: string, state: FormState, status = 200) => {
    const agency = await agencyByCode(ctx, agencyCode);
    return sendPage(request, reply, h(ErrorReportFormPage, { ctx: pageContext(request), agency, form: state, workingDays: ERROR_REPORT_WORKING_DAYS }), status);
  };

  // The footer link passes the page it was on; anything that is not an address of this site is dropped.
  r.get('/gk/:code/report-error', { schema: { hide: true, params: codeParam, querystring: z.object({ page: z.string().max(2000).optional().catch(undefined) }) } }, async (request, reply) =>
    form(request, reply, request.params.code, emptyForm({ pageUrl: sitePath(request.query.page, ctx.config.publicBaseUrl) ?? '' })));

  r.post('/gk/:code/report-error', { ...limit, schema: { hide: true, params: codeParam, body: z.object({ pageUrl: text(2000), description: text(5000), contact: text(500), _csrf: z.string().optional() }) } }, async (request, reply) => {
    const b = request.body;
    try {
      const receipt = await submitErrorReport(ctx, actorOf(request), request.params.code, { pageUrl: b.pageUrl, description: b.description, contact: b.contact });
      const agency = await agencyByCode(ctx, request.params.code);
      reply.header('cache-control', 'no-store');
      return sendPage(request, reply, h(ErrorReportReceiptPage, { ctx: pageContext(request), agency, receipt }), 201);
    } catch (e) {
      if (e instanceof ValidationError) {
        const en = request.lang === 'en';
        const errors = Object.fromEntries(Object.entries(e.fields ?? {}).map(([k, v]) => [k, en ? EN_ERRORS[k] ?? v : v]));
        return form(request, reply, request.params.code, { values: { pageUrl: b.pageUrl, description: b.description, contact: b.contact }, errors, message: en ? 'Please correct the fields marked below.' : e.message }, 400);
      }
      throw e;
    }
  });

  r.get('/gk/:code/report-error/stats', { schema: { hide: true, params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const stats = await publicErrorReportStats(ctx, agency.code);
    reply.header('cache-control', 'public, max-age=300');
    return sendPage(request, reply, h(ErrorReportStatsPage, { ctx: pageContext(request), agency, stats }));
  });

  // ---- console ----
  r.get('/console/error-reports', {
    schema: { hide: true, querystring: z.object({ filter: z.enum(['pending', 'overdue', 'replied', 'all']).optional().catch(undefined), page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined) }) },
  }, async (request, reply) => {
    requireStaff(request);
    const filter = request.query.filter ?? 'pending';
    const data = await errorReportInbox(ctx, actorOf(request), filter, request.query.page ?? 1);
    return sendPage(request, reply, h(ErrorReportListPage, { ctx: pageContext(request), filter, ...data }));
  });

  const detail = async (request: FastifyRequest, reply: FastifyReply, id: number, state: FormState, done: string | null, status = 200) => {
    requireStaff(request);
    const report = await errorReportForStaff(ctx, actorOf(request), id);
    return sendPage(request, reply, h(ErrorReportDetailPage, { ctx: pageContext(request), report, form: state, done }), status);
  };
  r.get('/console/error-reports/:id', { schema: { hide: true, params: idParam, querystring: z.object({ done: z.string().max(20).optional() }) } }, async (request, reply) =>
    detail(request, reply, request.params.id, emptyForm(), request.query.done === 'replied' ? tx(request, '已答复。', 'Answered.') : null));
  r.post('/console/error-reports/:id/reply', { schema: { hide: true, params: idParam, body: z.object({ reply: text(20_000), _csrf: z.string().optional() }) } }, async (request, reply) => {
    requireStaff(request);
    try {
      await replyErrorReport(ctx, actorOf(request), request.params.id, request.body.reply);
      return reply.redirect(`/console/error-reports/${request.params.id}?done=replied`, 303);
    } catch (e) {
      if (e instanceof ValidationError) return detail(request, reply, request.params.id, { values: { reply: request.body.reply }, errors: e.fields ?? {}, message: e.message }, null, 400);
      throw e;
    }
  });
}
