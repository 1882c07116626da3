import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import {
  closeRecruitment, publicRecruitment, publicRecruitments, publishRecruitment, publishResults, saveRecruitment, staffRecruitment, staffRecruitments, type RecruitmentInput,
} from '../../services/recruitment.service.ts';
import { RECRUITMENT_STEPS } from '../../domain/education-terms.ts';
import { RecruitmentConsole, RecruitmentIndexPage, RecruitmentListConsole, RecruitmentPage, recruitmentForm, resultsForm } from '../views/education-recruitment-pages.tsx';
import { emptyForm, type FormState } from '../views/education-console-common.tsx';
import { codeParam, doneMessage, field, formBody, handleForm, idParam, intOrNull, todayOf, withDone } from './education-common.ts';

const shape: Record<string, ReturnType<typeof field>> = { year: field(4), title: field(300), summary: field(10_000), requirements: field(10_000), documentRef: field(100), quotasText: field(50_000) };
for (const s of RECRUITMENT_STEPS) {
  shape[`${s}.startsOn`] = field(10);
  shape[`${s}.endsOn`] = field(10);
  shape[`${s}.note`] = field(500);
}
const recruitmentBody = formBody(shape);

function inputOf(b: Record<string, string>): RecruitmentInput {
  const steps: RecruitmentInput['steps'] = {};
  for (const s of RECRUITMENT_STEPS) steps[s] = { startsOn: b[`${s}.startsOn`] ?? '', endsOn: b[`${s}.endsOn`] ?? '', note: b[`${s}.note`] ?? '' };
  return { year: intOrNull(b.year) ?? Number.NaN, title: b.title ?? '', summary: b.summary ?? '', requirements: b.requirements ?? '', documentRef: b.documentRef ?? '', quotasText: b.quotasText ?? '', steps };
}

/** Teacher recruitment: public list, archive and postings; console editor, publication, results, archive. */
export function educationRecruitmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/gk/:code/education/recruitment', { schema: { params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    return sendPage(request, reply, h(RecruitmentIndexPage, { ctx: pageContext(request), agency, ...(await publicRecruitments(ctx, agency.id)) }));
  });
  r.get('/gk/:code/education/recruitment/:id', { schema: { params: codeParam.extend(idParam.shape) } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const rec = await publicRecruitment(ctx, agency.id, request.params.id);
    return sendPage(request, reply, h(RecruitmentPage, { ctx: pageContext(request), agency, r: rec, today: todayOf(ctx) }));
  });

  // ---------- console ----------
  const BASE = '/console/education/recruitment';
  const listPage = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    requireStaff(request);
    const list = await staffRecruitments(ctx, actorOf(request));
    return sendPage(request, reply, h(RecruitmentListConsole, { ctx: pageContext(request), list, form: form ?? emptyForm(recruitmentForm()), done: doneMessage(request) }), status);
  };
  r.get(BASE, async (request, reply) => listPage(request, reply));
  r.post(BASE, { schema: { body: recruitmentBody } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body as Record<string, string>;
    return handleForm(reply, b, async () => withDone(`${BASE}/${await saveRecruitment(ctx, actorOf(request), null, inputOf(b))}`, 'created'), (form) => listPage(request, reply, form, 400));
  });

  const editPage = async (request: FastifyRequest, reply: FastifyReply, id: number, forms: { form?: FormState; resultsForm?: FormState; error?: string }, status = 200) => {
    const user = requireStaff(request);
    const rec = await staffRecruitment(ctx, actorOf(request), id);
    return sendPage(request, reply, h(RecruitmentConsole, {
      ctx: pageContext(request), agencyCode: user.agencyCode, r: rec, done: doneMessage(request), error: forms.error ?? null,
      form: forms.form ?? emptyForm(recruitmentForm(rec)), resultsForm: forms.resultsForm ?? emptyForm(resultsForm(rec)),
    }), status);
  };
  const refused = (request: FastifyRequest, reply: FastifyReply, id: number) => (error: string) => editPage(request, reply, id, { error }, 409);
  r.get(`${BASE}/:id`, { schema: { params: idParam } }, async (request, reply) => editPage(request, reply, request.params.id, {}));
  r.post(`${BASE}/:id`, { schema: { params: idParam, body: recruitmentBody } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body as Record<string, string>;
    const id = request.params.id;
    return handleForm(reply, b, async () => {
      await saveRecruitment(ctx, actorOf(request), id, inputOf(b));
      return withDone(`${BASE}/${id}`, 'saved');
    }, (form) => editPage(request, reply, id, { form }, 400), refused(request, reply, id));
  });
  r.post(`${BASE}/:id/publish`, { schema: { params: idParam, body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    const id = request.params.id;
    return handleForm(reply, request.body, async () => {
      await publishRecruitment(ctx, actorOf(request), id);
      return withDone(`${BASE}/${id}`, 'published');
    }, (form) => editPage(request, reply, id, { error: form.message }, 400), refused(request, reply, id));
  });
  r.post(`${BASE}/:id/close`, { schema: { params: idParam, body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    const id = request.params.id;
    return handleForm(reply, request.body, async () => {
      await closeRecruitment(ctx, actorOf(request), id);
      return withDone(`${BASE}/${id}`, 'closed');
    }, (form) => editPage(request, reply, id, { error: form.message }, 400), refused(request, reply, id));
  });
  r.post(`${BASE}/:id/results`, {
    schema: { params: idParam, body: formBody({ text: field(50_000), publicityStartsOn: field(10), publicityEndsOn: field(10), note: field(5000), documentRef: field(100) }) },
  }, async (request, reply) => {
    requireStaff(request);
    const id = request.params.id;
    return handleForm(reply, request.body, async () => {
      await publishResults(ctx, actorOf(request), id, request.body);
      return withDone(`${BASE}/${id}`, 'published');
    }, (resultsForm) => editPage(request, reply, id, { resultsForm }, 400), refused(request, reply, id));
  });
}
