import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { DomainError, ValidationError } from '../../services/errors.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import {
  acceptReport,
  addAdjustments,
  addOffPlatformApplications,
  consolidatedModel,
  generateDraftProse,
  publishReport,
  recordsBehind,
  removeAdjustment,
  reportIndex,
  reportWorkspace,
  returnReport,
  saveManualFigures,
  saveProse,
  startCorrection,
  submitReport,
  supervisionOverview,
  type DrillTable,
} from '../../services/annual-report.service.ts';
import { reportingYearOf } from '../../domain/report-workflow.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { reportDocx } from '../../output/report-docx.ts';
import { reportXlsx } from '../../output/report-xlsx.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { RecordsPage, ReportsIndexPage, ReportWorkspacePage, SupervisionPage, type WorkspaceProps } from '../views/report-console.tsx';
import { DOCX_TYPE, XLSX_TYPE, fileNames, sendFile } from './reports.routes.ts';
import { noticeFrom, type Notice } from '../i18n/index.ts';

const yearParam = z.object({ year: z.coerce.number().int().min(2008).max(9999) });
const agencyQuery = z.object({ agency: z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效').optional().catch(undefined) });
const csrf = { _csrf: z.string().optional() };
const text = (max: number) => z.string().max(max, `不能超过${max}个字符`).default('');

const NOTICES = {
  prose: { zh: '正文已保存。', en: 'Text saved.' },
  draft: { zh: '已根据本年度数据生成“一、总体情况”初稿，请改写后保存。', en: 'A draft of “1. Overview” has been made from this year\'s data; rewrite it and save.' },
  figures: { zh: '数字和来源已保存。', en: 'Figures and sources saved.' },
  entries: { zh: '补录数据已保存，表三仍然平衡。', en: 'Off-platform entries saved; table 3 still balances.' },
  removed: { zh: '补录数据已删除。', en: 'Off-platform entries deleted.' },
  submitted: { zh: '年度报告已报送上级主管部门审核，统计表已冻结。', en: 'The annual report has been submitted to the supervising office for review; the tables are frozen.' },
  accepted: { zh: '年度报告已审核通过（本机关没有上级主管部门在平台上，请在平台外报送）。', en: 'The annual report has been approved (this agency has no supervising office on the platform; submit it outside the platform).' },
  published: { zh: '年度报告已发布到“政府信息公开年报”栏目。', en: 'The annual report has been published in the “Annual reports” column.' },
  correction: { zh: '已创建更正版本，请修改后重新报送审核。', en: 'A correction version has been created; change it and submit it for review again.' },
  returned: { zh: '已退回修改，意见已通知报告机关。', en: 'Returned for changes; the reporting agency has been told of the comments.' },
  approved: { zh: '已审核通过，报告机关可以发布。', en: 'Approved; the reporting agency may publish it.' },
} satisfies Record<string, Notice>;
type NoticeKey = keyof typeof NOTICES;

/** The office's workspace, the records behind each number, and the supervising office's pages. */
export function reportsConsoleRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const agencyIdOf = async (code: string | undefined): Promise<number | undefined> => (code ? (await agencyByCode(ctx, code)).id : undefined);

  const workspace = async (request: FastifyRequest, reply: FastifyReply, year: number, agencyCode: string | undefined, extra: Partial<WorkspaceProps>, status = 200) => {
    requireStaff(request);
    const ws = await reportWorkspace(ctx, actorOf(request), year, await agencyIdOf(agencyCode));
    const agencyQ = agencyCode && ws.party === 'supervisor' ? `?agency=${encodeURIComponent(ws.agency.code)}` : '';
    return sendPage(request, reply, h(ReportWorkspacePage, { ctx: pageContext(request), ws, agencyQuery: agencyQ, ...extra }), status);
  };

  /** Runs an office action; a refused one re-renders the workspace with the message and what was typed. */
  const act = async (request: FastifyRequest, reply: FastifyReply, year: number, form: string, values: Record<string, string>, fn: () => Promise<unknown>, notice: NoticeKey | ((result: unknown) => NoticeKey), agencyCode?: string) => {
    let done: NoticeKey;
    try {
      const result = await fn();
      done = typeof notice === 'function' ? notice(result) : notice;
    } catch (e) {
      if (e instanceof ValidationError || e instanceof DomainError) {
        return workspace(request, reply, year, agencyCode, { error: { message: e.message, fields: e.fields, form }, values }, e.status);
      }
      throw e;
    }
    const q = agencyCode ? `agency=${encodeURIComponent(agencyCode)}&` : '';
    return reply.redirect(`/console/reports/${year}?${q}done=${done}`, 303);
  };

  r.get('/console/reports', { schema: { hide: true } }, async (request, reply) => {
    requireStaff(request);
    return sendPage(request, reply, h(ReportsIndexPage, { ctx: pageContext(request), index: await reportIndex(ctx, actorOf(request)) }));
  });

  // ---- supervision ----------------------------------------------------------------------------

  r.get('/console/reports/supervision', {
    schema: { hide: true, querystring: z.object({ year: z.coerce.number().int().min(2008).max(9999).optional().catch(undefined) }) },
  }, async (request, reply) => {
    requireStaff(request);
    const reporting = reportingYearOf(chinaDateOf(ctx.now()));
    const o = await supervisionOverview(ctx, actorOf(request), request.query.year ?? reporting);
    const years = [0, 1, 2, 3, 4].map((i) => reporting - i);
    if (!years.includes(o.year)) years.push(o.year);
    return sendPage(request, reply, h(SupervisionPage, { ctx: pageContext(request), o, years: years.sort((a, b) => b - a) }));
  });

  r.get('/console/reports/supervision/:year/consolidated.xlsx', { schema: { hide: true, params: yearParam } }, async (request, reply) => {
    requireStaff(request);
    const model = consolidatedModel(await supervisionOverview(ctx, actorOf(request), request.params.year));
    return sendFile(reply, await reportXlsx(model), XLSX_TYPE, `${model.agencyCode}-${model.year}-consolidated.xlsx`, `${model.title}.xlsx`);
  });

  r.post('/console/reports/review/:id', {
    schema: {
      hide: true,
      params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
      body: z.object({ decision: z.enum(['accept', 'return']), comment: text(5000), year: z.coerce.number().int().min(2008).max(9999), agency: z.string().regex(/^[a-z0-9_-]{1,32}$/i), ...csrf }),
    },
  }, async (request, reply) => {
    requireStaff(request);
    const { decision, comment, year, agency } = request.body;
    const actor = actorOf(request);
    return act(request, reply, year, 'review', { comment }, () => (decision === 'accept' ? acceptReport(ctx, actor, request.params.id, comment) : returnReport(ctx, actor, request.params.id, comment)),
      decision === 'accept' ? 'approved' : 'returned', agency);
  });

  // ---- the workspace --------------------------------------------------------------------------

  r.get('/console/reports/:year', {
    schema: { hide: true, params: yearParam, querystring: agencyQuery.extend({ done: z.enum(Object.keys(NOTICES) as [NoticeKey, ...NoticeKey[]]).optional().catch(undefined) }) },
  }, async (request, reply) => workspace(request, reply, request.params.year, request.query.agency, { notice: noticeFrom(request, NOTICES, request.query.done) }));

  r.get('/console/reports/:year/records', {
    schema: {
      hide: true,
      params: yearParam,
      querystring: agencyQuery.extend({
        table: z.enum(['proactive', 'applications', 'reviewLitigation']),
        row: z.string().max(60).default(''),
        column: z.string().max(60),
      }),
    },
  }, async (request, reply) => {
    requireStaff(request);
    const { table, row, column, agency } = request.query;
    const d = await recordsBehind(ctx, actorOf(request), { year: request.params.year, agencyId: await agencyIdOf(agency), table: table as DrillTable, row, column });
    const back = `/console/reports/${request.params.year}${agency ? `?agency=${encodeURIComponent(agency)}` : ''}`;
    return sendPage(request, reply, h(RecordsPage, { ctx: pageContext(request), d, backHref: back }));
  });

  r.get('/console/reports/:year/report.docx', { schema: { hide: true, params: yearParam, querystring: agencyQuery } }, async (request, reply) => {
    requireStaff(request);
    const ws = await reportWorkspace(ctx, actorOf(request), request.params.year, await agencyIdOf(request.query.agency));
    const n = fileNames(ws.document, 'docx');
    return sendFile(reply, await reportDocx(ws.document), DOCX_TYPE, n.ascii, n.name);
  });

  r.get('/console/reports/:year/tables.xlsx', { schema: { hide: true, params: yearParam, querystring: agencyQuery } }, async (request, reply) => {
    requireStaff(request);
    const ws = await reportWorkspace(ctx, actorOf(request), request.params.year, await agencyIdOf(request.query.agency));
    if (ws.document.tables === null) return reply.callNotFound();
    const n = fileNames(ws.document, 'xlsx', 'tables');
    return sendFile(reply, await reportXlsx(ws.document), XLSX_TYPE, n.ascii, n.name);
  });

  r.post('/console/reports/:year/prose', {
    schema: { hide: true, params: yearParam, body: z.object({ overview: text(20000), problems: text(20000), otherMatters: text(20000), ...csrf }) },
  }, async (request, reply) => {
    requireStaff(request);
    const { overview, problems, otherMatters } = request.body;
    return act(request, reply, request.params.year, 'prose', { overview, problems, otherMatters }, () => saveProse(ctx, actorOf(request), request.params.year, { overview, problems, otherMatters }), 'prose');
  });

  r.post('/console/reports/:year/draft-overview', { schema: { hide: true, params: yearParam, body: z.object(csrf) } }, async (request, reply) => {
    requireStaff(request);
    return act(request, reply, request.params.year, 'prose', {}, () => generateDraftProse(ctx, actorOf(request), request.params.year), 'draft');
  });

  r.post('/console/reports/:year/figures', {
    schema: {
      hide: true, params: yearParam,
      body: z.object({
        licensing: text(20), penalty: text(20), coercion: text(20), fees: text(20),
        source_licensing: text(600), source_penalty: text(600), source_coercion: text(600), source_fees: text(600), ...csrf,
      }),
    },
  }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    const { _csrf, ...values } = b;
    return act(request, reply, request.params.year, 'figures', values, () => saveManualFigures(ctx, actorOf(request), request.params.year, {
      licensing: b.licensing, penalty: b.penalty, coercion: b.coercion, fees: b.fees,
      sources: { licensing: b.source_licensing, penalty: b.source_penalty, coercion: b.source_coercion, fees: b.source_fees },
    }), 'figures');
  });

  r.post('/console/reports/:year/entries', {
    schema: { hide: true, params: yearParam, body: z.object({ row: text(60), column: text(30), delta: text(12), note: text(600), ...csrf }) },
  }, async (request, reply) => {
    requireStaff(request);
    const { row, column, delta, note } = request.body;
    const n = /^-?\d{1,7}$/.test(delta.trim()) ? Number(delta.trim()) : Number.NaN;
    return act(request, reply, request.params.year, 'entries', { row, column, delta, note }, () => addAdjustments(ctx, actorOf(request), request.params.year, [{ row, column, delta: n }], note), 'entries');
  });

  r.post('/console/reports/:year/off-platform', {
    schema: { hide: true, params: yearParam, body: z.object({ column: text(30), count: text(12), origin: z.enum(['new', 'carried_in']).default('new'), result: text(60), note: text(600), ...csrf }) },
  }, async (request, reply) => {
    requireStaff(request);
    const { column, count, origin, result, note } = request.body;
    const n = /^\d{1,7}$/.test(count.trim()) ? Number(count.trim()) : Number.NaN;
    return act(request, reply, request.params.year, 'off-platform', { column, count, origin, result, note },
      () => addOffPlatformApplications(ctx, actorOf(request), request.params.year, { column, count: n, carriedIn: origin === 'carried_in', result, note }), 'entries');
  });

  r.post('/console/reports/:year/entries/:id/delete', {
    schema: { hide: true, params: yearParam.extend({ id: z.coerce.number().int().min(1).max(2_147_483_647) }), body: z.object(csrf) },
  }, async (request, reply) => {
    requireStaff(request);
    return act(request, reply, request.params.year, 'entries', {}, () => removeAdjustment(ctx, actorOf(request), request.params.year, request.params.id), 'removed');
  });

  r.post('/console/reports/:year/submit', { schema: { hide: true, params: yearParam, body: z.object(csrf) } }, async (request, reply) => {
    requireStaff(request);
    // An agency without a supervisor on the platform: its submission counts as accepted.
    return act(request, reply, request.params.year, 'workflow', {}, () => submitReport(ctx, actorOf(request), request.params.year),
      (to) => (to === 'accepted' ? 'accepted' : 'submitted'));
  });

  r.post('/console/reports/:year/publish', { schema: { hide: true, params: yearParam, body: z.object(csrf) } }, async (request, reply) => {
    requireStaff(request);
    return act(request, reply, request.params.year, 'workflow', {}, () => publishReport(ctx, actorOf(request), request.params.year), 'published');
  });

  r.post('/console/reports/:year/correct', { schema: { hide: true, params: yearParam, body: z.object({ note: text(2000), ...csrf }) } }, async (request, reply) => {
    requireStaff(request);
    return act(request, reply, request.params.year, 'correct', { note: request.body.note }, () => startCorrection(ctx, actorOf(request), request.params.year, request.body.note), 'correction');
  });
}
