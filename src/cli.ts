import { consoleIo, UsageError } from './cli/common.ts';
import { commands } from './cli/commands.ts';

const USAGE = `用法: gongkai <命令> [选项]

命令:
  serve [--port 3000] [--host 127.0.0.1] [--db URL] [--demo-if-empty]   迁移数据库并启动服务
  migrate [--db URL]                                                     执行数据库迁移
  demo [--db URL]                                                        载入演示数据（仅限空库或演示库）
  agency add|list …                                                      管理机关
  user add|passwd|list …                                                 管理用户
  calendar import FILE.ics|FILE.json [--year Y] | show YEAR               导入或查看工作日历
  audit verify                                                           校验审计日志哈希链
  privacy sweep [--agency 机关代码]                                       检查已发布信息中的个人信息（按机关列出）
  privacy purge [--dry-run] [--agency 机关代码]                           删除超过保存期限的申请人个人信息（--dry-run 只列出）
  backup --out FILE | restore --from FILE [--force]                     备份与恢复（SQLite；PostgreSQL 用 pg_dump）
  export --out DIR | import --from DIR                                   整库导出/导入并逐表校验（可跨 SQLite 与 PostgreSQL）

数据库: --db 或环境变量 DATABASE_URL：文件路径、sqlite:PATH 或 postgres://…（默认 ./data/gongkai.sqlite）`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    consoleIo.out(USAGE);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    consoleIo.err(`未知命令：${name}\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    consoleIo.out(USAGE);
    return 0;
  }
  try {
    return await command(rest, consoleIo);
  } catch (e) {
    if (e instanceof UsageError) {
      consoleIo.err(`${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      consoleIo.err(`${parseArgsMessage(e as Error)}\n\n${USAGE}`);
      return 2;
    }
    consoleIo.err(`错误：${(e as Error).message}`);
    return 1;
  }
}

/** node:util parseArgs explains itself in English: the option it refused, in Chinese. */
function parseArgsMessage(e: Error & { code?: string }): string {
  const option = /'(-[^']*)'/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项：${option}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项 ${option} 的值无效或缺少值`;
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数：${/'([^']*)'/.exec(e.message)?.[1] ?? ''}`;
  return `参数有误（${e.message}）`;
}

process.exitCode = await main(process.argv.slice(2));
