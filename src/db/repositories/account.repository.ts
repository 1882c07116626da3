import type { Kysely } from 'kysely';
import type { Database, Department } from '../schema.ts';

/**
 * Account administration queries the core agency/user repositories do not have: editing a user,
 * disabling one, renaming a department, and the actions the audit log holds (for the filter).
 */
export class AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async updateUser(userId: number, changes: { displayName?: string; departmentId?: number | null; isSysadmin?: boolean; email?: string }): Promise<void> {
    const set: { display_name?: string; department_id?: number | null; is_sysadmin?: number; email?: string } = {};
    if (changes.displayName !== undefined) set.display_name = changes.displayName;
    if (changes.email !== undefined) set.email = changes.email;
    if (changes.departmentId !== undefined) set.department_id = changes.departmentId;
    if (changes.isSysadmin !== undefined) set.is_sysadmin = changes.isSysadmin ? 1 : 0;
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('users').set(set).where('id', '=', userId).execute();
  }

  async setDisabled(userId: number, disabled: boolean): Promise<void> {
    await this.db.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', userId).execute();
  }

  departmentByName(agencyId: number, name: string): Promise<Department | undefined> {
    return this.db.selectFrom('departments').selectAll().where('agency_id', '=', agencyId).where('name', '=', name).executeTakeFirst();
  }

  async renameDepartment(id: number, name: string): Promise<void> {
    await this.db.updateTable('departments').set({ name }).where('id', '=', id).execute();
  }

  async nextDepartmentSort(agencyId: number): Promise<number> {
    const row = await this.db.selectFrom('departments').select((eb) => eb.fn.max<number>('sort').as('m')).where('agency_id', '=', agencyId).executeTakeFirst();
    return row?.m === null || row?.m === undefined ? 0 : Number(row.m) + 1;
  }

  /** Distinct audit actions (optionally of one agency), for the audit page's filter. */
  async auditActions(agencyId?: number): Promise<string[]> {
    let q = this.db.selectFrom('audit_events').select('action').distinct();
    if (agencyId !== undefined) q = q.where('agency_id', '=', agencyId);
    const rows = await q.orderBy('action').execute();
    return rows.map((r) => r.action);
  }
}
