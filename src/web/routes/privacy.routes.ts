// Console routes of the privacy guard (issue 8): a document's personal-data check (reasons, masked
// copies, withheld originals), the findings in published documents by agency with 撤回, timing
// figures and suggestion statistics. Thin: validate, authenticate, one service call, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { AppError } from '../../services/errors.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { documentPrivacy, recordJustification, rescanDocument, withdrawJustification, withheldOriginal } from '../../services/privacy.service.ts';
import { createMaskedCopy } from '../../services/masking.service.ts';
import { privacyOverview, runSweep } from '../../services/privacy-sweep.service.ts';
import { withdrawDocument } from '../../services/document.service.ts';
import { timingReport } from '../../services/timing.service.ts';
import { deflectionReport } from '../../services/suggestion.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { sendDownload } from './applications-api.routes.ts';
import { DocumentPrivacyPage, PrivacyOverviewPage, SuggestionsPage, TimingPage } from '../views/privacy-console.tsx';
import { noticeFrom, type Notice } from '../i18n/index.ts';
import { tx } from '../i18n/index.ts';

/** The notices after an action, by the `done` query parameter, in both languages. */
const PRIVACY_NOTICES = {
  justified: { zh: '理由已记录。', en: 'The reason has been recorded.' },
  reopened: { zh: '理由已撤回，该项重新待处理。', en: 'The reason has been withdrawn; the item is open again.' },
  masked: { zh: '已生成遮盖副本并替换原附件，原件已移出公开附件，仅工作人员可见。', en: 'A masked copy has replaced the attachment; the original is no longer public and only staff can see it.' },
  swept: { zh: '已重新检查全部已发布信息。', en: 'All published information has been checked again.' },
  withdrawn: { zh: '文件已撤回。', en: 'The document has been withdrawn.' },
  rescanned: { zh: '已重新检查。', en: 'Checked again.' },
} satisfies Record<string, Notice>;
type PrivacyNotice = keyof typeof PRIVACY_NOTICES;

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const docParams = z.object({ id });
const findingParams = z.object({ id, fid: id });
const attachmentParams = z.object({ id, aid: id });
const withheldParams = z.object({ id, wid: id });
const doneQuery = z.object({ done: z.enum(Object.keys(PRIVACY_NOTICES) as [PrivacyNotice, ...PrivacyNotice[]]).optional().catch(undefined), n: z.coerce.number().int().min(0).optional().catch(undefined) });
const csrfOnly = z.object({ _csrf: z.string().optional() });
const reasonBody = z.object({ _csrf: z.string().optional(), reason: z.string().max(5000).default('') });
const yearQuery = z.object({ year: z.coerce.number().int().min(2008).max(2100).optional().catch(undefined) });

export function privacyRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const thisYear = () => Number(chinaDateOf(ctx.now()).slice(0, 4));

  // ---- one document ----------------------------------------------------------------------------

  const showDocument = async (request: FastifyRequest, reply: FastifyReply, docId: number, opts: { notice?: string; error?: string; findingError?: { findingId: number; message: string } } = {}, status = 200) => {
    const view = await documentPrivacy(ctx, actorOf(request), docId);
    return sendPage(request, reply, h(DocumentPrivacyPage, { ctx: pageContext(request), view, ...opts }), status);
  };

  /** Runs a change; on a refusal the page is shown again with the message. A foreign or missing document stays a 404. */
  const act = async (request: FastifyRequest, reply: FastifyReply, docId: number, done: PrivacyNotice, fn: () => Promise<unknown>, findingId?: number) => {
    requireStaff(request);
    try {
      await fn();
    } catch (e) {
      if (e instanceof AppError && e.status !== 404 && e.status !== 401) {
        const message = e.fields?.reason ? `${e.message}${tx(request, '：', ': ')}${e.fields.reason}` : e.message;
        return showDocument(request, reply, docId, findingId ? { findingError: { findingId, message } } : { error: message }, e.status);
      }
      throw e;
    }
    return reply.redirect(`/console/privacy/documents/${docId}?done=${done}`, 303);
  };

  r.get('/console/privacy/documents/:id', { schema: { hide: true, params: docParams, querystring: doneQuery } }, async (request, reply) => {
    requireStaff(request);
    const done = request.query.done;
    return showDocument(request, reply, request.params.id, { notice: noticeFrom(request, PRIVACY_NOTICES, done) });
  });

  // Anybody who may read the document, a supervisor of its agency included: a rescan records what
  // the scanner finds and decides nothing (see rescanDocument).
  r.post('/console/privacy/documents/:id/rescan', { schema: { hide: true, params: docParams, body: csrfOnly } }, async (request, reply) =>
    act(request, reply, request.params.id, 'rescanned', () => rescanDocument(ctx, actorOf(request), request.params.id)));

  r.post('/console/privacy/documents/:id/findings/:fid/justify', { schema: { hide: true, params: findingParams, body: reasonBody } }, async (request, reply) =>
    act(request, reply, request.params.id, 'justified', () => recordJustification(ctx, actorOf(request), request.params.fid, request.body.reason), request.params.fid));

  r.post('/console/privacy/documents/:id/findings/:fid/reopen', { schema: { hide: true, params: findingParams, body: csrfOnly } }, async (request, reply) =>
    act(request, reply, request.params.id, 'reopened', () => withdrawJustification(ctx, actorOf(request), request.params.fid)));

  r.post('/console/privacy/documents/:id/attachments/:aid/mask', { schema: { hide: true, params: attachmentParams, body: csrfOnly } }, async (request, reply) =>
    act(request, reply, request.params.id, 'masked', () => createMaskedCopy(ctx, actorOf(request), request.params.id, request.params.aid)));

  r.get('/console/privacy/documents/:id/withheld/:wid', { schema: { hide: true, params: withheldParams } }, async (request, reply) => {
    requireStaff(request);
    const file = await withheldOriginal(ctx, actorOf(request), request.params.id, request.params.wid);
    return sendDownload(reply, { filename: file.filename, mime: file.mime, content: file.data });
  });

  // ---- published documents, by agency ----------------------------------------------------------

  const overview = async (request: FastifyRequest, reply: FastifyReply, opts: { notice?: string; error?: string; swept?: number } = {}, status = 200) => {
    const user = requireStaff(request);
    const report = await privacyOverview(ctx, actorOf(request));
    const canSweep = user.isSysadmin || user.roles.some((x) => x === 'supervisor' || x === 'office');
    return sendPage(request, reply, h(PrivacyOverviewPage, { ctx: pageContext(request), report, canSweep, ...opts }), status);
  };

  r.get('/console/privacy', { schema: { hide: true, querystring: doneQuery } }, async (request, reply) => {
    const done = request.query.done;
    return overview(request, reply, { notice: noticeFrom(request, PRIVACY_NOTICES, done), swept: done === 'swept' ? request.query.n : undefined });
  });

  r.post('/console/privacy/sweep', { schema: { hide: true, body: csrfOnly } }, async (request, reply) => {
    requireStaff(request);
    const run = await runSweep(ctx, actorOf(request));
    return reply.redirect(`/console/privacy?done=swept&n=${run.scanned}`, 303);
  });

  r.post('/console/privacy/documents/:id/withdraw', { schema: { hide: true, params: docParams, body: reasonBody } }, async (request, reply) => {
    requireStaff(request);
    try {
      await withdrawDocument(ctx, actorOf(request), request.params.id, request.body.reason);
    } catch (e) {
      if (e instanceof AppError && e.status !== 404 && e.status !== 401) return overview(request, reply, { error: e.message }, e.status);
      throw e;
    }
    return reply.redirect('/console/privacy?done=withdrawn', 303);
  });

  // ---- figures ---------------------------------------------------------------------------------

  r.get('/console/privacy/timing', { schema: { hide: true, querystring: yearQuery } }, async (request, reply) => {
    requireStaff(request);
    const report = await timingReport(ctx, actorOf(request), request.query.year ?? thisYear());
    return sendPage(request, reply, h(TimingPage, { ctx: pageContext(request), report }));
  });

  r.get('/console/privacy/suggestions', { schema: { hide: true, querystring: yearQuery } }, async (request, reply) => {
    requireStaff(request);
    const report = await deflectionReport(ctx, actorOf(request), request.query.year ?? thisYear());
    return sendPage(request, reply, h(SuggestionsPage, { ctx: pageContext(request), report }));
  });
}
