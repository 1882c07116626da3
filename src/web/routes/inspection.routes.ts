// Console pages of the site inspection (issue 9): the health page per agency, the supervisor's
// league table, runs on demand, settings (columns, text rules, external links), the text check and
// the monthly report (.docx). Thin: validate, authenticate, call one service, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { ValidationError } from '../../services/errors.ts';
import {
  checkTextAs, healthPage, leagueTable, monthlyReport, runInspectionAs, runSupervisedInspections, type HealthView,
} from '../../services/inspection.service.ts';
import {
  addColumn, addTextRule, adoptDefaultColumns, columnsOf, deleteColumn, deleteTextRule, describeColumn, externalLinksEnabled, setExternalLinks,
  taxonomyChoices, textRulesOf, updateColumn,
} from '../../services/inspection-settings.service.ts';
import { requireStaffFor, visibleAgency } from '../../services/inspection-access.ts';
import { inspectionReportDocx } from '../../output/inspection-docx.ts';
import { lineChart } from '../../output/svg-chart.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { todayCst } from '../format.ts';
import { HealthPage } from '../views/inspection-health.tsx';
import { LeaguePage } from '../views/inspection-league.tsx';
import { SettingsPage, TextCheckPage } from '../views/inspection-settings.tsx';
import { emptyForm, type FormState } from '../views/inspection-common.tsx';
import { noticeFrom, type Notice } from '../i18n/index.ts';
import { tx, type Lang } from '../i18n/index.ts';

const code = z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效');
const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const text = (max: number) => z.string().max(max, `内容过长（最多 ${max} 个字符）`).optional().default('');
/** A checkbox group: absent, one value or several. */
const multi = z.union([z.string().max(40), z.array(z.string().max(40)).max(200)]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const csrf = { _csrf: z.string().optional() };
const doneQuery = z.object({ done: z.string().max(20).optional() });

const DONE: Record<string, Notice> = {
  ran: { zh: '检查完成。', en: 'Check complete.' },
  ranAll: { zh: '已检查全部机关。', en: 'All agencies have been checked.' },
  saved: { zh: '已保存。', en: 'Saved.' },
  added: { zh: '已添加。', en: 'Added.' },
  deleted: { zh: '已删除。', en: 'Deleted.' },
  adopted: { zh: '已采用默认栏目，可以逐项修改。', en: 'The default columns have been adopted; you can change them one by one.' },
};
const doneText = (request: FastifyRequest, key: string | undefined) => noticeFrom(request, DONE, key) ?? null;

const columnBody = z.object({ name: text(40), kind: text(20), periodValue: text(10), periodUnit: text(10), categories: multi, topics: multi, genres: multi, ...csrf });
const ruleBody = z.object({ scope: text(20), kind: text(20), pattern: text(200), replacement: text(200), severity: text(20), note: text(200), ...csrf });

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The last 12 months, this one first ('YYYY-MM'). */
export function recentMonths(today: string, n = 12): string[] {
  let [y, m] = today.slice(0, 7).split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) { m = 12; y -= 1; }
  }
  return out;
}

/** The trend as a line chart: score and number of findings per day. */
export function trendChart(view: HealthView, ctx: { lang: Lang }): string {
  const first = view.trend[0];
  const last = view.trend[view.trend.length - 1];
  return lineChart({
    id: 'inspection-trend',
    lang: ctx.lang,
    title: tx(ctx, `${view.agency.name}近90天网站自查趋势`, `${view.agency.name}: site self-inspection over the last 90 days`),
    desc: !first || !last ? tx(ctx, '暂无数据', 'No data yet')
      : tx(ctx, `从${first.date}到${last.date}共${view.trend.length}天：最近一次得分${last.score}分，问题${last.findings}个。`,
        `${view.trend.length} days from ${first.date} to ${last.date}: latest score ${last.score}, ${last.findings} ${last.findings === 1 ? 'problem' : 'problems'}.`),
    categories: view.trend.map((t) => `${Number(t.date.slice(5, 7))}-${Number(t.date.slice(8))}`),
    series: [{ name: tx(ctx, '得分', 'Score'), values: view.trend.map((t) => t.score) }, { name: tx(ctx, '问题数', 'Problems'), values: view.trend.map((t) => t.findings) }],
    width: 760,
    height: 300,
  });
}

export function inspectionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const health = async (request: FastifyRequest, reply: FastifyReply, agencyCode: string | undefined, done: string | undefined) => {
    requireStaff(request);
    const view = await healthPage(ctx, actorOf(request), agencyCode);
    return sendPage(request, reply, h(HealthPage, { ctx: pageContext(request), view, chart: trendChart(view, request), done: doneText(request, done), months: recentMonths(todayCst(ctx.now())) }));
  };
  r.get('/console/inspection', { schema: { hide: true, querystring: doneQuery } }, async (request, reply) => health(request, reply, undefined, request.query.done));
  r.get('/console/inspection/agencies/:code', { schema: { hide: true, params: z.object({ code }), querystring: doneQuery } }, async (request, reply) =>
    health(request, reply, request.params.code, request.query.done));

  r.post('/console/inspection/run', { schema: { hide: true, body: z.object({ agency: code.optional(), externalLinks: text(1), ...csrf }) } }, async (request, reply) => {
    requireStaff(request);
    const user = request.user!;
    await runInspectionAs(ctx, actorOf(request), request.body.agency, { externalLinks: request.body.externalLinks === '1' });
    const own = !request.body.agency || request.body.agency === user.agencyCode;
    return reply.redirect(`${own ? '/console/inspection' : `/console/inspection/agencies/${request.body.agency}`}?done=ran`, 303);
  });

  r.get('/console/inspection/league', { schema: { hide: true, querystring: doneQuery } }, async (request, reply) => {
    requireStaff(request);
    const league = await leagueTable(ctx, actorOf(request));
    return sendPage(request, reply, h(LeaguePage, {
      ctx: pageContext(request), ...league, externalLinksDefault: await externalLinksEnabled(ctx.repos), months: recentMonths(league.today), done: doneText(request, request.query.done),
    }));
  });
  r.post('/console/inspection/run-all', { schema: { hide: true, body: z.object({ externalLinks: text(1), ...csrf }) } }, async (request, reply) => {
    requireStaff(request);
    await runSupervisedInspections(ctx, actorOf(request), { externalLinks: request.body.externalLinks === '1' });
    return reply.redirect('/console/inspection/league?done=ranAll', 303);
  });

  r.get('/console/inspection/report.docx', {
    schema: { hide: true, querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'), scope: z.enum(['agency', 'supervised']).optional() }) },
  }, async (request, reply) => {
    requireStaff(request);
    const model = await monthlyReport(ctx, actorOf(request), request.query.month, request.query.scope ?? 'agency');
    const name = `${model.title}.docx`;
    reply.header('content-disposition', `attachment; filename="inspection-${request.query.month}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    reply.header('cache-control', 'private, no-store');
    return reply.type(DOCX_TYPE).send(await inspectionReportDocx(model));
  });

  // ---- settings ----
  const settings = async (request: FastifyRequest, reply: FastifyReply, forms: { columnForm?: FormState; editing?: { id: number; form: FormState }; ruleForm?: FormState; done?: string } = {}, status = 200) => {
    const actor = actorOf(request);
    const user = requireStaffFor(actor, 'inspection.configure');
    const agency = await visibleAgency(ctx.repos, user, undefined);
    const [{ columns, isDefault }, taxonomy, rules, externalLinks] = await Promise.all([
      columnsOf(ctx.repos, agency.id), taxonomyChoices(ctx.repos, agency.id), textRulesOf(ctx.repos, agency.id), externalLinksEnabled(ctx.repos),
    ]);
    return sendPage(request, reply, h(SettingsPage, {
      ctx: pageContext(request), agencyName: agency.name, columns, isDefault, taxonomy, describe: (c) => describeColumn(c, taxonomy), rules, externalLinks,
      isSysadmin: user.isSysadmin, columnForm: forms.columnForm, editing: forms.editing, ruleForm: forms.ruleForm, done: doneText(request, forms.done),
    }), status);
  };
  const formOf = (body: Record<string, unknown>, e: ValidationError): FormState => {
    const values: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && (typeof v === 'string' || Array.isArray(v))) values[k] = v as string | string[];
    return { values, errors: e.fields ?? {}, message: e.message };
  };
  /** Runs a settings change; a ValidationError re-renders the page with the form's errors (400). */
  const change = async (request: FastifyRequest, reply: FastifyReply, action: () => Promise<unknown>, done: string, rerender: (form: FormState) => Parameters<typeof settings>[2]) => {
    requireStaff(request);
    try {
      await action();
      return reply.redirect(`/console/inspection/settings?done=${done}`, 303);
    } catch (e) {
      if (e instanceof ValidationError) return settings(request, reply, rerender(formOf(request.body as Record<string, unknown>, e)), 400);
      throw e;
    }
  };

  r.get('/console/inspection/settings', { schema: { hide: true, querystring: doneQuery } }, async (request, reply) => {
    requireStaff(request);
    return settings(request, reply, { done: request.query.done });
  });
  r.post('/console/inspection/settings/columns', { schema: { hide: true, body: columnBody } }, async (request, reply) =>
    change(request, reply, () => addColumn(ctx, actorOf(request), request.body), 'added', (columnForm) => ({ columnForm })));
  r.post('/console/inspection/settings/columns/adopt', { schema: { hide: true, body: z.object(csrf) } }, async (request, reply) =>
    change(request, reply, () => adoptDefaultColumns(ctx, actorOf(request)), 'adopted', () => ({})));
  r.post('/console/inspection/settings/columns/:id', { schema: { hide: true, params: idParam, body: columnBody } }, async (request, reply) =>
    change(request, reply, () => updateColumn(ctx, actorOf(request), request.params.id, request.body), 'saved', (form) => ({ editing: { id: request.params.id, form } })));
  r.post('/console/inspection/settings/columns/:id/delete', { schema: { hide: true, params: idParam, body: z.object(csrf) } }, async (request, reply) =>
    change(request, reply, () => deleteColumn(ctx, actorOf(request), request.params.id), 'deleted', () => ({})));
  r.post('/console/inspection/settings/rules', { schema: { hide: true, body: ruleBody } }, async (request, reply) =>
    change(request, reply, () => addTextRule(ctx, actorOf(request), request.body), 'added', (ruleForm) => ({ ruleForm })));
  r.post('/console/inspection/settings/rules/:id/delete', { schema: { hide: true, params: idParam, body: z.object(csrf) } }, async (request, reply) =>
    change(request, reply, () => deleteTextRule(ctx, actorOf(request), request.params.id), 'deleted', () => ({})));
  r.post('/console/inspection/settings/external', { schema: { hide: true, body: z.object({ on: z.enum(['0', '1']), ...csrf }) } }, async (request, reply) =>
    change(request, reply, () => setExternalLinks(ctx, actorOf(request), request.body.on === '1'), 'saved', () => ({})));

  // ---- text check ----
  r.get('/console/inspection/check-text', { schema: { hide: true } }, async (request, reply) => {
    requireStaffFor(actorOf(request), 'inspection.view');
    return sendPage(request, reply, h(TextCheckPage, { ctx: pageContext(request), form: emptyForm(), hits: null }));
  });
  r.post('/console/inspection/check-text', { schema: { hide: true, body: z.object({ title: text(500), body: text(200_000), ...csrf }) } }, async (request, reply) => {
    requireStaff(request);
    const hits = await checkTextAs(ctx, actorOf(request), { title: request.body.title, body: request.body.body });
    return sendPage(request, reply, h(TextCheckPage, { ctx: pageContext(request), form: emptyForm({ title: request.body.title, body: request.body.body }), hits }));
  });
}
