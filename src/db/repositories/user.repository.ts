import type { Kysely } from 'kysely';
import type { Database, User } from '../schema.ts';
import type { Role } from '../../domain/roles.ts';
import type { StaffUser } from '../../services/actor.ts';

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  byUsername(username: string): Promise<User | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  byId(id: number): Promise<User | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(u: { username: string; displayName: string; passwordHash: string; agencyId: number; departmentId: number | null; isSysadmin: boolean; roles: Role[]; email?: string }, now: Date): Promise<User> {
    const row = await this.db.insertInto('users').values({
      username: u.username,
      email: u.email ?? '',
      display_name: u.displayName,
      password_hash: u.passwordHash,
      agency_id: u.agencyId,
      department_id: u.departmentId,
      is_sysadmin: u.isSysadmin ? 1 : 0,
      disabled: 0,
      created_at: now.toISOString(),
      password_changed_at: now.toISOString(),
    }).returningAll().executeTakeFirstOrThrow();
    await this.setRoles(row.id, u.roles);
    return row;
  }

  async setRoles(userId: number, roles: Role[]): Promise<void> {
    await this.db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roles.length) await this.db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
  }

  async roles(userId: number): Promise<Role[]> {
    const rows = await this.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
    return rows.map((r) => r.role as Role);
  }

  async setPasswordHash(userId: number, hash: string, now: Date): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: hash, password_changed_at: now.toISOString() }).where('id', '=', userId).execute();
  }

  async list(agencyId?: number): Promise<(User & { agency_code: string; roles: Role[] })[]> {
    let q = this.db.selectFrom('users').innerJoin('agencies', 'agencies.id', 'users.agency_id').selectAll('users').select('agencies.code as agency_code');
    if (agencyId !== undefined) q = q.where('users.agency_id', '=', agencyId);
    const users = await q.orderBy('users.id').execute();
    const roles = await this.db.selectFrom('user_roles').selectAll().execute();
    return users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role as Role) }));
  }

  /** The staff view of a user, as sessions and tokens resolve it. */
  async staffUser(userId: number): Promise<StaffUser | undefined> {
    const row = await this.db.selectFrom('users').innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select(['users.id', 'users.username', 'users.display_name', 'users.agency_id', 'users.department_id', 'users.is_sysadmin', 'users.disabled', 'agencies.code as agency_code'])
      .where('users.id', '=', userId).executeTakeFirst();
    if (!row || row.disabled) return undefined;
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      agencyId: row.agency_id,
      agencyCode: row.agency_code,
      departmentId: row.department_id,
      roles: await this.roles(row.id),
      isSysadmin: row.is_sysadmin === 1,
    };
  }
}
