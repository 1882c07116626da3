import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, EduFee, EduFeeTable } from '../schema.ts';

/** Education fee items (教育收费): standard, legal basis, approving document, period of validity. */
export class EducationFeeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(agencyId: number): Promise<EduFee[]> {
    return this.db.selectFrom('edu_fees').selectAll().where('agency_id', '=', agencyId).orderBy('category').orderBy('valid_from', 'desc').orderBy('id').execute();
  }

  byId(id: number): Promise<EduFee | undefined> {
    return this.db.selectFrom('edu_fees').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insert(f: Insertable<EduFeeTable>): Promise<EduFee> {
    return this.db.insertInto('edu_fees').values(f).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: number, changes: Updateable<EduFeeTable>): Promise<void> {
    await this.db.updateTable('edu_fees').set(changes).where('id', '=', id).execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('edu_fees').where('id', '=', id).execute();
  }
}
