import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { deleteFee, listFees, saveFee, staffFee } from '../../services/education-fee.service.ts';
import { requireStaffFor } from '../../services/education-access.ts';
import { FeeConsole, FeesConsole, FeesPage, feeForm } from '../views/education-fee-pages.tsx';
import { emptyForm, type FormState } from '../views/education-console-common.tsx';
import { codeParam, doneMessage, field, formBody, handleForm, idParam, withDone } from './education-common.ts';

const feeBody = formBody({
  category: field(100), name: field(200), scope: field(300), standard: field(200), legalBasis: field(5000), approvalDoc: field(200), documentRef: field(100), validFrom: field(10), validTo: field(10), note: field(5000),
});
const BASE = '/console/education/fees';

/** Education fees: public list and console editor. */
export function educationFeeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/gk/:code/education/fees', { schema: { params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    return sendPage(request, reply, h(FeesPage, { ctx: pageContext(request), agency, ...(await listFees(ctx, agency.id)) }));
  });

  const listPage = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    requireStaff(request);
    const user = requireStaffFor(actorOf(request), 'content.manage');
    const { inForce, other } = await listFees(ctx, user.agencyId);
    return sendPage(request, reply, h(FeesConsole, { ctx: pageContext(request), fees: [...inForce, ...other], form: form ?? emptyForm(feeForm()), done: doneMessage(request) }), status);
  };
  r.get(BASE, async (request, reply) => listPage(request, reply));
  r.post(BASE, { schema: { body: feeBody } }, async (request, reply) => {
    requireStaff(request);
    return handleForm(reply, request.body, async () => {
      await saveFee(ctx, actorOf(request), null, request.body);
      return withDone(BASE, 'created');
    }, (form) => listPage(request, reply, form, 400));
  });
  r.get(`${BASE}/:id`, { schema: { params: idParam } }, async (request, reply) => {
    requireStaff(request);
    const fee = await staffFee(ctx, actorOf(request), request.params.id);
    return sendPage(request, reply, h(FeeConsole, { ctx: pageContext(request), fee, form: emptyForm(feeForm(fee)) }));
  });
  r.post(`${BASE}/:id`, { schema: { params: idParam, body: feeBody } }, async (request, reply) => {
    requireStaff(request);
    return handleForm(reply, request.body, async () => {
      await saveFee(ctx, actorOf(request), request.params.id, request.body);
      return withDone(BASE, 'saved');
    }, async (form) => sendPage(request, reply, h(FeeConsole, { ctx: pageContext(request), fee: await staffFee(ctx, actorOf(request), request.params.id), form }), 400));
  });
  r.post(`${BASE}/:id/delete`, { schema: { params: idParam, body: formBody({}) } }, async (request, reply) => {
    requireStaff(request);
    await deleteFee(ctx, actorOf(request), request.params.id);
    return reply.redirect(withDone(BASE, 'deleted'), 303);
  });
}
