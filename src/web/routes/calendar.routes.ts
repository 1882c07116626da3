import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import {
  DUE_DATE_MAX_WORKING_DAYS,
  ScheduleFileError,
  addLocalHoliday,
  assertMayManageCalendar,
  dueDate,
  importConfirmedSchedule,
  knownYears,
  mayManageCalendar,
  previewScheduleFile,
  removeDay,
  yearSchedule,
} from '../../services/calendar.service.ts';
import { AppError } from '../../services/errors.ts';
import { MAX_CALENDAR_YEAR, MAX_SCHEDULE_FILE_BYTES, MIN_CALENDAR_YEAR, isCalendarYear, scheduleToJson } from '../../domain/calendar-import.ts';
import { isIsoDate, yearOf } from '../../domain/dates.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { assertCsrf } from '../plugins/csrf.ts';
import { pageContext, sendPage } from '../render.tsx';
import { tx } from '../i18n/index.ts';
import { todayCst } from '../format.ts';
import { CalendarAdminPage, CalendarPreviewPage, type CalendarAdminState, type CalendarDone } from '../views/calendar-pages.tsx';

const apiError = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
}).meta({ description: '错误：error 为代码，message 为中文说明，fields 按参数名列出问题' });

const required = (what: string) => (iss: { input: unknown }) => (iss.input === undefined ? `缺少${what}` : `${what}应为单个文字值`);

const fromDate = z.string({ error: required('开始日期') })
  .refine(isIsoDate, '应为 YYYY-MM-DD 格式的真实日期')
  .refine((d) => !isIsoDate(d) || isCalendarYear(yearOf(d)), `日期应在 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 年之间`)
  .meta({ description: `起算日期 YYYY-MM-DD（${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 年），当日不计入`, example: '2025-09-26' });

const workingDaysParam = z.string({ error: required('工作日数') })
  .regex(/^\d{1,4}$/, `应为 0 至 ${DUE_DATE_MAX_WORKING_DAYS} 之间的整数`)
  .transform(Number)
  .pipe(z.number().int().max(DUE_DATE_MAX_WORKING_DAYS, `应为 0 至 ${DUE_DATE_MAX_WORKING_DAYS} 之间的整数`))
  .meta({ description: `工作日数，0 至 ${DUE_DATE_MAX_WORKING_DAYS} 的整数`, example: '20' });

const yearParam = z.string()
  .regex(/^\d{4}$/, `应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的四位年份`)
  .transform(Number)
  .pipe(z.number().int().min(MIN_CALENDAR_YEAR, `应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的四位年份`).max(MAX_CALENDAR_YEAR, `应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的四位年份`));

const dueDateResponse = z.object({
  from: z.string().meta({ example: '2025-09-26' }),
  workingDays: z.number().int().meta({ example: 20 }),
  due: z.string().meta({ description: '第 workingDays 个工作日', example: '2025-10-30' }),
  provisional: z.boolean().meta({ description: '计算用到了尚未载入节假日安排的年份（按周一至周五推算），公布后可能变化' }),
});

const scheduleDay = z.object({
  date: z.string(),
  name: z.string().nullable(),
  source: z.string().meta({ description: "来源：'chinese-days'、导入时记录的通知名称，或“本地增设：依据”" }),
  local: z.boolean().meta({ description: '本地增设的假日' }),
});

const yearResponse = z.object({
  year: z.number().int(),
  known: z.boolean().meta({ description: '是否已载入该年度的节假日安排' }),
  provisional: z.boolean().meta({ description: '未载入时为 true：涉及该年的期限均为暂定' }),
  scheduleSource: z.string().nullable(),
  loadedAt: z.string().nullable(),
  daysOff: z.array(scheduleDay),
  makeUpWorkdays: z.array(scheduleDay),
});

const DONE = ['imported', 'added', 'removed'] as const;

const formText = (max: number) => z.string().max(max).optional().default('');

/**
 * The public calendar API (stable: automated clients depend on it) and the administrators' page
 * that imports a year's schedule and keeps local extra holidays. The calendar is the platform's:
 * agency administrators see the page without its forms; every change is a platform administrator's
 * (calendar.service.ts refuses anybody else, and the routes refuse before reading a form or file).
 */
export function calendarRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/calendar/due-date', {
    schema: {
      tags: ['calendar'],
      summary: '期限计算：起算日之后第 N 个工作日',
      description: `起算日当日不计入，第 N 个工作日即为期限（如依申请公开答复期限为 20 个工作日）。工作日数限 0 至 ${DUE_DATE_MAX_WORKING_DAYS}。` +
        '计算涉及尚未公布节假日安排的年份时 provisional 为 true。',
      querystring: z.object({ from: fromDate, workingDays: workingDaysParam }),
      response: { 200: dueDateResponse, 400: apiError },
    },
  }, async (request) => dueDate(ctx, request.query.from, request.query.workingDays));

  r.get('/api/v1/calendar/year/:year', {
    schema: {
      tags: ['calendar'],
      summary: '某年的放假日与调休上班日',
      description: `年份 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR}。每一天注明来源；未载入的年份 known 为 false、列表为空（本地增设的假日除外）。`,
      params: z.object({ year: yearParam.meta({ description: '四位年份', example: '2026' }) }),
      response: { 200: yearResponse, 400: apiError },
    },
  }, async (request) => yearSchedule(ctx, request.params.year));

  // ---- the administrators' page ----

  const renderAdmin = async (request: FastifyRequest, reply: FastifyReply, state: Partial<CalendarAdminState> & { year: number }, status = 200) => {
    const [schedule, years] = await Promise.all([yearSchedule(ctx, state.year), knownYears(ctx)]);
    const mayManage = mayManageCalendar(actorOf(request));
    return sendPage(request, reply, h(CalendarAdminPage, { ctx: pageContext(request), state: { ...state, schedule, years, mayManage } }), status);
  };
  /** Every change: a platform administrator only, refused before the form or file is read. */
  const requireCalendarManager = (request: FastifyRequest) => {
    requireStaff(request);
    assertMayManageCalendar(actorOf(request));
  };
  const thisYear = () => yearOf(todayCst(ctx.now()));

  r.get('/console/admin/calendar', {
    schema: { hide: true, querystring: z.object({ year: yearParam.optional(), done: z.enum(DONE).optional() }) },
  }, async (request, reply) => {
    requireStaff(request, ['admin']);
    return renderAdmin(request, reply, { year: request.query.year ?? thisYear(), done: request.query.done as CalendarDone | undefined });
  });

  // Step 1: read the file and show what it holds; nothing is stored until the confirmation.
  r.post('/console/admin/calendar/upload', { config: { multipartCsrf: true }, schema: { hide: true } }, async (request, reply) => {
    requireCalendarManager(request);
    if (!request.isMultipart()) {
      return renderAdmin(request, reply, { year: thisYear(), uploadErrors: [tx(request, '请通过页面上的表单选择文件上传', 'Please choose the file with the form on the page')] }, 400);
    }
    const fields: Record<string, string> = {};
    let file: { name: string; content: Buffer } | null = null;
    try {
      for await (const part of request.parts({ limits: { fileSize: MAX_SCHEDULE_FILE_BYTES, files: 1, fields: 10 } })) {
        if (part.type === 'file') {
          assertCsrf(request, fields._csrf); // the token precedes the file in the form: refuse before reading an unauthorised upload
          const content = await part.toBuffer();
          if (part.fieldname === 'file' && part.filename) file = { name: part.filename, content };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
        assertCsrf(request, fields._csrf);
        const message = code === 'FST_REQ_FILE_TOO_LARGE'
          ? tx(request, `文件过大：日历文件不应超过 ${MAX_SCHEDULE_FILE_BYTES / 1024} KB`, `The file is too large: a calendar file must not be larger than ${MAX_SCHEDULE_FILE_BYTES / 1024} KB`)
          : tx(request, '一次只能上传一个文件', 'Upload one file at a time');
        return renderAdmin(request, reply, { year: thisYear(), uploadErrors: [message] }, 400);
      }
      throw e;
    }
    assertCsrf(request, fields._csrf);
    const yearText = (fields.year ?? '').trim();
    const source = (fields.source ?? '').trim().slice(0, 300);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    const fallbackYear = year !== undefined && isCalendarYear(year) ? year : thisYear();
    const uploadForm = { year: yearText, source };
    if (yearText !== '' && (year === undefined || !isCalendarYear(year))) {
      return renderAdmin(request, reply, { year: fallbackYear, uploadForm, uploadErrors: [tx(request, `年份应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的四位数字，或留空`, `The year should be four digits from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR}, or left empty`)] }, 400);
    }
    if (!file || file.content.byteLength === 0) {
      return renderAdmin(request, reply, { year: fallbackYear, uploadForm, uploadErrors: [tx(request, '请选择要上传的 .json 或 .ics 文件', 'Please choose a .json or .ics file to upload')] }, 400);
    }
    try {
      const preview = await previewScheduleFile(ctx, actorOf(request), { fileName: file.name, content: file.content, year, source: source || undefined });
      const json = scheduleToJson(preview.schedule.year, preview.schedule.days, preview.schedule.source);
      return sendPage(request, reply, h(CalendarPreviewPage, { ctx: pageContext(request), preview, json, fileName: file.name }));
    } catch (e) {
      if (e instanceof ScheduleFileError) return renderAdmin(request, reply, { year: fallbackYear, uploadForm, uploadErrors: e.problems }, 400);
      if (e instanceof AppError && e.status === 400) return renderAdmin(request, reply, { year: fallbackYear, uploadForm, uploadErrors: [e.message, ...Object.values(e.fields ?? {})] }, 400);
      throw e;
    }
  });

  // Step 2: the confirmed schedule comes back in the JSON format and is checked again in full.
  r.post('/console/admin/calendar/import', {
    schema: { hide: true, body: z.object({ schedule: z.string().max(200_000), source: formText(300), _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireCalendarManager(request);
    try {
      const result = await importConfirmedSchedule(ctx, actorOf(request), request.body.schedule, request.body.source);
      return reply.redirect(`/console/admin/calendar?year=${result.year}&done=imported`, 303);
    } catch (e) {
      if (e instanceof ScheduleFileError) return renderAdmin(request, reply, { year: thisYear(), uploadErrors: e.problems }, 400);
      if (e instanceof AppError && e.status === 400) return renderAdmin(request, reply, { year: thisYear(), uploadErrors: [e.message] }, 400);
      throw e;
    }
  });

  r.post('/console/admin/calendar/local', {
    schema: { hide: true, body: z.object({ date: formText(20), name: formText(200), basis: formText(300), _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireCalendarManager(request);
    const { date, name, basis } = request.body;
    const year = isIsoDate(date) && isCalendarYear(yearOf(date)) ? yearOf(date) : thisYear();
    try {
      await addLocalHoliday(ctx, actorOf(request), { date, name, basis });
      return reply.redirect(`/console/admin/calendar?year=${year}&done=added`, 303);
    } catch (e) {
      if (e instanceof AppError && (e.status === 400 || e.status === 409)) {
        return renderAdmin(request, reply, { year, localForm: { date, name, basis }, localErrors: e.fields ?? {}, localError: e.message }, e.status);
      }
      throw e;
    }
  });

  r.post('/console/admin/calendar/remove', {
    schema: { hide: true, body: z.object({ date: formText(20), _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireCalendarManager(request);
    const { date } = request.body;
    const year = isIsoDate(date) && isCalendarYear(yearOf(date)) ? yearOf(date) : thisYear();
    try {
      await removeDay(ctx, actorOf(request), date);
      return reply.redirect(`/console/admin/calendar?year=${year}&done=removed`, 303);
    } catch (e) {
      if (e instanceof AppError && e.status >= 400 && e.status < 500 && e.status !== 403) {
        return renderAdmin(request, reply, { year, localError: e.message }, e.status);
      }
      throw e;
    }
  });
}
