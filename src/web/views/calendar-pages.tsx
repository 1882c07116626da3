import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { weekday, weekdayZh } from '../../domain/dates.ts';
import { tx } from '../i18n/index.ts';
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

type WithLang = { lang: PageContext['lang'] };

const DONE_MESSAGES: Record<CalendarDone, { zh: string; en: string }> = {
  imported: { zh: '已导入该年度的节假日安排，期限计算即时生效。', en: 'The year\'s holiday schedule has been imported; deadlines are counted with it at once.' },
  added: { zh: '已增设本地假日。', en: 'The local holiday has been added.' },
  removed: { zh: '已删除本地假日。', en: 'The local holiday has been removed.' },
};

const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekdayName(ctx: WithLang, date: string): string {
  return ctx.lang === 'en' ? WEEKDAY_EN[weekday(date)] : weekdayZh(date);
}

/**
 * Dates with consecutive ones as ranges. The Chinese text is the domain's (the CLI prints the same);
 * in English its three Chinese pieces — '至', '（N 天）' and '、' — are swapped for English ones.
 */
function datesText(ctx: WithLang, dates: readonly string[]): string {
  const zh = describeDates(dates);
  if (ctx.lang !== 'en') return zh;
  return zh.replace(/ 至 /g, ' to ').replace(/（(\d+) 天）/g, ' ($1 days)').replace(/、/g, ', ');
}

function sourceLabel(ctx: WithLang, source: string | null): string {
  if (source === null) return '';
  return source === 'chinese-days' ? tx(ctx, '内置日历（chinese-days）', 'Built-in calendar (chinese-days)') : source;
}

function toEntries(ctx: WithLang, s: YearScheduleView): ScheduleEntry[] {
  const unnamed = tx(ctx, '（未命名）', '(unnamed)');
  return [
    ...s.daysOff.map((d) => ({ date: d.date, kind: 'off' as const, name: d.name ?? unnamed })),
    ...s.makeUpWorkdays.map((d) => ({ date: d.date, kind: 'work' as const, name: d.name ?? unnamed })),
  ];
}

/** Holidays as notices list them: one row per holiday with its break and its make-up working days. */
function HolidaySummary({ ctx, entries, caption }: { ctx: WithLang; entries: ScheduleEntry[]; caption: string }) {
  const groups = groupByHoliday(entries);
  if (groups.length === 0) return null;
  return (
    <table class="data-table calendar-summary">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{tx(ctx, '节日', 'Holiday')}</th><th scope="col">{tx(ctx, '放假', 'Days off')}</th><th scope="col">{tx(ctx, '调休上班', 'Make-up working days')}</th></tr></thead>
      <tbody>
        {groups.map((g) => (
          <tr>
            <th scope="row">{g.name}</th>
            <td>{g.daysOff.length ? datesText(ctx, g.daysOff) : '—'}</td>
            <td>{g.makeUpWorkdays.length ? datesText(ctx, g.makeUpWorkdays) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayTable({ ctx, days, caption, removable }: { ctx: PageContext; days: ScheduleDayView[]; caption: string; removable: boolean }) {
  if (days.length === 0) return <p class="empty">{tx(ctx, `${caption}：无`, `${caption}: none`)}</p>;
  return (
    <table class="data-table calendar-days">
      <caption>{tx(ctx, `${caption}（${days.length} 天）`, `${caption} (${days.length} days)`)}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(ctx, '日期', 'Date')}</th><th scope="col">{tx(ctx, '星期', 'Day')}</th><th scope="col">{tx(ctx, '名称', 'Name')}</th>
          <th scope="col">{tx(ctx, '来源', 'Source')}</th>{removable && <th scope="col">{tx(ctx, '操作', 'Action')}</th>}
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr class={d.local ? 'calendar-local' : undefined}>
            <td><time dateTime={d.date}>{formatDate(d.date, ctx.lang)}</time></td>
            <td>{weekdayName(ctx, d.date)}</td>
            <td>{d.name ?? '—'}</td>
            <td>{d.local ? <span class="badge badge-warn">{tx(ctx, '本地增设', 'Local')}</span> : null} {d.local ? d.source.replace(/^本地增设：?/, '') : sourceLabel(ctx, d.source)}</td>
            {removable && (
              <td>
                {d.local && (
                  <form method="post" action="/console/admin/calendar/remove" class="inline">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="date" value={d.date} />
                    <button type="submit" class="linklike" aria-label={tx(ctx, `删除 ${d.date} 本地假日`, `Remove the local holiday on ${d.date}`)}>{tx(ctx, '删除', 'Remove')}</button>
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
  const title = tx(ctx, '工作日历', 'Working-day calendar');
  const source = tx(ctx, '依据', 'Basis');
  return (
    <ConsoleLayout ctx={ctx} title={title}>
      <div class="calendar-page">
        <h1>{title}</h1>
        <p class="hint">
          {tx(ctx,
            '工作日为星期一至星期五，减去国务院公布的放假日，加上调休上班日。依申请公开的答复期限等均按工作日计算，起算日当日不计入。',
            'Working days are Monday to Friday, less the days off the State Council announces, plus the make-up working days. Deadlines such as those for replying to applications are counted in working days, not counting the day they start from.')}
        </p>
        {state.done && <Notice kind="ok">{tx(ctx, DONE_MESSAGES[state.done].zh, DONE_MESSAGES[state.done].en)}</Notice>}

        <section class="card" aria-labelledby="cal-year-title">
          <h2 id="cal-year-title">{tx(ctx, '选择年份', 'Choose a year')}</h2>
          <form method="get" action="/console/admin/calendar" class="calendar-year-form">
            <label for="cal-year">{tx(ctx, '年份', 'Year')}</label>
            <input id="cal-year" name="year" type="number" min={MIN_CALENDAR_YEAR} max={MAX_CALENDAR_YEAR} value={String(year)} required />
            <button type="submit" class="primary">{tx(ctx, '查看', 'Show')}</button>
          </form>
          <nav aria-label={tx(ctx, '已载入节假日安排的年份', 'Years with a holiday schedule')} class="calendar-years">
            <span>{tx(ctx, '已载入：', 'Loaded: ')}</span>
            <ul>
              {state.years.map((y) => (
                <li><a href={`/console/admin/calendar?year=${y.year}`} aria-current={y.year === year ? 'page' : undefined}>{y.year}</a></li>
              ))}
              {lastKnown !== undefined && (
                <li><a href={`/console/admin/calendar?year=${lastKnown + 1}`} aria-current={lastKnown + 1 === year ? 'page' : undefined}>{lastKnown + 1}{tx(ctx, '（未载入）', ' (not loaded)')}</a></li>
              )}
            </ul>
          </nav>
        </section>

        <section aria-labelledby="cal-schedule-title">
          <h2 id="cal-schedule-title">{tx(ctx, `${year} 年节假日安排`, `Holiday schedule for ${year}`)}</h2>
          {s.known ? (
            <p class="calendar-status">
              <span class="badge badge-ok">{tx(ctx, '已载入', 'Loaded')}</span> {tx(ctx, '依据：', 'Basis: ')}{sourceLabel(ctx, s.scheduleSource)}
              {s.loadedAt && tx(ctx, `（${formatDateTime(s.loadedAt, ctx.lang)} 导入）`, ` (imported ${formatDateTime(s.loadedAt, ctx.lang)})`)}
            </p>
          ) : (
            <Notice kind="error">
              {ctx.lang === 'en' ? (
                <>
                  <strong>The holiday schedule for {year} has not been loaded yet.</strong> Deadlines that reach into that year are counted on Mondays to Fridays for now and marked “provisional”; once the General Office of the State Council announces the schedule,
                  {state.mayManage ? ' import it below.' : ' a platform administrator imports it.'}
                </>
              ) : (
                <>
                  <strong>{year} 年的节假日安排尚未载入。</strong>涉及该年的期限暂按星期一至星期五推算，标注为“暂定”；国务院办公厅公布安排后，
                  {state.mayManage ? '请在下方导入。' : '由平台管理员导入。'}
                </>
              )}
            </Notice>
          )}
          <HolidaySummary ctx={ctx} entries={toEntries(ctx, s)} caption={tx(ctx, `${year} 年放假和调休安排`, `Days off and make-up working days in ${year}`)} />
          <DayTable ctx={ctx} days={s.daysOff} caption={tx(ctx, '放假日', 'Days off')} removable={hasLocal} />
          <DayTable ctx={ctx} days={s.makeUpWorkdays} caption={tx(ctx, '调休上班日', 'Make-up working days')} removable={false} />
        </section>

        {!state.mayManage && (
          <p class="notice notice-warn calendar-platform-note" role="note">
            {tx(ctx,
              '工作日历由平台管理员维护，全平台各机关共用，机关管理员只能查看。需要导入新年度的节假日安排或增设本地假日时，请联系平台管理员。',
              'The working-day calendar is kept by the platform administrators and shared by every agency on the platform; agency administrators can only view it. To import a new year\'s holiday schedule or add a local holiday, contact a platform administrator.')}
          </p>
        )}

        {state.mayManage && <section class="card" aria-labelledby="cal-import-title">
          <h2 id="cal-import-title">{tx(ctx, '导入年度安排', 'Import a year\'s schedule')}</h2>
          <p class="hint">
            {tx(ctx,
              '上传 .json（格式见 README“Working-day calendar”一节）或 .ics 日历文件（如 chinese-days 发布的 holidays.ics）。导入会替换该年度已有的安排（本地增设的假日保留）；上传后先预览，确认后才保存。',
              'Upload a .json file (format in the README, section “Working-day calendar”) or an .ics calendar file (such as the holidays.ics that chinese-days publishes). An import replaces the year\'s schedule (local holidays stay); you see a preview first, and nothing is saved until you confirm.')}
          </p>
          {state.uploadErrors && state.uploadErrors.length > 0 && (
            <div class="notice notice-error" role="alert">
              <p>{tx(ctx, '文件未导入，请更正以下问题后重新上传：', 'The file was not imported. Correct these problems and upload it again:')}</p>
              <ul class="calendar-problems">{state.uploadErrors.map((e) => <li>{e}</li>)}</ul>
            </div>
          )}
          <form method="post" action="/console/admin/calendar/upload" enctype="multipart/form-data">
            <CsrfField ctx={ctx} />
            <Field id="cal-file" label={tx(ctx, '日历文件', 'Calendar file')} required hint={tx(ctx, 'UTF-8 编码，不超过 1 MB', 'UTF-8, at most 1 MB')}>
              <input id="cal-file" name="file" type="file" accept=".json,.ics,application/json,text/calendar" required />
            </Field>
            <Field id="cal-import-year" label={tx(ctx, '年份', 'Year')} hint={tx(ctx, '文件包含多个年份时必填（例如 chinese-days 的 holidays.ics）', 'Required when the file holds several years (such as holidays.ics from chinese-days)')}>
              <input id="cal-import-year" name="year" type="text" inputMode="numeric" pattern="\d{4}" value={state.uploadForm?.year ?? ''} />
            </Field>
            <Field id="cal-source" label={source} hint={tx(ctx, '通知名称或文号，如“国务院办公厅关于2027年部分节假日安排的通知”；不填则用文件中的 source 或文件名', 'The notice\'s title or document number, e.g. “国务院办公厅关于2027年部分节假日安排的通知”; if left empty, the file\'s source or its name')}>
              <input id="cal-source" name="source" type="text" maxLength={200} value={state.uploadForm?.source ?? ''} />
            </Field>
            <button type="submit" class="primary">{tx(ctx, '上传并预览', 'Upload and preview')}</button>
          </form>
        </section>}

        {state.mayManage && <section class="card" aria-labelledby="cal-local-title">
          <h2 id="cal-local-title">{tx(ctx, '增设本地假日', 'Add a local holiday')}</h2>
          <p class="hint">{tx(ctx,
            '本地人民政府决定的额外放假日（如地方民族节日）。只能设在工作日；再次导入该年度安排时保留。',
            'An extra day off decided by the local people\'s government (such as a local ethnic festival). Only on a working day; it stays when the year\'s schedule is imported again.')}</p>
          {state.localError && <Notice kind="error">{state.localError}</Notice>}
          <form method="post" action="/console/admin/calendar/local">
            <CsrfField ctx={ctx} />
            <Field id="local-date" label={tx(ctx, '日期', 'Date')} required error={localErrors.date}>
              <input id="local-date" name="date" type="date" value={local.date} required aria-invalid={localErrors.date ? 'true' : undefined} />
            </Field>
            <Field id="local-name" label={tx(ctx, '名称', 'Name')} required error={localErrors.name}>
              <input id="local-name" name="name" type="text" maxLength={50} value={local.name} required aria-invalid={localErrors.name ? 'true' : undefined} />
            </Field>
            <Field id="local-basis" label={source} hint={tx(ctx, '决定放假的文件名称或文号', 'The title or number of the document that decided the day off')} error={localErrors.basis}>
              <input id="local-basis" name="basis" type="text" maxLength={150} value={local.basis} aria-invalid={localErrors.basis ? 'true' : undefined} />
            </Field>
            <button type="submit" class="primary">{tx(ctx, '增设', 'Add')}</button>
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
        <li>
          <time dateTime={d.date}>{formatDate(d.date, ctx.lang)}</time>{tx(ctx, `（${weekdayName(ctx, d.date)}）`, ` (${weekdayName(ctx, d.date)}) `)}
          {d.kind === 'off' ? tx(ctx, '放假', 'day off') : tx(ctx, '调休上班', 'make-up working day')}{tx(ctx, '：', ': ')}{d.name}
        </li>
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
  const days = (n: number) => tx(ctx, `${n} 天`, `${n} days`);
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '确认导入工作日历', 'Confirm the calendar import')} active="/console/admin/calendar">
      <div class="calendar-page">
        <h1>{tx(ctx, `确认导入 ${schedule.year} 年节假日安排`, `Confirm the import of the ${schedule.year} holiday schedule`)}</h1>
        <Notice kind="ok">{tx(ctx, `文件“${fileName}”已读取，尚未保存。请核对后确认导入。`, `The file “${fileName}” has been read but not saved yet. Check it, then confirm the import.`)}</Notice>
        <table class="meta-table calendar-preview-meta">
          <tbody>
            <tr><th scope="row">{tx(ctx, '年份', 'Year')}</th><td>{schedule.year}</td></tr>
            <tr><th scope="row">{tx(ctx, '文件格式', 'File format')}</th><td>{schedule.format === 'json' ? 'JSON' : 'iCalendar (.ics)'}</td></tr>
            <tr><th scope="row">{tx(ctx, '放假日', 'Days off')}</th><td>{days(daysOff)}</td></tr>
            <tr><th scope="row">{tx(ctx, '调休上班日', 'Make-up working days')}</th><td>{days(makeUp)}</td></tr>
            <tr>
              <th scope="row">{tx(ctx, '当前状态', 'Now')}</th>
              <td>{current.known
                ? tx(ctx, `已载入（${sourceLabel(ctx, current.scheduleSource)}），导入后将被替换`, `Loaded (${sourceLabel(ctx, current.scheduleSource)}); the import replaces it`)
                : tx(ctx, '尚未载入，导入后涉及该年的期限不再是暂定', 'Not loaded yet; after the import, deadlines in that year are no longer provisional')}</td>
            </tr>
            {schedule.skippedOtherYears > 0 && (
              <tr><th scope="row">{tx(ctx, '其他年份', 'Other years')}</th><td>{tx(ctx, `文件中其他年份的 ${schedule.skippedOtherYears} 天未导入`, `${schedule.skippedOtherYears} days of other years in the file are not imported`)}</td></tr>
            )}
          </tbody>
        </table>

        <HolidaySummary ctx={ctx} entries={schedule.days} caption={tx(ctx, `文件中的 ${schedule.year} 年安排`, `The ${schedule.year} schedule in the file`)} />

        {current.known && (
          <section aria-labelledby="cal-diff-title">
            <h2 id="cal-diff-title">{tx(ctx, '与现有安排相比', 'Against the current schedule')}</h2>
            {diff.added.length === 0 && diff.removed.length === 0 ? (
              <p>{tx(ctx, '与现有安排完全相同。', 'Exactly the same as the current schedule.')}</p>
            ) : (
              <>
                {diff.added.length > 0 && <><h3>{tx(ctx, `新增或改变（${diff.added.length} 天）`, `New or changed (${diff.added.length} days)`)}</h3><EntryList ctx={ctx} entries={diff.added} /></>}
                {diff.removed.length > 0 && <><h3>{tx(ctx, `不再列入（${diff.removed.length} 天，恢复为普通工作日或周末）`, `No longer listed (${diff.removed.length} days; ordinary working days or weekends again)`)}</h3><EntryList ctx={ctx} entries={diff.removed} /></>}
              </>
            )}
          </section>
        )}
        {keptLocal.length > 0 && <p>{tx(ctx, '保留本地增设的假日：', 'Local holidays kept: ')}{keptLocal.map((d) => tx(ctx, `${d.date}（${d.name ?? ''}）`, d.name ? `${d.date} (${d.name})` : d.date)).join(tx(ctx, '、', ', '))}</p>}

        <form method="post" action="/console/admin/calendar/import" class="card">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="schedule" value={json} />
          <Field id="confirm-source" label={tx(ctx, '依据', 'Basis')} required hint={tx(ctx, '记入审计日志和每一天的来源', 'Recorded in the audit log and as the source of every day')}>
            <input id="confirm-source" name="source" type="text" maxLength={200} value={preview.source} required />
          </Field>
          <p class="calendar-actions">
            <button type="submit" class="primary">{tx(ctx, '确认导入', 'Confirm the import')}</button>
            <a href={`/console/admin/calendar?year=${schedule.year}`}>{tx(ctx, '取消', 'Cancel')}</a>
          </p>
        </form>
      </div>
    </ConsoleLayout>
  );
}
