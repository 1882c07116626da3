import { BareLayout } from './layout.tsx';
import type { PageContext } from '../render.tsx';

export function ErrorPage({ ctx, title, message, status }: { ctx: PageContext; title: string; message: string; status: number }) {
  return (
    <BareLayout ctx={ctx} title={title}>
      <section class="error-page" aria-labelledby="error-title">
        <p class="error-code" aria-hidden="true">{status}</p>
        <h1 id="error-title">{title}</h1>
        <p>{message}</p>
        <p><a class="button" href="/">{ctx.t('error.home')}</a></p>
      </section>
    </BareLayout>
  );
}
