import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { can } from '../../services/education-access.ts';
import {
  concludeConsultation, moderateComment, publicConsultation, publicConsultations, publishConsultation, saveConsultation, setCommentAdoption, staffConsultation, staffConsultations,
  submitComment,
} from '../../services/consultation.service.ts';
import { DomainError, ValidationError } from '../../services/errors.ts';
import { ConsultationConsole, ConsultationListPage, ConsultationPage, ConsultationsConsole, consultationForm } from '../views/consultation-pages.tsx';
import { emptyForm, type FormState } from '../views/education-console-common.tsx';
import { codeParam, doneMessage, field, formBody, handleForm, idParam, publicSubmitLimit, valuesOf, withDone } from './education-common.ts';

const consultationBody = formBody({ title: field(300), summary: field(10_000), body: field(100_000), documentRef: field(100), opensOn: field(10), closesOn: field(10) });
const BASE = '/console/consultations';

/** Drafts for public comment: public list, draft page with the comment form; console moderation and feedback. */
export function consultationRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/gk/:code/consultations', { schema: { params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    return sendPage(request, reply, h(ConsultationListPage, { ctx: pageContext(request), agency, list: await publicConsultations(ctx, agency.id) }));
  });

  const draftPage = async (request: FastifyRequest, reply: FastifyReply, code: string, id: number, form: FormState, opts: { thanks?: boolean; status?: number } = {}) => {
    const agency = await agencyByCode(ctx, code);
    const { consultation, comments } = await publicConsultation(ctx, agency.id, id);
    return sendPage(request, reply, h(ConsultationPage, { ctx: pageContext(request), agency, c: consultation, comments, form, thanks: opts.thanks }), opts.status ?? 200);
  };
  r.get('/gk/:code/consultations/:id', { schema: { params: codeParam.extend(idParam.shape) } }, async (request, reply) =>
    draftPage(request, reply, request.params.code, request.params.id, emptyForm()));
  r.post('/gk/:code/consultations/:id/comments', {
    ...publicSubmitLimit(ctx),
    schema: { params: codeParam.extend(idParam.shape), body: formBody({ body: field(5000), name: field(100), contact: field(200) }) },
  }, async (request, reply) => {
    const { code, id } = request.params;
    const agency = await agencyByCode(ctx, code);
    try {
      await submitComment(ctx, actorOf(request), agency.id, id, request.body);
      return draftPage(request, reply, code, id, emptyForm(), { thanks: true, status: 201 });
    } catch (e) {
      if (e instanceof ValidationError) return draftPage(request, reply, code, id, { values: valuesOf(request.body), errors: e.fields ?? {}, message: e.message }, { status: 400 });
      if (e instanceof DomainError) return draftPage(request, reply, code, id, { values: valuesOf(request.body), errors: {}, message: e.message }, { status: 409 });
      throw e;
    }
  });

  // ---------- console ----------
  const listPage = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const user = requireStaff(request);
    const list = await staffConsultations(ctx, actorOf(request));
    return sendPage(request, reply, h(ConsultationsConsole, { ctx: pageContext(request), list, canManage: can(user, 'consultation.manage'), form: form ?? emptyForm(), done: doneMessage(request) }), status);
  };
  r.get(BASE, async (request, reply) => listPage(request, reply));
  r.post(BASE, { schema: { body: consultationBody } }, async (request, reply) => {
    requireStaff(request);
    return handleForm(reply, request.body, async () => withDone(`${BASE}/${await saveConsultation(ctx, actorOf(request), null, request.body)}`, 'created'), (form) => listPage(request, reply, form, 400));
  });

  const detail = async (request: FastifyRequest, reply: FastifyReply, id: number, forms: { form?: FormState; concludeForm?: FormState; commentForms?: Record<number, FormState>; error?: string }, status = 200) => {
    const user = requireStaff(request);
    const d = await staffConsultation(ctx, actorOf(request), id);
    return sendPage(request, reply, h(ConsultationConsole, {
      ctx: pageContext(request), agencyCode: user.agencyCode, c: d.consultation, comments: d.comments, canManage: d.canManage, canModerate: d.canModerate,
      form: forms.form ?? emptyForm(consultationForm(d.consultation)), concludeForm: forms.concludeForm ?? emptyForm(), commentForms: forms.commentForms ?? {},
      done: doneMessage(request), error: forms.error ?? null,
    }), status);
  };
  const refused = (request: FastifyRequest, reply: FastifyReply, id: number) => (error: string) => detail(request, reply, id, { error }, 409);
  r.get(`${BASE}/:id`, { schema: { params: idParam } }, async (request, reply) => detail(request, reply, request.params.id, {}));
  r.post(`${BASE}/:id`, { schema: { params: idParam, body: consultationBody } }, async (request, reply) => {
    requireStaff(request);
    const id = request.params.id;
    return handleForm(reply, request.body, async () => {
      await saveConsultation(ctx, actorOf(request), id, request.body);
      return withDone(`${BASE}/${id}`, 'saved');
    }, (form) => detail(request, reply, id, { form }, 400), refused(request, reply, id));
  });
  r.post(`${BASE}/:id/publish`, { schema: { params: idParam, body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    const id = request.params.id;
    return handleForm(reply, request.body, async () => {
      await publishConsultation(ctx, actorOf(request), id);
      return withDone(`${BASE}/${id}`, 'published');
    }, (form) => detail(request, reply, id, { error: form.message }, 400), refused(request, reply, id));
  });
  r.post(`${BASE}/:id/conclude`, { schema: { params: idParam, body: formBody({ feedbackSummary: field(20_000), adoptionSummary: field(20_000), finalDocumentRef: field(100) }) } }, async (request, reply) => {
    requireStaff(request);
    const id = request.params.id;
    return handleForm(reply, request.body, async () => {
      await concludeConsultation(ctx, actorOf(request), id, request.body);
      return withDone(`${BASE}/${id}`, 'concluded');
    }, (concludeForm) => detail(request, reply, id, { concludeForm }, 400), refused(request, reply, id));
  });

  const commentParent = async (request: FastifyRequest, commentId: number): Promise<number> => {
    const cm = await ctx.repos.consultations.commentById(commentId);
    return cm?.consultation_id ?? 0;
  };
  r.post(`${BASE}/comments/:id/moderate`, { schema: { params: idParam, body: formBody({ decision: z.enum(['approve', 'reject']), publicBody: field(5000) }) } }, async (request, reply) => {
    requireStaff(request);
    const commentId = request.params.id;
    const parent = await commentParent(request, commentId);
    return handleForm(reply, request.body, async () => {
      const cid = await moderateComment(ctx, actorOf(request), commentId, { decision: request.body.decision, publicBody: request.body.publicBody });
      return withDone(`${BASE}/${cid}`, request.body.decision === 'approve' ? 'approved' : 'rejected');
    }, (form) => detail(request, reply, parent, { commentForms: { [commentId]: form } }, 400), refused(request, reply, parent));
  });
  r.post(`${BASE}/comments/:id/adoption`, { schema: { params: idParam, body: formBody({ adoption: field(20), response: field(5000) }) } }, async (request, reply) => {
    requireStaff(request);
    const commentId = request.params.id;
    const parent = await commentParent(request, commentId);
    return handleForm(reply, request.body, async () => {
      const cid = await setCommentAdoption(ctx, actorOf(request), commentId, request.body);
      return withDone(`${BASE}/${cid}`, 'saved');
    }, (form) => detail(request, reply, parent, { commentForms: { [commentId]: form } }, 400), refused(request, reply, parent));
  });
}
