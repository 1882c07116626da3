import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import type { Agency } from '../../db/schema.ts';
import { agencyByCode } from '../../services/portal.service.ts';
import { browseCatalog, latestPublished, portalAgencies, publicDocument, sitemapDocuments, type CatalogFilters } from '../../services/catalog.service.ts';
import { attachmentForDownload, type AttachmentDownload } from '../../services/attachment.service.ts';
import { atomFeed, absoluteUrl, sitemapXml, type SitemapUrl } from '../../output/feeds.ts';
import { PORTAL_COLUMNS } from '../views/layout.tsx';
import { actorOf } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { CatalogListPage, type CatalogColumn } from '../views/catalog-list.tsx';
import { CatalogDocumentPage, CatalogPrintPage, WithdrawnDocumentPage } from '../views/catalog-document.tsx';
import { NotFoundError } from '../../services/errors.ts';
import { taxonomyFor } from '../../services/taxonomy.service.ts';

const code = z.string().regex(/^[a-z0-9_-]{1,32}$/i, '机关代码无效');
const codeParam = z.object({ code });
const docParams = z.object({ code, id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

// Bad filter values are dropped (a stale or hand-edited link still shows the catalog), never a 400.
const catalogQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  category: z.string().max(32).optional().catch(undefined),
  topic: z.string().max(32).optional().catch(undefined),
  genre: z.string().max(10).optional().catch(undefined),
  year: z.coerce.number().int().min(1900).max(9999).optional().catch(undefined),
  department: z.coerce.number().int().positive().max(2 ** 31 - 1).optional().catch(undefined),
  agency: z.string().max(32).optional().catch(undefined),
  validity: z.string().max(20).optional().catch(undefined),
  order: z.enum(['relevance', 'date']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
type CatalogQuery = z.infer<typeof catalogQuery>;

const FEED_SIZE = 50;
const RFC5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Sends a stored file: inline for PDF and images (their type was checked by content), else as a download; sandboxed either way. */
export function sendFile(reply: FastifyReply, file: AttachmentDownload, disposition: 'inline' | 'attachment' = 'inline'): FastifyReply {
  const inline = disposition === 'inline' && /^(application\/pdf|image\/(png|jpeg|gif))$/.test(file.mime);
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  reply.header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${RFC5987(file.filename)}`);
  reply.header('content-security-policy', "sandbox; default-src 'none'");
  reply.header('x-content-type-options', 'nosniff');
  reply.header('etag', `"${file.sha256}"`);
  reply.header('cache-control', 'public, max-age=86400');
  return reply.type(file.mime).send(file.data);
}

/** The public catalog: columns 法定主动公开内容 and 政府信息公开制度, search, document pages, feeds, sitemap. */
export function catalogRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const filtersOf = (q: CatalogQuery, extra: Partial<CatalogFilters> = {}): CatalogFilters => ({
    q: q.q, category: q.category, topic: q.topic, genre: q.genre, year: q.year, department: q.department, agency: q.agency,
    validity: q.validity, order: q.order, page: q.page ?? 1, ...extra,
  });

  const column = (name: CatalogColumn, path: string, extra: Partial<CatalogFilters> = {}) =>
    async (request: FastifyRequest<{ Params: { code: string }; Querystring: CatalogQuery }>, reply: FastifyReply) => {
      const agency = await agencyByCode(ctx, request.params.code);
      const page = await browseCatalog(ctx, agency, filtersOf(request.query, extra));
      return sendPage(request, reply, h(CatalogListPage, { ctx: pageContext(request), agency, column: name, page, basePath: `/gk/${agency.code}${path}` }));
    };
  r.get('/gk/:code/catalog', { schema: { hide: true, params: codeParam, querystring: catalogQuery } }, column('catalog', '/catalog'));
  r.get('/gk/:code/rules', { schema: { hide: true, params: codeParam, querystring: catalogQuery } }, column('rules', '/rules', { rules: true }));
  r.get('/gk/:code/search', { schema: { hide: true, params: codeParam, querystring: catalogQuery } }, column('search', '/search'));

  r.get('/gk/:code/doc/:id', { schema: { hide: true, params: docParams } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const doc = await publicDocument(ctx, agency.code, request.params.id);
    if (doc.kind === 'withdrawn') return sendPage(request, reply, h(WithdrawnDocumentPage, { ctx: pageContext(request), agency, doc }), 410);
    return sendPage(request, reply, h(CatalogDocumentPage, { ctx: pageContext(request), agency, doc }));
  });

  r.get('/gk/:code/doc/:id/print', { schema: { hide: true, params: docParams } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const doc = await publicDocument(ctx, agency.code, request.params.id);
    if (doc.kind === 'withdrawn') throw new NotFoundError('该信息已撤回');
    return sendPage(request, reply, h(CatalogPrintPage, { ctx: pageContext(request), doc }));
  });

  const fileParams = z.object({ code, id: docParams.shape.id, aid: docParams.shape.id, name: z.string().max(300) });
  r.get('/gk/:code/doc/:id/files/:aid/:name', { schema: { hide: true, params: fileParams } }, async (request, reply) => {
    const agency = await agencyByCode(ctx, request.params.code);
    const doc = await publicDocument(ctx, agency.code, request.params.id);
    if (doc.kind === 'withdrawn') throw new NotFoundError('该信息已撤回');
    const file = await attachmentForDownload(ctx, actorOf(request), request.params.id, request.params.aid);
    return sendFile(reply, file);
  });

  // ---- feeds and sitemap -------------------------------------------------------------------------

  const feed = async (request: FastifyRequest, reply: FastifyReply, agency: Agency, category?: string) => {
    const base = ctx.config.publicBaseUrl;
    const agencies = await portalAgencies(ctx, agency);
    let categoryName: string | undefined;
    if (category) {
      const { categories } = await taxonomyFor(ctx, agencies.map((a) => a.id));
      categoryName = categories.find((c) => c.code === category)?.name;
      if (!categoryName) throw new NotFoundError('没有该主题分类');
    }
    const items = await latestPublished(ctx, agency, FEED_SIZE, { category });
    const selfPath = category ? `/gk/${agency.code}/feeds/${category}.atom` : `/gk/${agency.code}/feed.atom`;
    const xml = atomFeed({
      selfUrl: absoluteUrl(base, selfPath),
      alternateUrl: absoluteUrl(base, `/gk/${agency.code}/catalog${category ? `?category=${encodeURIComponent(category)}` : ''}`),
      title: `${agency.name}政府信息公开${categoryName ? ` · ${categoryName}` : ''}`,
      subtitle: agencies.length > 1 ? `${agency.name}及所属机构主动公开的政府信息` : `${agency.name}主动公开的政府信息`,
      author: agency.name,
      lang: 'zh-CN',
      entries: items.map((i) => ({
        url: absoluteUrl(base, i.url), title: i.title, published: i.publishedOn, updated: `${i.publishedOn}T00:00:00+08:00`,
        summary: [i.docNumber, `索引号：${i.indexNumber}`].filter(Boolean).join('　'), categories: [i.category], author: i.agencyName,
      })),
    });
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  };
  r.get('/gk/:code/feed.atom', { schema: { hide: true, params: codeParam } }, async (request, reply) => feed(request, reply, await agencyByCode(ctx, request.params.code)));
  r.get('/gk/:code/feeds/:category.atom', { schema: { hide: true, params: z.object({ code, category: z.string().regex(/^[a-z0-9_-]{1,32}$/) }) } }, async (request, reply) =>
    feed(request, reply, await agencyByCode(ctx, request.params.code), request.params.category));

  r.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const base = ctx.config.publicBaseUrl;
    const urls: SitemapUrl[] = [{ loc: absoluteUrl(base, '/') }];
    for (const a of await ctx.repos.agencies.all()) {
      for (const c of PORTAL_COLUMNS) urls.push({ loc: absoluteUrl(base, `/gk/${encodeURIComponent(a.code)}${c.path}`) });
    }
    for (const d of await sitemapDocuments(ctx, 50_000 - urls.length)) urls.push({ loc: absoluteUrl(base, d.url), lastmod: d.lastmod });
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=600').send(sitemapXml(urls));
  });
}
