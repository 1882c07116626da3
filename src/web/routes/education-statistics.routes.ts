import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { parseLang } from '../i18n/index.ts';
import { toTraditional } from '../../search/normalize.ts';
import { requireStaffFor } from '../../services/education-access.ts';
import {
  saveStatistics, statisticsForYear, statisticsJson, statisticsTable, statisticsTrend, statisticsYears, toCsv, trendTable, type StatisticsYearView, type TrendView,
} from '../../services/statistics.service.ts';
import { NotFoundError } from '../../services/errors.ts';
import { STAT_LEVELS, STAT_LEVEL_LABELS, type StatLevel } from '../../domain/education-terms.ts';
import { barChart, formatNumber, lineChart } from '../../output/svg-chart.ts';
import { StatisticsConsole, StatisticsOverviewPage, StatisticsYearPage } from '../views/education-statistics-pages.tsx';
import { emptyForm, type FormState } from '../views/education-console-common.tsx';
import { codeParam, doneMessage, formBody, field, handleForm, intOrNull, todayOf, withDone } from './education-common.ts';

const fileParam = codeParam.extend({ file: z.string().regex(/^(\d{4}|all)(\.(csv|json))?$/, '地址无效') });

function yearChart(v: StatisticsYearView, lang: 'zh' | 'en'): string {
  const labels = v.rows.map((r) => STAT_LEVEL_LABELS[r.level][lang]);
  const parts = v.rows.map((r) => `${STAT_LEVEL_LABELS[r.level][lang]} ${formatNumber(r.pupils)}`);
  return barChart({
    id: `chart-${v.year}`,
    title: lang === 'en' ? `Pupils by level, ${v.year}` : `${v.year}年各学段在校学生数`,
    desc: lang === 'en' ? `${formatNumber(v.total.pupils)} pupils in all: ${parts.join('; ')}.` : `共 ${formatNumber(v.total.pupils)} 人：${parts.join('；')}。`,
    categories: labels,
    series: [{ name: lang === 'en' ? 'Pupils' : '在校学生数', values: v.rows.map((r) => r.pupils) }],
    unit: lang === 'en' ? 'pupils' : '人',
  });
}

function trendChart(t: TrendView, lang: 'zh' | 'en'): string {
  const first = t.totals[0];
  const last = t.totals[t.totals.length - 1];
  return lineChart({
    id: 'chart-trend',
    title: lang === 'en' ? 'Pupils and teachers by year' : '历年在校学生数和教职工数',
    desc: lang === 'en'
      ? `From ${first.year} to ${last.year}: pupils ${formatNumber(first.pupils)} → ${formatNumber(last.pupils)}, teachers ${formatNumber(first.teachers)} → ${formatNumber(last.teachers)}.`
      : `${first.year}年至${last.year}年：在校学生数由 ${formatNumber(first.pupils)} 人变为 ${formatNumber(last.pupils)} 人，教职工数由 ${formatNumber(first.teachers)} 人变为 ${formatNumber(last.teachers)} 人。`,
    categories: t.years.map(String),
    series: [
      { name: lang === 'en' ? 'Pupils' : '在校学生数', values: t.totals.map((x) => x.pupils) },
      { name: lang === 'en' ? 'Teachers' : '教职工数', values: t.totals.map((x) => x.teachers) },
    ],
    unit: lang === 'en' ? 'people' : '人',
  });
}

/** Education statistics: pages with charts, CSV and JSON at stable URLs, and the console form. */
export function educationStatisticsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/gk/:code/education/statistics', { schema: { params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const lang = request.lang === 'en' ? 'en' : 'zh';
    const trend = await statisticsTrend(ctx, agency.id);
    return sendPage(request, reply, h(StatisticsOverviewPage, {
      ctx: pageContext(request), agency, years: trend.years, table: trendTable(trend, lang), chart: trend.years.length ? trendChart(trend, lang) : '',
    }));
  });

  // /statistics/2016, /statistics/2016.csv, /statistics/2016.json, /statistics/all.csv, /statistics/all.json
  r.get('/gk/:code/education/statistics/:file', { schema: { params: fileParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const [, which, , ext] = /^(\d{4}|all)(\.(csv|json))?$/.exec(request.params.file)!;
    // Downloads are in the language asked for in the link (?lang=), Chinese by default — never the cookie.
    const fileLang = parseLang((request.query as Record<string, unknown>).lang) ?? 'zh-CN';
    const csvLang = fileLang === 'en' ? 'en' : 'zh';
    const sendCsv = (csv: string, name: string) => reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(fileLang === 'zh-TW' ? toTraditional(csv) : csv);
    if (which === 'all') {
      if (!ext) throw new NotFoundError();
      const trend = await statisticsTrend(ctx, agency.id);
      if (ext === 'csv') return sendCsv(toCsv(trendTable(trend, csvLang)), `${agency.code}-education-statistics.csv`);
      return reply.type('application/json; charset=utf-8').send({ agency: { code: agency.code, name: agency.name }, years: trend.totals });
    }
    const year = Number(which);
    const view = await statisticsForYear(ctx, agency.id, year);
    if (ext === 'csv') return sendCsv(toCsv(statisticsTable(view, csvLang)), `${agency.code}-education-statistics-${year}.csv`);
    if (ext === 'json') return reply.type('application/json; charset=utf-8').send(statisticsJson(agency, view));
    const lang = request.lang === 'en' ? 'en' : 'zh';
    return sendPage(request, reply, h(StatisticsYearPage, {
      ctx: pageContext(request), agency, year, years: await statisticsYears(ctx, agency.id), table: statisticsTable(view, lang), chart: yearChart(view, lang),
      note: view.note, documentRef: view.documentRef,
    }));
  });

  // ---------- console ----------
  const consolePage = async (request: FastifyRequest, reply: FastifyReply, year: number, form?: FormState, status = 200) => {
    const user = requireStaffFor(actorOf(request), 'content.manage');
    const years = await statisticsYears(ctx, user.agencyId);
    let f = form;
    if (!f) {
      const values: Record<string, string> = {};
      try {
        const v = await statisticsForYear(ctx, user.agencyId, year);
        for (const row of v.rows) {
          values[`${row.level}.schools`] = String(row.schools);
          values[`${row.level}.pupils`] = String(row.pupils);
          values[`${row.level}.teachers`] = String(row.teachers);
        }
        values.note = v.note;
        values.documentRef = v.documentRef ?? '';
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
      }
      f = emptyForm(values);
    }
    return sendPage(request, reply, h(StatisticsConsole, { ctx: pageContext(request), years, year, form: f, done: doneMessage(request) }), status);
  };
  r.get('/console/education/statistics', { schema: { querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() }) } }, async (request, reply) => {
    requireStaff(request);
    return consolePage(request, reply, request.query.year ?? Number(todayOf(ctx).slice(0, 4)) - 1);
  });
  const shape: Record<string, ReturnType<typeof field>> = { year: field(4), note: field(5000), documentRef: field(100) };
  for (const l of STAT_LEVELS) for (const k of ['schools', 'pupils', 'teachers']) shape[`${l}.${k}`] = field(12);
  r.post('/console/education/statistics', { schema: { body: formBody(shape) } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body as Record<string, string>;
    const year = intOrNull(b.year) ?? Number.NaN;
    return handleForm(reply, b, async () => {
      const rows: Partial<Record<StatLevel, { schools: string; pupils: string; teachers: string }>> = {};
      for (const l of STAT_LEVELS) rows[l] = { schools: b[`${l}.schools`] ?? '', pupils: b[`${l}.pupils`] ?? '', teachers: b[`${l}.teachers`] ?? '' };
      await saveStatistics(ctx, actorOf(request), { year, rows, note: b.note ?? '', documentRef: b.documentRef ?? '' });
      return withDone(`/console/education/statistics?year=${year}`, 'saved');
    }, (form) => consolePage(request, reply, Number.isInteger(year) ? year : 2000, form, 400));
  });
}
