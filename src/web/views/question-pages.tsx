// Public pages of the online consultation (在线咨询): published questions and answers with search,
// the question form, the receipt with the tracking code, the tracking view and one answer.
import type { PageContext } from '../render.tsx';
import type { PortalAgency } from './layout.tsx';
import { CsrfField, Pager } from './components.tsx';
import { formatDate } from '../format.ts';
import { formatTrackingCode } from '../../domain/tracking-code.ts';
import { QUESTION_CATEGORIES, QUESTION_CATEGORY_LABELS } from '../../domain/education-terms.ts';
import type { PublicQuestion, SubmittedQuestion, TrackedQuestion } from '../../services/question.service.ts';
import { EducationLayout, Paragraphs, label } from './education-common.tsx';
import { tx } from '../i18n/index.ts';
import type { FormState } from './education-console-common.tsx';
import { FormErrors } from './inspection-common.tsx';
import { SuggestBox } from './privacy-suggest.tsx';

const askPath = (code: string, sub = '') => `/gk/${encodeURIComponent(code)}/ask${sub}`;

function QuestionCard({ ctx, agency, q, link }: { ctx: PageContext; agency: PortalAgency; q: PublicQuestion; link: boolean }) {
  return (
    <article class="qa">
      <h2 class="qa-title">{link ? <a href={askPath(agency.code, `/${q.id}`)}>{q.subject}</a> : q.subject}</h2>
      <p class="qa-meta">
        <span class="badge">{label(ctx, QUESTION_CATEGORY_LABELS[q.category])}</span>{' '}
        {tx(ctx, '提问日期：', 'Asked: ')}<time dateTime={q.receivedOn}>{formatDate(q.receivedOn, ctx.lang)}</time>
        {q.answeredOn && <>{' · '}{tx(ctx, '答复日期：', 'Answered: ')}<time dateTime={q.answeredOn}>{formatDate(q.answeredOn, ctx.lang)}</time></>}
      </p>
      <div class="qa-q"><h3 class="qa-label">{tx(ctx, '咨询内容', 'Question')}</h3><Paragraphs text={q.body} /></div>
      <div class="qa-a"><h3 class="qa-label">{tx(ctx, '答复', 'Answer')}{q.answerDepartment && tx(ctx, `（${q.answerDepartment}）`, ` (${q.answerDepartment})`)}</h3><Paragraphs text={q.answer} /></div>
    </article>
  );
}

export function AskIndexPage(props: {
  ctx: PageContext; agency: PortalAgency; list: { total: number; items: PublicQuestion[]; page: number; pageSize: number }; q: string; category: string; answerDays: number;
}) {
  const { ctx, agency, list } = props;
  const title = ctx.t('nav.ask');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} column="ask" columnIndex>
      <h1>{title}</h1>
      <div class="ask-actions">
        <section class="card" aria-labelledby="ask-new">
          <h2 id="ask-new">{tx(ctx, '我要咨询', 'Ask a question')}</h2>
          <p>{tx(ctx, `工作人员将在 ${props.answerDays} 个工作日内答复。提交后您将获得查询码，可凭查询码查看答复。`, `Staff answer within ${props.answerDays} working days. You get a code to follow your question.`)}</p>
          <p><a class="button" href={askPath(agency.code, '/new')}>{tx(ctx, '填写咨询', 'Write a question')}</a></p>
        </section>
        <section class="card" aria-labelledby="ask-track">
          <h2 id="ask-track">{tx(ctx, '查询答复', 'Follow your question')}</h2>
          <form method="post" action={askPath(agency.code, '/track')}>
            <CsrfField ctx={ctx} />
            <div class="form-row">
              <label for="track-code">{tx(ctx, '查询码', 'Tracking code')}</label>
              <input id="track-code" name="code" type="text" autocomplete="off" maxLength={40} required />
            </div>
            <button type="submit" class="primary">{tx(ctx, '查询', 'Look up')}</button>
          </form>
        </section>
      </div>
      <section aria-labelledby="qa-list">
        <h2 id="qa-list">{tx(ctx, '咨询答复公开', 'Published answers')}</h2>
        <form method="get" action={askPath(agency.code)} class="edu-filter-form" role="search" aria-label={tx(ctx, '搜索咨询答复', 'Search answers')}>
          <div class="form-row">
            <label for="qa-q">{tx(ctx, '关键词', 'Keywords')}</label>
            <input id="qa-q" type="search" name="q" value={props.q} maxLength={100} />
          </div>
          <div class="form-row">
            <label for="qa-cat">{tx(ctx, '类别', 'Category')}</label>
            <select id="qa-cat" name="category">
              <option value="">{tx(ctx, '全部', 'All')}</option>
              {QUESTION_CATEGORIES.map((c) => <option value={c} selected={c === props.category}>{label(ctx, QUESTION_CATEGORY_LABELS[c])}</option>)}
            </select>
          </div>
          <button type="submit">{ctx.t('common.search')}</button>
        </form>
        {list.items.length === 0
          ? <p class="empty" role="status">{props.q ? tx(ctx, `没有找到与“${props.q}”相关的答复。`, `No answers found for “${props.q}”.`) : ctx.t('common.empty')}</p>
          : list.items.map((q) => <QuestionCard ctx={ctx} agency={agency} q={q} link />)}
        <Pager ctx={ctx} page={list.page} pageSize={list.pageSize} total={list.total} />
      </section>
    </EducationLayout>
  );
}

export function AskFormPage({ ctx, agency, form, answerDays }: { ctx: PageContext; agency: PortalAgency; form: FormState; answerDays: number }) {
  const title = tx(ctx, '我要咨询', 'Ask a question');
  const v = form.values;
  const err = form.errors;
  const described = (id: string, hint?: boolean) => [hint ? `${id}-hint` : '', err[id.replace(/^ask-/, '')] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const Err = ({ name }: { name: string }) => (err[name] ? <p class="field-error" id={`ask-${name}-error`}>{err[name]}</p> : null);
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} column="ask">
      <h1>{title}</h1>
      <p>{tx(ctx, `请如实填写。工作人员将在 ${answerDays} 个工作日内答复；答复可能在本网站公开，公开时不显示您的姓名和联系方式。`, `Staff answer within ${answerDays} working days. Answers may be published without your name or contact details.`)}</p>
      <FormErrors ctx={ctx} form={form} idPrefix="ask" />
      <form method="post" action={askPath(agency.code)} class="ask-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="form-row">
          <label for="ask-category">{tx(ctx, '咨询类别', 'Category')}<span class="required" aria-hidden="true"> *</span></label>
          <p class="hint" id="ask-category-hint">{tx(ctx, '对本机关政府信息公开工作的意见建议，请选择“政府信息公开意见”。', 'For opinions on this agency\'s information disclosure work, choose “Opinions on information disclosure”.')}</p>
          <select id="ask-category" name="category" required aria-describedby={described('ask-category', true)} aria-invalid={err.category ? 'true' : undefined}>
            <option value="">{tx(ctx, '请选择', 'Choose')}</option>
            {QUESTION_CATEGORIES.map((c) => <option value={c} selected={v.category === c}>{label(ctx, QUESTION_CATEGORY_LABELS[c])}</option>)}
          </select>
          <Err name="category" />
        </div>
        <div class="form-row">
          <label for="ask-subject">{tx(ctx, '标题', 'Subject')}<span class="required" aria-hidden="true"> *</span></label>
          <input id="ask-subject" name="subject" type="text" maxLength={100} value={v.subject ?? ''} required aria-describedby={described('ask-subject')} aria-invalid={err.subject ? 'true' : undefined} />
          <Err name="subject" />
        </div>
        <div class="form-row">
          <label for="ask-body">{tx(ctx, '咨询内容', 'Your question')}<span class="required" aria-hidden="true"> *</span></label>
          <textarea id="ask-body" name="body" rows={8} maxLength={5000} required aria-describedby={described('ask-body')} aria-invalid={err.body ? 'true' : undefined}>{v.body ?? ''}</textarea>
          <Err name="body" />
        </div>
        <SuggestBox ctx={ctx} agencyCode={agency.code} form="ask" inputs={['ask-subject', 'ask-body']} />{/* issue 8: "这是否是您要找的信息？" while typing */}
        <fieldset class="ask-contact">
          <legend>{tx(ctx, '联系方式（仅供工作人员联系您，不会公开）', 'Contact (for staff only, never published)')}</legend>
          <div class="form-row">
            <label for="ask-name">{tx(ctx, '姓名或称呼', 'Name')}</label>
            <input id="ask-name" name="name" type="text" maxLength={50} autocomplete="name" value={v.name ?? ''} aria-describedby={described('ask-name')} aria-invalid={err.name ? 'true' : undefined} />
            <Err name="name" />
          </div>
          <div class="form-row">
            <label for="ask-phone">{tx(ctx, '联系电话', 'Phone')}</label>
            <p class="hint" id="ask-phone-hint">{tx(ctx, '联系电话和电子邮箱至少填写一项。', 'Give a phone number or an e-mail address.')}</p>
            <input id="ask-phone" name="phone" type="tel" maxLength={20} autocomplete="tel" value={v.phone ?? ''} aria-describedby={described('ask-phone', true)} aria-invalid={err.phone ? 'true' : undefined} />
            <Err name="phone" />
          </div>
          <div class="form-row">
            <label for="ask-email">{tx(ctx, '电子邮箱', 'E-mail')}</label>
            <input id="ask-email" name="email" type="email" maxLength={200} autocomplete="email" value={v.email ?? ''} aria-describedby={described('ask-email')} aria-invalid={err.email ? 'true' : undefined} />
            <Err name="email" />
          </div>
        </fieldset>
        <div class="form-row form-check">
          <input id="ask-private" type="checkbox" name="keepPrivate" value="1" checked={v.keepPrivate === '1'} />
          <label for="ask-private">{tx(ctx, '不公开我的咨询（仅答复本人，不在网站公开）', 'Do not publish my question (answer me only)')}</label>
        </div>
        <button type="submit" class="primary">{ctx.t('common.submit')}</button>
      </form>
    </EducationLayout>
  );
}

export function AskReceiptPage({ ctx, agency, receipt }: { ctx: PageContext; agency: PortalAgency; receipt: SubmittedQuestion }) {
  const title = tx(ctx, '咨询已提交', 'Question received');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} column="ask">
      <h1>{title}</h1>
      <div class="notice notice-ok" role="status">
        <p>{tx(ctx, '您的查询码是：', 'Your tracking code:')}<strong class="edu-tracking-code">{formatTrackingCode(receipt.code)}</strong></p>
        <p>{tx(ctx, '请记下或截图保存查询码，凭它查看答复。查询码丢失后无法找回。', 'Keep this code: it is the only way to see the answer.')}</p>
      </div>
      <dl class="meta-list">
        <dt>{tx(ctx, '受理日期', 'Received')}</dt><dd><time dateTime={receipt.receivedOn}>{formatDate(receipt.receivedOn, ctx.lang)}</time></dd>
        <dt>{tx(ctx, '答复期限', 'Answer due by')}</dt>
        <dd><time dateTime={receipt.dueOn}>{formatDate(receipt.dueOn, ctx.lang)}</time>{tx(ctx, `（${receipt.answerDays} 个工作日内）`, ` (within ${receipt.answerDays} working days)`)}{receipt.provisional && tx(ctx, '（节假日安排尚未公布，日期可能调整）', ' (holidays not yet announced; may change)')}</dd>
      </dl>
      <p><a href={askPath(agency.code)}>{tx(ctx, '返回在线咨询', 'Back to online consultation')}</a></p>
    </EducationLayout>
  );
}

const STATUS_TEXT: Record<TrackedQuestion['status'], { zh: string; en: string }> = {
  pending: { zh: '办理中', en: 'Being answered' },
  answered: { zh: '已答复', en: 'Answered' },
  discarded: { zh: '不予答复（无效咨询）', en: 'Not answered (invalid)' },
};

export function AskTrackPage({ ctx, agency, q }: { ctx: PageContext; agency: PortalAgency; q: TrackedQuestion }) {
  const title = tx(ctx, '咨询办理情况', 'Your question');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} column="ask">
      <h1>{title}</h1>
      <dl class="meta-list">
        <dt>{tx(ctx, '查询码', 'Code')}</dt><dd>{formatTrackingCode(q.code)}</dd>
        <dt>{tx(ctx, '状态', 'Status')}</dt><dd>{label(ctx, STATUS_TEXT[q.status])}</dd>
        <dt>{tx(ctx, '类别', 'Category')}</dt><dd>{label(ctx, QUESTION_CATEGORY_LABELS[q.category])}</dd>
        <dt>{tx(ctx, '受理日期', 'Received')}</dt><dd><time dateTime={q.receivedOn}>{formatDate(q.receivedOn, ctx.lang)}</time></dd>
        <dt>{tx(ctx, '答复期限', 'Due by')}</dt><dd><time dateTime={q.dueOn}>{formatDate(q.dueOn, ctx.lang)}</time></dd>
        {q.answeredOn && <><dt>{tx(ctx, '答复日期', 'Answered')}</dt><dd><time dateTime={q.answeredOn}>{formatDate(q.answeredOn, ctx.lang)}</time></dd></>}
      </dl>
      <section aria-labelledby="track-q"><h2 id="track-q">{q.subject}</h2><Paragraphs text={q.body} /></section>
      {q.status === 'answered' && (
        <section aria-labelledby="track-a">
          <h2 id="track-a">{tx(ctx, '答复', 'Answer')}{q.answerDepartment && tx(ctx, `（${q.answerDepartment}）`, ` (${q.answerDepartment})`)}</h2>
          <Paragraphs text={q.answer} />
          {q.publicId !== null && <p><a href={askPath(agency.code, `/${q.publicId}`)}>{tx(ctx, '该咨询已在网站公开', 'Published on the website')}</a></p>}
        </section>
      )}
    </EducationLayout>
  );
}

export function AskTrackFormPage({ ctx, agency, error }: { ctx: PageContext; agency: PortalAgency; error: string }) {
  const title = tx(ctx, '查询答复', 'Follow your question');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} column="ask">
      <h1>{title}</h1>
      <form method="post" action={askPath(agency.code, '/track')}>
        <CsrfField ctx={ctx} />
        <div class="form-row">
          <label for="track-code">{tx(ctx, '查询码', 'Tracking code')}</label>
          <input id="track-code" name="code" type="text" autocomplete="off" maxLength={40} required aria-invalid="true" aria-describedby="track-code-error" />
          <p class="field-error" id="track-code-error">{error}</p>
        </div>
        <button type="submit" class="primary">{tx(ctx, '查询', 'Look up')}</button>
      </form>
    </EducationLayout>
  );
}

export function AskDetailPage({ ctx, agency, q }: { ctx: PageContext; agency: PortalAgency; q: PublicQuestion }) {
  return (
    <EducationLayout ctx={ctx} agency={agency} title={q.subject} column="ask">
      <h1>{q.subject}</h1>
      <QuestionCard ctx={ctx} agency={agency} q={{ ...q, subject: tx(ctx, '咨询与答复', 'Question and answer') }} link={false} />
      <p><a href={askPath(agency.code)}>{tx(ctx, '返回在线咨询', 'Back to online consultation')}</a></p>
    </EducationLayout>
  );
}
