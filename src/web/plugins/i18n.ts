import type { FastifyInstance } from 'fastify';
import { langFromAcceptLanguage, parseLang, translator } from '../i18n/index.ts';

const YEAR = 365 * 24 * 3600;

/** Language: `?lang=` (remembered in a cookie), else the cookie, else Accept-Language; zh-CN by default. */
export function i18nPlugin(app: FastifyInstance): void {
  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('t', null as never);
  app.decorateRequest('largeText', false);
  // Synchronous hooks (here and in the other plugins) take the callback form: on every request it
  // saves the promise an async hook costs.
  app.addHook('onRequest', (request, reply, done) => {
    const query = request.query as Record<string, unknown> | undefined;
    const fromQuery = parseLang(query?.lang);
    if (fromQuery) {
      reply.setCookie('gk_lang', fromQuery, { path: '/', maxAge: YEAR, sameSite: 'lax', httpOnly: true });
    }
    request.lang = fromQuery ?? parseLang(request.cookies.gk_lang) ?? langFromAcceptLanguage(request.headers['accept-language']);
    request.t = translator(request.lang);
    request.largeText = request.cookies.gk_large === '1';
    done();
  });
}
