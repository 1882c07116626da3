// Console pages of the online consultation: the inbox (pending, due soon, overdue, answered,
// discarded) and one question with its answer, publication and discard forms.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { formatTrackingCode } from '../../domain/tracking-code.ts';
import { QUESTION_CATEGORY_LABELS } from '../../domain/education-terms.ts';
import type { InboxFilter, StaffQuestionDetail, StaffQuestionRow } from '../../services/question.service.ts';
import { DoneNotice, FormMessage, TextArea, TextInput, type FormState } from './education-console-common.tsx';
import { Paragraphs } from './education-common.tsx';

const FILTERS: [InboxFilter, string][] = [
  ['pending', '待答复'],
  ['due_soon', '即将到期'],
  ['overdue', '已逾期'],
  ['answered', '已答复'],
  ['discarded', '无效咨询'],
];

export function DueBadge({ row }: { row: Pick<StaffQuestionRow, 'state' | 'workingDaysLeft'> }) {
  switch (row.state) {
    case 'overdue':
      return <span class="badge badge-danger">已逾期 {-row.workingDaysLeft} 个工作日</span>;
    case 'due_soon':
      return <span class="badge badge-warn">{row.workingDaysLeft === 0 ? '今日到期' : `剩余 ${row.workingDaysLeft} 个工作日`}</span>;
    case 'on_time':
      return <span class="badge">剩余 {row.workingDaysLeft} 个工作日</span>;
    case 'answered':
      return <span class="badge badge-ok">已答复</span>;
    case 'discarded':
      return <span class="badge">无效</span>;
  }
}

export function QuestionInboxConsole(props: {
  ctx: PageContext; filter: InboxFilter; rows: StaffQuestionRow[]; counts: Record<'pending' | 'due_soon' | 'overdue', number>;
  answerDays: number; canConfigure: boolean; settingsForm: FormState; done?: string | null;
}) {
  const { ctx, filter, rows, counts } = props;
  const countOf = (f: InboxFilter) => (f === 'pending' || f === 'due_soon' || f === 'overdue' ? ` (${counts[f]})` : '');
  return (
    <ConsoleLayout ctx={ctx} title="在线咨询">
      <h1>在线咨询</h1>
      <DoneNotice text={props.done} />
      <p>答复时限：受理之日起 {props.answerDays} 个工作日。</p>
      <nav aria-label="咨询列表筛选" class="tabs">
        <ul>
          {FILTERS.map(([f, label]) => <li><a href={`/console/questions?filter=${f}`} aria-current={f === filter ? 'page' : undefined}>{label}{countOf(f)}</a></li>)}
        </ul>
      </nav>
      {rows.length === 0 ? <p class="empty">没有咨询。</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">标题</th><th scope="col">类别</th><th scope="col">受理日期</th><th scope="col">答复期限</th><th scope="col">状态</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row"><a href={`/console/questions/${r.id}`}>{r.subject}</a>{r.keepPrivate && <span class="badge">不公开</span>}{r.published && <span class="badge badge-ok">已公开</span>}</th>
                <td>{QUESTION_CATEGORY_LABELS[r.category].zh}</td>
                <td>{formatDate(r.receivedOn)}</td>
                <td>{formatDate(r.dueOn)}{r.provisional && '（暂定）'}</td>
                <td><DueBadge row={r} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canConfigure && (
        <section aria-labelledby="answer-days" class="card">
          <h2 id="answer-days">答复时限设置</h2>
          <FormMessage form={props.settingsForm} />
          <form method="post" action="/console/questions/settings">
            <CsrfField ctx={ctx} />
            <TextInput form={props.settingsForm} name="days" label="答复时限（工作日）" type="number" hint="新提交的咨询按此时限计算答复期限；已受理的咨询不变。" />
            <button type="submit" class="primary">保存</button>
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
      <p><a href="/console/questions">返回咨询列表</a></p>
      <DoneNotice text={props.done} />
      <table class="meta-table">
        <tbody>
          <tr><th scope="row">查询码</th><td>{formatTrackingCode(q.code)}</td></tr>
          <tr><th scope="row">类别</th><td>{QUESTION_CATEGORY_LABELS[q.category].zh}</td></tr>
          <tr><th scope="row">提交时间</th><td>{formatDateTime(q.submittedAt)}</td></tr>
          <tr><th scope="row">答复期限</th><td>{formatDate(q.dueOn)}{q.provisional && '（暂定）'} <DueBadge row={q} /></td></tr>
          <tr><th scope="row">提问人</th><td>{q.askerName || '（未填写）'}</td></tr>
          <tr><th scope="row">联系电话</th><td>{q.phone || '—'}</td></tr>
          <tr><th scope="row">电子邮箱</th><td>{q.email || '—'}</td></tr>
          <tr><th scope="row">是否同意公开</th><td>{q.keepPrivate ? '提问人要求不公开' : '可公开（去除个人信息）'}</td></tr>
          <tr><th scope="row">公开状态</th><td>{q.published ? '已在网站公开' : '未公开'}</td></tr>
        </tbody>
      </table>
      <section aria-labelledby="q-body"><h2 id="q-body">咨询内容</h2><Paragraphs text={q.body} class="card" /></section>

      {q.canAnswer && (
        <section aria-labelledby="q-answer" class="card">
          <h2 id="q-answer">{q.status === 'answered' ? `答复（${q.answeredOn ? formatDate(q.answeredOn) : ''}）` : '答复'}</h2>
          <FormMessage form={props.answerForm} />
          <form method="post" action={`${base}/answer`}>
            <CsrfField ctx={ctx} />
            <TextArea form={props.answerForm} name="answer" label="答复内容" rows={8} required />
            <TextInput form={props.answerForm} name="department" label="答复单位" hint="如：基础教育股" maxLength={100} />
            <button type="submit" class="primary">{q.status === 'answered' ? '修改答复' : '提交答复'}</button>
          </form>
        </section>
      )}
      {!q.canAnswer && q.status === 'answered' && (
        <section aria-labelledby="q-answer-ro"><h2 id="q-answer-ro">答复</h2><Paragraphs text={q.answer} class="card" /></section>
      )}

      {q.canPublish && (
        <section aria-labelledby="q-publish" class="card">
          <h2 id="q-publish">{q.published ? '公开内容' : '在网站公开'}</h2>
          <p>公开时只显示下列标题和内容、答复及日期，不显示提问人的姓名和联系方式。内容中的身份证号、电话等已自动遮盖，请再核对一遍。</p>
          <FormMessage form={props.publishForm} />
          <form method="post" action={`${base}/publish`}>
            <CsrfField ctx={ctx} />
            <TextInput form={props.publishForm} name="publicSubject" label="公开标题" required maxLength={100} />
            <TextArea form={props.publishForm} name="publicBody" label="公开的咨询内容" rows={6} required />
            <button type="submit" class="primary">{q.published ? '更新公开内容' : '公开'}</button>
          </form>
          {q.published && (
            <form method="post" action={`${base}/unpublish`} class="inline-actions">
              <CsrfField ctx={ctx} />
              <button type="submit">撤回公开</button>
            </form>
          )}
        </section>
      )}

      {q.status === 'pending' && (
        <section aria-labelledby="q-discard" class="card">
          <h2 id="q-discard">作无效处理</h2>
          <p>重复提交、与本机关职责无关或含有违法内容的咨询，可作无效处理（须公开办或负责人操作）。</p>
          <FormMessage form={props.discardForm} />
          <form method="post" action={`${base}/discard`}>
            <CsrfField ctx={ctx} />
            <TextInput form={props.discardForm} name="reason" label="原因" required maxLength={200} />
            <button type="submit">作无效处理</button>
          </form>
        </section>
      )}
    </ConsoleLayout>
  );
}
