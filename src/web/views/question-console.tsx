// Console pages of the online consultation: the inbox (pending, due soon, overdue, answered,
// discarded) and one question with its answer, publication and discard forms.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { tx } from '../i18n/index.ts';
import { formatTrackingCode } from '../../domain/tracking-code.ts';
import { QUESTION_CATEGORY_LABELS } from '../../domain/education-terms.ts';
import type { InboxFilter, StaffQuestionDetail, StaffQuestionRow } from '../../services/question.service.ts';
import { DoneNotice, FormMessage, TextArea, TextInput, type FormState } from './education-console-common.tsx';
import { label, Paragraphs } from './education-common.tsx';

const FILTERS: [InboxFilter, { zh: string; en: string }][] = [
  ['pending', { zh: '待答复', en: 'Awaiting answer' }],
  ['due_soon', { zh: '即将到期', en: 'Due soon' }],
  ['overdue', { zh: '已逾期', en: 'Overdue' }],
  ['answered', { zh: '已答复', en: 'Answered' }],
  ['discarded', { zh: '无效咨询', en: 'Discarded' }],
];

export function DueBadge({ ctx, row }: { ctx: PageContext; row: Pick<StaffQuestionRow, 'state' | 'workingDaysLeft'> }) {
  const left = row.workingDaysLeft;
  switch (row.state) {
    case 'overdue':
      return <span class="badge badge-danger">{tx(ctx, `已逾期 ${-left} 个工作日`, `Overdue by ${-left} working day(s)`)}</span>;
    case 'due_soon':
      return <span class="badge badge-warn">{left === 0 ? tx(ctx, '今日到期', 'Due today') : tx(ctx, `剩余 ${left} 个工作日`, `${left} working day(s) left`)}</span>;
    case 'on_time':
      return <span class="badge">{tx(ctx, `剩余 ${left} 个工作日`, `${left} working day(s) left`)}</span>;
    case 'answered':
      return <span class="badge badge-ok">{tx(ctx, '已答复', 'Answered')}</span>;
    case 'discarded':
      return <span class="badge">{tx(ctx, '无效', 'Discarded')}</span>;
  }
}

export function QuestionInboxConsole(props: {
  ctx: PageContext; filter: InboxFilter; rows: StaffQuestionRow[]; counts: Record<'pending' | 'due_soon' | 'overdue', number>;
  answerDays: number; canConfigure: boolean; settingsForm: FormState; done?: string | null;
}) {
  const { ctx, filter, rows, counts } = props;
  const countOf = (f: InboxFilter) => (f === 'pending' || f === 'due_soon' || f === 'overdue' ? ` (${counts[f]})` : '');
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '在线咨询', 'Online consultation')}>
      <h1>{tx(ctx, '在线咨询', 'Online consultation')}</h1>
      <DoneNotice text={props.done} />
      <p>{tx(ctx, `答复时限：受理之日起 ${props.answerDays} 个工作日。`, `Time limit for answers: ${props.answerDays} working days from receipt.`)}</p>
      <nav aria-label={tx(ctx, '咨询列表筛选', 'Filter questions')} class="tabs">
        <ul>
          {FILTERS.map(([f, text]) => <li><a href={`/console/questions?filter=${f}`} aria-current={f === filter ? 'page' : undefined}>{label(ctx, text)}{countOf(f)}</a></li>)}
        </ul>
      </nav>
      {rows.length === 0 ? <p class="empty">{tx(ctx, '没有咨询。', 'No questions.')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{tx(ctx, '标题', 'Subject')}</th><th scope="col">{tx(ctx, '类别', 'Category')}</th><th scope="col">{tx(ctx, '受理日期', 'Received')}</th><th scope="col">{tx(ctx, '答复期限', 'Answer due')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row"><a href={`/console/questions/${r.id}`}>{r.subject}</a>{r.keepPrivate && <span class="badge">{tx(ctx, '不公开', 'Private')}</span>}{r.published && <span class="badge badge-ok">{tx(ctx, '已公开', 'Published')}</span>}</th>
                <td>{label(ctx, QUESTION_CATEGORY_LABELS[r.category])}</td>
                <td>{formatDate(r.receivedOn, ctx.lang)}</td>
                <td>{formatDate(r.dueOn, ctx.lang)}{r.provisional && tx(ctx, '（暂定）', ' (provisional)')}</td>
                <td><DueBadge ctx={ctx} row={r} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canConfigure && (
        <section aria-labelledby="answer-days" class="card">
          <h2 id="answer-days">{tx(ctx, '答复时限设置', 'Time limit for answers')}</h2>
          <FormMessage ctx={ctx} form={props.settingsForm} />
          <form method="post" action="/console/questions/settings">
            <CsrfField ctx={ctx} />
            <TextInput form={props.settingsForm} name="days" label={tx(ctx, '答复时限（工作日）', 'Time limit (working days)')} type="number" hint={tx(ctx, '新提交的咨询按此时限计算答复期限；已受理的咨询不变。', 'Applies to questions submitted from now on; questions already received keep their due date.')} />
            <button type="submit" class="primary">{ctx.t('common.save')}</button>
          </form>
        </section>
      )}
    </ConsoleLayout>
  );
}

export function QuestionDetailConsole(props: {
  ctx: PageContext; q: StaffQuestionDetail; answerForm: FormState; publishForm: FormState; discardForm: FormState; done?: string | null;
}) {
  const { ctx, q } = props;
  const base = `/console/questions/${q.id}`;
  return (
    <ConsoleLayout ctx={ctx} title={q.subject} active="/console/questions">
      <h1>{q.subject}</h1>
      <p><a href="/console/questions">{tx(ctx, '返回咨询列表', 'Back to the questions')}</a></p>
      <DoneNotice text={props.done} />
      <table class="meta-table">
        <tbody>
          <tr><th scope="row">{tx(ctx, '查询码', 'Tracking code')}</th><td>{formatTrackingCode(q.code)}</td></tr>
          <tr><th scope="row">{tx(ctx, '类别', 'Category')}</th><td>{label(ctx, QUESTION_CATEGORY_LABELS[q.category])}</td></tr>
          <tr><th scope="row">{tx(ctx, '提交时间', 'Submitted')}</th><td>{formatDateTime(q.submittedAt, ctx.lang)}</td></tr>
          <tr><th scope="row">{tx(ctx, '答复期限', 'Answer due')}</th><td>{formatDate(q.dueOn, ctx.lang)}{q.provisional && tx(ctx, '（暂定）', ' (provisional)')} <DueBadge ctx={ctx} row={q} /></td></tr>
          <tr><th scope="row">{tx(ctx, '提问人', 'Asked by')}</th><td>{q.askerName || tx(ctx, '（未填写）', '(not given)')}</td></tr>
          <tr><th scope="row">{tx(ctx, '联系电话', 'Phone')}</th><td>{q.phone || '—'}</td></tr>
          <tr><th scope="row">{tx(ctx, '电子邮箱', 'Email')}</th><td>{q.email || '—'}</td></tr>
          <tr><th scope="row">{tx(ctx, '是否同意公开', 'May be published')}</th><td>{q.keepPrivate ? tx(ctx, '提问人要求不公开', 'No: the asker asked to keep it private') : tx(ctx, '可公开（去除个人信息）', 'Yes (without personal information)')}</td></tr>
          <tr><th scope="row">{tx(ctx, '公开状态', 'Publication')}</th><td>{q.published ? tx(ctx, '已在网站公开', 'Published on the website') : tx(ctx, '未公开', 'Not published')}</td></tr>
        </tbody>
      </table>
      <section aria-labelledby="q-body"><h2 id="q-body">{tx(ctx, '咨询内容', 'Question')}</h2><Paragraphs text={q.body} class="card" /></section>

      {q.canAnswer && (
        <section aria-labelledby="q-answer" class="card">
          <h2 id="q-answer">{q.status === 'answered'
            ? tx(ctx, `答复（${q.answeredOn ? formatDate(q.answeredOn) : ''}）`, `Answer (${q.answeredOn ? formatDate(q.answeredOn, 'en') : ''})`)
            : tx(ctx, '答复', 'Answer')}</h2>
          <FormMessage ctx={ctx} form={props.answerForm} />
          <form method="post" action={`${base}/answer`}>
            <CsrfField ctx={ctx} />
            <TextArea form={props.answerForm} name="answer" label={tx(ctx, '答复内容', 'Answer')} rows={8} required />
            <TextInput form={props.answerForm} name="department" label={tx(ctx, '答复单位', 'Answered by (unit)')} hint={tx(ctx, '如：基础教育股', 'E.g. 基础教育股 (basic education section)')} maxLength={100} />
            <button type="submit" class="primary">{q.status === 'answered' ? tx(ctx, '修改答复', 'Change the answer') : tx(ctx, '提交答复', 'Submit the answer')}</button>
          </form>
        </section>
      )}
      {!q.canAnswer && q.status === 'answered' && (
        <section aria-labelledby="q-answer-ro"><h2 id="q-answer-ro">{tx(ctx, '答复', 'Answer')}</h2><Paragraphs text={q.answer} class="card" /></section>
      )}

      {q.canPublish && (
        <section aria-labelledby="q-publish" class="card">
          <h2 id="q-publish">{q.published ? tx(ctx, '公开内容', 'Published text') : tx(ctx, '在网站公开', 'Publish on the website')}</h2>
          <p>{tx(ctx, '公开时只显示下列标题和内容、答复及日期，不显示提问人的姓名和联系方式。内容中的身份证号、电话等已自动遮盖，请再核对一遍。', 'Only the subject and text below, the answer and its date are published, never the asker\'s name or contact details. ID numbers, phone numbers and the like in the text have been masked automatically; please check it once more.')}</p>
          <FormMessage ctx={ctx} form={props.publishForm} />
          <form method="post" action={`${base}/publish`}>
            <CsrfField ctx={ctx} />
            <TextInput form={props.publishForm} name="publicSubject" label={tx(ctx, '公开标题', 'Published subject')} required maxLength={100} />
            <TextArea form={props.publishForm} name="publicBody" label={tx(ctx, '公开的咨询内容', 'Published question text')} rows={6} required />
            <button type="submit" class="primary">{q.published ? tx(ctx, '更新公开内容', 'Update the published text') : tx(ctx, '公开', 'Publish')}</button>
          </form>
          {q.published && (
            <form method="post" action={`${base}/unpublish`} class="inline-actions">
              <CsrfField ctx={ctx} />
              <button type="submit">{tx(ctx, '撤回公开', 'Withdraw from the website')}</button>
            </form>
          )}
        </section>
      )}

      {q.status === 'pending' && (
        <section aria-labelledby="q-discard" class="card">
          <h2 id="q-discard">{tx(ctx, '作无效处理', 'Discard')}</h2>
          <p>{tx(ctx, '重复提交、与本机关职责无关或含有违法内容的咨询，可作无效处理（须公开办或负责人操作）。', 'A question submitted twice, outside this agency\'s remit or with unlawful content may be discarded (by the disclosure office or the head).')}</p>
          <FormMessage ctx={ctx} form={props.discardForm} />
          <form method="post" action={`${base}/discard`}>
            <CsrfField ctx={ctx} />
            <TextInput form={props.discardForm} name="reason" label={tx(ctx, '原因', 'Reason')} required maxLength={200} />
            <button type="submit">{tx(ctx, '作无效处理', 'Discard')}</button>
          </form>
        </section>
      )}
    </ConsoleLayout>
  );
}
