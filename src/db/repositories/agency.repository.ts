import type { Kysely } from 'kysely';
import type { Agency, AgencyUpdate, Database, Department, NewAgency } from '../schema.ts';

export class AgencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  byCode(code: string): Promise<Agency | undefined> {
    return this.db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
  }

  byId(id: number): Promise<Agency | undefined> {
    return this.db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  }

  all(): Promise<Agency[]> {
    return this.db.selectFrom('agencies').selectAll().orderBy('id').execute();
  }

  children(parentId: number): Promise<Agency[]> {
    return this.db.selectFrom('agencies').selectAll().where('parent_id', '=', parentId).orderBy('id').execute();
  }

  /** The agency and every agency below it, at any depth. */
  async subtreeIds(rootId: number): Promise<number[]> {
    const all = await this.db.selectFrom('agencies').select(['id', 'parent_id']).execute();
    const ids = [rootId];
    for (let i = 0; i < ids.length; i++) for (const a of all) if (a.parent_id === ids[i]) ids.push(a.id);
    return ids;
  }

  insert(a: NewAgency): Promise<Agency> {
    return this.db.insertInto('agencies').values(a).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: number, changes: AgencyUpdate): Promise<void> {
    await this.db.updateTable('agencies').set(changes).where('id', '=', id).execute();
  }

  departments(agencyId: number): Promise<Department[]> {
    return this.db.selectFrom('departments').selectAll().where('agency_id', '=', agencyId).orderBy('sort').orderBy('id').execute();
  }

  departmentById(id: number): Promise<Department | undefined> {
    return this.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  addDepartment(agencyId: number, name: string, sort = 0): Promise<Department> {
    return this.db.insertInto('departments').values({ agency_id: agencyId, name, sort }).returningAll().executeTakeFirstOrThrow();
  }
}
