// Console pages: the area's overview, the school directory, enrolment years with their schedule,
// zone import and per-school zones.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import { OWNERSHIP_LABELS, OWNERSHIPS, SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS } from '../../domain/education-terms.ts';
import type { AdmissionStepView, ImportRowError, SchoolView, ZoneYearView } from '../../services/enrolment.service.ts';
import { Checkbox, DoneNotice, FormMessage, SelectInput, TextArea, TextInput, type FormState } from './education-console-common.tsx';

export const CONSOLE_EDU = '/console/education';

const LINKS: [string, string, string][] = [
  ['/schools', '学校名录', '学校基本信息、年度招生计划和各校招生片区'],
  ['/enrolment', '招生片区与日程', '按年度导入招生片区（CSV/XLSX），维护报名、审核、录取日程，发布后公众可查询'],
  ['/recruitment', '教师招聘', '招聘公告、岗位计划、招聘程序、结果公示与归档'],
  ['/statistics', '教育统计', '年度学校数、在校学生数、教职工数'],
  ['/powers', '权责清单', '编辑新版本、填写调整原因并发布，历史版本保留'],
  ['/monthly', '月度工作', '每月重点工作、进展、问题整改和奖惩情况'],
  ['/fees', '教育收费', '收费项目、标准、依据和批准文件'],
];

export function EducationConsoleHome({ ctx, agencyCode, counts }: { ctx: PageContext; agencyCode: string; counts: { pendingQuestions: number; overdueQuestions: number; pendingComments: number } }) {
  return (
    <ConsoleLayout ctx={ctx} title="教育公开">
      <h1>教育公开</h1>
      <p>公众页面：<a href={`/gk/${agencyCode}/education`}>/gk/{agencyCode}/education</a></p>
      <ul class="console-cards">
        {LINKS.map(([path, title, text]) => <li class="card"><h2 class="card-title"><a href={CONSOLE_EDU + path}>{title}</a></h2><p>{text}</p></li>)}
        <li class="card"><h2 class="card-title"><a href="/console/questions">在线咨询</a></h2><p>待答复 {counts.pendingQuestions} 件，其中逾期 {counts.overdueQuestions} 件</p></li>
        <li class="card"><h2 class="card-title"><a href="/console/consultations">意见征集</a></h2><p>待审核意见 {counts.pendingComments} 条</p></li>
      </ul>
    </ConsoleLayout>
  );
}

const levelOptions = (): [string, string][] => SCHOOL_LEVELS.map((l) => [l, SCHOOL_LEVEL_LABELS[l].zh]);
const ownershipOptions = (): [string, string][] => OWNERSHIPS.map((o) => [o, OWNERSHIP_LABELS[o].zh]);

export function schoolForm(s?: SchoolView): Record<string, string> {
  return s
    ? { name: s.name, level: s.level, ownership: s.ownership, town: s.town, address: s.address, phone: s.phone, website: s.website, intro: s.intro, sort: String(s.sort) }
    : { level: 'primary', ownership: 'public', sort: '0' };
}

function SchoolFields({ form }: { form: FormState }) {
  return (
    <>
      <TextInput form={form} name="name" label="学校名称" required maxLength={200} />
      <SelectInput form={form} name="level" label="学段" options={levelOptions()} />
      <SelectInput form={form} name="ownership" label="办学性质" options={ownershipOptions()} />
      <TextInput form={form} name="town" label="所在乡镇（街道）" hint="例如：黔城镇。未写乡镇的片区按此乡镇匹配。" maxLength={50} />
      <TextInput form={form} name="address" label="地址" maxLength={300} />
      <TextInput form={form} name="phone" label="招生咨询电话" maxLength={50} />
      <TextInput form={form} name="website" label="网址" hint="以 http:// 或 https:// 开头" maxLength={200} />
      <TextArea form={form} name="intro" label="学校简介" rows={3} />
      <TextInput form={form} name="sort" label="排序" type="number" />
    </>
  );
}

export function SchoolListConsole({ ctx, schools, form, done }: { ctx: PageContext; schools: SchoolView[]; form: FormState; done?: string | null }) {
  return (
    <ConsoleLayout ctx={ctx} title="学校名录">
      <h1>学校名录</h1>
      <DoneNotice text={done} />
      <table class="data-table">
        <thead><tr><th scope="col">学校名称</th><th scope="col">学段</th><th scope="col">性质</th><th scope="col">乡镇</th><th scope="col">电话</th></tr></thead>
        <tbody>
          {schools.map((s) => (
            <tr>
              <th scope="row"><a href={`${CONSOLE_EDU}/schools/${s.id}`}>{s.name}</a></th>
              <td>{SCHOOL_LEVEL_LABELS[s.level].zh}</td><td>{OWNERSHIP_LABELS[s.ownership].zh}</td><td>{s.town}</td><td>{s.phone}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-school" class="card">
        <h2 id="new-school">新增学校</h2>
        <FormMessage form={form} />
        <form method="post" action={`${CONSOLE_EDU}/schools`}>
          <CsrfField ctx={ctx} />
          <SchoolFields form={form} />
          <button type="submit" class="primary">保存</button>
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
      <p><a href={`${CONSOLE_EDU}/schools`}>返回学校名录</a></p>
      <DoneNotice text={props.done} />
      <section aria-labelledby="school-basic" class="card">
        <h2 id="school-basic">基本信息</h2>
        <FormMessage form={props.form} />
        <form method="post" action={`${CONSOLE_EDU}/schools/${school.id}`}>
          <CsrfField ctx={ctx} />
          <SchoolFields form={props.form} />
          <button type="submit" class="primary">保存</button>
        </form>
      </section>
      <form method="get" action={`${CONSOLE_EDU}/schools/${school.id}`} class="inline-form">
        <label for="year-pick">年度</label>
        <input id="year-pick" type="number" name="year" value={String(year)} min={2000} max={2100} />
        <button type="submit">切换年度</button>
      </form>
      <section aria-labelledby="school-plan" class="card">
        <h2 id="school-plan">{year}年招生计划</h2>
        <FormMessage form={props.planForm} />
        <form method="post" action={`${CONSOLE_EDU}/schools/${school.id}/plan`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="year" value={String(year)} />
          <TextInput form={props.planForm} name="classes" label="计划班数" type="number" hint="两项都留空表示删除本年度计划" />
          <TextInput form={props.planForm} name="places" label="计划招生人数" type="number" />
          <TextInput form={props.planForm} name="note" label="说明" maxLength={500} />
          <button type="submit" class="primary">保存招生计划</button>
        </form>
      </section>
      <section aria-labelledby="school-zones" class="card">
        <h2 id="school-zones">{year}年招生片区</h2>
        <FormMessage form={props.zoneForm} />
        <form method="post" action={`${CONSOLE_EDU}/schools/${school.id}/zones`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="year" value={String(year)} />
          <TextArea form={props.zoneForm} name="text" label="片区（每行一项）" rows={10}
            hint="每行一个社区、村、街道或门牌号范围，如“沅江路1-99号（单号）”；一行内可用顿号分隔多项；竖线“｜”后为备注，如“沅江社区｜多校划片”。保存后替换本校本年度全部片区。" />
          <button type="submit" class="primary">保存片区</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

export function EnrolmentYearsConsole({ ctx, years, form, done }: { ctx: PageContext; years: { year: number; title: string; published: boolean; zoneCount: number }[]; form: FormState; done?: string | null }) {
  return (
    <ConsoleLayout ctx={ctx} title="招生片区与日程">
      <h1>招生片区与日程</h1>
      <DoneNotice text={done} />
      {years.length === 0 ? <p class="empty">尚无招生年度。</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">年度</th><th scope="col">标题</th><th scope="col">片区条目</th><th scope="col">状态</th></tr></thead>
          <tbody>
            {years.map((y) => (
              <tr>
                <th scope="row"><a href={`${CONSOLE_EDU}/enrolment/${y.year}`}>{y.year}</a></th>
                <td>{y.title}</td><td>{y.zoneCount}</td>
                <td>{y.published ? <span class="badge badge-ok">已公布</span> : <span class="badge badge-warn">未公布</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-year" class="card">
        <h2 id="new-year">新建招生年度</h2>
        <FormMessage form={form} />
        <form method="post" action={`${CONSOLE_EDU}/enrolment`}>
          <CsrfField ctx={ctx} />
          <TextInput form={form} name="year" label="年度" type="number" required />
          <TextInput form={form} name="title" label="标题" hint="留空则为“某年义务教育招生入学”" maxLength={200} />
          <button type="submit" class="primary">创建</button>
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
    <ConsoleLayout ctx={ctx} title={`${view.year}年招生`} active={`${CONSOLE_EDU}/enrolment`}>
      <h1>{view.year}年招生片区与日程</h1>
      <p><a href={`${CONSOLE_EDU}/enrolment`}>返回招生年度</a> · {view.published ? <a href={`/gk/${view.agency.code}/education/enrolment?year=${view.year}`}>查看公众页面</a> : <span class="badge badge-warn">未公布，公众不可见</span>}</p>
      <DoneNotice text={props.done} />
      <section aria-labelledby="year-info" class="card">
        <h2 id="year-info">年度信息</h2>
        <FormMessage form={props.yearForm} />
        <form method="post" action={base}>
          <CsrfField ctx={ctx} />
          <TextInput form={props.yearForm} name="title" label="标题" maxLength={200} />
          <TextArea form={props.yearForm} name="notes" label="说明" hint="显示在查询页顶部，如报名条件、咨询电话" rows={4} />
          <TextInput form={props.yearForm} name="documentRef" label="招生工作方案索引号" hint="目录中该文件的索引号，公众页面链接到该文件" maxLength={100} />
          <Checkbox form={props.yearForm} name="published" label="公布（公众可查询本年度片区和日程）" />
          <button type="submit" class="primary">保存</button>
        </form>
      </section>

      <section aria-labelledby="steps" class="card">
        <h2 id="steps">招生日程</h2>
        {view.schedule.length === 0 ? <p class="empty">尚无日程。</p> : (
          <table class="data-table">
            <thead><tr><th scope="col">环节</th><th scope="col">学段</th><th scope="col">日期</th><th scope="col">文件</th><th scope="col">操作</th></tr></thead>
            <tbody>
              {view.schedule.map((s: AdmissionStepView) => (
                <tr>
                  <th scope="row">{s.title}</th>
                  <td>{s.level ? SCHOOL_LEVEL_LABELS[s.level].zh : '全部'}</td>
                  <td>{formatDate(s.startsOn)}{s.endsOn && s.endsOn !== s.startsOn ? ` — ${formatDate(s.endsOn)}` : ''}</td>
                  <td>{s.documentRef ?? ''}</td>
                  <td>
                    <form method="post" action={`${base}/steps/${s.id}/delete`} class="inline">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="linklike">删除<span class="visually-hidden">“{s.title}”</span></button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>添加日程</h3>
        <FormMessage form={props.stepForm} />
        <form method="post" action={`${base}/steps`}>
          <CsrfField ctx={ctx} />
          <TextInput form={props.stepForm} name="title" label="环节名称" hint="如：网上报名、资格审核、录取公示、新生报到" required maxLength={200} />
          <SelectInput form={props.stepForm} name="level" label="学段" options={[['', '全部学段'], ...levelOptions()]} />
          <TextInput form={props.stepForm} name="startsOn" label="开始日期" type="date" required />
          <TextInput form={props.stepForm} name="endsOn" label="结束日期" type="date" hint="一天的环节可留空" />
          <TextArea form={props.stepForm} name="description" label="说明" rows={2} />
          <TextInput form={props.stepForm} name="documentRef" label="相关文件索引号" maxLength={100} />
          <button type="submit" class="primary">添加</button>
        </form>
      </section>

      <section aria-labelledby="import" class="card">
        <h2 id="import">导入招生片区</h2>
        <p>上传 CSV 或 Excel（.xlsx）文件，第一行为表头：<strong>学校名称、招生范围、备注</strong>。招生范围一格可写多项，用顿号分隔。导入将<strong>替换本年度全部学校的片区</strong>；任何一行有误则整份文件不导入，并列出所有错误。</p>
        {props.importErrors && (
          <div class="notice notice-error" role="alert">
            <p>{props.importMessage}</p>
            <ul>{props.importErrors.map((e) => <li>第{e.row}行：{e.message}</li>)}</ul>
          </div>
        )}
        <form method="post" action={`${base}/import`} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <div class="form-row">
            <label for="import-file">片区文件</label>
            <input id="import-file" type="file" name="file" accept=".csv,.xlsx" required />
          </div>
          <button type="submit" class="primary">导入</button>
        </form>
      </section>

      <section aria-labelledby="zones" class="card">
        <h2 id="zones">各校片区</h2>
        <table class="data-table">
          <thead><tr><th scope="col">学校</th><th scope="col">片区条目</th><th scope="col">招生计划</th></tr></thead>
          <tbody>
            {view.schools.map((s) => (
              <tr>
                <th scope="row"><a href={`${CONSOLE_EDU}/schools/${s.school.id}?year=${view.year}`}>{s.school.name}</a></th>
                <td>{s.entries.length === 0 ? '—' : s.entries.map((e) => e.area).join('、')}</td>
                <td>{s.plan ? `${s.plan.classes} 班 / ${s.plan.places} 人` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </ConsoleLayout>
  );
}
