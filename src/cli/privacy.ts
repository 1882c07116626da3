import { parseArgs } from 'node:util';
import { UsageError, withContext, type CliIo } from './common.ts';
import { sweepAgencyIds, sweepPublished } from '../services/privacy-sweep.service.ts';
import { purgeExpiredPersonalData } from '../services/applicant-data.service.ts';

const USAGE = '用法：gongkai privacy sweep [--agency 机关代码] [--db URL]\n      gongkai privacy purge [--dry-run] [--agency 机关代码] [--db URL]';

/**
 * `gongkai privacy sweep`: scans every published document (and its attachments) for personal data
 * and lists the open findings by agency. Exit code 0 when nothing is open, 2 when something is.
 * `gongkai privacy purge [--dry-run]`: erases applicants' personal data of cases past their agency's
 * retention period now (the daily job does the same); with --dry-run only lists them.
 */
export async function privacyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' }, agency: { type: 'string' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length !== 1 || (positionals[0] !== 'sweep' && positionals[0] !== 'purge')) throw new UsageError(USAGE);
  if (positionals[0] === 'purge') return purgeCommand(values.db, values.agency, values['dry-run'] ?? false, io);
  if (values['dry-run']) throw new UsageError(USAGE);
  return withContext(values.db, async (ctx) => {
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
  });
}

async function purgeCommand(dbUrl: string | undefined, agency: string | undefined, dryRun: boolean, io: CliIo): Promise<number> {
  return withContext(dbUrl, async (ctx) => {
    const report = await purgeExpiredPersonalData(ctx, { dryRun, ...(agency ? { agencyCodes: [agency] } : {}) });
    if (agency && report.agencies.length === 0) throw new UsageError(`未找到机关代码 ${agency}`);
    for (const a of report.agencies) {
      io.out(`${a.agencyCode}：保存期限 ${a.retentionYears} 年，办结日期在 ${a.cutoff} 及以前的申请${dryRun ? '将被' : '已'}删除个人信息 ${a.cases.length} 件`);
      for (const c of a.cases) io.out(`  [${c.applicationId}] ${c.trackingCode}（办结 ${c.endedOn}）`);
    }
    io.out(dryRun ? `试运行：共 ${report.erased} 件申请到期，未作任何修改。` : `已删除 ${report.erased} 件申请的申请人个人信息，删除文件 ${report.filesDeleted} 个。`);
    return 0;
  });
}
