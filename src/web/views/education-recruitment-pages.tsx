// Teacher recruitment: public list (current and archive), one posting with quotas, procedure and
// result publicity; console list and editor.
import type { PageContext } from '../render.tsx';
import type { PortalAgency } from './layout.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import { RECRUITMENT_STEPS, RECRUITMENT_STEP_LABELS } from '../../domain/education-terms.ts';
import type { RecruitmentPhase, RecruitmentView } from '../../services/recruitment.service.ts';
import { DateRange, DocLink, EducationLayout, Paragraphs, Timeline, educationPath, label, sectionTitle } from './education-common.tsx';
import { tx } from '../i18n/index.ts';
import { DoneNotice, FormMessage, TextArea, TextInput, type FormState } from './education-console-common.tsx';

const PHASES: Record<RecruitmentPhase, { zh: string; en: string; badge: string }> = {
  draft: { zh: '草稿', en: 'Draft', badge: '' },
  upcoming: { zh: '即将开始', en: 'Upcoming', badge: '' },
  in_progress: { zh: '进行中', en: 'In progress', badge: 'badge-warn' },
  publicity: { zh: '结果公示中', en: 'Results under public notice', badge: 'badge-warn' },
  publicity_ended: { zh: '公示期满', en: 'Public notice ended', badge: 'badge-ok' },
  archived: { zh: '已结束', en: 'Closed', badge: '' },
};

export function PhaseBadge({ ctx, phase }: { ctx: PageContext; phase: RecruitmentPhase }) {
  const p = PHASES[phase];
  return <span class={`badge ${p.badge}`}>{label(ctx, p)}</span>;
}

const recPath = (code: string, sub = '') => educationPath(code, `/recruitment${sub}`);

function RecruitmentList({ ctx, agency, list }: { ctx: PageContext; agency: PortalAgency; list: RecruitmentView[] }) {
  return (
    <ul class="item-list">
      {list.map((r) => (
        <li>
          <a href={recPath(agency.code, `/${r.id}`)}>{r.title}</a> <PhaseBadge ctx={ctx} phase={r.phase} />
          <p class="muted">{tx(ctx, `${r.year}年 · 招聘 ${r.totalQuota} 人`, `${r.year} · ${r.totalQuota} posts`)}</p>
        </li>
      ))}
    </ul>
  );
}

export function RecruitmentIndexPage({ ctx, agency, current, archive }: { ctx: PageContext; agency: PortalAgency; current: RecruitmentView[]; archive: RecruitmentView[] }) {
  const title = sectionTitle(ctx, 'recruitment');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="recruitment">
      <h1>{title}</h1>
      <section aria-labelledby="rec-current">
        <h2 id="rec-current">{tx(ctx, '正在进行的招聘', 'Current recruitment')}</h2>
        {current.length === 0 ? <p class="empty">{tx(ctx, '目前没有正在进行的招聘。', 'No recruitment under way.')}</p> : <RecruitmentList ctx={ctx} agency={agency} list={current} />}
      </section>
      <section aria-labelledby="rec-archive">
        <h2 id="rec-archive">{tx(ctx, '往期招聘', 'Archive')}</h2>
        {archive.length === 0 ? <p class="empty">{ctx.t('common.empty')}</p> : <RecruitmentList ctx={ctx} agency={agency} list={archive} />}
      </section>
    </EducationLayout>
  );
}

export function RecruitmentPage({ ctx, agency, r, today }: { ctx: PageContext; agency: PortalAgency; r: RecruitmentView; today: string }) {
  return (
    <EducationLayout ctx={ctx} agency={agency} title={r.title} section="recruitment">
      <h1>{r.title}</h1>
      <p><PhaseBadge ctx={ctx} phase={r.phase} /> {r.documentRef && <DocLink ctx={ctx} agencyCode={agency.code} indexNumber={r.documentRef} text={tx(ctx, '招聘公告原文', 'Full announcement')} />}</p>
      <Paragraphs text={r.summary} />
      <section aria-labelledby="rec-quotas">
        <h2 id="rec-quotas">{tx(ctx, `岗位计划（共 ${r.totalQuota} 人）`, `Posts (${r.totalQuota} in all)`)}</h2>
        <table class="data-table">
          <thead><tr><th scope="col">{tx(ctx, '学校', 'School')}</th><th scope="col">{tx(ctx, '学科', 'Subject')}</th><th scope="col">{tx(ctx, '人数', 'Posts')}</th><th scope="col">{tx(ctx, '岗位要求', 'Requirements')}</th></tr></thead>
          <tbody>
            {r.quotas.map((q) => <tr><th scope="row">{q.schoolName}</th><td>{q.subject}</td><td class="num">{q.count}</td><td>{q.requirements}</td></tr>)}
          </tbody>
          <tfoot><tr><th scope="row">{tx(ctx, '合计', 'Total')}</th><td></td><td class="num">{r.totalQuota}</td><td></td></tr></tfoot>
        </table>
      </section>
      {r.requirements && <section aria-labelledby="rec-req"><h2 id="rec-req">{tx(ctx, '报考条件', 'Eligibility')}</h2><Paragraphs text={r.requirements} /></section>}
      <section aria-labelledby="rec-steps">
        <h2 id="rec-steps">{tx(ctx, '招聘程序', 'Procedure')}</h2>
        <Timeline ctx={ctx} today={today} labelledBy="rec-steps" steps={r.steps.map((s) => ({ title: label(ctx, RECRUITMENT_STEP_LABELS[s.step]), from: s.startsOn, to: s.endsOn, detail: s.note ? <p>{s.note}</p> : undefined }))} />
      </section>
      {r.publicityEndsOn && (
        <section aria-labelledby="rec-results">
          <h2 id="rec-results">{tx(ctx, '拟聘用人员公示', 'Candidates to be hired (public notice)')}</h2>
          <p>
            {tx(ctx, '公示期：', 'Public notice period: ')}<DateRange ctx={ctx} from={r.publicityStartsOn ?? r.publicityEndsOn} to={r.publicityEndsOn} />
            {r.phase === 'publicity' && tx(ctx, '。公示期内如有异议，请向市教育局人事股反映。', '. Objections may be raised with the bureau during this period.')}
          </p>
          <Paragraphs text={r.resultsNote} />
          <table class="data-table">
            <thead><tr><th scope="col">{tx(ctx, '姓名', 'Name')}</th><th scope="col">{tx(ctx, '拟聘学校', 'School')}</th><th scope="col">{tx(ctx, '学科', 'Subject')}</th><th scope="col">{tx(ctx, '综合成绩', 'Score')}</th><th scope="col">{tx(ctx, '备注', 'Note')}</th></tr></thead>
            <tbody>{r.results.map((x) => <tr><th scope="row">{x.candidateName}</th><td>{x.schoolName}</td><td>{x.subject}</td><td class="num">{x.score}</td><td>{x.note}</td></tr>)}</tbody>
          </table>
          {r.resultsDocumentRef && <p><DocLink ctx={ctx} agencyCode={agency.code} indexNumber={r.resultsDocumentRef} text={tx(ctx, '公示文件', 'Notice')} /></p>}
        </section>
      )}
      <p><a href={recPath(agency.code)}>{tx(ctx, '返回教师招聘', 'Back to recruitment')}</a></p>
    </EducationLayout>
  );
}

// ---------- console ----------

export function recruitmentForm(r?: RecruitmentView): Record<string, string> {
  if (!r) return { year: String(new Date().getFullYear()) };
  const v: Record<string, string> = {
    year: String(r.year), title: r.title, summary: r.summary, requirements: r.requirements, documentRef: r.documentRef ?? '',
    quotasText: r.quotas.map((q) => [q.schoolName, q.subject, q.count, q.requirements].join('｜')).join('\n'),
  };
  for (const s of r.steps) {
    v[`${s.step}.startsOn`] = s.startsOn;
    v[`${s.step}.endsOn`] = s.endsOn ?? '';
    v[`${s.step}.note`] = s.note;
  }
  return v;
}

export function resultsForm(r: RecruitmentView): Record<string, string> {
  return {
    text: r.results.map((x) => [x.candidateName, x.schoolName, x.subject, x.score, x.note].join('｜')).join('\n'),
    publicityStartsOn: r.publicityStartsOn ?? '', publicityEndsOn: r.publicityEndsOn ?? '', note: r.resultsNote, documentRef: r.resultsDocumentRef ?? '',
  };
}

function RecruitmentFields({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const dateCell = (step: string, k: 'startsOn' | 'endsOn' | 'note', text: string) => {
    const name = `${step}.${k}`;
    const id = `f-${step}-${k}`;
    return (
      <td>
        <label for={id} class="visually-hidden">{text}</label>
        <input id={id} name={name} type={k === 'note' ? 'text' : 'date'} value={form.values[name] ?? ''} aria-invalid={form.errors[name] ? 'true' : undefined} />
      </td>
    );
  };
  return (
    <>
      <TextInput form={form} name="year" label={tx(ctx, '年度', 'Year')} type="number" required />
      <TextInput form={form} name="title" label={tx(ctx, '公告标题', 'Title of the announcement')} required maxLength={300} />
      <TextArea form={form} name="summary" label={tx(ctx, '公告摘要', 'Summary')} rows={4} />
      <TextArea form={form} name="requirements" label={tx(ctx, '报考条件', 'Eligibility')} rows={4} />
      <TextArea form={form} name="quotasText" label={tx(ctx, '岗位计划', 'Posts')} rows={6} hint={tx(ctx, '每行一个岗位：学校｜学科｜人数｜岗位要求，如“黔城镇第一完全小学｜语文｜2｜本科及以上，具有小学及以上教师资格”', 'One post per line: school｜subject｜number｜requirements, e.g. “黔城镇第一完全小学｜语文｜2｜本科及以上，具有小学及以上教师资格”')} />
      <table class="data-table">
        <caption>{tx(ctx, '招聘程序（未使用的环节留空）', 'Procedure (leave unused steps empty)')}</caption>
        <thead><tr><th scope="col">{tx(ctx, '环节', 'Step')}</th><th scope="col">{tx(ctx, '开始日期', 'Start date')}</th><th scope="col">{tx(ctx, '结束日期', 'End date')}</th><th scope="col">{tx(ctx, '说明', 'Note')}</th></tr></thead>
        <tbody>
          {RECRUITMENT_STEPS.map((s) => {
            const l = label(ctx, RECRUITMENT_STEP_LABELS[s]);
            return <tr><th scope="row">{l}</th>{dateCell(s, 'startsOn', tx(ctx, `${l}开始日期`, `${l}: start date`))}{dateCell(s, 'endsOn', tx(ctx, `${l}结束日期`, `${l}: end date`))}{dateCell(s, 'note', tx(ctx, `${l}说明`, `${l}: note`))}</tr>;
          })}
        </tbody>
      </table>
      <TextInput form={form} name="documentRef" label={tx(ctx, '招聘公告索引号', 'Index number of the announcement')} maxLength={100} />
    </>
  );
}

export function RecruitmentListConsole({ ctx, list, form, done }: { ctx: PageContext; list: RecruitmentView[]; form: FormState; done?: string | null }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '教师招聘', 'Teacher recruitment')}>
      <h1>{tx(ctx, '教师招聘', 'Teacher recruitment')}</h1>
      <DoneNotice text={done} />
      {list.length === 0 ? <p class="empty">{tx(ctx, '尚无招聘公告。', 'No recruitment announcements yet.')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{tx(ctx, '公告', 'Announcement')}</th><th scope="col">{tx(ctx, '年度', 'Year')}</th><th scope="col">{tx(ctx, '人数', 'Posts')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th></tr></thead>
          <tbody>{list.map((r) => <tr><th scope="row"><a href={`/console/education/recruitment/${r.id}`}>{r.title}</a></th><td>{r.year}</td><td>{r.totalQuota}</td><td><PhaseBadge ctx={ctx} phase={r.phase} /></td></tr>)}</tbody>
        </table>
      )}
      <section class="card" aria-labelledby="rec-new">
        <h2 id="rec-new">{tx(ctx, '新建招聘公告', 'New recruitment announcement')}</h2>
        <FormMessage ctx={ctx} form={form} />
        <form method="post" action="/console/education/recruitment">
          <CsrfField ctx={ctx} />
          <RecruitmentFields ctx={ctx} form={form} />
          <button type="submit" class="primary">{tx(ctx, '保存草稿', 'Save as draft')}</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

export function RecruitmentConsole(props: { ctx: PageContext; agencyCode: string; r: RecruitmentView; form: FormState; resultsForm: FormState; done?: string | null; error?: string | null }) {
  const { ctx, r } = props;
  const base = `/console/education/recruitment/${r.id}`;
  return (
    <ConsoleLayout ctx={ctx} title={r.title} active="/console/education">
      <h1>{r.title}</h1>
      <p><a href="/console/education/recruitment">{tx(ctx, '返回教师招聘', 'Back to teacher recruitment')}</a> · <PhaseBadge ctx={ctx} phase={r.phase} />
        {r.status !== 'draft' && <> · <a href={`/gk/${props.agencyCode}/education/recruitment/${r.id}`}>{tx(ctx, '查看公众页面', 'View the public page')}</a></>}</p>
      <DoneNotice text={props.done} />
      {props.error && <div class="notice notice-error" role="alert">{props.error}</div>}
      {r.status === 'draft' && (
        <form method="post" action={`${base}/publish`} class="inline-actions"><CsrfField ctx={ctx} /><button type="submit" class="primary">{tx(ctx, '发布招聘公告', 'Publish the announcement')}</button></form>
      )}
      {r.status === 'published' && (
        <form method="post" action={`${base}/close`} class="inline-actions"><CsrfField ctx={ctx} /><button type="submit">{tx(ctx, '结束并归档', 'Close and archive')}</button></form>
      )}
      {r.status !== 'closed' && (
        <section class="card" aria-labelledby="rec-edit">
          <h2 id="rec-edit">{tx(ctx, '公告内容', 'Announcement')}</h2>
          <FormMessage ctx={ctx} form={props.form} />
          <form method="post" action={base}>
            <CsrfField ctx={ctx} />
            <RecruitmentFields ctx={ctx} form={props.form} />
            <button type="submit" class="primary">{ctx.t('common.save')}</button>
          </form>
        </section>
      )}
      {r.status === 'published' && (
        <section class="card" aria-labelledby="rec-results">
          <h2 id="rec-results">{tx(ctx, '结果公示', 'Public notice of results')}</h2>
          <FormMessage ctx={ctx} form={props.resultsForm} />
          <form method="post" action={`${base}/results`}>
            <CsrfField ctx={ctx} />
            <TextArea form={props.resultsForm} name="text" label={tx(ctx, '拟聘用人员名单', 'Candidates to be hired')} rows={8} hint={tx(ctx, '每行一人：姓名｜拟聘学校｜学科｜综合成绩｜备注。不得填写身份证号码、电话等个人信息。', 'One person per line: name｜school｜subject｜overall score｜note. Do not enter ID numbers, phone numbers or other personal information.')} required />
            <TextInput form={props.resultsForm} name="publicityStartsOn" label={tx(ctx, '公示开始日期', 'Public notice starts')} type="date" required />
            <TextInput form={props.resultsForm} name="publicityEndsOn" label={tx(ctx, '公示期结束日期', 'Public notice ends')} type="date" required />
            <TextArea form={props.resultsForm} name="note" label={tx(ctx, '公示说明', 'Note on the notice')} rows={2} />
            <TextInput form={props.resultsForm} name="documentRef" label={tx(ctx, '公示文件索引号', 'Index number of the notice')} maxLength={100} />
            <button type="submit" class="primary">{tx(ctx, '发布结果公示', 'Publish the results')}</button>
          </form>
        </section>
      )}
      {r.status === 'closed' && <p>{tx(ctx, `该招聘已于 ${r.closedAt ? formatDate(r.closedAt.slice(0, 10)) : ''} 归档，内容不可修改。`, `This recruitment was archived${r.closedAt ? ` on ${formatDate(r.closedAt.slice(0, 10), 'en')}` : ''} and can no longer be changed.`)}</p>}
    </ConsoleLayout>
  );
}
