import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.ts';
import { annualReportJson } from '../../services/annual-report.service.ts';
import { actorOf } from '../plugins/auth.ts';

const apiError = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
}).meta({ description: '错误：error 为代码，message 为中文说明' });

const row = z.object({
  key: z.string().meta({ description: '行的稳定代码，例如 new、carried_in、withheld.state_secret、total、carried_out' }),
  label: z.string().meta({ description: '年度报告格式中的行标签（逐字）' }),
  values: z.array(z.number()),
});

const annualReport = z.object({
  agency: z.string().meta({ description: '机关代码' }),
  agencyName: z.string(),
  year: z.number().int(),
  format: z.enum(['2021', 'archive']).meta({ description: '2021：国办公开办函〔2021〕30号格式；archive：平台上线前的存档报告（无统计表）' }),
  status: z.enum(['draft', 'submitted', 'returned', 'accepted', 'published']),
  version: z.number().int().meta({ description: '版本号；更正后的报告为新版本' }),
  publishedOn: z.string().nullable(),
  tables: z.object({
    proactive: z.array(z.object({
      key: z.string(),
      heading: z.string().meta({ description: '第二十条第（一）项 等' }),
      columns: z.array(z.string()),
      rows: z.array(row),
    })).meta({ description: '二、主动公开政府信息情况' }),
    applications: z.object({
      columns: z.array(z.string()).meta({ description: '自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计' }),
      rows: z.array(row).meta({ description: '按格式顺序的各行（含标题行，其数值为其下各项之和）' }),
    }).meta({ description: '三、收到和处理政府信息公开申请情况' }),
    reviewLitigation: z.array(z.number().int()).length(15).meta({ description: '四、行政复议（维持、纠正、其他、未审结、总计）、未经复议直接起诉（同上5项）、复议后起诉（同上5项）' }),
  }).nullable(),
  checks: z.array(z.object({ rule: z.string(), ok: z.boolean(), detail: z.string() })),
});

/** GET /api/v1/reports/annual/{year}?agency=CODE (stable). */
export function reportsApiRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/reports/annual/:year', {
    schema: {
      tags: ['reports'],
      summary: '政府信息公开工作年度报告的统计表',
      description: '返回已发布的最新版本；尚未发布时，本机关公开办和上级主管部门（携带令牌）可取得编制中的版本（按记录即时计算）。',
      security: [{}, { bearer: [] }],
      params: z.object({ year: z.string().regex(/^\d{4}$/, '年度应为四位数字').transform(Number) }),
      querystring: z.object({ agency: z.string({ error: '请指定机关代码（agency）' }).regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效') }),
      response: { 200: annualReport, 400: apiError, 404: apiError },
    },
  }, async (request) => annualReportJson(ctx, actorOf(request), request.query.agency, request.params.year));
}
