import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { weekdayZh } from '../../domain/dates.ts';
import { describeDates, groupByHoliday, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR, type ScheduleEntry } from '../../domain/calendar-import.ts';
import type { KnownYear, SchedulePreview, ScheduleDayView, YearScheduleView } from '../../services/calendar.service.ts';

export type CalendarDone = 'imported' | 'added' | 'removed';

/** Everything the administrators' calendar page shows (a view model; no database rows). */
export interface CalendarAdminState {
  year: number;
  schedule: YearScheduleView;
  years: KnownYear[];
  /** A platform administrator: the import and local-holiday forms are shown (agency administrators only look). */
  mayManage: boolean;
  done?: CalendarDone;
  uploadErrors?: string[];
  uploadForm?: { year: string; source: string };
  localForm?: { date: string; name: string; basis: string };
  localErrors?: Record<string, string>;
  localError?: string;
}

const DONE_MESSAGES: Record<CalendarDone, string> = {
  imported: '已导入该年度的节假日安排，期限计算即时生效。',
  added: '已增设本地假日。',
  removed: '已删除本地假日。',
};

function sourceLabel(source: string | null): string {
  if (source === null) return '';
  return source === 'chinese-days' ? '内置日历（chinese-days）' : source;
}

function toEntries(s: YearScheduleView): ScheduleEntry[] {
  return [
    ...s.daysOff.map((d) => ({ date: d.date, kind: 'off' as const, name: d.name ?? '（未命名）' })),
    ...s.makeUpWorkdays.map((d) => ({ date: d.date, kind: 'work' as const, name: d.name ?? '（未命名）' })),
  ];
}

/** Holidays as notices list them: one row per holiday with its break and its make-up working days. */
function HolidaySummary({ entries, caption }: { entries: ScheduleEntry[]; caption: string }) {
  const groups = groupByHoliday(entries);
  if (groups.length === 0) return null;
  return (
    <table class="data-table calendar-summary">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">节日</th><th scope="col">放假</th><th scope="col">调休上班</th></tr></thead>
      <tbody>
        {groups.map((g) => (
          <tr>
            <th scope="row">{g.name}</th>
            <td>{g.daysOff.length ? describeDates(g.daysOff) : '—'}</td>
            <td>{g.makeUpWorkdays.length ? describeDates(g.makeUpWorkdays) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayTable({ ctx, days, caption, removable }: { ctx: PageContext; days: ScheduleDayView[]; caption: string; removable: boolean }) {
  if (days.length === 0) return <p class="empty">{caption}：无</p>;
  return (
    <table class="data-table calendar-days">
      <caption>{caption}（{days.length} 天）</caption>
      <thead>
        <tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">名称</th><th scope="col">来源</th>{removable && <th scope="col">操作</th>}</tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr class={d.local ? 'calendar-local' : undefined}>
            <td><time dateTime={d.date}>{formatDate(d.date, ctx.lang)}</time></td>
            <td>{weekdayZh(d.date)}</td>
            <td>{d.name ?? '—'}</td>
            <td>{d.local ? <span class="badge badge-warn">本地增设</span> : null} {d.local ? d.source.replace(/^本地增设：?/, '') : sourceLabel(d.source)}</td>
            {removable && (
              <td>
                {d.local && (
                  <form method="post" action="/console/admin/calendar/remove" class="inline">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="date" value={d.date} />
                    <button type="submit" class="linklike" aria-label={`删除 ${d.date} 本地假日`}>删除</button>
                  </form>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /console/admin/calendar: a year's schedule with its sources; for platform administrators the import form and local extra holidays. */
export function CalendarAdminPage({ ctx, state }: { ctx: PageContext; state: CalendarAdminState }) {
  const { schedule: s, year } = state;
  const lastKnown = state.years.at(-1)?.year;
  const hasLocal = state.mayManage && s.daysOff.some((d) => d.local);
  const local = state.localForm ?? { date: '', name: '', basis: '' };
  const localErrors = state.localErrors ?? {};
  return (
    <ConsoleLayout ctx={ctx} title="工作日历">
      <div class="calendar-page">
        <h1>工作日历</h1>
        <p class="hint">
          工作日为星期一至星期五，减去国务院公布的放假日，加上调休上班日。依申请公开的答复期限等均按工作日计算，起算日当日不计入。
        </p>
        {state.done && <Notice kind="ok">{DONE_MESSAGES[state.done]}</Notice>}

        <section class="card" aria-labelledby="cal-year-title">
          <h2 id="cal-year-title">选择年份</h2>
          <form method="get" action="/console/admin/calendar" class="calendar-year-form">
            <label for="cal-year">年份</label>
            <input id="cal-year" name="year" type="number" min={MIN_CALENDAR_YEAR} max={MAX_CALENDAR_YEAR} value={String(year)} required />
            <button type="submit" class="primary">查看</button>
          </form>
          <nav aria-label="已载入节假日安排的年份" class="calendar-years">
            <span>已载入：</span>
            <ul>
              {state.years.map((y) => (
                <li><a href={`/console/admin/calendar?year=${y.year}`} aria-current={y.year === year ? 'page' : undefined}>{y.year}</a></li>
              ))}
              {lastKnown !== undefined && (
                <li><a href={`/console/admin/calendar?year=${lastKnown + 1}`} aria-current={lastKnown + 1 === year ? 'page' : undefined}>{lastKnown + 1}（未载入）</a></li>
              )}
            </ul>
          </nav>
        </section>

        <section aria-labelledby="cal-schedule-title">
          <h2 id="cal-schedule-title">{year} 年节假日安排</h2>
          {s.known ? (
            <p class="calendar-status">
              <span class="badge badge-ok">已载入</span> 依据：{sourceLabel(s.scheduleSource)}
              {s.loadedAt && <>（{formatDateTime(s.loadedAt, ctx.lang)} 导入）</>}
            </p>
          ) : (
            <Notice kind="error">
              <strong>{year} 年的节假日安排尚未载入。</strong>涉及该年的期限暂按星期一至星期五推算，标注为“暂定”；国务院办公厅公布安排后，
              {state.mayManage ? '请在下方导入。' : '由平台管理员导入。'}
            </Notice>
          )}
          <HolidaySummary entries={toEntries(s)} caption={`${year} 年放假和调休安排`} />
          <DayTable ctx={ctx} days={s.daysOff} caption="放假日" removable={hasLocal} />
          <DayTable ctx={ctx} days={s.makeUpWorkdays} caption="调休上班日" removable={false} />
        </section>

        {!state.mayManage && (
          <p class="notice notice-warn calendar-platform-note" role="note">
            工作日历由平台管理员维护，全平台各机关共用，机关管理员只能查看。需要导入新年度的节假日安排或增设本地假日时，请联系平台管理员。
          </p>
        )}

        {state.mayManage && <section class="card" aria-labelledby="cal-import-title">
          <h2 id="cal-import-title">导入年度安排</h2>
          <p class="hint">
            上传 .json（格式见 README“Working-day calendar”一节）或 .ics 日历文件（如 chinese-days 发布的 holidays.ics）。
            导入会替换该年度已有的安排（本地增设的假日保留）；上传后先预览，确认后才保存。
          </p>
          {state.uploadErrors && state.uploadErrors.length > 0 && (
            <div class="notice notice-error" role="alert">
              <p>文件未导入，请更正以下问题后重新上传：</p>
              <ul class="calendar-problems">{state.uploadErrors.map((e) => <li>{e}</li>)}</ul>
            </div>
          )}
          <form method="post" action="/console/admin/calendar/upload" enctype="multipart/form-data">
            <CsrfField ctx={ctx} />
            <Field id="cal-file" label="日历文件" required hint="UTF-8 编码，不超过 1 MB">
              <input id="cal-file" name="file" type="file" accept=".json,.ics,application/json,text/calendar" required />
            </Field>
            <Field id="cal-import-year" label="年份" hint="文件包含多个年份时必填（例如 chinese-days 的 holidays.ics）">
              <input id="cal-import-year" name="year" type="text" inputMode="numeric" pattern="\d{4}" value={state.uploadForm?.year ?? ''} />
            </Field>
            <Field id="cal-source" label="依据" hint="通知名称或文号，如“国务院办公厅关于2027年部分节假日安排的通知”；不填则用文件中的 source 或文件名">
              <input id="cal-source" name="source" type="text" maxLength={200} value={state.uploadForm?.source ?? ''} />
            </Field>
            <button type="submit" class="primary">上传并预览</button>
          </form>
        </section>}

        {state.mayManage && <section class="card" aria-labelledby="cal-local-title">
          <h2 id="cal-local-title">增设本地假日</h2>
          <p class="hint">本地人民政府决定的额外放假日（如地方民族节日）。只能设在工作日；再次导入该年度安排时保留。</p>
          {state.localError && <Notice kind="error">{state.localError}</Notice>}
          <form method="post" action="/console/admin/calendar/local">
            <CsrfField ctx={ctx} />
            <Field id="local-date" label="日期" required error={localErrors.date}>
              <input id="local-date" name="date" type="date" value={local.date} required aria-invalid={localErrors.date ? 'true' : undefined} />
            </Field>
            <Field id="local-name" label="名称" required error={localErrors.name}>
              <input id="local-name" name="name" type="text" maxLength={50} value={local.name} required aria-invalid={localErrors.name ? 'true' : undefined} />
            </Field>
            <Field id="local-basis" label="依据" hint="决定放假的文件名称或文号" error={localErrors.basis}>
              <input id="local-basis" name="basis" type="text" maxLength={150} value={local.basis} aria-invalid={localErrors.basis ? 'true' : undefined} />
            </Field>
            <button type="submit" class="primary">增设</button>
          </form>
        </section>}
      </div>
    </ConsoleLayout>
  );
}

function EntryList({ ctx, entries }: { ctx: PageContext; entries: ScheduleEntry[] }) {
  return (
    <ul>
      {entries.map((d) => (
        <li><time dateTime={d.date}>{formatDate(d.date, ctx.lang)}</time>（{weekdayZh(d.date)}）{d.kind === 'off' ? '放假' : '调休上班'}：{d.name}</li>
      ))}
    </ul>
  );
}

/** The preview step: what the file holds and what changes; the schedule travels on as JSON in the form. */
export function CalendarPreviewPage({ ctx, preview, json, fileName }: { ctx: PageContext; preview: SchedulePreview; json: string; fileName: string }) {
  const { schedule, current, diff } = preview;
  const daysOff = schedule.days.filter((d) => d.kind === 'off').length;
  const makeUp = schedule.days.length - daysOff;
  const keptLocal = current.daysOff.filter((d) => d.local && !schedule.days.some((n) => n.date === d.date));
  return (
    <ConsoleLayout ctx={ctx} title="确认导入工作日历" active="/console/admin/calendar">
      <div class="calendar-page">
        <h1>确认导入 {schedule.year} 年节假日安排</h1>
        <Notice kind="ok">文件“{fileName}”已读取，尚未保存。请核对后确认导入。</Notice>
        <table class="meta-table calendar-preview-meta">
          <tbody>
            <tr><th scope="row">年份</th><td>{schedule.year}</td></tr>
            <tr><th scope="row">文件格式</th><td>{schedule.format === 'json' ? 'JSON' : 'iCalendar (.ics)'}</td></tr>
            <tr><th scope="row">放假日</th><td>{daysOff} 天</td></tr>
            <tr><th scope="row">调休上班日</th><td>{makeUp} 天</td></tr>
            <tr>
              <th scope="row">当前状态</th>
              <td>{current.known ? `已载入（${sourceLabel(current.scheduleSource)}），导入后将被替换` : '尚未载入，导入后涉及该年的期限不再是暂定'}</td>
            </tr>
            {schedule.skippedOtherYears > 0 && (
              <tr><th scope="row">其他年份</th><td>文件中其他年份的 {schedule.skippedOtherYears} 天未导入</td></tr>
            )}
          </tbody>
        </table>

        <HolidaySummary entries={schedule.days} caption={`文件中的 ${schedule.year} 年安排`} />

        {current.known && (
          <section aria-labelledby="cal-diff-title">
            <h2 id="cal-diff-title">与现有安排相比</h2>
            {diff.added.length === 0 && diff.removed.length === 0 ? (
              <p>与现有安排完全相同。</p>
            ) : (
              <>
                {diff.added.length > 0 && <><h3>新增或改变（{diff.added.length} 天）</h3><EntryList ctx={ctx} entries={diff.added} /></>}
                {diff.removed.length > 0 && <><h3>不再列入（{diff.removed.length} 天，恢复为普通工作日或周末）</h3><EntryList ctx={ctx} entries={diff.removed} /></>}
              </>
            )}
          </section>
        )}
        {keptLocal.length > 0 && <p>保留本地增设的假日：{keptLocal.map((d) => `${d.date}（${d.name ?? ''}）`).join('、')}</p>}

        <form method="post" action="/console/admin/calendar/import" class="card">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="schedule" value={json} />
          <Field id="confirm-source" label="依据" required hint="记入审计日志和每一天的来源">
            <input id="confirm-source" name="source" type="text" maxLength={200} value={preview.source} required />
          </Field>
          <p class="calendar-actions">
            <button type="submit" class="primary">确认导入</button>
            <a href={`/console/admin/calendar?year=${schedule.year}`}>取消</a>
          </p>
        </form>
      </div>
    </ConsoleLayout>
  );
}
