// Drafts for public comment (意见征集): public list, one draft with its comment form, moderated
// comments and the feedback; console list and the page where staff moderate and conclude.
import type { PageContext } from '../render.tsx';
import type { PortalAgency } from './layout.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import { ADOPTIONS, ADOPTION_LABELS } from '../../domain/education-terms.ts';
import type { ConsultationPhase, ConsultationView, PublicComment, StaffComment } from '../../services/consultation.service.ts';
import { DateRange, DocLink, EducationLayout, Paragraphs, label, sectionTitle } from './education-common.tsx';
import { tx } from '../i18n/index.ts';
import { DoneNotice, FormMessage, SelectInput, TextArea, TextInput, type FormState } from './education-console-common.tsx';

const PHASES: Record<ConsultationPhase, { zh: string; en: string; badge: string }> = {
  draft: { zh: '草稿', en: 'Draft', badge: '' },
  upcoming: { zh: '即将开始', en: 'Upcoming', badge: '' },
  open: { zh: '正在征集', en: 'Open for comment', badge: 'badge-warn' },
  closed: { zh: '征集结束，正在研究', en: 'Closed, under review', badge: '' },
  concluded: { zh: '已反馈', en: 'Feedback published', badge: 'badge-ok' },
};

export function PhaseBadge({ ctx, phase }: { ctx: PageContext; phase: ConsultationPhase }) {
  return <span class={`badge ${PHASES[phase].badge}`}>{label(ctx, PHASES[phase])}</span>;
}

const cPath = (code: string, sub = '') => `/gk/${encodeURIComponent(code)}/consultations${sub}`;

export function ConsultationListPage({ ctx, agency, list }: { ctx: PageContext; agency: PortalAgency; list: ConsultationView[] }) {
  const title = sectionTitle(ctx, 'consultations');
  const open = list.filter((c) => c.phase === 'open' || c.phase === 'upcoming');
  const done = list.filter((c) => c.phase === 'closed' || c.phase === 'concluded');
  const List = ({ items }: { items: ConsultationView[] }) => (
    <ul class="item-list">
      {items.map((c) => (
        <li>
          <a href={cPath(agency.code, `/${c.id}`)}>{c.title}</a> <PhaseBadge ctx={ctx} phase={c.phase} />
          <p class="muted">{tx(ctx, '征集期：', 'Comment period: ')}<DateRange ctx={ctx} from={c.opensOn} to={c.closesOn} />{' · '}{tx(ctx, `收到意见 ${c.counts.received} 条`, `${c.counts.received} comments`)}</p>
        </li>
      ))}
    </ul>
  );
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="consultations">
      <h1>{title}</h1>
      <section aria-labelledby="c-open">
        <h2 id="c-open">{tx(ctx, '正在征求意见', 'Open for comment')}</h2>
        {open.length === 0 ? <p class="empty">{tx(ctx, '目前没有正在征求意见的草案。', 'No draft is open for comment.')}</p> : <List items={open} />}
      </section>
      <section aria-labelledby="c-done">
        <h2 id="c-done">{tx(ctx, '已结束的意见征集', 'Closed consultations')}</h2>
        {done.length === 0 ? <p class="empty">{ctx.t('common.empty')}</p> : <List items={done} />}
      </section>
    </EducationLayout>
  );
}

function CommentList({ ctx, comments, showAdoption }: { ctx: PageContext; comments: PublicComment[]; showAdoption: boolean }) {
  if (comments.length === 0) return <p class="empty">{tx(ctx, '暂无公开的意见。', 'No published comments yet.')}</p>;
  return (
    <ol class="comment-list">
      {comments.map((c) => (
        <li class="comment">
          <p class="muted">{tx(ctx, '网友意见', 'Comment')} · <time dateTime={c.submittedOn}>{formatDate(c.submittedOn, ctx.lang)}</time>
            {showAdoption && c.adoption && <> · <span class="badge">{label(ctx, ADOPTION_LABELS[c.adoption])}</span></>}</p>
          <Paragraphs text={c.body} />
          {showAdoption && c.response && <div class="comment-response"><p class="qa-label">{tx(ctx, '答复：', 'Response: ')}</p><Paragraphs text={c.response} /></div>}
        </li>
      ))}
    </ol>
  );
}

export function ConsultationPage(props: { ctx: PageContext; agency: PortalAgency; c: ConsultationView; comments: PublicComment[]; form: FormState; thanks?: boolean }) {
  const { ctx, agency, c, form } = props;
  const err = form.errors;
  return (
    <EducationLayout ctx={ctx} agency={agency} title={c.title} section="consultations">
      <h1>{c.title}</h1>
      <p><PhaseBadge ctx={ctx} phase={c.phase} /> {tx(ctx, '征集期：', 'Comment period: ')}<DateRange ctx={ctx} from={c.opensOn} to={c.closesOn} /></p>
      {props.thanks && <div class="notice notice-ok" role="status">{tx(ctx, '感谢您的意见！意见经审核后公开（不显示您的姓名和联系方式），征集结束后我们将公布采纳情况。', 'Thank you. Comments are published after review (without your name or contact); we will publish how they were taken up.')}</div>}
      <Paragraphs text={c.summary} class="lead" />
      {c.documentRef && <p><DocLink ctx={ctx} agencyCode={agency.code} indexNumber={c.documentRef} text={tx(ctx, '草案全文', 'Full draft')} /></p>}
      {c.body && <section aria-labelledby="c-body"><h2 id="c-body">{tx(ctx, '草案内容', 'The draft')}</h2><Paragraphs text={c.body} class="draft-body" /></section>}

      {c.phase === 'concluded' && (
        <section aria-labelledby="c-feedback" class="card">
          <h2 id="c-feedback">{tx(ctx, '意见采纳情况', 'How the comments were taken up')}</h2>
          <p>{tx(ctx, `共收到意见 ${c.counts.received} 条，其中采纳 ${c.counts.adoption.adopted} 条、部分采纳 ${c.counts.adoption.partly} 条、未采纳 ${c.counts.adoption.not_adopted} 条。`,
            `${c.counts.received} comments received: ${c.counts.adoption.adopted} adopted, ${c.counts.adoption.partly} partly adopted, ${c.counts.adoption.not_adopted} not adopted.`)}</p>
          <h3>{tx(ctx, '意见收集情况', 'Summary of the feedback')}</h3>
          <Paragraphs text={c.feedbackSummary} />
          <h3>{tx(ctx, '采纳情况及理由', 'What was adopted, and why')}</h3>
          <Paragraphs text={c.adoptionSummary} />
          {c.finalDocumentRef && <p>{tx(ctx, '正式文件：', 'Final document: ')}<DocLink ctx={ctx} agencyCode={agency.code} indexNumber={c.finalDocumentRef} /></p>}
        </section>
      )}

      <section aria-labelledby="c-comments">
        <h2 id="c-comments">{tx(ctx, `公众意见（${c.counts.shown}）`, `Public comments (${c.counts.shown})`)}</h2>
        <CommentList ctx={ctx} comments={props.comments} showAdoption={c.phase === 'concluded'} />
      </section>

      {c.phase === 'open' && !props.thanks && (
        <section aria-labelledby="c-form" class="card">
          <h2 id="c-form">{tx(ctx, '提交意见', 'Comment on this draft')}</h2>
          <FormMessage ctx={ctx} form={form} />
          <form method="post" action={cPath(agency.code, `/${c.id}/comments`)}>
            <CsrfField ctx={ctx} />
            <div class="form-row">
              <label for="cm-body">{tx(ctx, '意见建议', 'Your comment')}<span class="required" aria-hidden="true"> *</span></label>
              <textarea id="cm-body" name="body" rows={8} maxLength={3000} required aria-invalid={err.body ? 'true' : undefined} aria-describedby={err.body ? 'cm-body-error' : undefined}>{form.values.body ?? ''}</textarea>
              {err.body && <p class="field-error" id="cm-body-error">{err.body}</p>}
            </div>
            <fieldset>
              <legend>{tx(ctx, '您的信息（选填，仅供工作人员联系，不会公开）', 'About you (optional, never published)')}</legend>
              <div class="form-row">
                <label for="cm-name">{tx(ctx, '姓名', 'Name')}</label>
                <input id="cm-name" name="name" type="text" maxLength={50} autocomplete="name" value={form.values.name ?? ''} />
              </div>
              <div class="form-row">
                <label for="cm-contact">{tx(ctx, '联系方式', 'Contact')}</label>
                <input id="cm-contact" name="contact" type="text" maxLength={200} value={form.values.contact ?? ''} />
              </div>
            </fieldset>
            <button type="submit" class="primary">{ctx.t('common.submit')}</button>
          </form>
        </section>
      )}
      <p><a href={cPath(agency.code)}>{tx(ctx, '返回意见征集', 'Back to consultations')}</a></p>
    </EducationLayout>
  );
}

// ---------- console ----------

export const consultationForm = (c?: ConsultationView): Record<string, string> => (c
  ? { title: c.title, summary: c.summary, body: c.body, documentRef: c.documentRef ?? '', opensOn: c.opensOn, closesOn: c.closesOn }
  : {});

/** How staff see a comment's moderation state. */
const COMMENT_STATUS: Record<StaffComment['status'], { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Awaiting review' },
  approved: { zh: '已公开', en: 'Published' },
  rejected: { zh: '不公开', en: 'Not published' },
};

function ConsultationFields({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <>
      <TextInput form={form} name="title" label={tx(ctx, '草案名称', 'Title of the draft')} required maxLength={300} />
      <TextArea form={form} name="summary" label={tx(ctx, '起草说明', 'Explanatory note')} rows={3} />
      <TextArea form={form} name="body" label={tx(ctx, '草案正文', 'Text of the draft')} rows={10} hint={tx(ctx, '也可只填写草案文件的索引号', 'Or give only the index number of the draft document')} />
      <TextInput form={form} name="documentRef" label={tx(ctx, '草案文件索引号', 'Index number of the draft document')} maxLength={100} />
      <TextInput form={form} name="opensOn" label={tx(ctx, '征集开始日期', 'Comments open on')} type="date" required />
      <TextInput form={form} name="closesOn" label={tx(ctx, '征集截止日期', 'Comments close on')} type="date" required
        hint={tx(ctx, '重大行政决策征求意见期限一般不少于30日', 'For major administrative decisions, comments are generally open for at least 30 days')} />
    </>
  );
}

export function ConsultationsConsole({ ctx, list, form, canManage, done }: { ctx: PageContext; list: ConsultationView[]; form: FormState; canManage: boolean; done?: string | null }) {
  const title = tx(ctx, '意见征集', 'Public consultation');
  return (
    <ConsoleLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <DoneNotice text={done} />
      {list.length === 0 ? <p class="empty">{tx(ctx, '尚无意见征集。', 'No consultations yet.')}</p> : (
        <table class="data-table">
          <thead><tr>
            <th scope="col">{tx(ctx, '草案', 'Draft')}</th><th scope="col">{tx(ctx, '征集期', 'Comment period')}</th><th scope="col">{tx(ctx, '意见', 'Comments')}</th>
            <th scope="col">{tx(ctx, '待审核', 'Awaiting review')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th>
          </tr></thead>
          <tbody>{list.map((c) => (
            <tr>
              <th scope="row"><a href={`/console/consultations/${c.id}`}>{c.title}</a></th>
              <td>{formatDate(c.opensOn, ctx.lang)} — {formatDate(c.closesOn, ctx.lang)}</td><td>{c.counts.received}</td><td>{c.counts.pending}</td><td><PhaseBadge ctx={ctx} phase={c.phase} /></td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {canManage && (
        <section class="card" aria-labelledby="c-new">
          <h2 id="c-new">{tx(ctx, '新建意见征集', 'New consultation')}</h2>
          <FormMessage ctx={ctx} form={form} />
          <form method="post" action="/console/consultations"><CsrfField ctx={ctx} /><ConsultationFields ctx={ctx} form={form} /><button type="submit" class="primary">{tx(ctx, '保存草稿', 'Save as draft')}</button></form>
        </section>
      )}
    </ConsoleLayout>
  );
}

export function ConsultationConsole(props: {
  ctx: PageContext; agencyCode: string; c: ConsultationView; comments: StaffComment[]; canManage: boolean; canModerate: boolean;
  form: FormState; concludeForm: FormState; commentForms: Record<number, FormState>; done?: string | null; error?: string | null;
}) {
  const { ctx, c } = props;
  const base = `/console/consultations/${c.id}`;
  const notGiven = tx(ctx, '（未填写）', '(not given)');
  return (
    <ConsoleLayout ctx={ctx} title={c.title} active="/console/consultations">
      <h1>{c.title}</h1>
      <p><a href="/console/consultations">{tx(ctx, '返回意见征集', 'Back to public consultation')}</a> · <PhaseBadge ctx={ctx} phase={c.phase} />
        {c.phase !== 'draft' && <> · <a href={`/gk/${props.agencyCode}/consultations/${c.id}`}>{tx(ctx, '查看公众页面', 'See the public page')}</a></>}</p>
      <DoneNotice text={props.done} />
      {props.error && <div class="notice notice-error" role="alert">{props.error}</div>}
      {props.canManage && c.phase === 'draft' && (
        <form method="post" action={`${base}/publish`} class="inline-actions"><CsrfField ctx={ctx} /><button type="submit" class="primary">{tx(ctx, '发布征求意见', 'Publish for comment')}</button></form>
      )}
      <section aria-labelledby="cm-list">
        <h2 id="cm-list">{tx(ctx, `收到的意见（${c.counts.received}，待审核 ${c.counts.pending}）`, `Comments received (${c.counts.received}, ${c.counts.pending} awaiting review)`)}</h2>
        {props.comments.length === 0 ? <p class="empty">{tx(ctx, '尚未收到意见。', 'No comments received yet.')}</p> : props.comments.map((cm) => {
          const f = props.commentForms[cm.id];
          return (
            <article class="card comment-card" aria-labelledby={`cm-${cm.id}`}>
              <h3 id={`cm-${cm.id}`}>{tx(ctx, `意见 #${cm.id}（${formatDate(cm.submittedOn)}）`, `Comment #${cm.id} (${formatDate(cm.submittedOn, 'en')})`)}<span class="badge">{label(ctx, COMMENT_STATUS[cm.status])}</span></h3>
              <p class="muted">{tx(ctx, '提交人：', 'From: ')}{cm.name || notGiven} · {tx(ctx, '联系方式：', 'Contact: ')}{cm.contact || notGiven}</p>
              <Paragraphs text={cm.originalBody} />
              {f && <FormMessage ctx={ctx} form={f} />}
              {props.canModerate && c.phase !== 'concluded' && (
                <form method="post" action={`/console/consultations/comments/${cm.id}/moderate`}>
                  <CsrfField ctx={ctx} />
                  <TextArea form={f ?? { values: { publicBody: cm.suggestedPublicBody }, errors: {} }} name="publicBody" id={`pb-${cm.id}`}
                    label={tx(ctx, '公开文本（已遮盖个人信息，请核对）', 'Text to publish (personal information masked; please check)')} rows={3} />
                  <button type="submit" name="decision" value="approve" class="primary">{tx(ctx, '公开', 'Publish')}</button>{' '}
                  <button type="submit" name="decision" value="reject">{tx(ctx, '不予公开', 'Do not publish')}</button>
                </form>
              )}
              {props.canManage && c.phase !== 'concluded' && (
                <form method="post" action={`/console/consultations/comments/${cm.id}/adoption`}>
                  <CsrfField ctx={ctx} />
                  <SelectInput form={{ values: { adoption: cm.adoption ?? '' }, errors: {} }} name="adoption" id={`ad-${cm.id}`} label={tx(ctx, '采纳情况', 'Adoption')}
                    options={[['', tx(ctx, '请选择', 'Choose')], ...ADOPTIONS.map((a): [string, string] => [a, label(ctx, ADOPTION_LABELS[a])])]} />
                  <TextArea form={{ values: { response: cm.response }, errors: {} }} name="response" id={`rs-${cm.id}`} label={tx(ctx, '答复及理由', 'Response and reasons')} rows={2} />
                  <button type="submit">{tx(ctx, '保存采纳情况', 'Save the adoption')}</button>
                </form>
              )}
            </article>
          );
        })}
      </section>
      {props.canManage && c.phase === 'closed' && (
        <section class="card" aria-labelledby="c-conclude">
          <h2 id="c-conclude">{tx(ctx, '发布意见采纳情况', 'Publish how the comments were taken up')}</h2>
          <FormMessage ctx={ctx} form={props.concludeForm} />
          <form method="post" action={`${base}/conclude`}>
            <CsrfField ctx={ctx} />
            <TextArea form={props.concludeForm} name="feedbackSummary" label={tx(ctx, '意见收集情况', 'Summary of the feedback')} rows={3} required />
            <TextArea form={props.concludeForm} name="adoptionSummary" label={tx(ctx, '采纳情况及理由', 'What was adopted, and why')} rows={5} required />
            <TextInput form={props.concludeForm} name="finalDocumentRef" label={tx(ctx, '正式文件索引号', 'Index number of the final document')} maxLength={100} />
            <button type="submit" class="primary">{tx(ctx, '发布', 'Publish')}</button>
          </form>
        </section>
      )}
      {props.canManage && c.phase !== 'concluded' && (
        <section class="card" aria-labelledby="c-edit">
          <h2 id="c-edit">{tx(ctx, '草案与征集期', 'Draft and comment period')}</h2>
          <FormMessage ctx={ctx} form={props.form} />
          <form method="post" action={base}><CsrfField ctx={ctx} /><ConsultationFields ctx={ctx} form={props.form} /><button type="submit" class="primary">{tx(ctx, '保存', 'Save')}</button></form>
        </section>
      )}
    </ConsoleLayout>
  );
}
