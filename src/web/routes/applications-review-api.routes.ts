import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.ts';
import { CASE_KINDS, CASE_RESULTS, decideReviewCase, recordReviewCase, reviewCasesOf } from '../../services/application-review.service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';

// JSON API for the reconsideration and litigation cases about an application (Art. 51; annual
// report section 四). Recording and deciding are the office's or the head's (checked in the service).

const apiError = z.object({ error: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
const idParam = z.object({ id: z.string().regex(/^\d{1,9}$/, '申请编号应为正整数').transform(Number) });
const caseParam = idParam.extend({ caseId: z.string().regex(/^\d{1,9}$/, '案件编号应为正整数').transform(Number) });
const date = (what: string) => z.string({ error: `请填写${what}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${what}格式应为 YYYY-MM-DD`);

const caseJson = z.object({
  id: z.number(),
  kind: z.enum(CASE_KINDS as [string, ...string[]]),
  kindLabel: z.string(),
  filedOn: z.string(),
  result: z.enum(CASE_RESULTS as [string, ...string[]]),
  resultLabel: z.string(),
  decidedOn: z.string().nullable(),
  authority: z.string(),
  note: z.string(),
});

const recordBody = z.object({
  kind: z.enum(CASE_KINDS as [string, ...string[]], { error: `案件类型应为以下之一：${CASE_KINDS.join('、')}` }),
  filedOn: date('立案（申请）日期'),
  authority: z.string().max(200, '复议机关或法院名称不能超过200个字').optional(),
  note: z.string().max(2000, '备注不能超过2000个字').optional(),
});

const decideBody = z.object({
  result: z.enum(CASE_RESULTS as [string, ...string[]], { error: `结果应为以下之一：${CASE_RESULTS.join('、')}` }),
  decidedOn: date('审结日期').optional(),
  note: z.string().max(2000, '备注不能超过2000个字').optional(),
});

export function applicationsReviewApiRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const listOf = async (request: Parameters<typeof actorOf>[0], id: number) => ({ items: await reviewCasesOf(ctx, actorOf(request), id) });

  r.get('/api/v1/applications/:id/review-cases', {
    schema: {
      tags: ['applications'], summary: '申请的行政复议、行政诉讼案件（工作人员）', security: [{ bearer: [] }], params: idParam,
      response: { 200: z.object({ items: z.array(caseJson) }), 401: apiError, 404: apiError },
    },
  }, async (request) => {
    requireStaff(request);
    return listOf(request, request.params.id);
  });

  r.post('/api/v1/applications/:id/review-cases', {
    schema: {
      tags: ['applications'], summary: '登记行政复议或行政诉讼案件（公开办、负责人）',
      description: `kind：${CASE_KINDS.join('、')}；新登记的案件结果为 pending（尚未审结）。`,
      security: [{ bearer: [] }], params: idParam, body: recordBody,
      response: { 201: caseJson, 400: apiError, 401: apiError, 403: apiError, 404: apiError },
    },
  }, async (request, reply) => {
    requireStaff(request);
    const id = await recordReviewCase(ctx, actorOf(request), request.params.id, request.body);
    const item = (await listOf(request, request.params.id)).items.find((c) => c.id === id)!;
    return reply.code(201).send(item);
  });

  r.post('/api/v1/applications/:id/review-cases/:caseId/result', {
    schema: {
      tags: ['applications'], summary: '登记案件结果（公开办、负责人）',
      description: `result：${CASE_RESULTS.join('、')}；除 pending 外须填写 decidedOn。`,
      security: [{ bearer: [] }], params: caseParam, body: decideBody,
      response: { 200: caseJson, 400: apiError, 401: apiError, 403: apiError, 404: apiError },
    },
  }, async (request) => {
    requireStaff(request);
    await decideReviewCase(ctx, actorOf(request), request.params.id, request.params.caseId, request.body);
    return (await listOf(request, request.params.id)).items.find((c) => c.id === request.params.caseId)!;
  });
}
