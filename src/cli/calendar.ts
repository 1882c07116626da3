import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openContext, UsageError, withContext, type CliIo } from './common.ts';
import { importScheduleFile, ScheduleFileError, yearSchedule } from '../services/calendar.service.ts';
import { describeDates, groupByHoliday, isCalendarYear, MAX_SCHEDULE_FILE_BYTES, type ScheduleEntry } from '../domain/calendar-import.ts';
import type { Actor } from '../services/actor.ts';

const USAGE = '用法：gongkai calendar import FILE.ics|FILE.json [--year Y] [--source 依据] [--db URL]\n' +
  '      gongkai calendar show YEAR [--db URL]';

function printGroups(io: CliIo, days: ScheduleEntry[]): void {
  for (const g of groupByHoliday(days)) {
    const parts = [g.daysOff.length ? `放假 ${describeDates(g.daysOff)}` : '', g.makeUpWorkdays.length ? `调休上班 ${describeDates(g.makeUpWorkdays)}` : ''];
    io.out(`  ${g.name}：${parts.filter(Boolean).join('；')}`);
  }
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!isCalendarYear(year)) throw new UsageError(`年份应为 1900 至 2200 之间的四位数字：${value}`);
  return year;
}

/** `gongkai calendar import FILE` loads a year's schedule (as an administrator would on the page); `show YEAR` prints one. */
export async function calendarCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, year: { type: 'string' }, source: { type: 'string' } },
    allowPositionals: true,
  });
  const [sub, target, ...extra] = positionals;
  if ((sub !== 'import' && sub !== 'show') || !target || extra.length) throw new UsageError(USAGE);

  if (sub === 'show') {
    const year = parseYear(target)!;
    return withContext(values.db, async (ctx) => {
      const s = await yearSchedule(ctx, year);
      io.out(s.known ? `${year} 年节假日安排（依据：${s.scheduleSource}）：` : `${year} 年的节假日安排尚未载入，期限按星期一至星期五推算（暂定）。`);
      printGroups(io, [
        ...s.daysOff.map((d) => ({ date: d.date, kind: 'off' as const, name: d.name ?? '（未命名）' })),
        ...s.makeUpWorkdays.map((d) => ({ date: d.date, kind: 'work' as const, name: d.name ?? '（未命名）' })),
      ]);
      return 0;
    });
  }

  const year = parseYear(values.year);
  let content: Buffer;
  try {
    content = await readFile(target);
  } catch (e) {
    io.err(`无法读取文件 ${target}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`);
    return 1;
  }
  if (content.byteLength > MAX_SCHEDULE_FILE_BYTES) {
    io.err(`文件过大：日历文件不应超过 ${MAX_SCHEDULE_FILE_BYTES / 1024} KB`);
    return 1;
  }
  const { db, ctx } = await openContext(values.db);
  const actor: Actor = { kind: 'system', label: '命令行（gongkai calendar import）' };
  try {
    const fileName = path.basename(target);
    const result = await importScheduleFile(ctx, actor, { fileName, content, year, source: values.source });
    io.out(`已导入 ${result.year} 年节假日安排（依据：${result.source}）：放假 ${result.daysOff} 天，调休上班 ${result.makeUpWorkdays} 天。`);
    const s = await yearSchedule(ctx, result.year);
    printGroups(io, [
      ...s.daysOff.filter((d) => !d.local).map((d) => ({ date: d.date, kind: 'off' as const, name: d.name ?? '（未命名）' })),
      ...s.makeUpWorkdays.map((d) => ({ date: d.date, kind: 'work' as const, name: d.name ?? '（未命名）' })),
    ]);
    if (result.before.known) {
      io.out(`此前的安排（${result.before.source}：放假 ${result.before.daysOff} 天，调休上班 ${result.before.makeUpWorkdays} 天）已被替换。`);
    }
    if (result.keptLocal.length) io.out(`保留本地增设的假日：${result.keptLocal.join('、')}`);
    if (result.droppedLocal.length) io.out(`以下本地增设的假日与新安排重合，已由新安排取代：${result.droppedLocal.join('、')}`);
    return 0;
  } catch (e) {
    if (e instanceof ScheduleFileError) {
      io.err(`文件 ${target} 未导入，共 ${e.problems.length} 处问题：`);
      for (const p of e.problems) io.err(`  ${p}`);
      if (year === undefined && e.problems.some((p) => p.includes('请指定要导入的年份'))) io.err('用 --year 指定年份，例如 --year 2026');
      return 1;
    }
    throw e;
  } finally {
    await db.close();
  }
}
