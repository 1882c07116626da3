import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { AppError } from '../../services/errors.ts';
import { ErrorPage } from '../views/error-page.tsx';
import { pageContext, sendPage } from '../render.tsx';
import { translator } from '../i18n/index.ts';

// Fastify's own client errors, in the user's language. Anything not listed keeps its status and
// gets a generic message; nothing malformed from a client may become a 500.
const CLIENT_ERROR_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的内容类型',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度无效',
  FST_ERR_BAD_URL: '请求地址无效',
  FST_REQ_FILE_TOO_LARGE: '上传的文件过大',
  FST_FILES_LIMIT: '上传的文件过多',
  FST_PARTS_LIMIT: '表单字段过多',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '表单格式无效',
};

export function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/') || request.url === '/healthz' || request.url === '/metrics') return false;
  const accept = String(request.headers.accept ?? '');
  return accept === '' || accept.includes('text/html') || accept.includes('*/*');
}

interface ErrorBody {
  error: string;
  message: string;
  fields?: Record<string, string>;
}

function describe(error: FastifyError | Error, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const params = issue.params as { issue?: { path?: PropertyKey[] } } | undefined;
      const path = (params?.issue?.path ?? []).map(String).join('.') || issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(body)';
      fields[path] ??= issue.message ?? '无效';
    }
    const where = error.validationContext === 'querystring' ? '查询参数' : error.validationContext === 'params' ? '路径参数' : '请求内容';
    const list = Object.keys(fields).join('、');
    return { status: 400, body: { error: 'invalid_input', message: `${where}有误：${list}`, fields } };
  }
  const fe = error as FastifyError;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const message = (fe.code && CLIENT_ERROR_MESSAGES[fe.code]) ?? (fe.statusCode === 429 ? '请求过于频繁，请稍后再试' : '请求无效');
    return { status: fe.statusCode, body: { error: fe.code ?? 'bad_request', message } };
  }
  request.log.error({ err: error }, 'unhandled error');
  return { status: 500, body: { error: 'internal', message: translator(request.lang ?? 'zh-CN')('error.server.body') } };
}

function titleFor(request: FastifyRequest, status: number): string {
  const t = request.t ?? translator('zh-CN');
  if (status === 404) return t('error.notFound.title');
  if (status === 403) return t('error.forbidden.title');
  if (status >= 500) return t('error.server.title');
  return t('error.badRequest.title');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  if (!wantsHtml(request) || !request.t) return reply.code(status).type('application/json; charset=utf-8').send(body);
  const ctx = pageContext(request);
  return sendPage(request, reply, h(ErrorPage, { ctx, title: titleFor(request, status), message: body.message, status }), status);
}

export function errorsPlugin(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = describe(error, request);
    if (status === 401 && wantsHtml(request) && request.method === 'GET') {
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (status === 429 && error instanceof AppError && 'retryAfterSeconds' in error) {
      reply.header('retry-after', String((error as { retryAfterSeconds: number }).retryAfterSeconds));
    }
    return sendError(request, reply, status, body);
  });
  app.setNotFoundHandler((request, reply) => {
    const t = request.t ?? translator('zh-CN');
    return sendError(request, reply, 404, { error: 'not_found', message: t('error.notFound.body') });
  });
}
