import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { DayOverride } from '../../domain/calendar.ts';

/** Days off and make-up working days loaded by administrators; they override the baseline. */
export class CalendarRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async overrides(): Promise<DayOverride[]> {
    const rows = await this.db.selectFrom('calendar_days').selectAll().orderBy('date').execute();
    return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, source: r.source }));
  }

  async knownYears(): Promise<{ year: number; source: string; loaded_at: string }[]> {
    return this.db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  }

  /** Replaces the stored schedule of `year` with `days`, and marks the year as known. */
  async replaceYear(year: number, days: DayOverride[], source: string, now: Date): Promise<void> {
    await this.db.deleteFrom('calendar_days').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
    if (days.length) {
      await this.db.insertInto('calendar_days').values(days.map((d) => ({
        date: d.date, kind: d.kind, name: d.name ?? '', source: d.source, created_at: now.toISOString(),
      }))).execute();
    }
    await this.db.deleteFrom('calendar_years').where('year', '=', year).execute();
    await this.db.insertInto('calendar_years').values({ year, source, loaded_at: now.toISOString() }).execute();
  }

  /** Adds or replaces one day (a local extra holiday, a correction) without touching the rest. */
  async upsertDay(d: DayOverride, now: Date): Promise<void> {
    await this.db.deleteFrom('calendar_days').where('date', '=', d.date).execute();
    await this.db.insertInto('calendar_days').values({ date: d.date, kind: d.kind, name: d.name ?? '', source: d.source, created_at: now.toISOString() }).execute();
  }

  async deleteDay(date: string): Promise<void> {
    await this.db.deleteFrom('calendar_days').where('date', '=', date).execute();
  }
}
