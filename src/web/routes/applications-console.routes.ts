import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import type { StaffUser } from '../../services/actor.ts';
import { mayRegisterOffline, OFFLINE_REGISTRATION_REFUSED, registerOfflineApplication, todayOf } from '../../services/application-intake.service.ts';
import { caseFile, caseView, findPossibleRepeats, listApplications, type ListView } from '../../services/application-case.service.ts';
import { performAction } from '../../services/application-action.service.ts';
import { caseReceipt, listDecisionWordings, listTemplates, saveDecisionWording, saveTemplate } from '../../services/application-letter.service.ts';
import { decideReviewCase, recordReviewCase } from '../../services/application-review.service.ts';
import { attachCaseFile, MAX_CASE_FILE_BYTES } from '../../services/application-file.service.ts';
import { visibleAgencyIds } from '../../services/application-policy.service.ts';
import { AppError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../services/errors.ts';
import { ACTION_LABELS, STATES, type Action, type State } from '../../domain/application-workflow.ts';
import { tx } from '../i18n/index.ts';
import { perItemFee, perVolumeFee, type FeeBreakdown } from '../../domain/fees.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { assertCsrf } from '../plugins/csrf.ts';
import { pageContext, sendPage } from '../render.tsx';
import { sendDownload } from './applications-api.routes.ts';
import { noticeFrom, type Notice } from '../i18n/index.ts';
import { outgoingPrivacyWarnings } from '../../services/privacy-outgoing.service.ts';
import {
  ACTION_EN,
  ApplicationListPage,
  CasePage,
  LETTER_EN,
  FeeCalculatorPage,
  RegisterPage,
  TemplatesPage,
  type ActionFormState,
  type RegisterValues,
} from '../views/application-console.tsx';

const BASE = '/console/applications';
const idParam = z.object({ id: z.string().regex(/^\d{1,9}$/, '申请编号无效').transform(Number) });
const text = z.string().max(20_000).optional();

const VIEWS = ['all', 'open', 'mine', 'due_soon', 'overdue'] as const;

const listQuery = z.object({
  view: z.enum(VIEWS).optional().catch(undefined),
  state: z.enum(STATES as [State, ...State[]]).optional().catch(undefined),
  dept: z.string().regex(/^\d{1,9}$/).transform(Number).optional().catch(undefined),
  agency: z.string().max(32).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  page: z.string().regex(/^\d{1,6}$/).transform(Number).optional().catch(undefined),
});

const registerBody = z.object({
  _csrf: text, nonce: text, intent: text,
  kind: text, orgType: text, name: text, idType: text, idNumber: text, phone: text, email: text, address: text,
  description: text, format: text, delivery: text, channel: text, receivedOn: text, confirmedOn: text,
});

const DONE_NOTICES: Record<string, Notice> = {
  registered: { zh: '申请已登记。', en: 'Application registered.' },
  attached: { zh: '附件已上传。', en: 'File uploaded.' },
  case: { zh: '案件已登记。', en: 'Case recorded.' },
  decided: { zh: '案件结果已保存。', en: 'Case outcome saved.' },
};

/** The confirmation after an action on a case: a fixed notice, or "已办理：<action>。" for a workflow action. */
function caseNotice(request: FastifyRequest, done: string | undefined): string | undefined {
  if (!done) return undefined;
  const fixed = noticeFrom(request, DONE_NOTICES, done);
  if (fixed !== undefined || !Object.hasOwn(ACTION_LABELS, done)) return fixed;
  const action = done as Action;
  return tx(request, `已办理：${ACTION_LABELS[action]}。`, `Done: ${ACTION_EN[action]}.`);
}

/** The upload errors this route writes itself (the services' messages stay theirs). */
const uploadError = (request: FastifyRequest, zh: string, en: string) => {
  const message = tx(request, zh, en);
  return new ValidationError(message, { file: message });
};

const newNonce = () => randomBytes(18).toString('base64url');

const EMPTY_REGISTER: RegisterValues = {
  kind: 'person', orgType: '', name: '', idType: 'resident_id', idNumber: '', phone: '', email: '', address: '',
  description: '', format: 'paper', delivery: 'post', channel: 'in_person', receivedOn: '', confirmedOn: '',
};

function fieldsToForm(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) out[path.startsWith('applicant.') ? path.slice(10) : path] = message;
  return out;
}

/** The staff console for applications. Every decision is the services'; pages only render. */
export function applicationsConsoleRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(BASE, { schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
    const user = requireStaff(request);
    const q = request.query;
    const view: ListView = q.view ?? 'all';
    const visible = await visibleAgencyIds(ctx, user);
    const agencies = (await ctx.repos.agencies.all()).filter((a) => visible.includes(a.id));
    const agencyForDepts = q.agency ? agencies.find((a) => a.code === q.agency) : agencies.find((a) => a.id === user.agencyId);
    const departments = agencyForDepts ? await ctx.repos.agencies.departments(agencyForDepts.id) : [];
    let list;
    try {
      list = await listApplications(ctx, user, {
        view, ...(q.state ? { state: q.state } : {}), ...(q.dept !== undefined ? { departmentId: q.dept } : {}),
        ...(q.agency ? { agency: q.agency } : {}), ...(q.q ? { q: q.q } : {}), ...(q.page ? { page: q.page } : {}),
      });
    } catch (e) {
      if (e instanceof ValidationError) throw new NotFoundError(tx(request, '没有该机关，或您无权查看其申请', 'No such agency, or you may not see its applications'));
      throw e;
    }
    return sendPage(request, reply, h(ApplicationListPage, {
      ctx: pageContext(request), list, view,
      filter: { state: q.state, departmentId: q.dept, q: q.q, agency: q.agency },
      departments: departments.map((d) => ({ id: d.id, name: d.name })),
      agencies: agencies.map((a) => ({ code: a.code, name: a.name })),
      canRegister: mayRegisterOffline(user),
    }));
  });

  // ---- registration of offline applications ----

  const renderRegister = (request: FastifyRequest, reply: FastifyReply, values: RegisterValues, opts: { errors?: Record<string, string>; repeats?: Awaited<ReturnType<typeof findPossibleRepeats>>; checked?: boolean; nonce?: string } = {}, status = 200) =>
    sendPage(request, reply, h(RegisterPage, {
      ctx: pageContext(request), values, errors: opts.errors ?? {}, repeats: opts.repeats ?? [], checked: opts.checked ?? false, nonce: opts.nonce ?? newNonce(),
    }), status);

  r.get(`${BASE}/new`, { schema: { hide: true } }, async (request, reply) => {
    // The same rule as the POST (registerOfflineApplication): a platform administrator without the office role may not.
    if (!mayRegisterOffline(requireStaff(request, ['office']))) throw new ForbiddenError(OFFLINE_REGISTRATION_REFUSED);
    return renderRegister(request, reply, { ...EMPTY_REGISTER, receivedOn: todayOf(ctx) });
  });

  r.post(`${BASE}/new`, { schema: { hide: true, body: registerBody } }, async (request, reply) => {
    const user = requireStaff(request, ['office']);
    const b = request.body;
    const values: RegisterValues = {
      kind: b.kind ?? '', orgType: b.orgType ?? '', name: b.name ?? '', idType: b.idType ?? '', idNumber: b.idNumber ?? '', phone: b.phone ?? '',
      email: b.email ?? '', address: b.address ?? '', description: b.description ?? '', format: b.format ?? '', delivery: b.delivery ?? '',
      channel: b.channel ?? '', receivedOn: b.receivedOn ?? '', confirmedOn: b.confirmedOn ?? '',
    };
    const nonce = b.nonce && b.nonce.length >= 8 ? b.nonce : newNonce();
    const repeats = await findPossibleRepeats(ctx, user, { idNumber: values.idNumber, name: values.name, phone: values.phone, description: values.description });
    if (b.intent === 'check') return renderRegister(request, reply, values, { repeats, checked: true, nonce });
    try {
      const result = await registerOfflineApplication(ctx, actorOf(request), {
        agencyCode: user.agencyCode,
        form: {
          applicant: { kind: values.kind, orgType: values.kind === 'organization' ? values.orgType : '', name: values.name, idType: values.idType, idNumber: values.idNumber, phone: values.phone, email: values.email, address: values.address },
          description: values.description, format: values.format, delivery: values.delivery,
        },
        receipt: { channel: values.channel, receivedOn: values.receivedOn, confirmedOn: values.confirmedOn },
        idempotency: { source: 'form', key: nonce },
      });
      return reply.redirect(`${BASE}/${result.id}?done=registered`, 303);
    } catch (e) {
      if (e instanceof ValidationError) return renderRegister(request, reply, values, { errors: fieldsToForm(e.fields), repeats, checked: repeats.length > 0, nonce }, 400);
      if (e instanceof DomainError && e.code === 'idempotency_conflict') {
        return renderRegister(request, reply, values, { errors: { form: tx(request, '此表单已登记过一份申请；如需登记另一份，请核对后再次提交。', 'An application has already been registered with this form; to register another, check it and submit again.') }, nonce: newNonce() }, 409);
      }
      throw e;
    }
  });

  // ---- the case page ----

  const renderCase = async (request: FastifyRequest, reply: FastifyReply, user: StaffUser, id: number, extra: { notice?: string; error?: string; actionState?: ActionFormState; reviewErrors?: Record<string, string> } = {}, status = 200) => {
    const view = await caseView(ctx, user, id);
    const sameAgency = user.agencyId === view.agency.id;
    return sendPage(request, reply, h(CasePage, {
      ctx: pageContext(request), view, today: todayOf(ctx), ...extra,
      canAttach: view.handles && (user.roles.includes('office') || user.roles.includes('clerk')) && !['closed', 'withdrawn'].includes(view.state),
      canRecordCases: sameAgency && (user.roles.includes('office') || user.roles.includes('head')),
      privacyWarnings: view.handles ? await outgoingPrivacyWarnings(ctx, user, id) : [], // issue 8: someone else's personal data going to the applicant
    }), status);
  };

  r.get(`${BASE}/:id`, { schema: { hide: true, params: idParam, querystring: z.object({ done: z.string().max(40).optional().catch(undefined) }) } }, async (request, reply) => {
    const user = requireStaff(request);
    return renderCase(request, reply, user, request.params.id, { notice: caseNotice(request, request.query.done) });
  });

  r.post(`${BASE}/:id/actions`, { schema: { hide: true, params: idParam, body: z.record(z.string(), z.string().max(20_000)) } }, async (request, reply) => {
    const user = requireStaff(request);
    const { _csrf, expectedVersion, ...rest } = request.body;
    void _csrf;
    const type = rest.type ?? '';
    try {
      await performAction(ctx, actorOf(request), request.params.id, {
        ...rest, type, ...(expectedVersion && /^\d+$/.test(expectedVersion) ? { expectedVersion: Number(expectedVersion) } : {}),
      });
      return reply.redirect(`${BASE}/${request.params.id}?done=${encodeURIComponent(type)}`, 303);
    } catch (e) {
      if (e instanceof ValidationError || e instanceof DomainError || e instanceof ForbiddenError) {
        const actionState: ActionFormState = { action: type, errors: e instanceof ValidationError ? { ...(e.fields ?? {}) } : {}, values: rest };
        return renderCase(request, reply, user, request.params.id, { error: e.message, actionState }, (e as AppError).status);
      }
      throw e;
    }
  });

  r.get(`${BASE}/:id/receipt.docx`, { schema: { hide: true, params: idParam } }, async (request, reply) =>
    sendDownload(reply, await caseReceipt(ctx, requireStaff(request), request.params.id)));

  r.get(`${BASE}/:id/files/:fileId`, { schema: { hide: true, params: idParam.extend({ fileId: z.string().regex(/^\d{1,9}$/).transform(Number) }) } }, async (request, reply) =>
    sendDownload(reply, await caseFile(ctx, requireStaff(request), request.params.id, request.params.fileId)));

  r.post(`${BASE}/:id/files`, { config: { multipartCsrf: true }, schema: { hide: true, params: idParam } }, async (request, reply) => {
    const user = requireStaff(request);
    if (!request.isMultipart()) throw uploadError(request, '请选择要上传的文件', 'Please choose a file to upload');
    const fields: Record<string, string> = {};
    let file: { filename: string; mime: string; content: Buffer } | null = null;
    for await (const part of request.parts({ limits: { fileSize: MAX_CASE_FILE_BYTES + 1, files: 1 } })) {
      if (part.type === 'file') {
        // The CSRF field precedes the file in the form: check it before reading the upload.
        assertCsrf(request, fields._csrf);
        const content = await part.toBuffer();
        if (part.file.truncated) throw uploadError(request, '文件不能超过20MB', 'The file must not be larger than 20 MB');
        file = { filename: part.filename, mime: part.mimetype, content };
      } else {
        fields[part.fieldname] = String(part.value ?? '').slice(0, 2000);
      }
    }
    assertCsrf(request, fields._csrf);
    try {
      await attachCaseFile(ctx, actorOf(request), request.params.id, {
        filename: file?.filename ?? '', mime: file?.mime ?? '', content: file?.content ?? Buffer.alloc(0), isPublic: fields.public === '1', note: fields.note,
      });
    } catch (e) {
      if (e instanceof ValidationError || e instanceof DomainError || e instanceof ForbiddenError) {
        return renderCase(request, reply, user, request.params.id, { error: e.message }, (e as AppError).status);
      }
      throw e;
    }
    return reply.redirect(`${BASE}/${request.params.id}?done=attached`, 303);
  });

  // ---- reconsideration and litigation ----

  r.post(`${BASE}/:id/review-cases`, { schema: { hide: true, params: idParam, body: z.record(z.string(), z.string().max(5000)) } }, async (request, reply) => {
    const user = requireStaff(request);
    try {
      await recordReviewCase(ctx, actorOf(request), request.params.id, request.body);
    } catch (e) {
      if (e instanceof ValidationError) return renderCase(request, reply, user, request.params.id, { error: e.message, reviewErrors: e.fields }, 400);
      throw e;
    }
    return reply.redirect(`${BASE}/${request.params.id}?done=case`, 303);
  });

  r.post(`${BASE}/:id/review-cases/:caseId`, { schema: { hide: true, params: idParam.extend({ caseId: z.string().regex(/^\d{1,9}$/).transform(Number) }), body: z.record(z.string(), z.string().max(5000)) } }, async (request, reply) => {
    const user = requireStaff(request);
    try {
      await decideReviewCase(ctx, actorOf(request), request.params.id, request.params.caseId, request.body);
    } catch (e) {
      if (e instanceof ValidationError) return renderCase(request, reply, user, request.params.id, { error: e.message }, 400);
      throw e;
    }
    return reply.redirect(`${BASE}/${request.params.id}?done=decided`, 303);
  });

  // ---- letter templates ----

  const renderTemplates = async (request: FastifyRequest, reply: FastifyReply, user: StaffUser, opts: { done?: string; error?: { kind: string; message: string; body: string } }, status = 200) => {
    const [templates, decisions] = await Promise.all([listTemplates(ctx, user), listDecisionWordings(ctx, user)]);
    const done = opts.done;
    const template = done === undefined ? undefined : templates.find((t) => t.kind === done);
    const decision = done === undefined || template ? undefined : decisions.find((d) => `decision:${d.outcome}` === done);
    const notice = template
      ? tx(request, `已保存：${template.title}`, `Saved: ${LETTER_EN[template.kind] ?? template.title}`)
      : decision ? tx(request, `已保存：${decision.label}`, 'Saved: the wording of the decision.') : undefined;
    return sendPage(request, reply, h(TemplatesPage, {
      ctx: pageContext(request), templates, decisions, notice, editing: done, error: opts.error,
    }), status);
  };

  r.get(`${BASE}/templates`, { schema: { hide: true, querystring: z.object({ done: z.string().max(60).optional().catch(undefined) }) } }, async (request, reply) =>
    renderTemplates(request, reply, requireStaff(request, ['office', 'head', 'admin']), { done: request.query.done }));

  r.post(`${BASE}/templates/:kind`, {
    schema: { hide: true, params: z.object({ kind: z.string().max(40) }), body: z.object({ _csrf: text, intent: text, body: z.string().max(50_000).optional() }) },
  }, async (request, reply) => {
    const user = requireStaff(request, ['office', 'head', 'admin']);
    const kind = request.params.kind;
    try {
      await saveTemplate(ctx, actorOf(request), kind, request.body.intent === 'reset' ? null : request.body.body ?? '');
    } catch (e) {
      if (e instanceof ValidationError) return renderTemplates(request, reply, user, { error: { kind, message: e.message, body: request.body.body ?? '' } }, 400);
      throw e;
    }
    return reply.redirect(`${BASE}/templates?done=${encodeURIComponent(kind)}#tpl-${encodeURIComponent(kind)}`, 303);
  });

  // The decision paragraph of the reply letter, per reply type.
  r.post(`${BASE}/templates/decision/:outcome`, {
    schema: { hide: true, params: z.object({ outcome: z.string().max(40) }), body: z.object({ _csrf: text, intent: text, body: z.string().max(50_000).optional() }) },
  }, async (request, reply) => {
    const user = requireStaff(request, ['office', 'head', 'admin']);
    const outcome = request.params.outcome;
    try {
      await saveDecisionWording(ctx, actorOf(request), outcome, request.body.intent === 'reset' ? null : request.body.body ?? '');
    } catch (e) {
      if (e instanceof ValidationError) return renderTemplates(request, reply, user, { error: { kind: `decision:${outcome}`, message: e.message, body: request.body.body ?? '' } }, 400);
      throw e;
    }
    return reply.redirect(`${BASE}/templates?done=${encodeURIComponent(`decision:${outcome}`)}#decision-${encodeURIComponent(outcome)}`, 303);
  });

  // ---- fee calculator (国办函〔2020〕109号) ----

  r.get(`${BASE}/fees`, {
    schema: { hide: true, querystring: z.object({ method: z.string().max(20).optional(), units: z.string().max(10).optional(), previous: z.string().max(10).optional() }) },
  }, async (request, reply) => {
    requireStaff(request);
    const input = { method: request.query.method === 'per_volume' ? 'per_volume' : 'per_item', units: request.query.units ?? '', previous: request.query.previous ?? '0' };
    let result: FeeBreakdown | null = null;
    let error: string | undefined;
    if (input.units !== '') {
      const units = Number(input.units);
      const previous = input.previous === '' ? 0 : Number(input.previous);
      try {
        result = input.method === 'per_item' ? perItemFee(previous, units) : perVolumeFee(units);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        error = e.message;
      }
    }
    return sendPage(request, reply, h(FeeCalculatorPage, { ctx: pageContext(request), input, result, error }), error ? 400 : 200);
  });
}
