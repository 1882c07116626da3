import { parseArgs } from 'node:util';
import { openContext, UsageError, type CliIo } from './common.ts';
import { sweepAgencyIds, sweepPublished } from '../services/privacy-sweep.service.ts';

const USAGE = '用法：gongkai privacy sweep [--agency 机关代码] [--db URL]';

/**
 * `gongkai privacy sweep`: scans every published document (and its attachments) for personal data
 * and lists the open findings by agency. Exit code 0 when nothing is open, 2 when something is.
 */
export async function privacyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' }, agency: { type: 'string' } }, allowPositionals: true });
  if (positionals[0] !== 'sweep' || positionals.length > 1) throw new UsageError(USAGE);
  const { db, ctx } = await openContext(values.db);
  try {
    const ids = await sweepAgencyIds(ctx, values.agency);
    const run = await sweepPublished(ctx, ids, { actor: { kind: 'system', label: '系统（命令行检查）' } });
    io.out(`已检查已发布的文件 ${run.scanned} 份：发现个人信息 ${run.findingCount} 处，无法自动检查的附件 ${run.uncheckedCount} 个。`);
    for (const a of run.agencies) {
      io.out('');
      io.out(`${a.agencyName}（${a.agencyCode}）：${a.findingCount} 处${a.uncheckedCount ? `，无法自动检查的附件 ${a.uncheckedCount} 个` : ''}`);
      for (const d of a.documents) {
        io.out(`  [${d.documentId}] ${d.title}${d.indexNumber ? `（索引号 ${d.indexNumber}）` : ''}`);
        for (const f of d.findings) io.out(`    - ${f.location}：${f.kindLabel} ${f.masked}`);
        for (const f of d.unchecked) io.out(`    - ${f.location}：${f.kindLabel}，请人工核对`);
      }
    }
    return run.findingCount > 0 ? 2 : 0;
  } finally {
    await db.close();
  }
}
