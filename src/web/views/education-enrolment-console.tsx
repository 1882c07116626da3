// Console pages: the area's overview, the school directory, enrolment years with their schedule,
// zone import and per-school zones.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import { tx } from '../i18n/index.ts';
import { label } from './education-common.tsx';
import { OWNERSHIP_LABELS, OWNERSHIPS, SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS } from '../../domain/education-terms.ts';
import type { AdmissionStepView, ImportRowError, SchoolView, ZoneYearView } from '../../services/enrolment.service.ts';
import { Checkbox, DoneNotice, FormMessage, SelectInput, TextArea, TextInput, type FormState } from './education-console-common.tsx';

export const CONSOLE_EDU = '/console/education';

type Text = { zh: string; en: string };
const LINKS: [string, Text, Text][] = [
  ['/schools', { zh: '学校名录', en: 'School directory' }, { zh: '学校基本信息、年度招生计划和各校招生片区', en: 'Schools, their yearly enrolment plans and their zones' }],
  ['/enrolment', { zh: '招生片区与日程', en: 'Enrolment zones and schedule' }, { zh: '按年度导入招生片区（CSV/XLSX），维护报名、审核、录取日程，发布后公众可查询', en: 'Import the enrolment zones for a year (CSV/XLSX) and keep the registration, review and admission dates; the public can look them up once published' }],
  ['/recruitment', { zh: '教师招聘', en: 'Teacher recruitment' }, { zh: '招聘公告、岗位计划、招聘程序、结果公示与归档', en: 'Announcements, posts, procedure, published results and archive' }],
  ['/statistics', { zh: '教育统计', en: 'Education statistics' }, { zh: '年度学校数、在校学生数、教职工数', en: 'Schools, pupils and staff per year' }],
  ['/powers', { zh: '权责清单', en: 'Power and responsibility list' }, { zh: '编辑新版本、填写调整原因并发布，历史版本保留', en: 'Edit a new version, give the reasons for the changes and publish it; earlier versions are kept' }],
  ['/monthly', { zh: '月度工作', en: 'Monthly work' }, { zh: '每月重点工作、进展、问题整改和奖惩情况', en: 'Planned work per month, progress, remedies and rewards or sanctions' }],
  ['/fees', { zh: '教育收费', en: 'Education fees' }, { zh: '收费项目、标准、依据和批准文件', en: 'Fee items, rates, legal basis and approval documents' }],
];

export function EducationConsoleHome({ ctx, agencyCode, counts }: { ctx: PageContext; agencyCode: string; counts: { pendingQuestions: number; overdueQuestions: number; pendingComments: number } }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '教育公开', 'Education disclosure')}>
      <h1>{tx(ctx, '教育公开', 'Education disclosure')}</h1>
      <p>{tx(ctx, '公众页面：', 'Public pages: ')}<a href={`/gk/${agencyCode}/education`}>/gk/{agencyCode}/education</a></p>
      <ul class="console-cards">
        {LINKS.map(([path, title, text]) => <li class="card"><h2 class="card-title"><a href={CONSOLE_EDU + path}>{label(ctx, title)}</a></h2><p>{label(ctx, text)}</p></li>)}
        <li class="card"><h2 class="card-title"><a href="/console/questions">{tx(ctx, '在线咨询', 'Online consultation')}</a></h2><p>{tx(ctx, `待答复 ${counts.pendingQuestions} 件，其中逾期 ${counts.overdueQuestions} 件`, `${counts.pendingQuestions} awaiting an answer, ${counts.overdueQuestions} of them overdue`)}</p></li>
        <li class="card"><h2 class="card-title"><a href="/console/consultations">{tx(ctx, '意见征集', 'Public consultation')}</a></h2><p>{tx(ctx, `待审核意见 ${counts.pendingComments} 条`, `${counts.pendingComments} comment(s) awaiting review`)}</p></li>
      </ul>
    </ConsoleLayout>
  );
}

const levelOptions = (ctx: PageContext): [string, string][] => SCHOOL_LEVELS.map((l) => [l, label(ctx, SCHOOL_LEVEL_LABELS[l])]);
const ownershipOptions = (ctx: PageContext): [string, string][] => OWNERSHIPS.map((o) => [o, label(ctx, OWNERSHIP_LABELS[o])]);

export function schoolForm(s?: SchoolView): Record<string, string> {
  return s
    ? { name: s.name, level: s.level, ownership: s.ownership, town: s.town, address: s.address, phone: s.phone, website: s.website, intro: s.intro, sort: String(s.sort) }
    : { level: 'primary', ownership: 'public', sort: '0' };
}

function SchoolFields({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <>
      <TextInput form={form} name="name" label={tx(ctx, '学校名称', 'School name')} required maxLength={200} />
      <SelectInput form={form} name="level" label={tx(ctx, '学段', 'Level')} options={levelOptions(ctx)} />
      <SelectInput form={form} name="ownership" label={tx(ctx, '办学性质', 'Ownership')} options={ownershipOptions(ctx)} />
      <TextInput form={form} name="town" label={tx(ctx, '所在乡镇（街道）', 'Town (subdistrict)')} hint={tx(ctx, '例如：黔城镇。未写乡镇的片区按此乡镇匹配。', 'For example 黔城镇. Zone entries without a town are matched in this town.')} maxLength={50} />
      <TextInput form={form} name="address" label={tx(ctx, '地址', 'Address')} maxLength={300} />
      <TextInput form={form} name="phone" label={tx(ctx, '招生咨询电话', 'Admissions phone')} maxLength={50} />
      <TextInput form={form} name="website" label={tx(ctx, '网址', 'Website')} hint={tx(ctx, '以 http:// 或 https:// 开头', 'Starting with http:// or https://')} maxLength={200} />
      <TextArea form={form} name="intro" label={tx(ctx, '学校简介', 'About the school')} rows={3} />
      <TextInput form={form} name="sort" label={tx(ctx, '排序', 'Sort order')} type="number" />
    </>
  );
}

export function SchoolListConsole({ ctx, schools, form, done }: { ctx: PageContext; schools: SchoolView[]; form: FormState; done?: string | null }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '学校名录', 'School directory')}>
      <h1>{tx(ctx, '学校名录', 'School directory')}</h1>
      <DoneNotice text={done} />
      <table class="data-table">
        <thead><tr><th scope="col">{tx(ctx, '学校名称', 'School name')}</th><th scope="col">{tx(ctx, '学段', 'Level')}</th><th scope="col">{tx(ctx, '性质', 'Ownership')}</th><th scope="col">{tx(ctx, '乡镇', 'Town')}</th><th scope="col">{tx(ctx, '电话', 'Phone')}</th></tr></thead>
        <tbody>
          {schools.map((s) => (
            <tr>
              <th scope="row"><a href={`${CONSOLE_EDU}/schools/${s.id}`}>{s.name}</a></th>
              <td>{label(ctx, SCHOOL_LEVEL_LABELS[s.level])}</td><td>{label(ctx, OWNERSHIP_LABELS[s.ownership])}</td><td>{s.town}</td><td>{s.phone}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-school" class="card">
        <h2 id="new-school">{tx(ctx, '新增学校', 'Add a school')}</h2>
        <FormMessage ctx={ctx} form={form} />
        <form method="post" action={`${CONSOLE_EDU}/schools`}>
          <CsrfField ctx={ctx} />
          <SchoolFields ctx={ctx} form={form} />
          <button type="submit" class="primary">{ctx.t('common.save')}</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

export function SchoolEditConsole(props: {
  ctx: PageContext; school: SchoolView; form: FormState; year: number; zoneForm: FormState; planForm: FormState; done?: string | null;
}) {
  const { ctx, school, year } = props;
  return (
    <ConsoleLayout ctx={ctx} title={school.name} active={`${CONSOLE_EDU}/schools`}>
      <h1>{school.name}</h1>
      <p><a href={`${CONSOLE_EDU}/schools`}>{tx(ctx, '返回学校名录', 'Back to the school directory')}</a></p>
      <DoneNotice text={props.done} />
      <section aria-labelledby="school-basic" class="card">
        <h2 id="school-basic">{tx(ctx, '基本信息', 'Basic information')}</h2>
        <FormMessage ctx={ctx} form={props.form} />
        <form method="post" action={`${CONSOLE_EDU}/schools/${school.id}`}>
          <CsrfField ctx={ctx} />
          <SchoolFields ctx={ctx} form={props.form} />
          <button type="submit" class="primary">{ctx.t('common.save')}</button>
        </form>
      </section>
      <form method="get" action={`${CONSOLE_EDU}/schools/${school.id}`} class="inline-form">
        <label for="year-pick">{tx(ctx, '年度', 'Year')}</label>
        <input id="year-pick" type="number" name="year" value={String(year)} min={2000} max={2100} />
        <button type="submit">{tx(ctx, '切换年度', 'Show year')}</button>
      </form>
      <section aria-labelledby="school-plan" class="card">
        <h2 id="school-plan">{tx(ctx, `${year}年招生计划`, `Enrolment plan ${year}`)}</h2>
        <FormMessage ctx={ctx} form={props.planForm} />
        <form method="post" action={`${CONSOLE_EDU}/schools/${school.id}/plan`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="year" value={String(year)} />
          <TextInput form={props.planForm} name="classes" label={tx(ctx, '计划班数', 'Classes planned')} type="number" hint={tx(ctx, '两项都留空表示删除本年度计划', 'Leave both empty to delete this year\'s plan')} />
          <TextInput form={props.planForm} name="places" label={tx(ctx, '计划招生人数', 'Places planned')} type="number" />
          <TextInput form={props.planForm} name="note" label={tx(ctx, '说明', 'Note')} maxLength={500} />
          <button type="submit" class="primary">{tx(ctx, '保存招生计划', 'Save the plan')}</button>
        </form>
      </section>
      <section aria-labelledby="school-zones" class="card">
        <h2 id="school-zones">{tx(ctx, `${year}年招生片区`, `Enrolment zones ${year}`)}</h2>
        <FormMessage ctx={ctx} form={props.zoneForm} />
        <form method="post" action={`${CONSOLE_EDU}/schools/${school.id}/zones`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="year" value={String(year)} />
          <TextArea form={props.zoneForm} name="text" label={tx(ctx, '片区（每行一项）', 'Zone entries (one per line)')} rows={10}
            hint={tx(ctx, '每行一个社区、村、街道或门牌号范围，如“沅江路1-99号（单号）”；一行内可用顿号分隔多项；竖线“｜”后为备注，如“沅江社区｜多校划片”。保存后替换本校本年度全部片区。', 'One community, village, street or house-number range per line, e.g. “沅江路1-99号（单号）”; several entries on one line are separated by “、”; a note follows a bar “｜”, e.g. “沅江社区｜多校划片”. Saving replaces all of this school\'s zones for the year.')} />
          <button type="submit" class="primary">{tx(ctx, '保存片区', 'Save the zones')}</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

export function EnrolmentYearsConsole({ ctx, years, form, done }: { ctx: PageContext; years: { year: number; title: string; published: boolean; zoneCount: number }[]; form: FormState; done?: string | null }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '招生片区与日程', 'Enrolment zones and schedule')}>
      <h1>{tx(ctx, '招生片区与日程', 'Enrolment zones and schedule')}</h1>
      <DoneNotice text={done} />
      {years.length === 0 ? <p class="empty">{tx(ctx, '尚无招生年度。', 'No enrolment years yet.')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{tx(ctx, '年度', 'Year')}</th><th scope="col">{tx(ctx, '标题', 'Title')}</th><th scope="col">{tx(ctx, '片区条目', 'Zone entries')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th></tr></thead>
          <tbody>
            {years.map((y) => (
              <tr>
                <th scope="row"><a href={`${CONSOLE_EDU}/enrolment/${y.year}`}>{y.year}</a></th>
                <td>{y.title}</td><td>{y.zoneCount}</td>
                <td>{y.published ? <span class="badge badge-ok">{tx(ctx, '已公布', 'Published')}</span> : <span class="badge badge-warn">{tx(ctx, '未公布', 'Not published')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-year" class="card">
        <h2 id="new-year">{tx(ctx, '新建招生年度', 'New enrolment year')}</h2>
        <FormMessage ctx={ctx} form={form} />
        <form method="post" action={`${CONSOLE_EDU}/enrolment`}>
          <CsrfField ctx={ctx} />
          <TextInput form={form} name="year" label={tx(ctx, '年度', 'Year')} type="number" required />
          <TextInput form={form} name="title" label={tx(ctx, '标题', 'Title')} hint={tx(ctx, '留空则为“某年义务教育招生入学”', 'If left empty: “某年义务教育招生入学” (compulsory education enrolment of the year)')} maxLength={200} />
          <button type="submit" class="primary">{tx(ctx, '创建', 'Create')}</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

export function EnrolmentYearConsole(props: {
  ctx: PageContext; view: ZoneYearView; yearForm: FormState; stepForm: FormState; importErrors: ImportRowError[] | null; importMessage?: string; done?: string | null;
}) {
  const { ctx, view } = props;
  const base = `${CONSOLE_EDU}/enrolment/${view.year}`;
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, `${view.year}年招生`, `Enrolment ${view.year}`)} active={`${CONSOLE_EDU}/enrolment`}>
      <h1>{tx(ctx, `${view.year}年招生片区与日程`, `Enrolment zones and schedule ${view.year}`)}</h1>
      <p><a href={`${CONSOLE_EDU}/enrolment`}>{tx(ctx, '返回招生年度', 'Back to the enrolment years')}</a> · {view.published ? <a href={`/gk/${view.agency.code}/education/enrolment?year=${view.year}`}>{tx(ctx, '查看公众页面', 'View the public page')}</a> : <span class="badge badge-warn">{tx(ctx, '未公布，公众不可见', 'Not published; the public cannot see it')}</span>}</p>
      <DoneNotice text={props.done} />
      <section aria-labelledby="year-info" class="card">
        <h2 id="year-info">{tx(ctx, '年度信息', 'About this year')}</h2>
        <FormMessage ctx={ctx} form={props.yearForm} />
        <form method="post" action={base}>
          <CsrfField ctx={ctx} />
          <TextInput form={props.yearForm} name="title" label={tx(ctx, '标题', 'Title')} maxLength={200} />
          <TextArea form={props.yearForm} name="notes" label={tx(ctx, '说明', 'Notes')} hint={tx(ctx, '显示在查询页顶部，如报名条件、咨询电话', 'Shown at the top of the lookup page, e.g. eligibility and phone numbers')} rows={4} />
          <TextInput form={props.yearForm} name="documentRef" label={tx(ctx, '招生工作方案索引号', 'Index number of the enrolment plan')} hint={tx(ctx, '目录中该文件的索引号，公众页面链接到该文件', 'The document\'s index number in the catalog; the public page links to it')} maxLength={100} />
          <Checkbox form={props.yearForm} name="published" label={tx(ctx, '公布（公众可查询本年度片区和日程）', 'Published (the public can look up this year\'s zones and schedule)')} />
          <button type="submit" class="primary">{ctx.t('common.save')}</button>
        </form>
      </section>

      <section aria-labelledby="steps" class="card">
        <h2 id="steps">{tx(ctx, '招生日程', 'Admission schedule')}</h2>
        {view.schedule.length === 0 ? <p class="empty">{tx(ctx, '尚无日程。', 'No dates yet.')}</p> : (
          <table class="data-table">
            <thead><tr><th scope="col">{tx(ctx, '环节', 'Step')}</th><th scope="col">{tx(ctx, '学段', 'Level')}</th><th scope="col">{tx(ctx, '日期', 'Dates')}</th><th scope="col">{tx(ctx, '文件', 'Document')}</th><th scope="col">{tx(ctx, '操作', 'Actions')}</th></tr></thead>
            <tbody>
              {view.schedule.map((s: AdmissionStepView) => (
                <tr>
                  <th scope="row">{s.title}</th>
                  <td>{s.level ? label(ctx, SCHOOL_LEVEL_LABELS[s.level]) : tx(ctx, '全部', 'All')}</td>
                  <td>{formatDate(s.startsOn, ctx.lang)}{s.endsOn && s.endsOn !== s.startsOn ? ` — ${formatDate(s.endsOn, ctx.lang)}` : ''}</td>
                  <td>{s.documentRef ?? ''}</td>
                  <td>
                    <form method="post" action={`${base}/steps/${s.id}/delete`} class="inline">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="linklike">{tx(ctx, '删除', 'Delete')}<span class="visually-hidden">“{s.title}”</span></button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{tx(ctx, '添加日程', 'Add a date')}</h3>
        <FormMessage ctx={ctx} form={props.stepForm} />
        <form method="post" action={`${base}/steps`}>
          <CsrfField ctx={ctx} />
          <TextInput form={props.stepForm} name="title" label={tx(ctx, '环节名称', 'Step')} hint={tx(ctx, '如：网上报名、资格审核、录取公示、新生报到', 'E.g. online registration, eligibility review, admission list, first day')} required maxLength={200} />
          <SelectInput form={props.stepForm} name="level" label={tx(ctx, '学段', 'Level')} options={[['', tx(ctx, '全部学段', 'All levels')], ...levelOptions(ctx)]} />
          <TextInput form={props.stepForm} name="startsOn" label={tx(ctx, '开始日期', 'Start date')} type="date" required />
          <TextInput form={props.stepForm} name="endsOn" label={tx(ctx, '结束日期', 'End date')} type="date" hint={tx(ctx, '一天的环节可留空', 'Leave empty for a single day')} />
          <TextArea form={props.stepForm} name="description" label={tx(ctx, '说明', 'Description')} rows={2} />
          <TextInput form={props.stepForm} name="documentRef" label={tx(ctx, '相关文件索引号', 'Index number of a related document')} maxLength={100} />
          <button type="submit" class="primary">{tx(ctx, '添加', 'Add')}</button>
        </form>
      </section>

      <section aria-labelledby="import" class="card">
        <h2 id="import">{tx(ctx, '导入招生片区', 'Import enrolment zones')}</h2>
        {ctx.lang === 'en'
          ? <p>Upload a CSV or Excel (.xlsx) file whose first row is the header: <strong>学校名称、招生范围、备注</strong> (school name, catchment, note). A catchment cell may hold several entries separated by “、”. The import <strong>replaces the zones of every school for this year</strong>; if any row is wrong, nothing is imported and every error is listed.</p>
          : <p>上传 CSV 或 Excel（.xlsx）文件，第一行为表头：<strong>学校名称、招生范围、备注</strong>。招生范围一格可写多项，用顿号分隔。导入将<strong>替换本年度全部学校的片区</strong>；任何一行有误则整份文件不导入，并列出所有错误。</p>}
        {props.importErrors && (
          <div class="notice notice-error" role="alert">
            <p>{props.importMessage}</p>
            <ul>{props.importErrors.map((e) => <li>{tx(ctx, `第${e.row}行：`, `Row ${e.row}: `)}{e.message}</li>)}</ul>
          </div>
        )}
        <form method="post" action={`${base}/import`} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <div class="form-row">
            <label for="import-file">{tx(ctx, '片区文件', 'Zone file')}</label>
            <input id="import-file" type="file" name="file" accept=".csv,.xlsx" required />
          </div>
          <button type="submit" class="primary">{tx(ctx, '导入', 'Import')}</button>
        </form>
      </section>

      <section aria-labelledby="zones" class="card">
        <h2 id="zones">{tx(ctx, '各校片区', 'Zones by school')}</h2>
        <table class="data-table">
          <thead><tr><th scope="col">{tx(ctx, '学校', 'School')}</th><th scope="col">{tx(ctx, '片区条目', 'Zone entries')}</th><th scope="col">{tx(ctx, '招生计划', 'Enrolment plan')}</th></tr></thead>
          <tbody>
            {view.schools.map((s) => (
              <tr>
                <th scope="row"><a href={`${CONSOLE_EDU}/schools/${s.school.id}?year=${view.year}`}>{s.school.name}</a></th>
                <td>{s.entries.length === 0 ? '—' : s.entries.map((e) => e.area).join('、')}</td>
                <td>{s.plan ? tx(ctx, `${s.plan.classes} 班 / ${s.plan.places} 人`, `${s.plan.classes} classes / ${s.plan.places} places`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </ConsoleLayout>
  );
}
