import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.ts';
import { apiListDocuments, publicDocumentByIndexNumber } from '../../services/catalog.service.ts';
import { registerDocument, transitionDocument } from '../../services/document.service.ts';
import { DOCUMENT_ACTIONS, NON_DISCLOSURE_GROUNDS, VALIDITY, type DocumentAction } from '../../domain/document-workflow.ts';
import { GENRES } from '../../domain/document-catalog.ts';
import { AppError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../services/errors.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { absoluteUrl } from '../../output/feeds.ts';

const apiError = z.object({ error: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });

const listQuery = z.object({
  q: z.string().max(200).optional().describe('检索词（全文检索：标题、文号、概述、正文和附件文字；两个及以上汉字精确匹配，繁简通用）'),
  category: z.string().max(100).optional().describe('主题分类的名称或代码，如“政策文件”或 zcwj'),
  topic: z.string().max(100).optional().describe('专题的名称或代码'),
  year: z.coerce.number().int().min(1900).max(9999).optional().describe('发布年份'),
  agency: z.string().max(32).optional().describe('发布机构代码，如 hjjyj；省略则为全部机构'),
  validity: z.enum(VALIDITY.map((v) => v.code) as [string, ...string[]]).optional().describe('有效性'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const listItem = z.object({
  indexNumber: z.string().describe('索引号'),
  title: z.string(),
  docNumber: z.string().describe('发文字号，无则为空字符串'),
  agency: z.string().describe('发布机构代码'),
  category: z.string().describe('主题分类名称'),
  publishedOn: z.string().describe('发布日期 YYYY-MM-DD'),
  validity: z.string().describe('有效性：valid 有效、expired 失效、repealed 废止、amended 已修订'),
  url: z.string().describe('公开页面地址'),
});

const linkedDoc = z.object({ indexNumber: z.string(), title: z.string(), url: z.string() });
const documentDetail = listItem.extend({
  agencyName: z.string(),
  department: z.string().nullable(),
  topics: z.array(z.string()),
  genre: z.string(),
  keywords: z.string(),
  summary: z.string(),
  body: z.string().describe('正文（经白名单过滤的 HTML）'),
  createdOn: z.string().describe('成文日期'),
  attachments: z.array(z.object({ filename: z.string(), size: z.number(), sha256: z.string(), url: z.string() })),
  interpretationOf: linkedDoc.nullable().describe('本文件解读的政策文件'),
  interpretations: z.array(linkedDoc).describe('本文件的政策解读'),
  replacedBy: linkedDoc.nullable(),
});

const createBody = z.object({
  agency: z.string().max(32).describe('登记机构代码，须为令牌所属用户的机构'),
  title: z.string().max(500),
  docNumber: z.string().max(100).optional().default(''),
  createdOn: z.string().max(10).describe('成文日期 YYYY-MM-DD'),
  category: z.string().max(100).describe('主题分类的名称或代码'),
  genre: z.string().max(10).describe(`体裁：${GENRES.join('、')}`),
  topics: z.array(z.string().max(100)).max(50).optional(),
  keywords: z.string().max(500).optional(),
  summary: z.string().max(5000).optional().default(''),
  body: z.string().max(500_000).optional().default('').describe('正文 HTML，保存前按白名单过滤'),
  disclosure: z.enum(['proactive', 'on_request', 'withheld']).describe('公开属性：主动公开、依申请公开、不予公开'),
  withheldGround: z.enum(NON_DISCLOSURE_GROUNDS.map((g) => g.code) as [string, ...string[]]).optional().describe('依申请公开、不予公开时必填（条例第十四条至第十六条）'),
});

const transitionBody = z.object({
  action: z.enum(DOCUMENT_ACTIONS.filter((a) => a !== 'register') as [DocumentAction, ...DocumentAction[]]),
  comment: z.string().max(2000).optional().describe('退回、撤回时必填的理由；审核通过时的意见'),
  publishOn: z.string().max(10).optional().describe('publish：今天以后的日期为定时发布'),
});

const stateResponse = z.object({ id: z.number(), indexNumber: z.string().nullable(), state: z.string() });

/**
 * The stable documents API. Index numbers contain '/': in a path, send it percent-encoded
 * (11431281006109018N%2F2026-00012); the unencoded form is accepted too.
 */
export function documentsApiRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/documents', {
    schema: {
      tags: ['documents'],
      summary: '主动公开信息目录（公开，仅已发布）',
      description: '有 q 时按相关度返回全文检索结果，否则按发布日期从新到旧。未发布、已撤回的信息不会出现。',
      querystring: listQuery,
      response: { 200: z.object({ total: z.number(), totalCapped: z.boolean().optional().describe('检索命中超过计数上限时为 true：total 为下限'), items: z.array(listItem) }), 400: apiError },
    },
  }, async (request) => apiListDocuments(ctx, request.query));

  r.get('/api/v1/documents/*', {
    schema: {
      tags: ['documents'],
      summary: '按索引号查看一条主动公开信息',
      description: '索引号含“/”，在路径中请编码为 %2F，例如 /api/v1/documents/11431281006109018N%2F2026-00012。已撤回的信息返回 410。',
      params: z.object({ '*': z.string().min(1).max(300).describe('索引号（“/”编码为 %2F）') }),
      querystring: z.object({ agency: z.string().max(32).optional().describe('发布机构代码（索引号规则不含统一社会信用代码时用于区分）') }),
      response: { 200: documentDetail, 404: apiError, 410: apiError },
    },
  }, async (request, reply) => {
    let indexNumber = request.params['*'];
    // A client that encoded '/' twice, or a proxy that decoded once too few times.
    if (/%2f/i.test(indexNumber)) indexNumber = indexNumber.replace(/%2f/gi, '/');
    let agencyIds: number[] | undefined;
    if (request.query.agency) {
      const agency = await ctx.repos.agencies.byCode(request.query.agency);
      if (!agency) throw new NotFoundError('未找到该机构');
      agencyIds = [agency.id];
    }
    const doc = await publicDocumentByIndexNumber(ctx, indexNumber, agencyIds);
    if (doc.kind === 'withdrawn') {
      return reply.code(410).send({ error: 'withdrawn', message: `索引号为 ${doc.indexNumber} 的信息已${doc.withdrawnOn ? `于 ${doc.withdrawnOn} ` : ''}撤回` });
    }
    const abs = (path: string) => absoluteUrl(ctx.config.publicBaseUrl, path);
    return {
      indexNumber: doc.indexNumber, title: doc.title, docNumber: doc.docNumber, agency: doc.agencyCode, category: doc.category,
      publishedOn: doc.publishedOn, validity: doc.validity, url: abs(doc.url),
      agencyName: doc.agencyName, department: doc.department, topics: doc.topics.map((t) => t.name), genre: doc.genre, keywords: doc.keywords,
      summary: doc.summary, body: doc.bodyHtml, createdOn: doc.createdOn,
      attachments: doc.attachments.map((a) => ({ filename: a.filename, size: a.size, sha256: a.sha256, url: abs(a.url) })),
      interpretationOf: doc.interpretationOf && { ...doc.interpretationOf, url: abs(doc.interpretationOf.url) },
      interpretations: doc.interpretations.map((d) => ({ ...d, url: abs(d.url) })),
      replacedBy: doc.replacedBy && { ...doc.replacedBy, url: abs(doc.replacedBy.url) },
    };
  });

  r.post('/api/v1/documents', {
    schema: {
      tags: ['documents'],
      summary: '登记文件（工作人员令牌）',
      description: '以调用者所在科室登记并分配索引号，状态为“已登记”；之后用 transitions 提交审核、审核、发布。',
      security: [{ bearer: [] }],
      body: createBody,
      response: { 201: stateResponse, 400: apiError, 401: apiError, 403: apiError },
    },
  }, async (request, reply) => {
    if (request.headers.authorization && !request.user) throw new UnauthorizedError('令牌无效或已撤销');
    const user = requireStaff(request);
    if (request.body.agency !== user.agencyCode) throw new ForbiddenError('只能登记本机关的文件');
    const b = request.body;
    const doc = await registerDocument(ctx, actorOf(request), {
      title: b.title, docNumber: b.docNumber, createdOn: b.createdOn, category: b.category, genre: b.genre, topics: b.topics, keywords: b.keywords,
      summary: b.summary, bodyHtml: b.body, disclosure: b.disclosure, withheldGround: b.withheldGround ?? null,
    });
    return reply.code(201).send({ id: doc.id, indexNumber: doc.index_number, state: doc.state });
  });

  r.post('/api/v1/documents/:id/transitions', {
    schema: {
      tags: ['documents'],
      summary: '办理文件：提交审核、审核通过、退回、发布、归档、撤回（工作人员令牌）',
      description: '可执行的操作由文件当前状态和调用者角色决定；审核人不能审核自己登记的文件；退回和撤回须填写 comment。',
      security: [{ bearer: [] }],
      params: z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) }),
      body: transitionBody,
      response: { 200: stateResponse, 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError },
    },
  }, async (request) => {
    if (request.headers.authorization && !request.user) throw new UnauthorizedError('令牌无效或已撤销');
    requireStaff(request);
    try {
      const doc = await transitionDocument(ctx, actorOf(request), request.params.id, request.body.action, { reason: request.body.comment, publishOn: request.body.publishOn });
      return { id: doc.id, indexNumber: doc.index_number, state: doc.state };
    } catch (e) {
      // The API names the field it was sent as.
      if (e instanceof AppError && e.fields?.reason) throw new AppError(e.message, e.status, e.code, { comment: e.fields.reason });
      throw e;
    }
  });
}
