import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { pageContext, sendPage } from '../render.tsx';
import { ApiDocsPage, buildApiDocsModel } from '../views/api-docs-page.tsx';

/** /api/docs: the OpenAPI document (generated from the routes' zod schemas) as a readable page, no JavaScript. */
export function docsRoutes(app: FastifyInstance, _ctx: ServiceContext): void {
  app.get('/api/docs', { schema: { hide: true } }, async (request, reply) => {
    const model = buildApiDocsModel(app.swagger() as Record<string, any>, pageContext(request).lang);
    const origin = `${request.protocol}://${request.host}`;
    return sendPage(request, reply, h(ApiDocsPage, { ctx: pageContext(request), model, origin }));
  });
}
