import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.ts';
import { registerOfflineApplication, submitApplication, type SubmitResult } from '../../services/application-intake.service.ts';
import {
  caseFile,
  caseView,
  listApplications,
  trackApplication,
  trackedFile,
  type CaseView,
} from '../../services/application-case.service.ts';
import { performAction } from '../../services/application-action.service.ts';
import { UnauthorizedError, ValidationError } from '../../services/errors.ts';
import {
  CHANNELS,
  DELIVERIES,
  FORMATS,
  ID_TYPES,
  ORG_TYPES,
  validateApplicationForm,
  validateReceipt,
} from '../../domain/application-form.ts';
import { ACTIONS, OUTCOME_CODES, STATES, type State } from '../../domain/application-workflow.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';

const apiError = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
}).meta({ description: '错误：error 为代码，message 为中文说明，fields 按字段列出每个问题' });

const enumOf = <T extends string>(values: readonly T[], what: string) =>
  z.enum(values as [T, ...T[]], { error: `${what}应为以下之一：${values.join('、')}` });
const textField = (what: string, max: number) =>
  z.string({ error: (iss) => (iss.input === undefined ? `请填写${what}` : `${what}应为文字`) }).max(max, `${what}不能超过${max}个字符`);

const applicantSchema = z.object({
  kind: enumOf(['person', 'organization'] as const, '申请人类型'),
  orgType: enumOf(ORG_TYPES, '组织类型').optional(),
  name: textField('申请人姓名或名称', 200),
  idType: enumOf(ID_TYPES, '身份证明类型'),
  idNumber: textField('证件号码', 64),
  phone: textField('联系电话', 30),
  email: textField('电子邮箱', 200).optional(),
  address: textField('通信地址', 300).optional(),
}, { error: '请填写申请人信息（applicant）' });

// One schema: the structure, and (in the same pass) the rules of Art. 29 and Art. 31, so a 400
// names every bad field at once.
const submitBody = (now: () => Date) => z.object({
  applicant: applicantSchema,
  agency: textField('受理机关代码', 32),
  description: textField('所需信息的描述', 5000),
  format: enumOf(FORMATS, '获取信息的形式'),
  delivery: enumOf(DELIVERIES, '获取信息的方式'),
  channel: enumOf(CHANNELS, '申请渠道').optional().meta({ description: '仅工作人员登记线下申请时填写' }),
  receivedOn: textField('收到日期', 10).optional().meta({ description: '仅工作人员：提交、签收或收到的日期 YYYY-MM-DD' }),
  confirmedOn: textField('确认日期', 10).optional().meta({ description: '仅工作人员：平常信函、传真、电子邮件、互联网申请与申请人确认的日期（条例第三十一条）' }),
}, { error: '请求内容应为 JSON 对象' }).superRefine((body, rc) => {
  const value = body as unknown as Record<string, unknown>;
  const today = chinaDateOf(now());
  const form = validateApplicationForm(value, { today });
  if (!form.ok) for (const [path, message] of Object.entries(form.fields)) rc.addIssue({ code: 'custom', path: path.split('.'), message });
  if (value.channel !== undefined || value.receivedOn !== undefined || value.confirmedOn !== undefined) {
    const receipt = validateReceipt(value, { today });
    if (!receipt.ok) for (const [path, message] of Object.entries(receipt.fields)) rc.addIssue({ code: 'custom', path: [path], message });
  }
}, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

const submitResponse = z.object({
  id: z.number().int().optional().meta({ description: '仅工作人员登记时返回' }),
  trackingCode: z.string().meta({ description: '查询码（16位）', example: '7K3QM9XA2B4C6D8E' }),
  status: z.string().meta({ description: '状态代码', example: 'received' }),
  receivedOn: z.string().meta({ description: '收到申请的日期（条例第三十一条）', example: '2025-09-26' }),
  dueOn: z.string().nullable().meta({ description: '答复期限', example: '2025-10-30' }),
});

const idParam = z.object({ id: z.string().regex(/^\d{1,9}$/, '申请编号应为正整数').transform(Number) });
const trackParams = z.object({ trackingCode: z.string().max(40, '查询码有误') });
const trackQuery = z.object({ phoneLast4: z.string({ error: '请提供联系电话后四位（phoneLast4）' }).max(10, '请提供联系电话后四位') });

const eventJson = z.object({
  id: z.number().int(),
  type: z.string(),
  label: z.string(),
  on: z.string(),
  at: z.string(),
  actor: z.string(),
  public: z.boolean(),
  text: z.string(),
  data: z.record(z.string(), z.unknown()),
});

const caseJson = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  agency: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  channel: z.string(),
  receivedOn: z.string(),
  arrivedOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  format: z.string(),
  delivery: z.string(),
  description: z.string(),
  applicant: z.object({
    kind: z.string(), orgType: z.string().nullable(), name: z.string(), idType: z.string(), idNumber: z.string(),
    phone: z.string(), email: z.string(), address: z.string(), masked: z.boolean(),
  }),
  department: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  endedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  provisional: z.boolean(),
  pausedWorkingDays: z.number().int(),
  extended: z.boolean(),
  extensionDays: z.number().int(),
  remainingWorkingDays: z.number().int().nullable(),
  overdue: z.boolean(),
  clockStatus: z.string(),
  explanation: z.string(),
  warnings: z.array(z.string()),
  events: z.array(eventJson),
  files: z.array(z.object({ id: z.number().int(), kind: z.string(), filename: z.string(), size: z.number().int(), public: z.boolean() })),
  availableActions: z.array(z.object({ type: z.string(), label: z.string(), outcomes: z.array(z.string()) })),
  version: z.number().int(),
});

function caseJsonOf(v: CaseView): z.infer<typeof caseJson> {
  return {
    id: v.id,
    trackingCode: v.trackingCode,
    agency: v.agency.code,
    state: v.state,
    stateLabel: v.stateLabel,
    channel: v.channel,
    receivedOn: v.receivedOn,
    arrivedOn: v.arrivedOn,
    confirmedOn: v.confirmedOn,
    format: v.format,
    delivery: v.delivery,
    description: v.description,
    applicant: {
      kind: v.applicant.kind, orgType: v.applicant.orgType, name: v.applicant.name, idType: v.applicant.idType, idNumber: v.applicant.idNumber,
      phone: v.applicant.phone, email: v.applicant.email, address: v.applicant.address, masked: v.applicant.masked,
    },
    department: v.department,
    outcome: v.outcome,
    outcomeLabel: v.outcomeLabel,
    endedOn: v.endedOn,
    dueOn: v.due.dueOn,
    provisional: v.due.provisional,
    pausedWorkingDays: v.clock.pausedWorkingDays,
    extended: v.clock.extended,
    extensionDays: v.clock.extensionDays,
    remainingWorkingDays: v.due.remainingWorkingDays,
    overdue: v.due.overdue,
    clockStatus: v.due.status,
    explanation: v.clock.explanation,
    warnings: v.clock.warnings,
    events: v.events.map((e) => ({ id: e.id, type: e.type, label: e.label, on: e.on, at: e.at, actor: e.actorLabel, public: e.isPublic, text: e.text, data: e.data })),
    files: v.files.map((f) => ({ id: f.id, kind: f.kind, filename: f.filename, size: f.size, public: f.isPublic })),
    availableActions: v.actions.map((a) => ({ type: a.action, label: a.label, outcomes: [...a.outcomes] })),
    version: v.version,
  };
}

/** `attachment` with a UTF-8 filename (RFC 6266 / 5987) and an ASCII fallback. */
export function sendDownload(reply: FastifyReply, file: { filename: string; mime: string; content: Buffer }): FastifyReply {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  reply.header('cache-control', 'private, no-store');
  reply.header('x-content-type-options', 'nosniff');
  return reply.type(file.mime).send(file.content);
}

/** Per-route limit on public requests (config.publicRateLimit a minute per address; 0 = off); staff are not limited. */
export function publicRateLimit(ctx: ServiceContext, groupId: string): { rateLimit: false | RateLimitOptions } {
  const max = ctx.config.publicRateLimit;
  return { rateLimit: max > 0 ? { max, timeWindow: '1 minute', groupId, allowList: (req: FastifyRequest) => req.user !== null } : false };
}

/** The stable JSON API for applications (issue 4, item 10). */
export function applicationsApiRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/applications', {
    config: publicRateLimit(ctx, 'applications-submit'),
    schema: {
      tags: ['applications'],
      summary: '提交政府信息公开申请（公众）或登记线下申请（工作人员）',
      description: '公众无需登录；工作人员以 Bearer 令牌登记信件、传真、电子邮件、当面或口头申请，须填写 channel 与 receivedOn（依条例第三十一条需要时另填 confirmedOn）。' +
        '请求头 Idempotency-Key 使重试安全：相同标识、相同内容返回首次受理的结果，不会产生第二份申请。' +
        '本接口只接受 JSON，不接收附件；需要随申请提交附件（身份证件扫描件、委托书等）的，请使用网页申请表 /gk/{机关代码}/apply。',
      headers: z.object({ 'idempotency-key': z.string().max(150, 'Idempotency-Key 过长').optional() }),
      body: submitBody(ctx.now),
      response: { 201: submitResponse, 400: apiError, 401: apiError, 403: apiError, 409: apiError, 429: apiError },
    },
  }, async (request, reply) => {
    // A client that meant to act as staff must not silently file a public application.
    if (request.headers.authorization && !request.user) throw new UnauthorizedError('令牌无效或已撤销');
    const { agency, channel, receivedOn, confirmedOn, ...form } = request.body;
    const key = request.headers['idempotency-key'];
    const idempotency = key ? { source: 'api' as const, key } : null;
    let result: SubmitResult;
    if (request.user) {
      if (channel === undefined) throw new ValidationError('请填写申请渠道', { channel: '工作人员登记线下申请时须填写申请渠道（channel）' });
      result = await registerOfflineApplication(ctx, actorOf(request), { agencyCode: agency, form, receipt: { channel, receivedOn, confirmedOn }, idempotency });
    } else {
      result = await submitApplication(ctx, actorOf(request), { agencyCode: agency, form, idempotency });
    }
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    // Sent only now: the transaction has committed.
    return reply.code(201).send({
      ...(request.user ? { id: result.id } : {}),
      trackingCode: result.trackingCode,
      status: result.state,
      receivedOn: result.receivedOn,
      dueOn: result.dueOn,
    });
  });

  r.get('/api/v1/applications/track/:trackingCode', {
    config: publicRateLimit(ctx, 'applications-track'),
    schema: {
      tags: ['applications'],
      summary: '申请人查询办理进度',
      description: '凭查询码和申请时所留联系电话的后四位查询。不显示工作人员姓名和内部意见。',
      params: trackParams,
      querystring: trackQuery,
      response: {
        200: z.object({
          trackingCode: z.string(),
          agency: z.string(),
          status: z.string(),
          statusLabel: z.string(),
          receivedOn: z.string(),
          dueOn: z.string().nullable(),
          remainingWorkingDays: z.number().int().nullable(),
          outcome: z.string().nullable(),
          outcomeLabel: z.string().nullable(),
          endedOn: z.string().nullable(),
          events: z.array(z.object({ on: z.string(), label: z.string(), text: z.string() })),
          files: z.array(z.object({ id: z.number().int(), filename: z.string(), size: z.number().int() })),
        }),
        400: apiError, 404: apiError, 429: apiError,
      },
    },
  }, async (request) => {
    const v = await trackApplication(ctx, { trackingCode: request.params.trackingCode, phoneLast4: request.query.phoneLast4 });
    return {
      trackingCode: v.trackingCode,
      agency: v.agency.code,
      status: v.status,
      statusLabel: v.statusLabel,
      receivedOn: v.receivedOn,
      dueOn: v.due.dueOn,
      remainingWorkingDays: v.due.remainingWorkingDays,
      outcome: v.outcome,
      outcomeLabel: v.outcomeLabel,
      endedOn: v.endedOn,
      events: v.timeline,
      files: v.files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
    };
  });

  r.get('/api/v1/applications/track/:trackingCode/files/:fileId', {
    config: publicRateLimit(ctx, 'applications-track'),
    schema: {
      tags: ['applications'],
      summary: '申请人下载答复文书',
      params: trackParams.extend({ fileId: z.string().regex(/^\d{1,9}$/, '文件编号无效').transform(Number) }),
      querystring: trackQuery,
    },
  }, async (request, reply) => {
    const file = await trackedFile(ctx, { trackingCode: request.params.trackingCode, phoneLast4: request.query.phoneLast4, fileId: request.params.fileId });
    return sendDownload(reply, file);
  });

  r.get('/api/v1/applications', {
    schema: {
      tags: ['applications'],
      summary: '申请列表（工作人员）',
      description: 'overdue=true 只列逾期未答复的申请；dueSoon=true 只列5个工作日内到期的；view=mine 列待我办理的。期限均按办理记录和工作日历即时计算。',
      security: [{ bearer: [] }],
      querystring: z.object({
        agency: z.string().max(32).optional(),
        state: enumOf(STATES, '状态').optional(),
        overdue: z.enum(['true', 'false'], { error: 'overdue 应为 true 或 false' }).optional(),
        dueSoon: z.enum(['true', 'false'], { error: 'dueSoon 应为 true 或 false' }).optional(),
        view: z.enum(['all', 'open', 'mine', 'due_soon', 'overdue'], { error: 'view 应为 all、open、mine、due_soon 或 overdue' }).optional(),
        q: z.string().max(100).optional(),
        page: z.string().regex(/^\d{1,6}$/, 'page 应为正整数').transform(Number).optional(),
        pageSize: z.string().regex(/^\d{1,3}$/, 'pageSize 应为1至200的整数').transform(Number).optional(),
      }),
      response: {
        200: z.object({
          total: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
          items: z.array(z.object({
            id: z.number().int(), trackingCode: z.string(), agency: z.string(), receivedOn: z.string(), applicantName: z.string(),
            description: z.string(), state: z.string(), stateLabel: z.string(), department: z.string().nullable(),
            dueOn: z.string().nullable(), remainingWorkingDays: z.number().int().nullable(), overdue: z.boolean(), dueSoon: z.boolean(),
            provisional: z.boolean(), outcome: z.string().nullable(), outcomeLabel: z.string().nullable(), endedOn: z.string().nullable(),
          })),
          counts: z.array(z.object({ agency: z.string(), open: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int() })),
        }),
        400: apiError, 401: apiError,
      },
    },
  }, async (request) => {
    const user = requireStaff(request);
    const q = request.query;
    const view = q.view ?? (q.overdue === 'true' ? 'overdue' : q.dueSoon === 'true' ? 'due_soon' : 'all');
    const list = await listApplications(ctx, user, {
      ...(q.agency ? { agency: q.agency } : {}),
      ...(q.state ? { state: q.state as State } : {}),
      view,
      ...(q.q ? { q: q.q } : {}),
      ...(q.page ? { page: q.page } : {}),
      ...(q.pageSize ? { pageSize: q.pageSize } : {}),
    });
    return {
      total: list.total,
      page: list.page,
      pageSize: list.pageSize,
      items: list.items.map((i) => ({
        id: i.id, trackingCode: i.trackingCode, agency: i.agencyCode, receivedOn: i.receivedOn, applicantName: i.applicantName,
        description: i.description, state: i.state, stateLabel: i.stateLabel, department: i.departmentName,
        dueOn: i.due.dueOn, remainingWorkingDays: i.due.remainingWorkingDays, overdue: i.due.overdue, dueSoon: i.due.dueSoon,
        provisional: i.due.provisional, outcome: i.outcome, outcomeLabel: i.outcomeLabel, endedOn: i.endedOn,
      })),
      counts: list.counts.map((c) => ({ agency: c.agencyCode, open: c.open, dueSoon: c.dueSoon, overdue: c.overdue })),
    };
  });

  r.get('/api/v1/applications/:id', {
    schema: {
      tags: ['applications'],
      summary: '申请详情（工作人员）',
      description: '答复期限（dueOn）由办理记录和工作日历即时计算；provisional 表示用到了尚未公布节假日安排的年份。非承办人员看到的申请人个人信息已脱敏（masked）。',
      security: [{ bearer: [] }],
      params: idParam,
      response: { 200: caseJson, 401: apiError, 404: apiError },
    },
  }, async (request) => caseJsonOf(await caseView(ctx, requireStaff(request), request.params.id)));

  r.post('/api/v1/applications/:id/actions', {
    schema: {
      tags: ['applications'],
      summary: '办理申请（工作人员）',
      description: `type 为办理事项：${ACTIONS.join('、')}；on 为办理日期（默认今天）。reply（含按逾期不补正、逾期未缴费处理）带 outcome：${OUTCOME_CODES.join('、')}。` +
        '其他字段：request-correction 的 items、dueOn；assign 的 departmentId；start-consultation 的 party、partyKind；end-consultation 的 result；extend 的 workingDays、reason；' +
        'send-fee-notice 的 method（per_item|per_volume）、units；record-payment 的 amount；receive-reasons 的 reasonable、dueOn；draft-reply 的 outcome、details；return-reply 的 note。',
      security: [{ bearer: [] }],
      params: idParam,
      body: z.looseObject({
        type: z.string({ error: '请填写办理事项（type）' }).max(40),
        on: z.string().max(10).optional(),
        expectedVersion: z.number().int().optional(),
      }),
      response: { 200: caseJson, 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError },
    },
  }, async (request) => {
    requireStaff(request);
    return caseJsonOf(await performAction(ctx, actorOf(request), request.params.id, request.body));
  });

  r.get('/api/v1/applications/:id/files/:fileId', {
    schema: {
      tags: ['applications'],
      summary: '下载申请的文书或附件（工作人员）',
      security: [{ bearer: [] }],
      params: idParam.extend({ fileId: z.string().regex(/^\d{1,9}$/, '文件编号无效').transform(Number) }),
    },
  }, async (request, reply) => sendDownload(reply, await caseFile(ctx, requireStaff(request), request.params.id, request.params.fileId)));
}
