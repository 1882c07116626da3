// Answers before applications (issue 8), on the public forms: the box that suggest.js fills while
// someone types their description, and the confirmation step that shows the same suggestions when
// the form is sent without JavaScript (or before JavaScript had a chance to show them).
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../render.tsx';
import { PortalLayout, type PortalAgency } from './layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import { tx } from '../i18n/index.ts';
import type { SuggestionForm, SuggestionItem } from '../../services/suggestion.service.ts';

export const SUGGEST_TITLE = { zh: '这是否是您要找的信息？', en: 'Is this what you are looking for?' };

/**
 * Placed inside an application or question form: an empty live region that suggest.js fills, the
 * hidden fields that carry the suggestion record to the submission, and the script. `inputs` are
 * the ids of the fields whose text is the description.
 */
export function SuggestBox({ ctx, agencyCode, form, inputs, token }: { ctx: PageContext; agencyCode: string; form: SuggestionForm; inputs: string[]; token?: string }) {
  return (
    <>
      <div class="suggest-box" hidden aria-live="polite" data-suggest-agency={agencyCode} data-suggest-form={form} data-suggest-inputs={inputs.join(' ')}
        data-title={tx(ctx, SUGGEST_TITLE.zh, SUGGEST_TITLE.en)}
        data-hint={tx(ctx, '以下已公开的信息可能就是您要找的，可先查看（在新窗口打开）；如果不是，请继续填写并提交。', 'The published information below may already answer you (opens in a new window). If not, carry on and submit.')}
        data-new-window={tx(ctx, '（在新窗口打开）', ' (opens in a new window)')}
        data-kind-document={tx(ctx, '已公开文件', 'Published document')} data-kind-question={tx(ctx, '咨询答复', 'Answered question')}>
      </div>
      <input type="hidden" name="suggestion" value={token ?? ''} />
      <input type="hidden" name="suggest_done" value="" />
      <script src="/static/suggest.js" defer></script>
    </>
  );
}

function Snippet({ item }: { item: SuggestionItem }) {
  if (item.snippet.length === 0) return null;
  return <p class="suggest-snippet">{item.snippet.map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}</p>;
}

/** The suggestions as a list (the confirmation page; suggest.js builds the same markup). */
export function SuggestionList({ ctx, items }: { ctx: PageContext; items: SuggestionItem[] }) {
  return (
    <ul class="suggest-list">
      {items.map((i) => (
        <li>
          <a href={i.href} target="_blank" rel="noopener">{i.title}<span class="visually-hidden">{tx(ctx, '（在新窗口打开）', ' (opens in a new window)')}</span></a>
          <span class="suggest-meta">{i.kind === 'question' ? tx(ctx, '咨询答复', 'Answered question') : tx(ctx, '已公开文件', 'Published document')} · <time dateTime={i.publishedOn}>{formatDate(i.publishedOn, ctx.lang)}</time></span>
          <Snippet item={i} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The confirmation step before final submission: the matches first, then one button that sends the
 * same form again (all values in hidden fields, marked as confirmed).
 */
export function SuggestionConfirmPage(props: {
  ctx: PageContext; agency: PortalAgency; form: SuggestionForm; items: SuggestionItem[]; token: string | null; action: string; fields: Record<string, string>;
  /** A file input placed in the form (which is then sent as multipart). */
  upload?: ComponentChildren;
}) {
  const { ctx, agency, form } = props;
  const title = tx(ctx, SUGGEST_TITLE.zh, SUGGEST_TITLE.en);
  const submit = form === 'apply' ? tx(ctx, '不是，继续提交申请', 'No, submit my application') : tx(ctx, '不是，继续提交咨询', 'No, submit my question');
  return (
    <PortalLayout ctx={ctx} agency={agency} column={form} title={title}>
      <h1>{title}</h1>
      <p>{form === 'apply'
        ? tx(ctx, '根据您填写的描述，以下信息已经公开，可能就是您要申请的信息。您可以先查看；已公开的信息无需申请即可获取。', 'Going by your description, the information below is already published and may be what you are applying for. Published information needs no application.')
        : tx(ctx, '根据您填写的内容，以下已公开的信息和答复可能已经回答了您的问题。', 'Going by your question, the published information and answers below may already answer it.')}</p>
      <SuggestionList ctx={ctx} items={props.items} />
      <form method="post" action={props.action} class="suggest-confirm" enctype={props.upload ? 'multipart/form-data' : undefined}>
        <CsrfField ctx={ctx} />
        {Object.entries(props.fields).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
        <input type="hidden" name="suggestion" value={props.token ?? ''} />
        <input type="hidden" name="suggest_done" value="1" />
        <p>{tx(ctx, '您填写的内容已保留，提交后即按原内容办理。', 'What you entered is kept and will be submitted as it is.')}</p>
        {props.upload}
        <button type="submit" class="primary">{submit}</button>
      </form>
    </PortalLayout>
  );
}
