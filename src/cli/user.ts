import { parseArgs } from 'node:util';
import { requireOptions, UsageError, withContext, type CliIo } from './common.ts';
import { createUser, findAgencyByCode, findDepartmentByName, findUserByUsername, listUsers, resetPassword } from '../services/account.service.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import { CLI_ACTOR } from './agency.ts';

const USAGE = `用法：
  gongkai user add --username 用户名 --password 密码 --agency 机关代码 --roles 角色1,角色2
                   [--department 科室名称] [--display-name 姓名] [--email 电子邮箱] [--sysadmin] [--db URL]
  gongkai user passwd --username 用户名 --password 新密码 [--db URL]
  gongkai user list [--agency 机关代码] [--db URL]
角色：${Object.entries(ROLE_LABELS).map(([k, v]) => `${k}（${v}）`).join('、')}`;

/** `gongkai user add|passwd|list`: staff accounts from the command line. */
export async function userCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const str = { type: 'string' } as const;
  const { values: v } = parseArgs({
    args: rest,
    options: { db: str, username: str, password: str, agency: str, roles: str, department: str, 'display-name': str, email: str, sysadmin: { type: 'boolean', default: false } },
  });
  const need = (...names: (keyof typeof v)[]) => requireOptions(v, names, USAGE);
  if (sub === 'add') {
    need('username', 'password', 'agency', 'roles');
    return withContext(v.db, async (ctx) => {
      const agency = await findAgencyByCode(ctx, v.agency!);
      const department = v.department ? await findDepartmentByName(ctx, agency.id, v.department) : null;
      const u = await createUser(ctx, CLI_ACTOR, {
        username: v.username!, password: v.password!, displayName: v['display-name'], email: v.email, agencyId: agency.id,
        departmentId: department?.id ?? null, roles: v.roles!.split(/[,，、\s]+/), isSysadmin: v.sysadmin,
      });
      io.out(`已新增用户：${u.username}（${u.displayName}），机关 ${u.agencyCode}，角色 ${u.roles.join(',') || '无'}${u.isSysadmin ? '，平台管理员' : ''}`);
      return 0;
    });
  }
  if (sub === 'passwd') {
    need('username', 'password');
    return withContext(v.db, async (ctx) => {
      const u = await findUserByUsername(ctx, CLI_ACTOR, v.username!);
      await resetPassword(ctx, CLI_ACTOR, u.id, v.password!);
      io.out(`已修改用户 ${u.username} 的密码；其所有登录已注销，登录锁定已解除。`);
      return 0;
    });
  }
  if (sub === 'list') {
    return withContext(v.db, async (ctx) => {
      const agencyId = v.agency ? (await findAgencyByCode(ctx, v.agency)).id : undefined;
      const users = await listUsers(ctx, CLI_ACTOR, { agencyId });
      if (users.length === 0) io.out('没有用户。');
      for (const u of users) {
        const flags = [u.isSysadmin ? '平台管理员' : '', u.disabled ? '已停用' : ''].filter(Boolean).join('，');
        io.out(`${u.username.padEnd(16)} ${u.agencyCode.padEnd(10)} ${(u.roles.join(',') || '-').padEnd(20)} ${u.displayName}${u.departmentName ? `（${u.departmentName}）` : ''}${flags ? `  [${flags}]` : ''}`);
      }
      return 0;
    });
  }
  throw new UsageError(USAGE);
}
