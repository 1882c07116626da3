import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../services/context.ts';
import './types.ts';
import { i18nPlugin } from './plugins/i18n.ts';
import { csrfPlugin } from './plugins/csrf.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { registerRoutes } from './routes/index.ts';
import { Metrics, metricsPlugin } from './plugins/metrics.ts';
import { GroupedRateLimitStore } from './plugins/rate-limit-store.ts';
import { PageCache, pageCachePlugin } from './plugins/page-cache.ts';
import { STATIC_DIR } from './render.tsx';
import { securityHeadersPlugin } from './plugins/security-headers.ts';


export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Shared with the job scheduler so job runs are counted too. */
  metrics?: Metrics;
  trustProxy?: boolean;
  /** Sees every route as it is registered (tests enumerate routes with it). */
  onRoute?: (route: RouteOptions) => void;
}

/**
 * Request ids: a random prefix per process and a counter, unique across instances and restarts
 * without drawing random bytes on every request (that cost ≈ 5 % of a cheap request's CPU).
 */
function requestIds(): () => string {
  const prefix = randomBytes(6).toString('base64url');
  let n = 0;
  return () => `${prefix}-${(++n).toString(36)}`;
}

export async function buildApp(ctx: ServiceContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: requestIds(),
    routerOptions: { maxParamLength: 200 },
    // Requests Node's HTTP parser refuses (raw non-ASCII in the URL, broken headers) still get a
    // specific message in Chinese rather than a bare "Client Error".
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return;
      const status = (err as { code?: string }).code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = JSON.stringify({ error: 'bad_request', message: status === 431 ? '请求头过大' : '请求格式无效：地址中的中文等字符须经百分号编码' });
      socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Shared by all instances so that CSRF tokens issued by one are accepted by another.
  const secret = ctx.config.secret || (await ctx.repos.settings.getOrCreate('csrf_secret', () => randomBytes(32).toString('hex')));

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 10, fields: 200, parts: 220 } });
  await securityHeadersPlugin(app, { hsts: ctx.config.secureCookies });
  await app.register(rateLimit, { global: false, store: GroupedRateLimitStore });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gongkai API', description: '政府信息公开平台接口', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyStatic, { root: STATIC_DIR, prefix: '/static/', maxAge: '1h', decorateReply: false });

  i18nPlugin(app);
  csrfPlugin(app, { secret, secure: ctx.config.secureCookies });
  authPlugin(app, { ctx, secure: ctx.config.secureCookies });
  errorsPlugin(app);
  metricsPlugin(app, ctx, opts.metrics ?? new Metrics());
  pageCachePlugin(app, ctx, new PageCache(ctx.config.pageCacheSeconds));

  await registerRoutes(app, ctx);
  return app;
}
