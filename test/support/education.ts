// Fixtures for the education disclosure tests (issue 6): an agency with staff of each role.
import type { ServiceContext } from '../../src/services/context.ts';
import type { Actor, StaffUser } from '../../src/services/actor.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { Agency } from '../../src/db/schema.ts';

export interface EduWorld {
  agency: Agency;
  other: Agency;
  staff: Record<'clerk' | 'office' | 'reviewer' | 'head' | 'supervisor' | 'outsider', Actor & { kind: 'staff' }>;
  publicActor: Actor;
}

let counter = 0;

/** A bureau with one user per role, and a second agency with a clerk of its own (the outsider). */
export async function eduWorld(ctx: ServiceContext): Promise<EduWorld> {
  const n = ++counter;
  const now = ctx.now();
  const mk = (code: string, name: string) => ctx.repos.agencies.insert({
    code, name, short_name: null, parent_id: null, credit_code: '11431281006109018N', address: '湖南省洪江市黔城镇沅江路18号', postcode: '418100',
    office_hours: '', phone: '0745-7623456', fax: '', email: '', website: '', office_name: '办公室', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: now.toISOString(),
  });
  const agency = await mk(`edu${n}`, '洪江市教育局');
  const other = await mk(`oth${n}`, '会同县教育局');
  const user = async (username: string, agencyId: number, roles: Role[]): Promise<Actor & { kind: 'staff' }> => {
    const u = await ctx.repos.users.insert({ username: `${username}${n}`, displayName: username, passwordHash: 'x', agencyId, departmentId: null, isSysadmin: false, roles }, now);
    const staff = (await ctx.repos.users.staffUser(u.id)) as StaffUser;
    return { kind: 'staff', user: staff, ip: '10.0.0.1' };
  };
  return {
    agency,
    other,
    staff: {
      clerk: await user('clerk', agency.id, ['clerk']),
      office: await user('office', agency.id, ['office']),
      reviewer: await user('reviewer', agency.id, ['reviewer']),
      head: await user('head', agency.id, ['head']),
      supervisor: await user('supervisor', agency.id, ['supervisor']),
      outsider: await user('outsider', other.id, ['clerk', 'office']),
    },
    publicActor: { kind: 'public', ip: '203.0.113.9' },
  };
}
