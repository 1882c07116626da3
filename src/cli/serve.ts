import { parseArgs } from 'node:util';
import { configFromEnv, parseDbUrl } from '../config.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createServiceContext } from '../services/context.ts';
import { buildApp } from '../web/app.ts';
import { loadDemoIfEmpty, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/seed.ts';
import { UsageError, type CliIo } from './common.ts';
import { Metrics } from '../web/plugins/metrics.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import { JOBS } from '../jobs/index.ts';

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'demo-if-empty': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口无效：${values.port ?? process.env.PORT}`);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const config = configFromEnv();
  const db = openDb(parseDbUrl(values.db ?? process.env.DATABASE_URL));
  await migrateToLatest(db);
  const ctx = createServiceContext(db, config);
  if (values['demo-if-empty'] && (await loadDemoIfEmpty(ctx))) {
    io.out('已载入演示数据。演示账号（仅供演示）：');
    for (const a of DEMO_ACCOUNTS) io.out(`  ${a.username.padEnd(12)} ${a.roles.join(',').padEnd(18)} ${a.displayName}`);
    io.out(`  密码均为：${DEMO_PASSWORD}`);
  }
  const metrics = new Metrics();
  const app = await buildApp(ctx, {
    metrics,
    logger: { level: config.logLevel },
    trustProxy: process.env.GONGKAI_TRUST_PROXY === '1',
  });
  // Jobs run once per period across all instances (see src/jobs/scheduler.ts); GONGKAI_JOBS=off disables them here.
  // Every tick is counted in /metrics (status ran, failed or claimed_elsewhere); only runs and failures are logged.
  const stopJobs = process.env.GONGKAI_JOBS === 'off' ? () => {} : startScheduler(ctx, JOBS, {
    intervalMs: config.schedulerIntervalMs,
    onOutcome: (o) => {
      metrics.observeJob(o.job, o.status);
      // tookOverFrom: the run took over the claim of an instance that stopped beating (see scheduler.ts).
      const from = o.status !== 'claimed_elsewhere' && o.tookOverFrom ? { tookOverFrom: o.tookOverFrom } : {};
      if (o.status === 'failed') app.log.error({ job: o.job, period: o.period, error: o.error, ...from }, '定时任务失败');
      else if (o.status === 'ran') app.log.info({ job: o.job, period: o.period, status: o.status, ...from }, '定时任务完成');
    },
  });
  // SIGTERM: stop taking connections, finish requests in flight, then close the database.
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, '正在关闭服务');
    stopJobs();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port, host });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  io.out(`Gongkai 已启动：http://${shown}:${(app.server.address() as { port: number }).port}/  （数据库：${db.describe}）`);
  return 0;
}
