import { BareLayout } from './layout.tsx';
import type { PageContext } from '../render.tsx';

/** 404, 403, 400 and 500 pages: what happened, in the visitor's language, and where to go next. */
export function ErrorPage({ ctx, title, message, status }: { ctx: PageContext; title: string; message: string; status: number }) {
  const hints = status === 404 ? [ctx.t('error.checkAddress')] : status >= 500 ? [ctx.t('error.retry')] : [];
  return (
    <BareLayout ctx={ctx} title={title}>
      <section class={`error-page error-${status >= 500 ? 'server' : 'client'}`} aria-labelledby="error-title">
        <p class="error-code"><span class="visually-hidden">{ctx.t('error.code', { status })}</span><span aria-hidden="true">{status}</span></p>
        <h1 id="error-title">{title}</h1>
        <p class="error-message">{message}</p>
        {hints.map((h) => <p class="error-hint">{h}</p>)}
        <p class="error-actions">
          <a class="button" href="/">{ctx.t('error.home')}</a>
          {ctx.user && <a class="button button-secondary" href="/console">{ctx.t('nav.console')}</a>}
        </p>
      </section>
    </BareLayout>
  );
}
