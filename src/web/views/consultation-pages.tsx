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
          <p class="muted">{tx(ctx, '征集期', 'Comment period')}：<DateRange ctx={ctx} from={c.opensOn} to={c.closesOn} />{' · '}{tx(ctx, `收到意见 ${c.counts.received} 条`, `${c.counts.received} comments`)}</p>
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
          {showAdoption && c.response && <div class="comment-response"><p class="qa-label">{tx(ctx, '答复', 'Response')}：</p><Paragraphs text={c.response} /></div>}
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
      <p><PhaseBadge ctx={ctx} phase={c.phase} /> {tx(ctx, '征集期', 'Comment period')}：<DateRange ctx={ctx} from={c.opensOn} to={c.closesOn} /></p>
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
          {(form.message || Object.keys(err).length > 0) && <div class="notice notice-error" role="alert"><p>{form.message}</p><ul>{Object.values(err).map((m) => <li>{m}</li>)}</ul></div>}
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

function ConsultationFields({ form }: { form: FormState }) {
  return (
    <>
      <TextInput form={form} name="title" label="草案名称" required maxLength={300} />
      <TextArea form={form} name="summary" label="起草说明" rows={3} />
      <TextArea form={form} name="body" label="草案正文" rows={10} hint="也可只填写草案文件的索引号" />
      <TextInput form={form} name="documentRef" label="草案文件索引号" maxLength={100} />
      <TextInput form={form} name="opensOn" label="征集开始日期" type="date" required />
      <TextInput form={form} name="closesOn" label="征集截止日期" type="date" required hint="重大行政决策征求意见期限一般不少于30日" />
    </>
  );
}

export function ConsultationsConsole({ ctx, list, form, canManage, done }: { ctx: PageContext; list: ConsultationView[]; form: FormState; canManage: boolean; done?: string | null }) {
  return (
    <ConsoleLayout ctx={ctx} title="意见征集">
      <h1>意见征集</h1>
      <DoneNotice text={done} />
      {list.length === 0 ? <p class="empty">尚无意见征集。</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">草案</th><th scope="col">征集期</th><th scope="col">意见</th><th scope="col">待审核</th><th scope="col">状态</th></tr></thead>
          <tbody>{list.map((c) => (
            <tr>
              <th scope="row"><a href={`/console/consultations/${c.id}`}>{c.title}</a></th>
              <td>{formatDate(c.opensOn)} — {formatDate(c.closesOn)}</td><td>{c.counts.received}</td><td>{c.counts.pending}</td><td><PhaseBadge ctx={ctx} phase={c.phase} /></td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {canManage && (
        <section class="card" aria-labelledby="c-new">
          <h2 id="c-new">新建意见征集</h2>
          <FormMessage form={form} />
          <form method="post" action="/console/consultations"><CsrfField ctx={ctx} /><ConsultationFields form={form} /><button type="submit" class="primary">保存草稿</button></form>
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
  return (
    <ConsoleLayout ctx={ctx} title={c.title} active="/console/consultations">
      <h1>{c.title}</h1>
      <p><a href="/console/consultations">返回意见征集</a> · <PhaseBadge ctx={ctx} phase={c.phase} />
        {c.phase !== 'draft' && <> · <a href={`/gk/${props.agencyCode}/consultations/${c.id}`}>查看公众页面</a></>}</p>
      <DoneNotice text={props.done} />
      {props.error && <div class="notice notice-error" role="alert">{props.error}</div>}
      {props.canManage && c.phase === 'draft' && (
        <form method="post" action={`${base}/publish`} class="inline-actions"><CsrfField ctx={ctx} /><button type="submit" class="primary">发布征求意见</button></form>
      )}
      <section aria-labelledby="cm-list">
        <h2 id="cm-list">收到的意见（{c.counts.received}，待审核 {c.counts.pending}）</h2>
        {props.comments.length === 0 ? <p class="empty">尚未收到意见。</p> : props.comments.map((cm) => {
          const f = props.commentForms[cm.id];
          return (
            <article class="card comment-card" aria-labelledby={`cm-${cm.id}`}>
              <h3 id={`cm-${cm.id}`}>意见 #{cm.id}（{formatDate(cm.submittedOn)}）<span class="badge">{cm.status === 'pending' ? '待审核' : cm.status === 'approved' ? '已公开' : '不公开'}</span></h3>
              <p class="muted">提交人：{cm.name || '（未填写）'} · 联系方式：{cm.contact || '（未填写）'}</p>
              <Paragraphs text={cm.originalBody} />
              {f && <FormMessage form={f} />}
              {props.canModerate && c.phase !== 'concluded' && (
                <form method="post" action={`/console/consultations/comments/${cm.id}/moderate`}>
                  <CsrfField ctx={ctx} />
                  <TextArea form={f ?? { values: { publicBody: cm.suggestedPublicBody }, errors: {} }} name="publicBody" id={`pb-${cm.id}`} label="公开文本（已遮盖个人信息，请核对）" rows={3} />
                  <button type="submit" name="decision" value="approve" class="primary">公开</button>{' '}
                  <button type="submit" name="decision" value="reject">不予公开</button>
                </form>
              )}
              {props.canManage && c.phase !== 'concluded' && (
                <form method="post" action={`/console/consultations/comments/${cm.id}/adoption`}>
                  <CsrfField ctx={ctx} />
                  <SelectInput form={{ values: { adoption: cm.adoption ?? '' }, errors: {} }} name="adoption" id={`ad-${cm.id}`} label="采纳情况" options={[['', '请选择'], ...ADOPTIONS.map((a): [string, string] => [a, ADOPTION_LABELS[a].zh])]} />
                  <TextArea form={{ values: { response: cm.response }, errors: {} }} name="response" id={`rs-${cm.id}`} label="答复及理由" rows={2} />
                  <button type="submit">保存采纳情况</button>
                </form>
              )}
            </article>
          );
        })}
      </section>
      {props.canManage && c.phase === 'closed' && (
        <section class="card" aria-labelledby="c-conclude">
          <h2 id="c-conclude">发布意见采纳情况</h2>
          <FormMessage form={props.concludeForm} />
          <form method="post" action={`${base}/conclude`}>
            <CsrfField ctx={ctx} />
            <TextArea form={props.concludeForm} name="feedbackSummary" label="意见收集情况" rows={3} required />
            <TextArea form={props.concludeForm} name="adoptionSummary" label="采纳情况及理由" rows={5} required />
            <TextInput form={props.concludeForm} name="finalDocumentRef" label="正式文件索引号" maxLength={100} />
            <button type="submit" class="primary">发布</button>
          </form>
        </section>
      )}
      {props.canManage && c.phase !== 'concluded' && (
        <section class="card" aria-labelledby="c-edit">
          <h2 id="c-edit">草案与征集期</h2>
          <FormMessage form={props.form} />
          <form method="post" action={base}><CsrfField ctx={ctx} /><ConsultationFields form={props.form} /><button type="submit" class="primary">保存</button></form>
        </section>
      )}
    </ConsoleLayout>
  );
}
