// Monthly work: the public year view and month pages, and the console editor.
import type { PageContext } from '../render.tsx';
import type { PortalAgency } from './layout.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { WORK_STATUSES, WORK_STATUS_LABELS, type WorkStatus } from '../../domain/education-terms.ts';
import type { MonthlyItemView, MonthlyReportView } from '../../services/monthly-work.service.ts';
import { DocLink, EducationLayout, Paragraphs, YearNav, educationPath, label, sectionTitle } from './education-common.tsx';
import { tx } from '../i18n/index.ts';
import { DoneNotice, FormMessage, SelectInput, TextArea, TextInput, type FormState } from './education-console-common.tsx';

const monthName = (ctx: PageContext, month: string) => {
  const [y, m] = month.split('-');
  return ctx.lang === 'en' ? new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) : `${y}年${Number(m)}月`;
};
const STATUS_BADGE: Record<WorkStatus, string> = { done: 'badge-ok', in_progress: 'badge-warn', delayed: 'badge-danger' };

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: WorkStatus }) {
  return <span class={`badge ${STATUS_BADGE[status]}`}>{label(ctx, WORK_STATUS_LABELS[status])}</span>;
}

export function MonthlyYearPage({ ctx, agency, year, years, months, totals }: {
  ctx: PageContext; agency: PortalAgency; year: number; years: number[]; months: MonthlyReportView[]; totals: Record<WorkStatus, number>;
}) {
  const title = tx(ctx, `${year}年月度工作`, `Monthly work ${year}`);
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="monthly">
      <h1>{title}</h1>
      <YearNav ctx={ctx} years={years} current={year} href={(y) => educationPath(agency.code, `/monthly?year=${y}`)} />
      {months.length === 0 ? <p class="empty">{ctx.t('common.empty')}</p> : (
        <table class="data-table">
          <caption>{tx(ctx, '各月工作事项完成情况（项）', 'Items per month by status')}</caption>
          <thead><tr><th scope="col">{tx(ctx, '月份', 'Month')}</th>{WORK_STATUSES.map((s) => <th scope="col">{label(ctx, WORK_STATUS_LABELS[s])}</th>)}<th scope="col">{tx(ctx, '合计', 'Total')}</th></tr></thead>
          <tbody>
            {months.map((m) => (
              <tr>
                <th scope="row"><a href={educationPath(agency.code, `/monthly/${m.month}`)}>{monthName(ctx, m.month)}</a></th>
                {WORK_STATUSES.map((s) => <td class="num">{m.counts[s]}</td>)}
                <td class="num">{m.items.length}</td>
              </tr>
            ))}
          </tbody>
          <tfoot><tr><th scope="row">{tx(ctx, '全年', 'Year')}</th>{WORK_STATUSES.map((s) => <td class="num">{totals[s]}</td>)}<td class="num">{WORK_STATUSES.reduce((n, s) => n + totals[s], 0)}</td></tr></tfoot>
        </table>
      )}
    </EducationLayout>
  );
}

export function MonthlyReportPage({ ctx, agency, report }: { ctx: PageContext; agency: PortalAgency; report: MonthlyReportView }) {
  const year = Number(report.month.slice(0, 4));
  const title = tx(ctx, `${monthName(ctx, report.month)}工作情况`, `Work in ${monthName(ctx, report.month)}`);
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="monthly" crumbs={[{ label: tx(ctx, `${year}年`, String(year)), href: educationPath(agency.code, `/monthly?year=${year}`) }]}>
      <h1>{title}</h1>
      <Paragraphs text={report.summary} class="notes" />
      <table class="data-table monthly-table">
        <caption>{tx(ctx, '重点工作推进情况', 'Planned work and progress')}</caption>
        <thead><tr>
          <th scope="col">{tx(ctx, '工作事项', 'Item')}</th><th scope="col">{tx(ctx, '责任科室', 'Department')}</th><th scope="col">{tx(ctx, '进展情况', 'Progress')}</th>
          <th scope="col">{tx(ctx, '完成情况', 'Status')}</th><th scope="col">{tx(ctx, '存在问题', 'Problems')}</th><th scope="col">{tx(ctx, '整改落实', 'Rectification')}</th>
        </tr></thead>
        <tbody>
          {report.items.map((i) => (
            <tr><th scope="row">{i.title}</th><td>{i.department}</td><td>{i.progress}</td><td><StatusBadge ctx={ctx} status={i.status} /></td><td>{i.problems}</td><td>{i.rectification}</td></tr>
          ))}
        </tbody>
      </table>
      {report.rewardsPenalties && (
        <section aria-labelledby="rp"><h2 id="rp">{tx(ctx, '奖惩情况', 'Rewards and penalties')}</h2><Paragraphs text={report.rewardsPenalties} /></section>
      )}
      {report.documentRef && <p><DocLink ctx={ctx} agencyCode={agency.code} indexNumber={report.documentRef} /></p>}
    </EducationLayout>
  );
}

// ---------- console ----------

export const monthlyItemForm = (i?: MonthlyItemView): Record<string, string> =>
  i ? { department: i.department, title: i.title, progress: i.progress, status: i.status, problems: i.problems, rectification: i.rectification, sort: String(i.sort) } : { status: 'in_progress', sort: '0' };

function ItemFields({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <>
      <TextInput form={form} name="title" label={tx(ctx, '工作事项', 'Work item')} required maxLength={300} />
      <TextInput form={form} name="department" label={tx(ctx, '责任科室', 'Responsible section')} required maxLength={100} />
      <TextArea form={form} name="progress" label={tx(ctx, '进展情况', 'Progress')} rows={3} />
      <SelectInput form={form} name="status" label={tx(ctx, '完成情况', 'Status')} options={WORK_STATUSES.map((s) => [s, label(ctx, WORK_STATUS_LABELS[s])])} />
      <TextArea form={form} name="problems" label={tx(ctx, '存在问题', 'Problems')} rows={2} hint={tx(ctx, '延期的事项必须填写', 'Required for a delayed item')} />
      <TextArea form={form} name="rectification" label={tx(ctx, '整改落实情况', 'Remedial action')} rows={2} />
      <TextInput form={form} name="sort" label={tx(ctx, '排序', 'Sort order')} type="number" />
    </>
  );
}

function PublishedBadge({ ctx, published }: { ctx: PageContext; published: boolean | undefined }) {
  return published ? <span class="badge badge-ok">{tx(ctx, '已公开', 'Published')}</span> : <span class="badge badge-warn">{tx(ctx, '未公开', 'Not published')}</span>;
}

export function MonthlyListConsole({ ctx, year, reports, done }: { ctx: PageContext; year: number; reports: MonthlyReportView[]; done?: string | null }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '月度工作', 'Monthly work')}>
      <h1>{tx(ctx, `${year}年月度工作`, `Monthly work ${year}`)}</h1>
      <DoneNotice text={done} />
      <form method="get" action="/console/education/monthly/open" class="inline-form">
        <label for="open-month">{tx(ctx, '打开月份', 'Open a month')}</label>
        <input id="open-month" type="month" name="month" required />
        <button type="submit">{tx(ctx, '打开', 'Open')}</button>
      </form>
      {reports.length === 0 ? <p class="empty">{tx(ctx, '本年度尚无月度工作。', 'No monthly work this year yet.')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{tx(ctx, '月份', 'Month')}</th><th scope="col">{tx(ctx, '事项', 'Items')}</th><th scope="col">{tx(ctx, '延期', 'Delayed')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th></tr></thead>
          <tbody>{reports.map((r) => <tr><th scope="row"><a href={`/console/education/monthly/${r.month}`}>{r.month}</a></th><td>{r.items.length}</td><td>{r.counts.delayed}</td><td><PublishedBadge ctx={ctx} published={r.published} /></td></tr>)}</tbody>
        </table>
      )}
      <p><a href={`/console/education/monthly?year=${year - 1}`}>{tx(ctx, `${year - 1}年`, String(year - 1))}</a> · <a href={`/console/education/monthly?year=${year + 1}`}>{tx(ctx, `${year + 1}年`, String(year + 1))}</a></p>
    </ConsoleLayout>
  );
}

export function MonthlyReportConsole(props: { ctx: PageContext; month: string; report: MonthlyReportView | null; reportForm: FormState; itemForm: FormState; done?: string | null; error?: string | null }) {
  const { ctx, month, report } = props;
  const base = `/console/education/monthly/${month}`;
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, `${month} 月度工作`, `Monthly work: ${monthName(ctx, month)}`)} active="/console/education">
      <h1>{tx(ctx, `${month} 月度工作`, `Monthly work: ${monthName(ctx, month)}`)}</h1>
      <p><a href={`/console/education/monthly?year=${month.slice(0, 4)}`}>{tx(ctx, '返回月度工作', 'Back to monthly work')}</a> · <PublishedBadge ctx={ctx} published={report?.published} /></p>
      <DoneNotice text={props.done} />
      {props.error && <div class="notice notice-error" role="alert">{props.error}</div>}
      {report && (
        <form method="post" action={`${base}/${report.published ? 'unpublish' : 'publish'}`} class="inline-actions">
          <CsrfField ctx={ctx} />
          <button type="submit" class={report.published ? undefined : 'primary'}>{report.published ? tx(ctx, '撤回公开', 'Withdraw from the website') : tx(ctx, '公开本月工作', 'Publish this month\'s work')}</button>
        </form>
      )}
      {report && report.items.length > 0 && (
        <table class="data-table">
          <thead><tr><th scope="col">{tx(ctx, '工作事项', 'Work item')}</th><th scope="col">{tx(ctx, '科室', 'Section')}</th><th scope="col">{tx(ctx, '完成情况', 'Status')}</th><th scope="col">{tx(ctx, '操作', 'Actions')}</th></tr></thead>
          <tbody>
            {report.items.map((i) => (
              <tr>
                <th scope="row"><a href={`/console/education/monthly/items/${i.id}`}>{i.title}</a></th><td>{i.department}</td><td>{label(ctx, WORK_STATUS_LABELS[i.status])}</td>
                <td><form method="post" action={`/console/education/monthly/items/${i.id}/delete`} class="inline"><CsrfField ctx={ctx} /><button type="submit" class="linklike">{tx(ctx, '删除', 'Delete')}<span class="visually-hidden">{tx(ctx, '：', ': ')}{i.title}</span></button></form></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section class="card" aria-labelledby="add-item">
        <h2 id="add-item">{tx(ctx, '添加工作事项', 'Add a work item')}</h2>
        <FormMessage ctx={ctx} form={props.itemForm} />
        <form method="post" action={`${base}/items`}>
          <CsrfField ctx={ctx} />
          <ItemFields ctx={ctx} form={props.itemForm} />
          <button type="submit" class="primary">{tx(ctx, '添加', 'Add')}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="report-info">
        <h2 id="report-info">{tx(ctx, '本月综述与奖惩', 'Summary, rewards and sanctions')}</h2>
        <FormMessage ctx={ctx} form={props.reportForm} />
        <form method="post" action={base}>
          <CsrfField ctx={ctx} />
          <TextArea form={props.reportForm} name="summary" label={tx(ctx, '本月工作综述', 'Summary of the month\'s work')} rows={4} />
          <TextArea form={props.reportForm} name="rewardsPenalties" label={tx(ctx, '奖惩情况', 'Rewards and sanctions')} rows={3} />
          <TextInput form={props.reportForm} name="documentRef" label={tx(ctx, '相关文件索引号', 'Index number of a related document')} maxLength={100} />
          <button type="submit" class="primary">{ctx.t('common.save')}</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

export function MonthlyItemConsole({ ctx, item, form }: { ctx: PageContext; item: MonthlyItemView & { month: string }; form: FormState }) {
  return (
    <ConsoleLayout ctx={ctx} title={item.title} active="/console/education">
      <h1>{tx(ctx, '修改工作事项', 'Edit work item')}</h1>
      <p><a href={`/console/education/monthly/${item.month}`}>{tx(ctx, `返回 ${item.month}`, `Back to ${monthName(ctx, item.month)}`)}</a></p>
      <FormMessage ctx={ctx} form={form} />
      <form method="post" action={`/console/education/monthly/items/${item.id}`}>
        <CsrfField ctx={ctx} />
        <ItemFields ctx={ctx} form={form} />
        <button type="submit" class="primary">{ctx.t('common.save')}</button>
      </form>
    </ConsoleLayout>
  );
}
