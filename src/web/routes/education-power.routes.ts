import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import {
  currentPowerList, deleteDraftItem, discardPowerDraft, draftItem, powerChangeLog, powerDiff, powerListConsole, powerVersion, publishPowerDraft, saveDraftItem, startPowerDraft,
} from '../../services/power-list.service.ts';
import { PowerChangeLogPage, PowerConsole, PowerDiffPage, PowerItemConsole, PowerListPage, PowerVersionPage, powerItemForm } from '../views/education-power-pages.tsx';
import { emptyForm, type FormState } from '../views/education-console-common.tsx';
import { codeParam, doneMessage, field, formBody, handleForm, idParam, intOrNull, withDone } from './education-common.ts';

const itemBody = formBody({ code: field(50), type: field(20), name: field(300), legalBasis: field(5000), department: field(100), responsibilities: field(5000), accountability: field(5000), sort: field(10) });
const BASE = '/console/education/powers';

/** Power and responsibility lists: current list, change log, old versions, diffs; the console draft. */
export function educationPowerRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/gk/:code/education/powers', { schema: { params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const { version, items } = await currentPowerList(ctx, agency.id);
    return sendPage(request, reply, h(PowerListPage, { ctx: pageContext(request), agency, version, items }));
  });
  r.get('/gk/:code/education/powers/versions', { schema: { params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    return sendPage(request, reply, h(PowerChangeLogPage, { ctx: pageContext(request), agency, log: await powerChangeLog(ctx, agency.id) }));
  });
  r.get('/gk/:code/education/powers/versions/:no', { schema: { params: codeParam.extend({ no: z.coerce.number().int().min(1).max(100_000) }) } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const v = await powerVersion(ctx, agency.id, request.params.no);
    return sendPage(request, reply, h(PowerVersionPage, { ctx: pageContext(request), agency, ...v }));
  });
  r.get('/gk/:code/education/powers/diff', {
    schema: { params: codeParam, querystring: z.object({ from: z.coerce.number().int().min(1).max(100_000), to: z.coerce.number().int().min(1).max(100_000) }) },
  }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const d = await powerDiff(ctx, agency.id, request.query.from, request.query.to);
    const versions = (await powerChangeLog(ctx, agency.id)).map((v) => v.versionNo);
    return sendPage(request, reply, h(PowerDiffPage, { ctx: pageContext(request), agency, ...d, versions }));
  });

  // ---------- console ----------
  const consolePage = async (request: FastifyRequest, reply: FastifyReply, forms: { itemForm?: FormState; publishForm?: FormState; error?: string }, status = 200) => {
    const user = requireStaff(request);
    const view = await powerListConsole(ctx, actorOf(request));
    return sendPage(request, reply, h(PowerConsole, {
      ctx: pageContext(request), agencyCode: user.agencyCode, view, done: doneMessage(request), error: forms.error ?? null,
      itemForm: forms.itemForm ?? emptyForm(powerItemForm()), publishForm: forms.publishForm ?? emptyForm(),
    }), status);
  };
  /** A refused action (DomainError) comes back on the console page with its reason. */
  const refused = (request: FastifyRequest, reply: FastifyReply) => (message: string) => consolePage(request, reply, { error: message }, 409);
  const act = (request: FastifyRequest, reply: FastifyReply, fn: () => Promise<string>) =>
    handleForm(reply, request.body, fn, (form) => consolePage(request, reply, { error: form.message }, 400), refused(request, reply));

  r.get(BASE, async (request, reply) => consolePage(request, reply, {}));
  r.post(`${BASE}/draft`, { schema: { body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    return act(request, reply, async () => {
      await startPowerDraft(ctx, actorOf(request));
      return withDone(BASE, 'started');
    });
  });
  r.post(`${BASE}/items`, { schema: { body: itemBody } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    return handleForm(reply, b, async () => {
      await saveDraftItem(ctx, actorOf(request), null, { ...b, sort: intOrNull(b.sort) ?? 0 });
      return withDone(BASE, 'saved');
    }, (itemForm) => consolePage(request, reply, { itemForm }, 400), refused(request, reply));
  });
  r.get(`${BASE}/items/:id`, { schema: { params: idParam } }, async (request, reply) => {
    requireStaff(request);
    const item = await draftItem(ctx, actorOf(request), request.params.id);
    return sendPage(request, reply, h(PowerItemConsole, { ctx: pageContext(request), item, form: emptyForm(powerItemForm(item)) }));
  });
  r.post(`${BASE}/items/:id`, { schema: { params: idParam, body: itemBody } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    return handleForm(reply, b, async () => {
      await saveDraftItem(ctx, actorOf(request), request.params.id, { ...b, sort: intOrNull(b.sort) ?? 0 });
      return withDone(BASE, 'saved');
    }, async (form) => {
      const item = await draftItem(ctx, actorOf(request), request.params.id);
      return sendPage(request, reply, h(PowerItemConsole, { ctx: pageContext(request), item, form }), 400);
    });
  });
  r.post(`${BASE}/items/:id/delete`, { schema: { params: idParam, body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    return act(request, reply, async () => {
      await deleteDraftItem(ctx, actorOf(request), request.params.id);
      return withDone(BASE, 'deleted');
    });
  });
  r.post(`${BASE}/publish`, { schema: { body: formBody({ reason: field(2000), effectiveOn: field(10), documentRef: field(100) }) } }, async (request, reply) => {
    requireStaff(request);
    return handleForm(reply, request.body, async () => {
      await publishPowerDraft(ctx, actorOf(request), request.body);
      return withDone(BASE, 'published');
    }, (publishForm) => consolePage(request, reply, { publishForm }, 400), refused(request, reply));
  });
  r.post(`${BASE}/discard`, { schema: { body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    return act(request, reply, async () => {
      await discardPowerDraft(ctx, actorOf(request));
      return withDone(BASE, 'deleted');
    });
  });
}
