import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Platform-wide settings shared by every instance (secrets, defaults). */
export class SettingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db.insertInto('settings').values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }

  /** Returns the stored value, storing `make()` first if there is none (race-safe across instances). */
  async getOrCreate(key: string, make: () => string): Promise<string> {
    await this.db.insertInto('settings').values({ key, value: make() }).onConflict((oc) => oc.column('key').doNothing()).execute();
    return (await this.get(key))!;
  }
}
