import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { assertCsrf } from '../plugins/csrf.ts';
import { pageContext, sendPage } from '../render.tsx';
import { tx } from '../i18n/index.ts';
import { requireStaffFor } from '../../services/education-access.ts';
import {
  addAdmissionStep, catalogDocumentUrl, deleteAdmissionStep, enrolmentYears, getSchool, importZones, listSchools, lookupZones, saveEnrolmentYear, saveSchool,
  schoolZoneText, setSchoolPlan, setSchoolZones, zoneYear, ZoneImportError,
} from '../../services/enrolment.service.ts';
import { SCHOOL_LEVEL_LABELS, documentPath } from '../../domain/education-terms.ts';
import { EducationHomePage, EnrolmentLookupPage, SchoolDirectoryPage, ZoneListPage } from '../views/education-enrolment-pages.tsx';
import {
  CONSOLE_EDU, EducationConsoleHome, EnrolmentYearConsole, EnrolmentYearsConsole, SchoolEditConsole, SchoolListConsole, schoolForm,
} from '../views/education-enrolment-console.tsx';
import { emptyForm, type FormState } from '../views/education-console-common.tsx';
import { codeParam, doneMessage, field, formBody, handleForm, idParam, intOrNull, todayOf, withDone } from './education-common.ts';
import { consoleCounts } from '../../services/question.service.ts';
import { ValidationError } from '../../services/errors.ts';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), q: z.string().max(100).optional() });
const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const schoolBody = formBody({
  name: field(200), level: field(20), ownership: field(10), town: field(50), address: field(300), phone: field(50), website: field(200), intro: field(5000), sort: field(10),
});

const lookupResponse = z.object({
  agency: z.object({ code: z.string(), name: z.string() }),
  year: z.number().nullable(),
  years: z.array(z.number()),
  query: z.string(),
  tooShort: z.boolean(),
  results: z.array(z.object({
    school: z.object({ name: z.string(), level: z.string(), levelLabel: z.string(), ownership: z.string(), town: z.string(), address: z.string(), phone: z.string(), website: z.string() }),
    matches: z.array(z.object({ area: z.string(), note: z.string(), match: z.string() })),
    plan: z.object({ classes: z.number(), places: z.number(), note: z.string() }).nullable(),
  })),
  schedule: z.array(z.object({ title: z.string(), level: z.string(), startsOn: z.string(), endsOn: z.string().nullable(), description: z.string(), documentRef: z.string().nullable(), documentUrl: z.string().nullable() })),
  documents: z.array(z.object({ label: z.string(), indexNumber: z.string(), url: z.string() })),
});

/** Schools, enrolment zones and the admission schedule: public pages, the API lookup and the console. */
export function educationEnrolmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---------- public ----------
  r.get('/gk/:code/education', { schema: { params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    return sendPage(request, reply, h(EducationHomePage, { ctx: pageContext(request), agency }));
  });

  r.get('/gk/:code/education/enrolment', { schema: { params: codeParam, querystring: yearQuery } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const result = await lookupZones(ctx, { agencyCode: agency.code, year: request.query.year, q: request.query.q });
    return sendPage(request, reply, h(EnrolmentLookupPage, { ctx: pageContext(request), agency, result, today: todayOf(ctx) }));
  });

  r.get('/gk/:code/education/enrolment/:year/zones', { schema: { params: codeParam.extend(yearParam.shape) } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const view = await zoneYear(ctx, agency.id, request.params.year);
    return sendPage(request, reply, h(ZoneListPage, { ctx: pageContext(request), agency, view, today: todayOf(ctx) }));
  });

  // Index numbers stored by this area lead to the document's page in the catalog.
  r.get('/gk/:code/education/doc', { schema: { params: codeParam, querystring: z.object({ index: z.string().min(1).max(100) }) } }, async (request, reply) =>
    reply.redirect(await catalogDocumentUrl(ctx, request.params.code, request.query.index), 302));

  r.get('/gk/:code/education/schools', { schema: { params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    return sendPage(request, reply, h(SchoolDirectoryPage, { ctx: pageContext(request), agency, schools: await listSchools(ctx, agency.id) }));
  });

  r.get('/api/v1/enrolment/lookup', {
    schema: {
      summary: '招生片区查询：按住址或小区名称查找对口学校及当年招生日程',
      tags: ['education'],
      querystring: z.object({
        agency: z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效').describe('机关代码，如 hjjyj'),
        year: z.coerce.number().int().min(2000).max(2100).optional().describe('招生年度，默认为最近公布的年度'),
        q: z.string().max(100).optional().default('').describe('住址、小区或社区名称（简体或繁体，可为部分名称）'),
      }),
      response: { 200: lookupResponse },
    },
    // The busiest public endpoint on enrolment days: the handler below builds every field of the
    // answer by name (nothing else can reach it), so the schema documents the answer and tests check
    // it, and the answer is written with JSON.stringify instead of being re-validated by zod on every
    // request (≈ 6 % of the request's CPU).
    serializerCompiler: () => (data) => JSON.stringify(data),
  }, async (request): Promise<z.infer<typeof lookupResponse>> => {
    const res = await lookupZones(ctx, { agencyCode: request.query.agency, year: request.query.year, q: request.query.q });
    return {
      agency: { code: res.agency.code, name: res.agency.name },
      year: res.year,
      years: res.years,
      query: res.query,
      tooShort: res.tooShort,
      results: res.results.map((x) => ({
        school: { name: x.school.name, level: x.school.level, levelLabel: SCHOOL_LEVEL_LABELS[x.school.level].zh, ownership: x.school.ownership, town: x.school.town, address: x.school.address, phone: x.school.phone, website: x.school.website },
        matches: x.matches.map((m) => ({ area: m.area, note: m.note, match: m.match })),
        plan: x.plan && { classes: x.plan.classes, places: x.plan.places, note: x.plan.note },
      })),
      schedule: res.schedule.map((s) => ({
        title: s.title, level: s.level, startsOn: s.startsOn, endsOn: s.endsOn, description: s.description, documentRef: s.documentRef,
        documentUrl: s.documentRef ? documentPath(res.agency.code, s.documentRef) : null,
      })),
      documents: res.documents.map((d) => ({ label: d.label, indexNumber: d.indexNumber, url: d.url })),
    };
  });

  // ---------- console ----------
  r.get(CONSOLE_EDU, async (request, reply) => {
    const user = requireStaff(request);
    const counts = await consoleCounts(ctx, actorOf(request));
    return sendPage(request, reply, h(EducationConsoleHome, { ctx: pageContext(request), agencyCode: user.agencyCode, counts }));
  });

  const schoolList = async (request: Parameters<typeof pageContext>[0], reply: Parameters<typeof sendPage>[1], form: FormState, status = 200) => {
    const user = requireStaffFor(actorOf(request), 'content.manage');
    const schools = await listSchools(ctx, user.agencyId);
    return sendPage(request, reply, h(SchoolListConsole, { ctx: pageContext(request), schools, form, done: doneMessage(request) }), status);
  };
  r.get(`${CONSOLE_EDU}/schools`, async (request, reply) => {
    requireStaff(request);
    return schoolList(request, reply, emptyForm(schoolForm()));
  });
  r.post(`${CONSOLE_EDU}/schools`, { schema: { body: schoolBody } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    return handleForm(reply, b, async () => {
      const id = await saveSchool(ctx, actorOf(request), null, { ...b, sort: intOrNull(b.sort) ?? 0 });
      return withDone(`${CONSOLE_EDU}/schools/${id}`, 'created');
    }, (form) => schoolList(request, reply, form, 400));
  });

  const schoolEdit = async (request: Parameters<typeof pageContext>[0], reply: Parameters<typeof sendPage>[1], id: number, year: number, forms: { form?: FormState; planForm?: FormState; zoneForm?: FormState }, status = 200) => {
    const actor = actorOf(request);
    const school = await getSchool(ctx, actor, id);
    const plans = await ctx.repos.education.enrolment.plans(requireStaffFor(actor, 'content.manage').agencyId, year);
    const plan = plans.find((p) => p.school_id === id);
    return sendPage(request, reply, h(SchoolEditConsole, {
      ctx: pageContext(request), school, year, done: doneMessage(request),
      form: forms.form ?? emptyForm(schoolForm(school)),
      planForm: forms.planForm ?? emptyForm(plan ? { classes: String(plan.classes), places: String(plan.places), note: plan.note } : {}),
      zoneForm: forms.zoneForm ?? emptyForm({ text: await schoolZoneText(ctx, actor, id, year) }),
    }), status);
  };
  const defaultYear = () => Number(todayOf(ctx).slice(0, 4));
  r.get(`${CONSOLE_EDU}/schools/:id`, { schema: { params: idParam, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } }, async (request, reply) => {
    requireStaff(request);
    return schoolEdit(request, reply, request.params.id, request.query.year ?? defaultYear(), {});
  });
  r.post(`${CONSOLE_EDU}/schools/:id`, { schema: { params: idParam, body: schoolBody } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    return handleForm(reply, b, async () => {
      await saveSchool(ctx, actorOf(request), request.params.id, { ...b, sort: intOrNull(b.sort) ?? 0 });
      return withDone(`${CONSOLE_EDU}/schools/${request.params.id}`, 'saved');
    }, (form) => schoolEdit(request, reply, request.params.id, defaultYear(), { form }, 400));
  });
  r.post(`${CONSOLE_EDU}/schools/:id/plan`, { schema: { params: idParam, body: formBody({ year: field(4), classes: field(10), places: field(10), note: field(500) }) } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    const year = intOrNull(b.year) ?? Number.NaN;
    return handleForm(reply, b, async () => {
      await setSchoolPlan(ctx, actorOf(request), { schoolId: request.params.id, year, classes: intOrNull(b.classes), places: intOrNull(b.places), note: b.note });
      return withDone(`${CONSOLE_EDU}/schools/${request.params.id}?year=${year}`, 'saved');
    }, (planForm) => schoolEdit(request, reply, request.params.id, Number.isInteger(year) ? year : defaultYear(), { planForm }, 400));
  });
  r.post(`${CONSOLE_EDU}/schools/:id/zones`, { schema: { params: idParam, body: formBody({ year: field(4), text: field(100_000) }) } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    const year = intOrNull(b.year) ?? Number.NaN;
    return handleForm(reply, b, async () => {
      await setSchoolZones(ctx, actorOf(request), { schoolId: request.params.id, year, text: b.text });
      return withDone(`${CONSOLE_EDU}/schools/${request.params.id}?year=${year}`, 'saved');
    }, (zoneForm) => schoolEdit(request, reply, request.params.id, Number.isInteger(year) ? year : defaultYear(), { zoneForm }, 400));
  });

  const yearsPage = async (request: Parameters<typeof pageContext>[0], reply: Parameters<typeof sendPage>[1], form: FormState, status = 200) => {
    const years = await enrolmentYears(ctx, actorOf(request));
    return sendPage(request, reply, h(EnrolmentYearsConsole, { ctx: pageContext(request), years, form, done: doneMessage(request) }), status);
  };
  r.get(`${CONSOLE_EDU}/enrolment`, async (request, reply) => {
    requireStaff(request);
    return yearsPage(request, reply, emptyForm({ year: String(defaultYear()) }));
  });
  r.post(`${CONSOLE_EDU}/enrolment`, { schema: { body: formBody({ year: field(4), title: field(200) }) } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    return handleForm(reply, b, async () => {
      const year = intOrNull(b.year) ?? Number.NaN;
      const existing = await ctx.repos.education.enrolment.year(requireStaffFor(actorOf(request), 'content.manage').agencyId, year);
      if (existing) throw new ValidationError(tx(request, '该年度已存在', 'This year already exists'), { year: tx(request, `${year}年已存在，请在列表中打开它`, `${year} already exists; open it from the list`) });
      await saveEnrolmentYear(ctx, actorOf(request), { year, title: b.title, notes: '', documentRef: '', published: false });
      return withDone(`${CONSOLE_EDU}/enrolment/${year}`, 'created');
    }, (form) => yearsPage(request, reply, form, 400));
  });

  const yearPage = async (
    request: Parameters<typeof pageContext>[0], reply: Parameters<typeof sendPage>[1], year: number,
    forms: { yearForm?: FormState; stepForm?: FormState; importError?: ZoneImportError | ValidationError }, status = 200,
  ) => {
    const user = requireStaffFor(actorOf(request), 'content.manage');
    const view = await zoneYear(ctx, user.agencyId, year, { includeUnpublished: true });
    const importErrors = forms.importError ? (forms.importError instanceof ZoneImportError ? forms.importError.errors : []) : null;
    return sendPage(request, reply, h(EnrolmentYearConsole, {
      ctx: pageContext(request), view, done: doneMessage(request),
      yearForm: forms.yearForm ?? emptyForm({ title: view.title, notes: view.notes, documentRef: view.documentRef ?? '', published: view.published ? '1' : '' }),
      stepForm: forms.stepForm ?? emptyForm({}),
      importErrors,
      importMessage: forms.importError?.message,
    }), status);
  };
  r.get(`${CONSOLE_EDU}/enrolment/:year`, { schema: { params: yearParam } }, async (request, reply) => {
    requireStaff(request);
    return yearPage(request, reply, request.params.year, {});
  });
  r.post(`${CONSOLE_EDU}/enrolment/:year`, { schema: { params: yearParam, body: formBody({ title: field(200), notes: field(10_000), documentRef: field(100), published: field(1) }) } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    return handleForm(reply, b, async () => {
      await saveEnrolmentYear(ctx, actorOf(request), { year: request.params.year, title: b.title, notes: b.notes, documentRef: b.documentRef, published: b.published === '1' });
      return withDone(`${CONSOLE_EDU}/enrolment/${request.params.year}`, 'saved');
    }, (yearForm) => yearPage(request, reply, request.params.year, { yearForm }, 400));
  });
  r.post(`${CONSOLE_EDU}/enrolment/:year/steps`, {
    schema: { params: yearParam, body: formBody({ title: field(200), level: field(20), startsOn: field(10), endsOn: field(10), description: field(5000), documentRef: field(100) }) },
  }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    return handleForm(reply, b, async () => {
      await addAdmissionStep(ctx, actorOf(request), { year: request.params.year, ...b });
      return withDone(`${CONSOLE_EDU}/enrolment/${request.params.year}`, 'saved');
    }, (stepForm) => yearPage(request, reply, request.params.year, { stepForm }, 400));
  });
  r.post(`${CONSOLE_EDU}/enrolment/:year/steps/:id/delete`, { schema: { params: yearParam.extend(idParam.shape), body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    await deleteAdmissionStep(ctx, actorOf(request), request.params.id);
    return reply.redirect(withDone(`${CONSOLE_EDU}/enrolment/${request.params.year}`, 'deleted'), 303);
  });
  r.post(`${CONSOLE_EDU}/enrolment/:year/import`, { config: { multipartCsrf: true }, schema: { params: yearParam } }, async (request, reply) => {
    requireStaff(request);
    if (!request.isMultipart()) throw new ValidationError(tx(request, '请使用文件上传表单提交', 'Please submit with the file upload form'), { file: tx(request, '请选择文件', 'Please choose a file') });
    let csrf: string | undefined;
    let file: { name: string; data: Buffer } | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        assertCsrf(request, csrf); // the token precedes the file in the form: refuse before reading an unauthorised upload
        const data = await part.toBuffer();
        if (part.fieldname === 'file' && part.filename) file = { name: part.filename, data };
      } else if (part.fieldname === '_csrf') csrf = String(part.value);
    }
    assertCsrf(request, csrf);
    try {
      if (!file || file.data.length === 0) {
        const message = tx(request, '请选择要导入的文件', 'Please choose a file to import');
        throw new ValidationError(message, { file: message });
      }
      await importZones(ctx, actorOf(request), { year: request.params.year, fileName: file.name, data: file.data });
      return reply.redirect(withDone(`${CONSOLE_EDU}/enrolment/${request.params.year}`, 'imported'), 303);
    } catch (e) {
      if (e instanceof ValidationError) return yearPage(request, reply, request.params.year, { importError: e }, 400);
      throw e;
    }
  });
}
