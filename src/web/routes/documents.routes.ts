import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { AppError, ForbiddenError, ValidationError } from '../../services/errors.ts';
import { DOCUMENT_ACTIONS, DOCUMENT_ACTION_LABELS, type DocumentAction } from '../../domain/document-workflow.ts';
import { registerDocument, transitionDocument, updateDocument, updateValidity, type DocumentInput } from '../../services/document.service.ts';
import {
  documentFormOptions, documentFormValues, listConsoleDocuments, publicationMonitor, staffDocumentPage, type ConsoleListView,
} from '../../services/document-query.service.ts';
import { addAttachment, attachmentForDownload, removeAttachment } from '../../services/attachment.service.ts';
import {
  IMPORT_COLUMNS, ImportRejectedError, csvTemplate, dryRunImport, importCatalog, loadImportFile, receiveImportFile, xlsxTemplate, type ImportMapping,
} from '../../services/document-import.service.ts';
import { addTaxonomyEntry, deleteTaxonomyEntry, renameTaxonomyEntry, taxonomyFor } from '../../services/taxonomy.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { assertCsrf } from '../plugins/csrf.ts';
import { pageContext, sendPage } from '../render.tsx';
import { DocumentListPage, DocumentDuePage } from '../views/document-list.tsx';
import { DocumentFormPage, type FormValues } from '../views/document-form.tsx';
import { DocumentPage } from '../views/document-page.tsx';
import { ImportPage } from '../views/document-import.tsx';
import { TaxonomyPage } from '../views/document-taxonomy.tsx';
import { sendFile } from './catalog.routes.ts';
import { noticeFrom, type Notice } from '../i18n/index.ts';
import { tx } from '../i18n/index.ts';

const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const text = (max: number) => z.string().max(max).optional().default('');
const many = z.union([z.string().max(200), z.array(z.string().max(200)).max(200)]).optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** The registration form as posted (lenient: the service checks each field and says what is wrong). */
const documentForm = z.object({
  title: text(2000),
  docNumber: text(1000),
  createdOn: text(100),
  category: text(100),
  genre: text(100),
  topics: many,
  keywords: text(2000),
  summary: text(20_000),
  body: text(600_000),
  disclosure: text(100),
  withheldGround: text(100),
  disclosureScope: text(1000),
  disclosureChannel: text(1000),
  validity: text(100),
  replacedById: text(20),
  art20Class: text(100),
  interpretationOfId: text(20),
  inRulesColumn: text(10),
  scheduledOn: text(100),
  departmentId: text(20),
  intent: z.enum(['register', 'draft']).optional(),
  _csrf: z.string().optional(),
});
type DocumentForm = z.infer<typeof documentForm>;

const optionalId = (s: string) => (/^\d{1,9}$/.test(s) ? Number(s) : null);

function toInput(f: DocumentForm): DocumentInput {
  return {
    title: f.title,
    docNumber: f.docNumber,
    createdOn: f.createdOn,
    category: f.category,
    genre: f.genre,
    topics: f.topics,
    keywords: f.keywords,
    summary: f.summary,
    bodyHtml: f.body,
    disclosure: f.disclosure || 'proactive',
    withheldGround: f.withheldGround || null,
    disclosureScope: f.disclosureScope,
    disclosureChannel: f.disclosureChannel,
    validity: f.validity || 'valid',
    replacedById: optionalId(f.replacedById),
    art20Class: f.art20Class || 'none',
    interpretationOfId: optionalId(f.interpretationOfId),
    inRulesColumn: f.inRulesColumn === '1',
    scheduledOn: f.scheduledOn || null,
    departmentId: optionalId(f.departmentId),
  };
}

// The English of “已<action>。” after a workflow action (register is the `registered` notice's own word).
const ACTION_DONE_EN: Readonly<Record<DocumentAction, string>> = {
  register: 'Registered.', submit: 'Submitted for review.', approve: 'Approved.', return: 'Returned.',
  publish: 'Published.', archive: 'Archived.', withdraw: 'Withdrawn.',
};

const DONE: Record<string, Notice> = {
  registered: { zh: '已登记，索引号已分配。', en: 'Registered; the index number has been assigned.' },
  drafted: { zh: '已保存为草稿。登记时分配索引号。', en: 'Saved as a draft. The index number is assigned on registration.' },
  updated: { zh: '已保存修改。', en: 'Changes saved.' },
  validity: { zh: '有效性已更新。', en: 'Validity updated.' },
  attached: { zh: '附件已上传。', en: 'Attachment uploaded.' },
  detached: { zh: '附件已删除。', en: 'Attachment deleted.' },
  imported: { zh: '目录已导入。', en: 'Catalog imported.' },
  scheduled: { zh: '已设置定时发布。', en: 'Publication scheduled.' },
  ...Object.fromEntries(DOCUMENT_ACTIONS.map((a) => [a, { zh: `已${DOCUMENT_ACTION_LABELS[a]}。`, en: ACTION_DONE_EN[a] }])),
};

const TAX_DONE: Record<string, Notice> = {
  added: { zh: '已新增。', en: 'Added.' },
  renamed: { zh: '已改名。', en: 'Renamed.' },
  deleted: { zh: '已删除。', en: 'Deleted.' },
};

const doneQuery = z.object({ done: z.string().max(30).optional(), n: z.coerce.number().int().optional().catch(undefined) });

function doneMessage(request: FastifyRequest, q: { done?: string; n?: number }): string | undefined {
  if (q.done === 'imported' && q.n !== undefined) return tx(request, `已导入 ${q.n} 份文件，均已发布。`, `${q.n} ${q.n === 1 ? 'document' : 'documents'} imported, all published.`);
  return noticeFrom(request, DONE, q.done);
}

/** A file field left empty or a form that is not an upload: the route's own message, in the request's language. */
function noFileError(request: FastifyRequest, zh: string, en: string): ValidationError {
  const message = tx(request, zh, en);
  return new ValidationError(message, { file: message });
}

const RFC5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The staff console of proactive disclosure: registry, review and publish queues, Art. 26 monitor, import, taxonomy. */
export function documentsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const listQuery = z.object({
    state: z.string().max(20).optional().catch(undefined),
    text: z.string().max(100).optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(10_000).optional().catch(1),
    done: z.string().max(30).optional(),
    n: z.coerce.number().int().optional().catch(undefined),
  });
  const list = (view: ConsoleListView) => async (request: FastifyRequest<{ Querystring: z.infer<typeof listQuery> }>, reply: FastifyReply) => {
    const user = requireStaff(request);
    if (view === 'mine' && !user.roles.includes('clerk') && !user.roles.includes('office')) {
      return reply.redirect(user.roles.includes('reviewer') ? '/console/documents/review' : '/console/documents/all', 303);
    }
    const q = request.query;
    const page = q.page ?? 1;
    const result = await listConsoleDocuments(ctx, actorOf(request), { view, state: q.state || undefined, text: q.text || undefined, page });
    return sendPage(request, reply, h(DocumentListPage, {
      ctx: pageContext(request), view, items: result.items, total: result.total, page, pageSize: result.pageSize, state: q.state, text: q.text, notice: doneMessage(request, q),
    }));
  };
  r.get('/console/documents', { schema: { hide: true, querystring: listQuery } }, list('mine'));
  r.get('/console/documents/all', { schema: { hide: true, querystring: listQuery } }, list('all'));
  r.get('/console/documents/review', { schema: { hide: true, querystring: listQuery } }, list('review'));
  r.get('/console/documents/publish', { schema: { hide: true, querystring: listQuery } }, list('publish'));

  r.get('/console/documents/due', { schema: { hide: true } }, async (request, reply) => {
    requireStaff(request);
    const monitor = await publicationMonitor(ctx, actorOf(request));
    return sendPage(request, reply, h(DocumentDuePage, { ctx: pageContext(request), ...monitor }));
  });

  // ---- register and edit -----------------------------------------------------------------------

  const showForm = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, opts: { errors?: Record<string, string>; error?: string; edit?: { id: number; title: string } } = {}, status = 200) => {
    const options = await documentFormOptions(ctx, actorOf(request));
    return sendPage(request, reply, h(DocumentFormPage, { ctx: pageContext(request), options, values, ...opts }), status);
  };

  r.get('/console/documents/new', { schema: { hide: true } }, async (request, reply) => {
    requireStaff(request, ['clerk', 'office']);
    return showForm(request, reply, { disclosure: 'proactive', validity: 'valid', art20Class: 'none' });
  });

  r.post('/console/documents', { schema: { hide: true, body: documentForm } }, async (request, reply) => {
    requireStaff(request, ['clerk', 'office']);
    try {
      const doc = await registerDocument(ctx, actorOf(request), toInput(request.body), { draft: request.body.intent === 'draft' });
      return reply.redirect(`/console/documents/${doc.id}?done=${doc.state === 'draft' ? 'drafted' : 'registered'}`, 303);
    } catch (e) {
      if (e instanceof ValidationError) return showForm(request, reply, request.body, { errors: e.fields, error: tx(request, '登记信息有误，请按提示修改。', 'Some details are wrong; please correct them as shown.') }, 400);
      throw e;
    }
  });

  r.get('/console/documents/:id', { schema: { hide: true, params: idParam, querystring: doneQuery } }, async (request, reply) => {
    requireStaff(request);
    return showDocument(request, reply, request.params.id, { notice: doneMessage(request, request.query) });
  });

  const showDocument = async (request: FastifyRequest, reply: FastifyReply, id: number, opts: { notice?: string; error?: string } = {}, status = 200) => {
    const actor = actorOf(request);
    const doc = await staffDocumentPage(ctx, actor, id);
    const linkable = doc.canMaintain ? (await documentFormOptions(ctx, actor)).linkable : [];
    return sendPage(request, reply, h(DocumentPage, { ctx: pageContext(request), doc, linkable, ...opts }), status);
  };

  r.get('/console/documents/:id/edit', { schema: { hide: true, params: idParam } }, async (request, reply) => {
    requireStaff(request);
    const { values, title } = await documentFormValues(ctx, actorOf(request), request.params.id);
    return showForm(request, reply, values, { edit: { id: request.params.id, title } });
  });

  r.post('/console/documents/:id', { schema: { hide: true, params: idParam, body: documentForm } }, async (request, reply) => {
    requireStaff(request);
    const id = request.params.id;
    try {
      await updateDocument(ctx, actorOf(request), id, toInput(request.body));
      return reply.redirect(`/console/documents/${id}?done=updated`, 303);
    } catch (e) {
      if (e instanceof ValidationError) {
        return showForm(request, reply, request.body, { errors: e.fields, error: tx(request, '登记信息有误，请按提示修改。', 'Some details are wrong; please correct them as shown.'), edit: { id, title: request.body.title } }, 400);
      }
      throw e;
    }
  });

  // ---- workflow --------------------------------------------------------------------------------

  const actionParams = z.object({ id: idParam.shape.id, action: z.enum(DOCUMENT_ACTIONS as [DocumentAction, ...DocumentAction[]]) });
  r.post('/console/documents/:id/actions/:action', {
    schema: { hide: true, params: actionParams, body: z.object({ reason: text(5000), publishOn: text(20), _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireStaff(request);
    const { id, action } = request.params;
    try {
      const doc = await transitionDocument(ctx, actorOf(request), id, action, { reason: request.body.reason, publishOn: request.body.publishOn || undefined });
      const done = action === 'publish' && doc.state === 'approved' ? 'scheduled' : action;
      return reply.redirect(`/console/documents/${id}?done=${done}`, 303);
    } catch (e) {
      // The refusal is shown on the document's page; a missing or foreign document stays a plain 404.
      if (e instanceof AppError && e.status !== 404 && e.status !== 401) return showDocument(request, reply, id, { error: e.message }, e.status);
      throw e;
    }
  });

  r.post('/console/documents/:id/validity', {
    schema: { hide: true, params: idParam, body: z.object({ validity: text(20), replacedById: text(20), _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireStaff(request);
    const id = request.params.id;
    try {
      await updateValidity(ctx, actorOf(request), id, { validity: request.body.validity, replacedById: optionalId(request.body.replacedById) });
      return reply.redirect(`/console/documents/${id}?done=validity`, 303);
    } catch (e) {
      if (e instanceof AppError && e.status !== 404 && e.status !== 401) return showDocument(request, reply, id, { error: e.message }, e.status);
      throw e;
    }
  });

  // ---- attachments -----------------------------------------------------------------------------

  r.post('/console/documents/:id/attachments', { config: { multipartCsrf: true }, schema: { hide: true, params: idParam } }, async (request, reply) => {
    requireStaff(request);
    const id = request.params.id;
    if (!request.isMultipart()) throw noFileError(request, '请选择要上传的文件', 'Please choose a file to upload');
    let csrf: unknown;
    let file: { filename: string; data: Buffer } | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === '_csrf') csrf = part.value;
        continue;
      }
      // The token comes before the file in the form: refuse before reading an unauthorised upload.
      assertCsrf(request, csrf);
      const data = await part.toBuffer();
      if (part.fieldname === 'file' && data.length > 0 && !file) file = { filename: part.filename, data };
    }
    assertCsrf(request, csrf);
    try {
      if (!file) throw noFileError(request, '请选择要上传的文件', 'Please choose a file to upload');
      await addAttachment(ctx, actorOf(request), id, file);
      return reply.redirect(`/console/documents/${id}?done=attached`, 303);
    } catch (e) {
      if (e instanceof AppError && e.status !== 404 && e.status !== 401) return showDocument(request, reply, id, { error: e.message }, e.status);
      throw e;
    }
  });

  const attParams = z.object({ id: idParam.shape.id, aid: idParam.shape.id });
  r.post('/console/documents/:id/attachments/:aid/delete', { schema: { hide: true, params: attParams } }, async (request, reply) => {
    requireStaff(request);
    await removeAttachment(ctx, actorOf(request), request.params.id, request.params.aid);
    return reply.redirect(`/console/documents/${request.params.id}?done=detached`, 303);
  });

  r.get('/console/documents/:id/attachments/:aid', { schema: { hide: true, params: attParams } }, async (request, reply) => {
    requireStaff(request);
    const file = await attachmentForDownload(ctx, actorOf(request), request.params.id, request.params.aid);
    return sendFile(reply, file, 'attachment');
  });

  // ---- import ----------------------------------------------------------------------------------

  // The import pages are given only to those who may import (as the registration form is given only
  // to those who may save it): the disclosure office (公开办). The upload, check and run are refused to
  // anybody else by document-import.service.ts, a platform administrator without the office role
  // included (a catalog is imported into one's own agency); the same rule here, so the form is not offered.
  const requireImporter = (request: FastifyRequest) => {
    const user = requireStaff(request, ['office']);
    if (!user.roles.includes('office')) throw new ForbiddenError(tx(request, '只有公开办可以导入公开目录', 'Only the disclosure office may import the catalog'));
    return user;
  };

  r.get('/console/documents/import', { schema: { hide: true } }, async (request, reply) => {
    requireImporter(request);
    return sendPage(request, reply, h(ImportPage, { ctx: pageContext(request) }));
  });

  r.get('/console/documents/import/template.csv', { schema: { hide: true } }, async (request, reply) => {
    requireImporter(request);
    reply.header('content-disposition', `attachment; filename="catalog-template.csv"; filename*=UTF-8''${RFC5987('公开目录导入模板.csv')}`);
    return reply.type('text/csv; charset=utf-8').send(csvTemplate());
  });

  r.get('/console/documents/import/template.xlsx', { schema: { hide: true } }, async (request, reply) => {
    requireImporter(request);
    const data = await xlsxTemplate(ctx, actorOf(request));
    reply.header('content-disposition', `attachment; filename="catalog-template.xlsx"; filename*=UTF-8''${RFC5987('公开目录导入模板.xlsx')}`);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(data);
  });

  r.post('/console/documents/import', { config: { multipartCsrf: true }, schema: { hide: true } }, async (request, reply) => {
    requireStaff(request, ['office']);
    if (!request.isMultipart()) throw noFileError(request, '请选择要导入的文件', 'Please choose a file to import');
    let csrf: unknown;
    let file: { filename: string; data: Buffer } | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === '_csrf') csrf = part.value;
        continue;
      }
      assertCsrf(request, csrf);
      const data = await part.toBuffer();
      if (part.fieldname === 'file' && data.length > 0 && !file) file = { filename: part.filename, data };
    }
    assertCsrf(request, csrf);
    try {
      if (!file) throw noFileError(request, '请选择要导入的文件', 'Please choose a file to import');
      const got = await receiveImportFile(ctx, actorOf(request), file);
      return sendPage(request, reply, h(ImportPage, {
        ctx: pageContext(request), mapping: got.mapping,
        file: { sha256: got.sha256, filename: got.filename, headers: got.table.headers, rows: got.table.rows.length },
      }));
    } catch (e) {
      if (e instanceof ValidationError) return sendPage(request, reply, h(ImportPage, { ctx: pageContext(request), error: e.message }), 400);
      throw e;
    }
  });

  const importForm = z.object({
    sha256: z.string().max(64),
    filename: z.string().max(300).default('目录.csv'),
    intent: z.string().max(20).optional(),
    _csrf: z.string().optional(),
    ...Object.fromEntries(IMPORT_COLUMNS.map((c) => [`map_${c.field}`, z.string().max(5).optional()])),
  });
  const mappingOf = (body: Record<string, unknown>): ImportMapping => {
    const m: ImportMapping = {};
    for (const c of IMPORT_COLUMNS) {
      const v = body[`map_${c.field}`];
      if (typeof v === 'string' && /^\d{1,4}$/.test(v)) m[c.field] = Number(v);
    }
    return m;
  };

  const importStep = (run: boolean) => async (request: FastifyRequest<{ Body: z.infer<typeof importForm> }>, reply: FastifyReply) => {
    requireStaff(request, ['office']);
    const body = request.body;
    const actor = actorOf(request);
    const mapping = mappingOf(body as Record<string, unknown>);
    let table;
    try {
      table = await loadImportFile(ctx, actor, body.sha256, body.filename);
    } catch (e) {
      if (e instanceof ValidationError) return sendPage(request, reply, h(ImportPage, { ctx: pageContext(request), error: e.message }), 400);
      throw e;
    }
    const file = { sha256: body.sha256, filename: body.filename, headers: table.headers, rows: table.rows.length };
    try {
      if (run) {
        const { imported } = await importCatalog(ctx, actor, table, mapping, { source: body.filename });
        return reply.redirect(`/console/documents/all?done=imported&n=${imported}`, 303);
      }
      const result = await dryRunImport(ctx, actor, table, mapping);
      return sendPage(request, reply, h(ImportPage, { ctx: pageContext(request), file, mapping, result }), result.errors.length ? 400 : 200);
    } catch (e) {
      if (e instanceof ImportRejectedError) return sendPage(request, reply, h(ImportPage, { ctx: pageContext(request), file, mapping, errors: e.errors }), 400);
      if (e instanceof ValidationError) return sendPage(request, reply, h(ImportPage, { ctx: pageContext(request), file, mapping, error: e.message }), 400);
      throw e;
    }
  };
  r.post('/console/documents/import/check', { schema: { hide: true, body: importForm } }, importStep(false));
  r.post('/console/documents/import/run', { schema: { hide: true, body: importForm } }, importStep(true));

  // ---- taxonomy --------------------------------------------------------------------------------

  const taxonomyPage = async (request: FastifyRequest, reply: FastifyReply, opts: { notice?: string; error?: string; errors?: Record<string, string> } = {}, status = 200) => {
    const user = requireStaff(request, ['office', 'admin']);
    const tax = await taxonomyFor(ctx, [user.agencyId]);
    return sendPage(request, reply, h(TaxonomyPage, { ctx: pageContext(request), ...tax, ...opts }), status);
  };
  r.get('/console/documents/taxonomy', { schema: { hide: true, querystring: doneQuery } }, async (request, reply) =>
    taxonomyPage(request, reply, { notice: noticeFrom(request, TAX_DONE, request.query.done) }));

  const kindParam = z.object({ kind: z.enum(['category', 'topic']) });
  r.post('/console/documents/taxonomy/:kind', {
    schema: { hide: true, params: kindParam, body: z.object({ code: text(100), name: text(200), _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireStaff(request, ['office', 'admin']);
    try {
      await addTaxonomyEntry(ctx, actorOf(request), request.params.kind, request.body);
      return reply.redirect('/console/documents/taxonomy?done=added', 303);
    } catch (e) {
      if (e instanceof ValidationError) {
        const errors = Object.fromEntries(Object.entries(e.fields ?? {}).map(([k, v]) => [`${request.params.kind}.${k}`, v]));
        return taxonomyPage(request, reply, { error: e.message, errors }, 400);
      }
      throw e;
    }
  });

  const entryParams = z.object({ kind: z.enum(['category', 'topic']), id: idParam.shape.id });
  r.post('/console/documents/taxonomy/:kind/:id', {
    schema: { hide: true, params: entryParams, body: z.object({ name: text(200), _csrf: z.string().optional() }) },
  }, async (request, reply) => {
    requireStaff(request, ['office', 'admin']);
    try {
      await renameTaxonomyEntry(ctx, actorOf(request), request.params.kind, request.params.id, request.body.name);
      return reply.redirect('/console/documents/taxonomy?done=renamed', 303);
    } catch (e) {
      if (e instanceof ValidationError) return taxonomyPage(request, reply, { error: e.message }, 400);
      throw e;
    }
  });

  r.post('/console/documents/taxonomy/:kind/:id/delete', { schema: { hide: true, params: entryParams } }, async (request, reply) => {
    requireStaff(request, ['office', 'admin']);
    try {
      await deleteTaxonomyEntry(ctx, actorOf(request), request.params.kind, request.params.id);
      return reply.redirect('/console/documents/taxonomy?done=deleted', 303);
    } catch (e) {
      if (e instanceof AppError && e.status === 409) return taxonomyPage(request, reply, { error: e.message }, 409);
      throw e;
    }
  });
}
