import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import { publishedReport, publishedReports, searchReports, type ReportDocumentModel } from '../../services/annual-report.service.ts';
import { reportDocx } from '../../output/report-docx.ts';
import { reportXlsx } from '../../output/report-xlsx.ts';
import { pageContext, sendPage } from '../render.tsx';
import { agencyLink, presentAgency } from '../views/portal-pages.tsx';
import { ReportPage, ReportsListPage } from '../views/report-pages.tsx';

const codeParam = z.object({ code: z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效') });
const yearParams = codeParam.extend({ year: z.coerce.number().int().min(1990).max(9999) });
const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(1000).optional().catch(undefined) });

/** Sends a generated file with an ASCII fallback name and the Chinese name (RFC 5987). */
export function sendFile(reply: FastifyReply, buf: Buffer, type: string, asciiName: string, name: string): FastifyReply {
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.send(buf);
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fileNames(m: ReportDocumentModel, ext: 'docx' | 'xlsx', suffix = ''): { ascii: string; name: string } {
  const v = m.version > 1 ? `-v${m.version}` : '';
  return { ascii: `${m.agencyCode}-${m.year}-annual-report${suffix ? `-${suffix}` : ''}${v}.${ext}`, name: `${m.title}${suffix === 'tables' ? '（统计表）' : ''}${m.version > 1 ? `（第${m.version}版）` : ''}.${ext}` };
}

/** The public 政府信息公开年报 column: list, report page, .docx and .xlsx. */
export function reportsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/gk/:code/reports', {
    schema: { hide: true, params: codeParam, querystring: z.object({ q: z.string().max(100).optional().catch(undefined) }) },
  }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const q = (request.query.q ?? '').trim();
    const [entries, children, results] = await Promise.all([
      publishedReports(ctx, agency), ctx.repos.agencies.children(agency.id), q ? searchReports(ctx, agency, q) : Promise.resolve(null),
    ]);
    return sendPage(request, reply, h(ReportsListPage, { ctx: pageContext(request), agency: presentAgency(agency), entries, children: children.map(agencyLink), q, results }));
  });

  r.get('/gk/:code/reports/:year', { schema: { hide: true, params: yearParams, querystring: versionQuery } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const view = await publishedReport(ctx, agency, request.params.year, request.query.version);
    const base = `/gk/${encodeURIComponent(agency.code)}/reports/${request.params.year}`;
    const v = request.query.version !== undefined ? `?version=${view.model.version}` : '';
    return sendPage(request, reply, h(ReportPage, {
      ctx: pageContext(request), agency: presentAgency(agency), view,
      docxHref: `${base}/report.docx${v}`,
      xlsxHref: view.model.tables ? `${base}/tables.xlsx${v}` : null,
      jsonHref: view.model.tables && !v ? `/api/v1/reports/annual/${request.params.year}?agency=${encodeURIComponent(agency.code)}` : null,
    }));
  });

  r.get('/gk/:code/reports/:year/report.docx', { schema: { hide: true, params: yearParams, querystring: versionQuery } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const { model } = await publishedReport(ctx, agency, request.params.year, request.query.version);
    const n = fileNames(model, 'docx');
    return sendFile(reply, await reportDocx(model), DOCX_TYPE, n.ascii, n.name);
  });

  r.get('/gk/:code/reports/:year/tables.xlsx', { schema: { hide: true, params: yearParams, querystring: versionQuery } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const { model } = await publishedReport(ctx, agency, request.params.year, request.query.version);
    if (model.tables === null) return reply.callNotFound();
    const n = fileNames(model, 'xlsx', 'tables');
    return sendFile(reply, await reportXlsx(model), XLSX_TYPE, n.ascii, n.name);
  });
}
