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

function ItemFields({ form }: { form: FormState }) {
  return (
    <>
      <TextInput form={form} name="title" label="工作事项" required maxLength={300} />
      <TextInput form={form} name="department" label="责任科室" required maxLength={100} />
      <TextArea form={form} name="progress" label="进展情况" rows={3} />
      <SelectInput form={form} name="status" label="完成情况" options={WORK_STATUSES.map((s) => [s, WORK_STATUS_LABELS[s].zh])} />
      <TextArea form={form} name="problems" label="存在问题" rows={2} hint="延期的事项必须填写" />
      <TextArea form={form} name="rectification" label="整改落实情况" rows={2} />
      <TextInput form={form} name="sort" label="排序" type="number" />
    </>
  );
}

export function MonthlyListConsole({ ctx, year, reports, done }: { ctx: PageContext; year: number; reports: MonthlyReportView[]; done?: string | null }) {
  return (
    <ConsoleLayout ctx={ctx} title="月度工作">
      <h1>{year}年月度工作</h1>
      <DoneNotice text={done} />
      <form method="get" action="/console/education/monthly/open" class="inline-form">
        <label for="open-month">打开月份</label>
        <input id="open-month" type="month" name="month" required />
        <button type="submit">打开</button>
      </form>
      {reports.length === 0 ? <p class="empty">本年度尚无月度工作。</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">月份</th><th scope="col">事项</th><th scope="col">延期</th><th scope="col">状态</th></tr></thead>
          <tbody>{reports.map((r) => <tr><th scope="row"><a href={`/console/education/monthly/${r.month}`}>{r.month}</a></th><td>{r.items.length}</td><td>{r.counts.delayed}</td><td>{r.published ? <span class="badge badge-ok">已公开</span> : <span class="badge badge-warn">未公开</span>}</td></tr>)}</tbody>
        </table>
      )}
      <p><a href={`/console/education/monthly?year=${year - 1}`}>{year - 1}年</a> · <a href={`/console/education/monthly?year=${year + 1}`}>{year + 1}年</a></p>
    </ConsoleLayout>
  );
}

export function MonthlyReportConsole(props: { ctx: PageContext; month: string; report: MonthlyReportView | null; reportForm: FormState; itemForm: FormState; done?: string | null; error?: string | null }) {
  const { ctx, month, report } = props;
  const base = `/console/education/monthly/${month}`;
  return (
    <ConsoleLayout ctx={ctx} title={`${month} 月度工作`} active="/console/education">
      <h1>{month} 月度工作</h1>
      <p><a href={`/console/education/monthly?year=${month.slice(0, 4)}`}>返回月度工作</a> · {report?.published ? <span class="badge badge-ok">已公开</span> : <span class="badge badge-warn">未公开</span>}</p>
      <DoneNotice text={props.done} />
      {props.error && <div class="notice notice-error" role="alert">{props.error}</div>}
      {report && (
        <form method="post" action={`${base}/${report.published ? 'unpublish' : 'publish'}`} class="inline-actions">
          <CsrfField ctx={ctx} />
          <button type="submit" class={report.published ? undefined : 'primary'}>{report.published ? '撤回公开' : '公开本月工作'}</button>
        </form>
      )}
      {report && report.items.length > 0 && (
        <table class="data-table">
          <thead><tr><th scope="col">工作事项</th><th scope="col">科室</th><th scope="col">完成情况</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {report.items.map((i) => (
              <tr>
                <th scope="row"><a href={`/console/education/monthly/items/${i.id}`}>{i.title}</a></th><td>{i.department}</td><td>{WORK_STATUS_LABELS[i.status].zh}</td>
                <td><form method="post" action={`/console/education/monthly/items/${i.id}/delete`} class="inline"><CsrfField ctx={ctx} /><button type="submit" class="linklike">删除<span class="visually-hidden">：{i.title}</span></button></form></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section class="card" aria-labelledby="add-item">
        <h2 id="add-item">添加工作事项</h2>
        <FormMessage form={props.itemForm} />
        <form method="post" action={`${base}/items`}>
          <CsrfField ctx={ctx} />
          <ItemFields form={props.itemForm} />
          <button type="submit" class="primary">添加</button>
        </form>
      </section>
      <section class="card" aria-labelledby="report-info">
        <h2 id="report-info">本月综述与奖惩</h2>
        <FormMessage form={props.reportForm} />
        <form method="post" action={base}>
          <CsrfField ctx={ctx} />
          <TextArea form={props.reportForm} name="summary" label="本月工作综述" rows={4} />
          <TextArea form={props.reportForm} name="rewardsPenalties" label="奖惩情况" rows={3} />
          <TextInput form={props.reportForm} name="documentRef" label="相关文件索引号" maxLength={100} />
          <button type="submit" class="primary">保存</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

export function MonthlyItemConsole({ ctx, item, form }: { ctx: PageContext; item: MonthlyItemView & { month: string }; form: FormState }) {
  return (
    <ConsoleLayout ctx={ctx} title={item.title} active="/console/education">
      <h1>修改工作事项</h1>
      <p><a href={`/console/education/monthly/${item.month}`}>返回 {item.month}</a></p>
      <FormMessage form={form} />
      <form method="post" action={`/console/education/monthly/items/${item.id}`}>
        <CsrfField ctx={ctx} />
        <ItemFields form={form} />
        <button type="submit" class="primary">保存</button>
      </form>
    </ConsoleLayout>
  );
}
