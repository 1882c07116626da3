import { parseArgs } from 'node:util';
import { openContext, withContext, type CliIo } from './common.ts';
import { loadDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/seed.ts';

export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
  const { db } = await openContext(values.db);
  io.out(`数据库已迁移到最新版本（${db.describe}）`);
  await db.close();
  return 0;
}

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
  return withContext(values.db, async (ctx) => {
    await loadDemo(ctx);
    io.out('已载入演示数据。演示账号（仅供演示）：');
    for (const a of DEMO_ACCOUNTS) io.out(`  ${a.username.padEnd(12)} ${a.roles.join(',')}`);
    io.out(`  密码均为：${DEMO_PASSWORD}`);
    return 0;
  });
}
