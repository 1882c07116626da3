// Console routes for applicants' personal data (issue 7): the retention period and the export of
// one applicant's data. Searches and exports are POSTs so identity numbers stay out of URLs and
// access logs. Thin: validate, authenticate, one service call, render or download.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { ValidationError } from '../../services/errors.ts';
import { applicantDataPage, exportApplicantData, findApplicant, setRetentionYears, type ApplicantMatch } from '../../services/applicant-data.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { ApplicantDataConsole, type ApplicantDataPageProps } from '../views/applicant-data-page.tsx';
import { emptyForm, type FormState } from '../views/education-console-common.tsx';
import { doneMessage, field, formBody, handleForm, intOrNull, valuesOf, withDone } from './education-common.ts';
import { sendDownload } from './applications-api.routes.ts';

const PATH = '/console/applicant-data';
const findBody = formBody({ by: field(10), value: field(200) });
const exportBody = formBody({ by: field(10), value: field(200), verified: field(1) });

export function applicantDataRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const show = async (request: FastifyRequest, reply: FastifyReply, props: Partial<Omit<ApplicantDataPageProps, 'ctx' | 'page'>> = {}, status = 200) => {
    requireStaff(request);
    const page = await applicantDataPage(ctx, actorOf(request));
    reply.header('cache-control', 'private, no-store');
    return sendPage(request, reply, h(ApplicantDataConsole, {
      ctx: pageContext(request), page,
      settingsForm: props.settingsForm ?? emptyForm({ years: String(page.retentionYears) }),
      findForm: props.findForm ?? emptyForm({ by: 'id' }),
      match: props.match, exportForm: props.exportForm, done: props.done,
    }), status);
  };

  r.get(PATH, { schema: { hide: true } }, async (request, reply) => show(request, reply, { done: doneMessage(request) }));

  r.post(`${PATH}/retention`, { schema: { hide: true, body: formBody({ years: field(5) }) } }, async (request, reply) => {
    requireStaff(request);
    return handleForm(reply, request.body, async () => {
      await setRetentionYears(ctx, actorOf(request), intOrNull(request.body.years) ?? Number.NaN);
      return withDone(PATH, 'saved');
    }, (settingsForm) => show(request, reply, { settingsForm }, 400));
  });

  r.post(`${PATH}/find`, { schema: { hide: true, body: findBody } }, async (request, reply) => {
    requireStaff(request);
    const findForm: FormState = emptyForm(valuesOf(request.body));
    try {
      const match = await findApplicant(ctx, actorOf(request), request.body);
      return show(request, reply, { findForm, match });
    } catch (e) {
      if (e instanceof ValidationError) return show(request, reply, { findForm: { ...findForm, errors: e.fields ?? {}, message: e.message } }, 400);
      throw e;
    }
  });

  r.post(`${PATH}/export`, { schema: { hide: true, body: exportBody } }, async (request, reply) => {
    requireStaff(request);
    const actor = actorOf(request);
    const { by, value, verified } = request.body;
    try {
      const file = await exportApplicantData(ctx, actor, { by, value, verified: verified === '1' });
      return sendDownload(reply, file);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      // Back to the confirmation (or to the search, when the search itself is wrong).
      let match: ApplicantMatch | null = null;
      try {
        match = await findApplicant(ctx, actor, { by, value });
      } catch (again) {
        if (!(again instanceof ValidationError)) throw again;
      }
      const form: FormState = { values: {}, errors: e.fields ?? {}, message: e.message };
      return match ? show(request, reply, { findForm: emptyForm({ by, value }), match, exportForm: form }, 400) : show(request, reply, { findForm: { ...form, values: { by, value } } }, 400);
    }
  });
}
