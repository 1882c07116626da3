// A minimal world for application tests: the city government and the education bureau, its
// departments, and one account per workflow role (missing parents are created here, STYLE.md #11).
import type { ServiceContext } from '../../src/services/context.ts';
import type { Actor, StaffUser } from '../../src/services/actor.ts';
import type { Role } from '../../src/domain/roles.ts';
import { registerOfflineApplication, submitApplication } from '../../src/services/application-intake.service.ts';
import { residentIdCheckChar } from '../../src/domain/identity.ts';

export interface World {
  bureauId: number;
  cityId: number;
  departments: Record<string, number>;
  users: Record<'office' | 'clerk' | 'clerk2' | 'reviewer' | 'head' | 'supervisor' | 'otherOffice' | 'admin', StaffUser>;
  actor(name: keyof World['users']): Actor;
}

let counter = 0;

/** A valid fictitious resident ID number for a birth date (region 431281 = 洪江市). */
export function residentId(birth = '19900101', seq = '123'): string {
  const first17 = `431281${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

export async function makeWorld(ctx: ServiceContext): Promise<World> {
  const n = ++counter;
  const now = ctx.now();
  const at = now.toISOString();
  const agency = (code: string, name: string, parent: number | null) => ctx.repos.agencies.insert({
    code, name, short_name: null, parent_id: parent, credit_code: '11431281006109018N', address: '湖南省洪江市黔城镇沅江路18号', postcode: '418100',
    office_hours: '', phone: '0745-7623456', fax: '', email: '', website: '', office_name: `${name}办公室`, index_pattern: '{creditCode}/{year}-{serial:5}', created_at: at,
  });
  const city = await agency(`city${n}`, '洪江市人民政府', null);
  const bureau = await agency(`bureau${n}`, '洪江市教育局', city.id);
  const other = await agency(`other${n}`, '洪江市卫生健康局', city.id);
  const departments: Record<string, number> = {};
  for (const [i, name] of ['办公室', '基础教育股', '人事股'].entries()) departments[name] = (await ctx.repos.agencies.addDepartment(bureau.id, name, i)).id;
  const otherDept = await ctx.repos.agencies.addDepartment(other.id, '办公室', 0);
  const cityDept = await ctx.repos.agencies.addDepartment(city.id, '政务公开办', 0);
  const make = async (username: string, agencyId: number, departmentId: number, roles: Role[], isSysadmin = false) => {
    const u = await ctx.repos.users.insert({ username: `${username}${n}`, displayName: `${username}${n}`, passwordHash: 'x', agencyId, departmentId, isSysadmin, roles }, now);
    return (await ctx.repos.users.staffUser(u.id))!;
  };
  const users = {
    office: await make('office', bureau.id, departments['办公室'], ['office']),
    clerk: await make('clerk', bureau.id, departments['基础教育股'], ['clerk']),
    clerk2: await make('clerk2', bureau.id, departments['人事股'], ['clerk']),
    reviewer: await make('reviewer', bureau.id, departments['办公室'], ['reviewer']),
    head: await make('head', bureau.id, departments['办公室'], ['head']),
    supervisor: await make('supervisor', city.id, cityDept.id, ['supervisor']),
    otherOffice: await make('otheroffice', other.id, otherDept.id, ['office']),
    admin: await make('admin', bureau.id, departments['办公室'], ['admin'], true),
  };
  return {
    bureauId: bureau.id,
    cityId: city.id,
    departments,
    users,
    actor: (name) => ({ kind: 'staff', user: users[name], ip: '127.0.0.1' }),
  };
}

export function personForm(overrides: Record<string, unknown> = {}, applicant: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicant: { kind: 'person', name: '张晓明', idType: 'resident_id', idNumber: residentId(), phone: '13800138000', email: 'zxm@example.com', address: '湖南省洪江市黔城镇新街1号', ...applicant },
    description: '申请公开2025年洪江市城区小学招生范围划分文件',
    format: 'electronic',
    delivery: 'online',
    ...overrides,
  };
}

/** Registers an in-person application received on `receivedOn`. */
export async function registerOn(ctx: ServiceContext, w: World, receivedOn: string, form: Record<string, unknown> = personForm()) {
  const agency = await ctx.repos.agencies.byId(w.bureauId);
  return registerOfflineApplication(ctx, w.actor('office'), { agencyCode: agency!.code, form, receipt: { channel: 'in_person', receivedOn } });
}

export async function submitOnline(ctx: ServiceContext, w: World, form: Record<string, unknown> = personForm()) {
  const agency = await ctx.repos.agencies.byId(w.bureauId);
  return submitApplication(ctx, { kind: 'public', ip: '203.0.113.9' }, { agencyCode: agency!.code, form });
}
