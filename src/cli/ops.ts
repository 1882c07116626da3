import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { parseDbUrl } from '../config.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { exportPlatform, importPlatform } from '../db/transfer.ts';
import { UsageError, type CliIo } from './common.ts';

const PG_BACKUP_HELP = `PostgreSQL 的备份与恢复使用 PostgreSQL 自带工具（在线、一致）：
  备份：pg_dump --format=custom --file=gongkai.dump "postgres://…/gongkai"
  恢复：createdb gongkai_restored && pg_restore --no-owner --dbname="postgres://…/gongkai_restored" gongkai.dump
  然后以 --db 指向恢复后的数据库启动：gongkai serve --db postgres://…/gongkai_restored`;

/** `gongkai backup --out FILE`: SQLite online backup (consistent while serving); PostgreSQL via pg_dump. */
export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' } } });
  const config = parseDbUrl(values.db ?? process.env.DATABASE_URL);
  if (!values.out) throw new UsageError('用法：gongkai backup --out 文件 [--db URL]');
  if (config.dialect === 'postgres') {
    const r = spawnSync('pg_dump', ['--format=custom', `--file=${values.out}`, config.url], { stdio: 'inherit' });
    if (r.error || r.status !== 0) {
      io.err(`pg_dump 未能完成备份。${PG_BACKUP_HELP}`);
      return 1;
    }
    io.out(`已用 pg_dump 备份到 ${values.out}\n${PG_BACKUP_HELP}`);
    return 0;
  }
  if (config.file === ':memory:') throw new UsageError('内存数据库无法备份');
  if (!fs.existsSync(config.file)) throw new UsageError(`数据库文件不存在：${config.file}`);
  if (fs.existsSync(values.out)) throw new UsageError(`备份文件已存在，不会覆盖：${values.out}`);
  const db = new SQLite(config.file, { fileMustExist: true });
  try {
    await db.backup(values.out);
  } finally {
    db.close();
  }
  io.out(`已备份 ${config.file} → ${values.out}（${fs.statSync(values.out).size} 字节）`);
  return 0;
}

/** `gongkai restore --from FILE [--db PATH] [--force]`: puts a SQLite backup in place (server stopped). */
export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const config = parseDbUrl(values.db ?? process.env.DATABASE_URL);
  if (!values.from) throw new UsageError('用法：gongkai restore --from 备份文件 [--db 路径] [--force]');
  if (config.dialect === 'postgres') {
    io.err(PG_BACKUP_HELP);
    return 1;
  }
  if (!fs.existsSync(values.from)) throw new UsageError(`备份文件不存在：${values.from}`);
  // Check it is a readable SQLite database with our tables before replacing anything.
  const probe = new SQLite(values.from, { readonly: true, fileMustExist: true });
  try {
    const ok = probe.prepare("select count(*) n from sqlite_master where type='table' and name in ('agencies','audit_events')").get() as { n: number };
    if (ok.n !== 2) throw new UsageError('该文件不是 Gongkai 的数据库备份');
    const integrity = probe.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new UsageError(`备份文件已损坏：${String(integrity)}`);
  } finally {
    probe.close();
  }
  if (fs.existsSync(config.file) && !values.force) throw new UsageError(`目标数据库已存在：${config.file}（确认覆盖请加 --force，并先停止服务）`);
  fs.mkdirSync(path.dirname(path.resolve(config.file)), { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(config.file + suffix, { force: true });
  fs.copyFileSync(values.from, config.file);
  io.out(`已从 ${values.from} 恢复到 ${config.file}`);
  return 0;
}

/** `gongkai export --out DIR`: every table as NDJSON with row counts and checksums. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' } } });
  if (!values.out) throw new UsageError('用法：gongkai export --out 目录 [--db URL]');
  if (fs.existsSync(values.out) && fs.readdirSync(values.out).length > 0) throw new UsageError(`导出目录不是空的：${values.out}`);
  const db = openDb(parseDbUrl(values.db ?? process.env.DATABASE_URL));
  try {
    await migrateToLatest(db);
    const m = await exportPlatform(db, values.out);
    for (const t of m.tables) io.out(`  ${t.name.padEnd(28)} ${String(t.rows).padStart(8)} 行  ${t.checksum.slice(0, 12)}`);
    io.out(`已导出 ${m.tables.length} 张表到 ${values.out}`);
    return 0;
  } finally {
    await db.close();
  }
}

/** `gongkai import --from DIR --db URL`: into an empty database, then verified table by table. */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, from: { type: 'string' } } });
  if (!values.from) throw new UsageError('用法：gongkai import --from 导出目录 --db URL');
  const db = openDb(parseDbUrl(values.db ?? process.env.DATABASE_URL));
  try {
    await migrateToLatest(db);
    const rows = await importPlatform(db, values.from);
    for (const r of rows) io.out(`  ${r.ok ? '✓' : '✗'} ${r.table.padEnd(28)} ${String(r.actualRows).padStart(8)} / ${r.expectedRows} 行`);
    const bad = rows.filter((r) => !r.ok);
    if (bad.length) {
      io.err(`校验失败：${bad.map((r) => r.table).join('、')}`);
      return 1;
    }
    io.out(`已导入并逐表校验通过（${rows.length} 张表，${db.describe}）`);
    return 0;
  } finally {
    await db.close();
  }
}
