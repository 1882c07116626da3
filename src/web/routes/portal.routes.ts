import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode, homeAgency } from '../../services/portal.service.ts';
import { pageContext, sendPage } from '../render.tsx';
import { HomePage, GuidePage, EmptyColumnPage } from '../views/portal-pages.tsx';
import type { Agency } from '../../db/schema.ts';
import type { PortalColumn } from '../views/layout.tsx';

const codeParam = z.object({ code: z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效') });

/** The public portal shell: home and the national column structure of each agency. */
export function portalRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const home = async (request: FastifyRequest, agency: Agency) => {
    const children = await ctx.repos.agencies.children(agency.id);
    return h(HomePage, { ctx: pageContext(request), agency, children });
  };

  r.get('/', async (request, reply) => sendPage(request, reply, await home(request, await homeAgency(ctx))));
  r.get('/gk/:code', { schema: { params: codeParam } }, async (request, reply) =>
    sendPage(request, reply, await home(request, await agencyByCode(ctx, request.params.code))));

  r.get('/gk/:code/guide', { schema: { params: codeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    return sendPage(request, reply, h(GuidePage, { ctx: pageContext(request), agency }));
  });

  // Columns whose content later work fills; each answers with an honest empty state until then.
  const empty: PortalColumn[] = ['rules', 'catalog', 'reports'];
  for (const column of empty) {
    r.get(`/gk/:code/${column}`, { schema: { params: codeParam } }, async (request, reply) => {
      const agency = await agencyByCode(ctx, request.params.code);
      return sendPage(request, reply, h(EmptyColumnPage, { ctx: pageContext(request), agency, column }));
    });
  }
}
