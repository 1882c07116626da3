// Education statistics: the public page per year and the overview over all years (tables, SVG
// charts rendered on the server, CSV/JSON downloads), and the console form.
import type { PageContext } from '../render.tsx';
import type { PortalAgency } from './layout.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { STAT_LEVELS, STAT_LEVEL_LABELS } from '../../domain/education-terms.ts';
import type { CellTable } from '../../services/statistics.service.ts';
import { DocLink, EducationLayout, Paragraphs, YearNav, educationPath, label, sectionTitle } from './education-common.tsx';
import { tx } from '../i18n/index.ts';
import { DoneNotice, FormMessage, TextArea, TextInput, type FormState } from './education-console-common.tsx';

/** The table exactly as the CSV carries it: first cell of each row is its header. */
export function CellTableView({ table, caption, id }: { table: CellTable; caption: string; id?: string }) {
  return (
    <table class="data-table stats-table" id={id}>
      <caption>{caption}</caption>
      <thead><tr>{table.header.map((h) => <th scope="col">{h}</th>)}</tr></thead>
      <tbody>
        {table.body.map((row) => <tr>{row.map((c, i) => (i === 0 ? <th scope="row">{c}</th> : <td class="num">{c}</td>))}</tr>)}
      </tbody>
    </table>
  );
}

/** An SVG chart made by src/output/svg-chart.ts (its text is escaped there). */
export function Chart({ svg }: { svg: string }) {
  return <figure class="chart-figure"><div class="chart-box" dangerouslySetInnerHTML={{ __html: svg }} /></figure>;
}

export function StatisticsYearPage(props: {
  ctx: PageContext; agency: PortalAgency; year: number; years: number[]; table: CellTable; chart: string; note: string; documentRef: string | null;
}) {
  const { ctx, agency, year } = props;
  const title = tx(ctx, `${year}年教育统计`, `Education statistics ${year}`);
  const base = educationPath(agency.code, `/statistics/${year}`);
  const langQ = ctx.lang === 'zh-CN' ? '' : `?lang=${ctx.lang}`;
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="statistics">
      <h1>{title}</h1>
      <YearNav ctx={ctx} years={props.years} current={year} href={(y) => educationPath(agency.code, `/statistics/${y}`)} />
      <Paragraphs text={props.note} class="notes" />
      <Chart svg={props.chart} />
      <CellTableView table={props.table} caption={tx(ctx, `${year}年各级各类学校基本情况`, `Schools, pupils and teachers by level, ${year}`)} id="stats-table" />
      <p class="downloads">
        {tx(ctx, '下载数据：', 'Download: ')}
        <a href={`${base}.csv${langQ}`} download>{tx(ctx, 'CSV（与上表一致）', 'CSV (same as the table)')}</a>{' · '}
        <a href={`${base}.json`}>JSON</a>
      </p>
      {props.documentRef && <p>{tx(ctx, '数据来源：', 'Source: ')}<DocLink ctx={ctx} agencyCode={agency.code} indexNumber={props.documentRef} /></p>}
      <p><a href={educationPath(agency.code, '/statistics')}>{tx(ctx, '历年教育统计', 'All years')}</a></p>
    </EducationLayout>
  );
}

export function StatisticsOverviewPage({ ctx, agency, table, chart, years }: { ctx: PageContext; agency: PortalAgency; table: CellTable; chart: string; years: number[] }) {
  const title = sectionTitle(ctx, 'statistics');
  const langQ = ctx.lang === 'zh-CN' ? '' : `?lang=${ctx.lang}`;
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="statistics">
      <h1>{title}</h1>
      {years.length === 0 ? <p class="empty">{ctx.t('common.empty')}</p> : (
        <>
          <Chart svg={chart} />
          <CellTableView table={table} caption={tx(ctx, '历年学校数、在校学生数和教职工数', 'Schools, pupils and teachers by year')} id="trend-table" />
          <p class="downloads">
            {tx(ctx, '下载数据：', 'Download: ')}
            <a href={`${educationPath(agency.code, '/statistics/all.csv')}${langQ}`} download>CSV</a>{' · '}
            <a href={educationPath(agency.code, '/statistics/all.json')}>JSON</a>
          </p>
          <h2>{tx(ctx, '分年度统计', 'By year')}</h2>
          <ul class="year-list">
            {[...years].reverse().map((y) => <li><a href={educationPath(agency.code, `/statistics/${y}`)}>{tx(ctx, `${y}年教育统计`, `Statistics ${y}`)}</a></li>)}
          </ul>
        </>
      )}
    </EducationLayout>
  );
}

export function StatisticsConsole(props: { ctx: PageContext; years: number[]; year: number; form: FormState; done?: string | null }) {
  const { ctx, form, year } = props;
  const cell = (level: string, k: string, text: string) => {
    const name = `${level}.${k}`;
    const id = `f-${level}-${k}`;
    const err = form.errors[name];
    return (
      <td>
        <label for={id} class="visually-hidden">{text}</label>
        <input id={id} name={name} type="text" inputMode="numeric" size={8} value={form.values[name] ?? ''} aria-invalid={err ? 'true' : undefined} />
      </td>
    );
  };
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '教育统计', 'Education statistics')}>
      <h1>{tx(ctx, '教育统计', 'Education statistics')}</h1>
      <DoneNotice text={props.done} />
      <nav aria-label={tx(ctx, '已有年度', 'Years entered')} class="year-nav">
        <ul>{props.years.map((y) => <li><a href={`/console/education/statistics?year=${y}`} aria-current={y === year ? 'page' : undefined}>{tx(ctx, `${y}年`, String(y))}</a></li>)}</ul>
      </nav>
      <form method="get" action="/console/education/statistics" class="inline-form">
        <label for="stat-year">{tx(ctx, '年度', 'Year')}</label>
        <input id="stat-year" type="number" name="year" value={String(year)} min={1990} max={2100} />
        <button type="submit">{tx(ctx, '打开', 'Open')}</button>
      </form>
      <section class="card" aria-labelledby="stat-form">
        <h2 id="stat-form">{tx(ctx, `${year}年数据`, `Figures for ${year}`)}</h2>
        <FormMessage ctx={ctx} form={form} />
        <form method="post" action="/console/education/statistics">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="year" value={String(year)} />
          <table class="data-table">
            <thead><tr><th scope="col">{tx(ctx, '学段', 'Level')}</th><th scope="col">{tx(ctx, '学校数', 'Schools')}</th><th scope="col">{tx(ctx, '在校学生数', 'Pupils')}</th><th scope="col">{tx(ctx, '教职工数', 'Staff')}</th></tr></thead>
            <tbody>
              {STAT_LEVELS.map((l) => {
                const name = label(ctx, STAT_LEVEL_LABELS[l]);
                return <tr><th scope="row">{name}</th>{cell(l, 'schools', tx(ctx, `${name}学校数`, `${name}: schools`))}{cell(l, 'pupils', tx(ctx, `${name}在校学生数`, `${name}: pupils`))}{cell(l, 'teachers', tx(ctx, `${name}教职工数`, `${name}: staff`))}</tr>;
              })}
            </tbody>
          </table>
          <p class="hint">{tx(ctx, '未填写的学段不统计。保存后替换本年度全部数据，公众页面与 CSV 同步更新。', 'Levels left empty are not counted. Saving replaces all figures for the year; the public page and the CSV are updated at once.')}</p>
          <TextArea form={form} name="note" label={tx(ctx, '说明', 'Note')} rows={2} />
          <TextInput form={form} name="documentRef" label={tx(ctx, '数据来源文件索引号', 'Index number of the source document')} maxLength={100} />
          <button type="submit" class="primary">{ctx.t('common.save')}</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}
