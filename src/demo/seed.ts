import type { ServiceContext } from '../services/context.ts';
import type { Role } from '../domain/roles.ts';
import type { Agency, Department } from '../db/schema.ts';
import { hashPassword } from '../services/password.ts';
import { DomainError } from '../services/errors.ts';
import { seedEducationDemo } from './education.ts';
import { seedDocuments } from './documents.ts';
import { seedReports } from './reports.ts';
import { seedInspectionDemo } from './inspection.ts';
import { seedApplications } from './applications.ts';
import { seedPrivacyDemo } from './privacy.ts';

// Demo data: fictitious people, real place names. Passwords are for the demo only.
export const DEMO_PASSWORD = 'gongkai2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  agency: 'hjs' | 'hjjyj';
  department?: string;
  roles: Role[];
  sysadmin?: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'clerk', displayName: '李经办', agency: 'hjjyj', department: '基础教育股', roles: ['clerk'] },
  { username: 'clerk2', displayName: '周经办', agency: 'hjjyj', department: '人事股', roles: ['clerk'] },
  { username: 'office', displayName: '王公开', agency: 'hjjyj', department: '办公室', roles: ['office'] },
  { username: 'reviewer', displayName: '赵审核', agency: 'hjjyj', department: '办公室', roles: ['reviewer'] },
  { username: 'head', displayName: '陈局长', agency: 'hjjyj', department: '办公室', roles: ['head'] },
  { username: 'admin', displayName: '系统管理员', agency: 'hjjyj', department: '办公室', roles: ['admin'], sysadmin: true },
  { username: 'supervisor', displayName: '刘督查', agency: 'hjs', roles: ['supervisor'] },
];

/** What later seeders get: the demo agencies and their departments by name. */
export interface DemoWorld {
  city: Agency;
  bureau: Agency;
  departments: Record<string, Department>;
  userIds: Record<string, number>;
}

export type DemoSeeder = (ctx: ServiceContext, world: DemoWorld) => Promise<void>;

/** Area seeders, run in order after agencies and accounts exist. */
const seeders: DemoSeeder[] = [seedDocuments, seedEducationDemo, seedApplications, seedInspectionDemo, seedPrivacyDemo, seedReports]; // seedReports stays last: it counts the other areas' demo records

const DEMO_FLAG = 'demo_data';

export async function loadDemo(ctx: ServiceContext): Promise<void> {
  if ((await ctx.repos.settings.get(DEMO_FLAG)) === '1') throw new DomainError('演示数据已经载入，无需重复载入');
  if ((await ctx.repos.agencies.all()).length > 0) throw new DomainError('数据库中已有非演示数据，拒绝载入演示数据');
  const now = ctx.now();
  const world = await ctx.transaction(async (repos) => {
    const city = await repos.agencies.insert({
      code: 'hjs', name: '洪江市人民政府', short_name: '洪江市政府', parent_id: null, credit_code: '11431281006108945C',
      address: '湖南省洪江市黔城镇政府大院', postcode: '418100', office_hours: '工作日 上午8:00—12:00，下午14:30—17:30',
      phone: '0745-7622001', fax: '0745-7622002', email: 'hjszwgk@example.gov.cn', website: 'http://localhost:3000/gk/hjs',
      office_name: '洪江市人民政府办公室（政务公开办）', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: now.toISOString(),
    });
    const bureau = await repos.agencies.insert({
      code: 'hjjyj', name: '洪江市教育局', short_name: '市教育局', parent_id: city.id, credit_code: '11431281006109018N',
      address: '湖南省洪江市黔城镇沅江路18号', postcode: '418100', office_hours: '工作日 上午8:00—12:00，下午14:30—17:30',
      phone: '0745-7623456', fax: '0745-7623457', email: 'hjjyjgk@example.gov.cn', website: 'http://localhost:3000/gk/hjjyj',
      office_name: '洪江市教育局办公室', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: now.toISOString(),
    });
    const departments: Record<string, Department> = {};
    const names = ['办公室', '基础教育股', '人事股', '计划财务股', '教育督导室'];
    for (const [i, name] of names.entries()) departments[name] = await repos.agencies.addDepartment(bureau.id, name, i);
    const cityOffice = await repos.agencies.addDepartment(city.id, '政务公开办', 0);
    const userIds: Record<string, number> = {};
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      const agency = a.agency === 'hjs' ? city : bureau;
      const dept = a.agency === 'hjs' ? cityOffice : departments[a.department!];
      const u = await repos.users.insert({ username: a.username, displayName: a.displayName, passwordHash, agencyId: agency.id, departmentId: dept.id, isSysadmin: !!a.sysadmin, roles: a.roles }, now);
      userIds[a.username] = u.id;
    }
    await repos.settings.set(DEMO_FLAG, '1');
    await repos.audit.append({ actorId: null, actorLabel: '系统（演示数据）', agencyId: null, action: 'demo.loaded', subjectType: 'platform', subjectId: 'demo', summary: { agencies: ['hjs', 'hjjyj'], users: DEMO_ACCOUNTS.map((a) => a.username) } }, now);
    return { city, bureau, departments, userIds };
  });
  for (const seed of seeders) await seed(ctx, world);
}

/** For `npm start`: loads the demo into an empty database; returns whether it did. */
export async function loadDemoIfEmpty(ctx: ServiceContext): Promise<boolean> {
  if ((await ctx.repos.agencies.all()).length > 0) return false;
  await loadDemo(ctx);
  return true;
}
