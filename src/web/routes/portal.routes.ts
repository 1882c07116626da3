import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import { agencyByCode, homeAgency } from '../../services/portal.service.ts';
import { pageContext, sendPage } from '../render.tsx';
import { HomePage, GuidePage, EmptyColumnPage, presentAgency, agencyLink, type HomeListItem } from '../views/portal-pages.tsx';
import type { Agency } from '../../db/schema.ts';
import type { PortalColumn } from '../views/layout.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { latestAnswerLinks } from '../../services/question.service.ts';
import { latestPublishedReports } from '../../services/annual-report.service.ts';
import { latestLinks } from '../../services/catalog.service.ts';

export const agencyCodeParam = z.object({ code: z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效') });

/**
 * Columns still answered by the "暂无内容" placeholder. An area that registers its own route for a
 * column (`/gk/:code/<column>`) REMOVES the column from this array in the same commit — otherwise
 * Fastify refuses to start with a duplicate route.
 */
export const PLACEHOLDER_COLUMNS: PortalColumn[] = [];

/** A list shown on an agency's home page, with a "更多" link to its column. */
export interface HomeListSource {
  column: PortalColumn;
  title: MessageKey;
  load(ctx: ServiceContext, agency: Agency): Promise<HomeListItem[]>;
}

const nothingYet = async (): Promise<HomeListItem[]> => [];

/**
 * The lists on the home page, in order (the first is shown wide). An area fills its list by
 * replacing `nothingYet` with a call to its own service, e.g. `(ctx, a) => latestPublished(ctx, a.id, 8)`.
 */
const HOME_LISTS: HomeListSource[] = [
  { column: 'catalog', title: 'home.latest', load: (ctx, a) => latestLinks(ctx, a, 10) },
  { column: 'rules', title: 'home.latestRules', load: (ctx, a) => latestLinks(ctx, a, 6, { rules: true }) },
  { column: 'reports', title: 'home.latestReports', load: (ctx, a) => latestPublishedReports(ctx, a.id, 6) },
  { column: 'ask', title: 'home.latestAnswers', load: (ctx, a) => latestAnswerLinks(ctx, a, 8) },
];

/** The public portal shell: home, the disclosure guide and the national column structure of each agency. */
export function portalRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const parentOf = async (agency: Agency) => (agency.parent_id === null ? null : (await ctx.repos.agencies.byId(agency.parent_id)) ?? null);

  const home = async (request: FastifyRequest, agency: Agency) => {
    const [parent, children, lists] = await Promise.all([
      parentOf(agency),
      ctx.repos.agencies.children(agency.id),
      Promise.all(HOME_LISTS.map(async (l) => ({ column: l.column, title: l.title, items: await l.load(ctx, agency) }))),
    ]);
    return h(HomePage, {
      ctx: pageContext(request), agency: presentAgency(agency), parent: parent && agencyLink(parent), children: children.map(agencyLink), lists,
    });
  };

  r.get('/', { schema: { hide: true } }, async (request, reply) => sendPage(request, reply, await home(request, await homeAgency(ctx))));
  r.get('/gk/:code', { schema: { hide: true, params: agencyCodeParam } }, async (request, reply) =>
    sendPage(request, reply, await home(request, await agencyByCode(ctx, request.params.code))));

  r.get('/gk/:code/guide', { schema: { hide: true, params: agencyCodeParam } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const parent = await parentOf(agency);
    return sendPage(request, reply, h(GuidePage, { ctx: pageContext(request), agency: presentAgency(agency), parent: parent && agencyLink(parent) }));
  });

  for (const column of PLACEHOLDER_COLUMNS) {
    r.get(`/gk/:code/${column}`, { schema: { hide: true, params: agencyCodeParam } }, async (request, reply) => {
      const agency = await agencyByCode(ctx, request.params.code);
      return sendPage(request, reply, h(EmptyColumnPage, { ctx: pageContext(request), agency: presentAgency(agency), column }));
    });
  }
}
