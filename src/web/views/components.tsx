import type { ComponentChildren } from 'preact';
import { withQuery, type PageContext } from '../render.tsx';

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** A labelled form control with its error message linked for screen readers. */
export function Field(props: { id: string; label: string; error?: string; hint?: string; required?: boolean; children: ComponentChildren }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="form-row">
      <label for={props.id}>{props.label}{props.required && <span aria-hidden="true" class="required"> *</span>}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <div data-described-by={describedBy}>{props.children}</div>
      {props.error && <p class="field-error" id={`${props.id}-error`} role="alert">{props.error}</p>}
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'ok' | 'error'; children: ComponentChildren }) {
  return <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}

/** Previous/next links that keep the other query parameters; nothing when there is one page. */
/** `capped`: more items exist than `total` (a search's count cap); only `total` can be paged through. */
export function Pager({ ctx, page, pageSize, total, capped }: { ctx: PageContext; page: number; pageSize: number; total: number; capped?: boolean }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const count = ctx.t(capped ? 'common.totalCapped' : 'common.total', { total });
  if (pages <= 1) return <p class="pager">{count}</p>;
  return (
    <nav class="pager" aria-label={ctx.t('common.pagination')}>
      <span>{count}</span>
      {page > 1 ? <a href={withQuery(ctx.url, { page: page - 1 })} rel="prev">{ctx.t('common.prev')}</a> : <span aria-hidden="true">{ctx.t('common.prev')}</span>}
      <span>{ctx.t('common.page', { page, pages })}</span>
      {page < pages ? <a href={withQuery(ctx.url, { page: page + 1 })} rel="next">{ctx.t('common.next')}</a> : <span aria-hidden="true">{ctx.t('common.next')}</span>}
    </nav>
  );
}
