import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import type { Agency } from '../../db/schema.ts';
import {
  MAX_APPLICANT_FILES,
  MAX_APPLICANT_FILE_BYTES,
  checkApplicantFiles,
  requireAgency,
  submitApplication,
  type ApplicantFileInput,
} from '../../services/application-intake.service.ts';
import { receiptData, trackApplication, trackedFile, findTracked } from '../../services/application-case.service.ts';
import { receiptLetter } from '../../services/application-letter.service.ts';
import { receiptToken, verifyReceiptToken } from '../../services/application-policy.service.ts';
import { AppError, DomainError, NotFoundError, ValidationError } from '../../services/errors.ts';
import { actorOf } from '../plugins/auth.ts';
import { assertCsrf } from '../plugins/csrf.ts';
import { safeFilename } from '../../storage/file-type.ts';
import { pageContext, sendPage } from '../render.tsx';
import { tx } from '../i18n/index.ts';
import { publicRateLimit, sendDownload } from './applications-api.routes.ts';
import { suggestionStep } from './suggestions.routes.ts';
import { validateApplicationForm } from '../../domain/application-form.ts';
import { todayCst } from '../format.ts';
import { suggestionFollowed } from '../../services/suggestion.service.ts';
import {
  ApplyPage,
  AttachmentsField,
  EMPTY_FORM,
  ReceiptPage,
  TrackPage,
  TrackResultPage,
  formFieldOf,
  type ApplyFormValues,
} from '../views/application-public.tsx';

const agencyCodeParam = z.object({ code: z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效') });

const formText = z.string().max(20_000).optional();

const applyBody = z.object({
  _csrf: formText,
  nonce: formText,
  kind: formText, orgType: formText, name: formText, idType: formText, idNumber: formText, phone: formText, email: formText, address: formText,
  description: formText, format: formText, delivery: formText,
  suggestion: formText, suggest_done: formText, // issue 8: answers before applications
});

type ApplyBody = z.infer<typeof applyBody>;

/**
 * The application form's fields and attachments. The form is multipart (it carries files); a
 * urlencoded post (no files) is still accepted. The CSRF token precedes the files in the form and
 * is checked before any upload is read. A part over the size limit is cut at one byte more than
 * the limit, files beyond the maximum are counted but not kept: the service names either problem.
 */
// An oversized file is cut, not thrown (`throwFileSizeLimit`: read by parts() at run time, though
// missing from its declared options), so the form can name it and keep the other fields.
const APPLY_PARTS = { limits: { fileSize: MAX_APPLICANT_FILE_BYTES + 1 }, throwFileSizeLimit: false };

async function readApplyForm(request: FastifyRequest): Promise<{ body: ApplyBody; files: ApplicantFileInput[] }> {
  if (!request.isMultipart()) return { body: (request.body ?? {}) as ApplyBody, files: [] };
  const fields: Record<string, string> = {};
  const files: ApplicantFileInput[] = [];
  try {
    for await (const part of request.parts(APPLY_PARTS)) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      assertCsrf(request, fields._csrf);
      if (files.length >= MAX_APPLICANT_FILES) {
        for await (const chunk of part.file) void chunk; // counted, not kept
        files.push({ filename: part.filename, content: Buffer.alloc(0) });
        continue;
      }
      const content = await part.toBuffer();
      if (part.filename === '' && content.length === 0) continue; // the file input left empty
      files.push({ filename: part.filename, content });
    }
  } catch (e) {
    // More files than the server parses at all (app.ts): the fields came first and are all here;
    // the files counted so far already exceed the maximum, so the service refuses them.
    if ((e as { code?: string }).code !== 'FST_FILES_LIMIT') throw e;
  }
  assertCsrf(request, fields._csrf);
  const parsed = applyBody.safeParse(fields);
  if (!parsed.success) throw new ValidationError(tx(request, '申请内容过长', 'The application is too long'), {});
  return { body: parsed.data, files };
}

const receiptQuery = z.object({ c: z.string().max(40).default(''), s: z.string().max(64).default('') });

const trackBody = z.object({ _csrf: formText, trackingCode: formText, phoneLast4: formText, fileId: formText });

const newNonce = () => randomBytes(18).toString('base64url');

function portalAgency(a: Agency) {
  return { code: a.code, name: a.name, phone: a.phone, address: a.address, fax: a.fax, email: a.email, officeName: a.office_name };
}

/** Public pages of disclosure on application: the form, the acknowledgement and receipt, tracking. */
export function applicationsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const renderForm = (request: FastifyRequest, reply: FastifyReply, agency: Agency, values: ApplyFormValues, nonce: string, errors: Record<string, string> = {}, notice?: string, status = 200, reattach: string[] = []) =>
    sendPage(request, reply, h(ApplyPage, { ctx: pageContext(request), agency: portalAgency(agency), values, nonce, errors, notice, reattach }), status);

  r.get('/gk/:code/apply', { schema: { hide: true, params: agencyCodeParam } }, async (request, reply) => {
    const agency = await requireAgency(ctx, request.params.code);
    return renderForm(request, reply, agency, EMPTY_FORM, newNonce());
  });

  r.post('/gk/:code/apply', {
    config: { ...publicRateLimit(ctx, 'applications-submit'), multipartCsrf: true }, // readApplyForm checks the token
    schema: { hide: true, params: agencyCodeParam, body: applyBody.nullish() }, // no body here when multipart: readApplyForm reads it
  }, async (request, reply) => {
    const agency = await requireAgency(ctx, request.params.code);
    let b: ApplyBody;
    let files: ApplicantFileInput[];
    try {
      ({ body: b, files } = await readApplyForm(request));
    } catch (e) {
      if (e instanceof ValidationError) return renderForm(request, reply, agency, EMPTY_FORM, newNonce(), { ...(e.fields ?? {}) }, e.message, 400);
      throw e;
    }
    const values: ApplyFormValues = {
      kind: b.kind ?? '', orgType: b.orgType ?? '', name: b.name ?? '', idType: b.idType ?? '', idNumber: b.idNumber ?? '', phone: b.phone ?? '',
      email: b.email ?? '', address: b.address ?? '', description: b.description ?? '', format: b.format ?? '', delivery: b.delivery ?? '',
    };
    const nonce = b.nonce && b.nonce.length >= 8 ? b.nonce : newNonce();
    const form = {
      applicant: {
        kind: values.kind, orgType: values.kind === 'organization' ? values.orgType : '', name: values.name, idType: values.idType,
        idNumber: values.idNumber, phone: values.phone, email: values.email, address: values.address,
      },
      description: values.description, format: values.format, delivery: values.delivery,
    };
    // A browser never shows a page again with files still chosen: name them so they can be chosen again.
    const reattach = files.filter((f) => f.filename !== '').map((f) => safeFilename(f.filename));
    // Errors first: a form that cannot be accepted goes back with its messages, not to the suggestions.
    const formOk = validateApplicationForm(form, { today: todayCst(ctx.now()) }).ok && checkApplicantFiles(files).ok;
    if (formOk && await suggestionStep(ctx, request, reply, {
      agencyCode: agency.code, form: 'apply', text: values.description, fields: b, action: `/gk/${agency.code}/apply`,
      upload: h(AttachmentsField, { ctx: pageContext(request), reattach }),
    })) return reply; // issue 8: matching published information first (confirmation step)
    try {
      const result = await submitApplication(ctx, actorOf(request), { agencyCode: agency.code, form, files, idempotency: { source: 'form', key: nonce } });
      await suggestionFollowed(ctx, b.suggestion, 'application', result.id); // issue 8: counts that a shown suggestion did not stop the application
      const token = await receiptToken(ctx, result.trackingCode);
      // Post/Redirect/Get: a reload shows the receipt again instead of resubmitting.
      return reply.redirect(`/gk/${agency.code}/apply/receipt?c=${result.trackingCode}&s=${token}${result.replayed ? '&again=1' : ''}`, 303);
    } catch (e) {
      if (e instanceof ValidationError) {
        const errors: Record<string, string> = {};
        for (const [path, message] of Object.entries(e.fields ?? {})) errors[formFieldOf(path)] = message;
        return renderForm(request, reply, agency, values, nonce, errors, undefined, 400, reattach);
      }
      if (e instanceof DomainError && e.code === 'idempotency_conflict') {
        // The same form was sent again with other content (back button): start a fresh form, keep the values.
        return renderForm(request, reply, agency, values, newNonce(), {}, tx(request, '此页面的申请已经提交过。如需提交另一份申请，请核对内容后再次点击“提交申请”。', 'The application on this page has already been submitted. To submit another, check it and click “Submit application” again.'), 409, reattach);
      }
      throw e;
    }
  });

  r.get('/gk/:code/apply/receipt', { schema: { hide: true, params: agencyCodeParam, querystring: receiptQuery.extend({ again: z.string().max(1).optional() }) } }, async (request, reply) => {
    const agency = await requireAgency(ctx, request.params.code);
    const { c, s } = request.query;
    if (!c || !(await verifyReceiptToken(ctx, c, s))) throw new NotFoundError('未找到该回执');
    const { receipt } = await receiptData(ctx, c);
    if (receipt.agencyCode !== agency.code) throw new NotFoundError('未找到该回执');
    reply.header('cache-control', 'private, no-store');
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(request, reply, h(ReceiptPage, {
      ctx: pageContext(request), agency: portalAgency(agency), receipt,
      docxUrl: `/gk/${agency.code}/apply/receipt.docx?c=${receipt.trackingCode}&s=${s}`, replayed: request.query.again === '1',
    }));
  });

  r.get('/gk/:code/apply/receipt.docx', { schema: { hide: true, params: agencyCodeParam, querystring: receiptQuery } }, async (request, reply) => {
    const agency = await requireAgency(ctx, request.params.code);
    const { c, s } = request.query;
    if (!c || !(await verifyReceiptToken(ctx, c, s))) throw new NotFoundError('未找到该回执');
    const { app: row } = await receiptData(ctx, c);
    if (row.agency_id !== agency.id) throw new NotFoundError('未找到该回执');
    return sendDownload(reply, await receiptLetter(ctx, row));
  });

  // ---- tracking ----

  r.get('/gk/:code/track', { schema: { hide: true, params: agencyCodeParam, querystring: z.object({ code: z.string().max(40).optional().catch(undefined) }) } }, async (request, reply) => {
    const agency = await requireAgency(ctx, request.params.code);
    return sendPage(request, reply, h(TrackPage, { ctx: pageContext(request), agency: portalAgency(agency), code: request.query.code ?? '', errors: {} }));
  });

  r.post('/gk/:code/track', {
    config: publicRateLimit(ctx, 'applications-track'),
    schema: { hide: true, params: agencyCodeParam, body: trackBody },
  }, async (request, reply) => {
    const agency = await requireAgency(ctx, request.params.code);
    const code = request.body.trackingCode ?? '';
    const phoneLast4 = (request.body.phoneLast4 ?? '').trim();
    try {
      const view = await trackApplication(ctx, { trackingCode: code, phoneLast4, agencyCode: agency.code });
      reply.header('cache-control', 'private, no-store');
      return sendPage(request, reply, h(TrackResultPage, { ctx: pageContext(request), agency: portalAgency(agency), view, phoneLast4 }));
    } catch (e) {
      if (e instanceof ValidationError || e instanceof NotFoundError) {
        const errors = e instanceof ValidationError ? { ...(e.fields ?? {}) } : {};
        return sendPage(request, reply, h(TrackPage, {
          ctx: pageContext(request), agency: portalAgency(agency), code, errors, message: e instanceof NotFoundError ? e.message : undefined,
        }), (e as AppError).status);
      }
      throw e;
    }
  });

  r.post('/gk/:code/track/file', {
    config: publicRateLimit(ctx, 'applications-track'),
    schema: { hide: true, params: agencyCodeParam, body: trackBody },
  }, async (request, reply) => {
    const agency = await requireAgency(ctx, request.params.code);
    const input = { trackingCode: request.body.trackingCode ?? '', phoneLast4: (request.body.phoneLast4 ?? '').trim(), agencyCode: agency.code };
    const fileId = request.body.fileId ?? '';
    if (fileId === 'receipt') return sendDownload(reply, await receiptLetter(ctx, await findTracked(ctx, input)));
    if (!/^\d{1,9}$/.test(fileId)) throw new NotFoundError('未找到该文件');
    return sendDownload(reply, await trackedFile(ctx, { ...input, fileId: Number(fileId) }));
  });
}
