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
  answerDays, answerQuestion, discardQuestion, listPublishedQuestions, publishedQuestion, publishQuestion, questionForStaff, questionInbox,
  setAnswerDays, submitQuestion, trackQuestion, unpublishQuestion, type InboxFilter,
} from '../../services/question.service.ts';
import { NotFoundError, ValidationError } from '../../services/errors.ts';
import { AskDetailPage, AskFormPage, AskIndexPage, AskReceiptPage, AskTrackFormPage, AskTrackPage } from '../views/question-pages.tsx';
import { QuestionDetailConsole, QuestionInboxConsole } from '../views/question-console.tsx';
import { emptyForm, type FormState } from '../views/education-console-common.tsx';
import { codeParam, doneMessage, field, formBody, handleForm, idParam, intOrNull, publicSubmitLimit, valuesOf, withDone } from './education-common.ts';
import { suggestionStep } from './suggestions.routes.ts';
import { suggestionFollowed } from '../../services/suggestion.service.ts';

const askBody = formBody({ category: field(30), subject: field(200), body: field(10_000), name: field(100), phone: field(50), email: field(200), keepPrivate: field(1), suggestion: field(40), suggest_done: field(1) }); // suggestion, suggest_done: issue 8
const FILTERS = ['pending', 'due_soon', 'overdue', 'answered', 'discarded'] as const;

/** Online consultation: the public's questions, tracking, published answers, and the staff inbox. */
export function questionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = publicSubmitLimit(ctx);

  r.get('/gk/:code/ask', {
    schema: { params: codeParam, querystring: z.object({ q: z.string().max(100).optional(), category: z.string().max(30).optional(), page: z.coerce.number().int().min(1).max(10_000).optional() }) },
  }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const { q = '', category = '', page = 1 } = request.query;
    const list = await listPublishedQuestions(ctx, agency.id, { q, category, page });
    return sendPage(request, reply, h(AskIndexPage, { ctx: pageContext(request), agency, list, q, category, answerDays: await answerDays(ctx, agency.id) }));
  });

  const askForm = async (request: FastifyRequest, reply: FastifyReply, code: string, form: FormState, status = 200) => {
    const agency = await agencyByCode(ctx, code);
    return sendPage(request, reply, h(AskFormPage, { ctx: pageContext(request), agency, form, answerDays: await answerDays(ctx, agency.id) }), status);
  };
  r.get('/gk/:code/ask/new', { schema: { params: codeParam } }, async (request, reply) => askForm(request, reply, request.params.code, emptyForm()));

  r.post('/gk/:code/ask', { ...limit, schema: { params: codeParam, body: askBody } }, async (request, reply) => {
    const b = request.body;
    if (await suggestionStep(ctx, request, reply, { agencyCode: request.params.code, form: 'ask', text: `${b.subject}\n${b.body}`, fields: b, action: `/gk/${request.params.code}/ask` })) return reply; // issue 8: published answers first (confirmation step)
    try {
      const receipt = await submitQuestion(ctx, actorOf(request), request.params.code, {
        category: b.category, subject: b.subject, body: b.body, name: b.name, phone: b.phone, email: b.email, keepPrivate: b.keepPrivate === '1',
      });
      await suggestionFollowed(ctx, b.suggestion, 'question'); // issue 8
      const agency = await agencyByCode(ctx, request.params.code);
      // The receipt is shown once, directly: the tracking code never travels in a URL.
      reply.header('cache-control', 'no-store');
      return sendPage(request, reply, h(AskReceiptPage, { ctx: pageContext(request), agency, receipt }), 201);
    } catch (e) {
      if (e instanceof ValidationError) return askForm(request, reply, request.params.code, { values: valuesOf(b), errors: e.fields ?? {}, message: e.message }, 400);
      throw e;
    }
  });

  r.get('/gk/:code/ask/track', { schema: { params: codeParam } }, async (request, reply) => reply.redirect(`/gk/${request.params.code}/ask`, 303));
  r.post('/gk/:code/ask/track', { ...limit, schema: { params: codeParam, body: formBody({ code: field(40) }) } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    try {
      const q = await trackQuestion(ctx, agency.code, request.body.code);
      reply.header('cache-control', 'no-store');
      return sendPage(request, reply, h(AskTrackPage, { ctx: pageContext(request), agency, q }));
    } catch (e) {
      if (e instanceof ValidationError || e instanceof NotFoundError) {
        return sendPage(request, reply, h(AskTrackFormPage, { ctx: pageContext(request), agency, error: e.message }), e instanceof NotFoundError ? 404 : 400);
      }
      throw e;
    }
  });

  r.get('/gk/:code/ask/:id', { schema: { params: codeParam.extend(idParam.shape) } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const q = await publishedQuestion(ctx, agency.id, request.params.id);
    return sendPage(request, reply, h(AskDetailPage, { ctx: pageContext(request), agency, q }));
  });

  // ---------- console ----------
  const inbox = async (request: FastifyRequest, reply: FastifyReply, filter: InboxFilter, settingsForm?: FormState, status = 200) => {
    const user = requireStaff(request);
    const data = await questionInbox(ctx, actorOf(request), filter);
    return sendPage(request, reply, h(QuestionInboxConsole, {
      ctx: pageContext(request), filter, ...data, canConfigure: can(user, 'question.configure'), done: doneMessage(request),
      settingsForm: settingsForm ?? emptyForm({ days: String(data.answerDays) }),
    }), status);
  };
  r.get('/console/questions', { schema: { querystring: z.object({ filter: z.enum(FILTERS).optional() }) } }, async (request, reply) => inbox(request, reply, request.query.filter ?? 'pending'));
  r.post('/console/questions/settings', { schema: { body: formBody({ days: field(5) }) } }, async (request, reply) => {
    requireStaff(request);
    return handleForm(reply, request.body, async () => {
      await setAnswerDays(ctx, actorOf(request), intOrNull(request.body.days) ?? Number.NaN);
      return withDone('/console/questions', 'saved');
    }, (form) => inbox(request, reply, 'pending', form, 400));
  });

  const detail = async (request: FastifyRequest, reply: FastifyReply, id: number, forms: { answerForm?: FormState; publishForm?: FormState; discardForm?: FormState }, status = 200) => {
    requireStaff(request);
    const q = await questionForStaff(ctx, actorOf(request), id);
    return sendPage(request, reply, h(QuestionDetailConsole, {
      ctx: pageContext(request), q, done: doneMessage(request),
      answerForm: forms.answerForm ?? emptyForm({ answer: q.answer, department: q.answerDepartment }),
      publishForm: forms.publishForm ?? emptyForm({ publicSubject: q.publicSubject, publicBody: q.publicBody }),
      discardForm: forms.discardForm ?? emptyForm(),
    }), status);
  };
  r.get('/console/questions/:id', { schema: { params: idParam } }, async (request, reply) => detail(request, reply, request.params.id, {}));
  r.post('/console/questions/:id/answer', { schema: { params: idParam, body: formBody({ answer: field(20_000), department: field(100) }) } }, async (request, reply) => {
    requireStaff(request);
    return handleForm(reply, request.body, async () => {
      await answerQuestion(ctx, actorOf(request), request.params.id, request.body);
      return withDone(`/console/questions/${request.params.id}`, 'answered');
    }, (answerForm) => detail(request, reply, request.params.id, { answerForm }, 400));
  });
  r.post('/console/questions/:id/publish', { schema: { params: idParam, body: formBody({ publicSubject: field(200), publicBody: field(10_000) }) } }, async (request, reply) => {
    requireStaff(request);
    return handleForm(reply, request.body, async () => {
      await publishQuestion(ctx, actorOf(request), request.params.id, { subject: request.body.publicSubject, body: request.body.publicBody });
      return withDone(`/console/questions/${request.params.id}`, 'published');
    }, (publishForm) => detail(request, reply, request.params.id, { publishForm }, 400));
  });
  r.post('/console/questions/:id/unpublish', { schema: { params: idParam, body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    await unpublishQuestion(ctx, actorOf(request), request.params.id);
    return reply.redirect(withDone(`/console/questions/${request.params.id}`, 'unpublished'), 303);
  });
  r.post('/console/questions/:id/discard', { schema: { params: idParam, body: formBody({ reason: field(200) }) } }, async (request, reply) => {
    requireStaff(request);
    return handleForm(reply, request.body, async () => {
      await discardQuestion(ctx, actorOf(request), request.params.id, request.body.reason);
      return withDone(`/console/questions/${request.params.id}`, 'discarded');
    }, (discardForm) => detail(request, reply, request.params.id, { discardForm }, 400));
  });
}
