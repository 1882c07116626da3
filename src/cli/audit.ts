import { parseArgs } from 'node:util';
import { UsageError, withContext, type CliIo } from './common.ts';

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' } }, allowPositionals: true });
  if (positionals[0] !== 'verify') throw new UsageError('用法：gongkai audit verify [--db URL]');
  return withContext(values.db, async (ctx) => {
    const result = await ctx.repos.audit.verify();
    if (result.ok) {
      io.out(`审计日志完整：已校验 ${result.checked} 条事件`);
      return 0;
    }
    io.err(`审计日志校验失败：${result.reason}（此前 ${result.checked} 条事件完好）`);
    return 1;
  });
}
