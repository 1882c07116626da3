import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { requireStaffFor } from '../../services/education-access.ts';
import { pageContext, sendPage } from '../render.tsx';
import {
  deleteMonthlyItem, monthlyItem, monthlyReport, monthlyYear, monthlyYears, saveMonthlyItem, saveMonthlyReport, setMonthlyPublished, staffMonthlyReport, staffMonthlyReports,
} from '../../services/monthly-work.service.ts';
import { MonthlyItemConsole, MonthlyListConsole, MonthlyReportConsole, MonthlyReportPage, MonthlyYearPage, monthlyItemForm } from '../views/education-monthly-pages.tsx';
import { emptyForm, type FormState } from '../views/education-console-common.tsx';
import { codeParam, doneMessage, field, formBody, handleForm, idParam, intOrNull, todayOf, withDone } from './education-common.ts';

const monthParam = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份无效') });
const itemBody = formBody({ department: field(100), title: field(300), progress: field(5000), status: field(20), problems: field(5000), rectification: field(5000), sort: field(10) });
const BASE = '/console/education/monthly';

/** Monthly work: public year view and month pages; console editor. */
export function educationMonthlyRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/gk/:code/education/monthly', { schema: { params: codeParam, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const years = await monthlyYears(ctx, agency.id);
    const year = request.query.year ?? years[0] ?? Number(todayOf(ctx).slice(0, 4));
    return sendPage(request, reply, h(MonthlyYearPage, { ctx: pageContext(request), agency, years, ...(await monthlyYear(ctx, agency.id, year)) }));
  });
  r.get('/gk/:code/education/monthly/:month', { schema: { params: codeParam.extend(monthParam.shape) } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    return sendPage(request, reply, h(MonthlyReportPage, { ctx: pageContext(request), agency, report: await monthlyReport(ctx, agency.id, request.params.month) }));
  });

  // ---------- console ----------
  r.get(BASE, { schema: { querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } }, async (request, reply) => {
    requireStaff(request);
    const year = request.query.year ?? Number(todayOf(ctx).slice(0, 4));
    const reports = await staffMonthlyReports(ctx, actorOf(request), year);
    return sendPage(request, reply, h(MonthlyListConsole, { ctx: pageContext(request), year, reports, done: doneMessage(request) }));
  });
  // The month picker (a GET form): refuses like the page it leads to, so no console address answers everyone.
  r.get(`${BASE}/open`, { schema: { querystring: monthParam } }, async (request, reply) => {
    requireStaffFor(actorOf(request), 'content.manage');
    return reply.redirect(`${BASE}/${request.query.month}`, 303);
  });

  const monthPage = async (request: FastifyRequest, reply: FastifyReply, month: string, forms: { reportForm?: FormState; itemForm?: FormState; error?: string }, status = 200) => {
    requireStaff(request);
    const report = await staffMonthlyReport(ctx, actorOf(request), month);
    return sendPage(request, reply, h(MonthlyReportConsole, {
      ctx: pageContext(request), month, report, done: doneMessage(request), error: forms.error ?? null,
      reportForm: forms.reportForm ?? emptyForm(report ? { summary: report.summary, rewardsPenalties: report.rewardsPenalties, documentRef: report.documentRef ?? '' } : {}),
      itemForm: forms.itemForm ?? emptyForm(monthlyItemForm()),
    }), status);
  };
  r.get(`${BASE}/:month`, { schema: { params: monthParam } }, async (request, reply) => monthPage(request, reply, request.params.month, {}));
  r.post(`${BASE}/:month`, { schema: { params: monthParam, body: formBody({ summary: field(10_000), rewardsPenalties: field(10_000), documentRef: field(100) }) } }, async (request, reply) => {
    requireStaff(request);
    const { month } = request.params;
    return handleForm(reply, request.body, async () => {
      await saveMonthlyReport(ctx, actorOf(request), { month, ...request.body });
      return withDone(`${BASE}/${month}`, 'saved');
    }, (reportForm) => monthPage(request, reply, month, { reportForm }, 400));
  });
  r.post(`${BASE}/:month/items`, { schema: { params: monthParam, body: itemBody } }, async (request, reply) => {
    requireStaff(request);
    const { month } = request.params;
    const b = request.body;
    return handleForm(reply, b, async () => {
      await saveMonthlyItem(ctx, actorOf(request), { month }, { ...b, sort: intOrNull(b.sort) ?? 0 });
      return withDone(`${BASE}/${month}`, 'saved');
    }, (itemForm) => monthPage(request, reply, month, { itemForm }, 400));
  });
  for (const [action, published] of [['publish', true], ['unpublish', false]] as const) {
    r.post(`${BASE}/:month/${action}`, { schema: { params: monthParam, body: formBody({}) } }, async (request, reply) => {
      requireStaff(request);
      const { month } = request.params;
      return handleForm(reply, request.body, async () => {
        await setMonthlyPublished(ctx, actorOf(request), month, published);
        return withDone(`${BASE}/${month}`, published ? 'published' : 'unpublished');
      }, (form) => monthPage(request, reply, month, { error: Object.values(form.errors)[0] ?? form.message }, 400));
    });
  }
  r.get(`${BASE}/items/:id`, { schema: { params: idParam } }, async (request, reply) => {
    requireStaff(request);
    const item = await monthlyItem(ctx, actorOf(request), request.params.id);
    return sendPage(request, reply, h(MonthlyItemConsole, { ctx: pageContext(request), item, form: emptyForm(monthlyItemForm(item)) }));
  });
  r.post(`${BASE}/items/:id`, { schema: { params: idParam, body: itemBody } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    return handleForm(reply, b, async () => withDone(`${BASE}/${await saveMonthlyItem(ctx, actorOf(request), { itemId: request.params.id }, { ...b, sort: intOrNull(b.sort) ?? 0 })}`, 'saved'),
      async (form) => sendPage(request, reply, h(MonthlyItemConsole, { ctx: pageContext(request), item: await monthlyItem(ctx, actorOf(request), request.params.id), form }), 400));
  });
  r.post(`${BASE}/items/:id/delete`, { schema: { params: idParam, body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    const month = await deleteMonthlyItem(ctx, actorOf(request), request.params.id);
    return reply.redirect(withDone(`${BASE}/${month}`, 'deleted'), 303);
  });
}
