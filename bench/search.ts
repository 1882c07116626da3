// Search latency at 100k and 1M generated documents on SQLite and 100k on PostgreSQL: p50/p95 of
// searchDocuments (count, page, load, snippets) beside the raw index query it is built on (the
// FTS5 MATCH / tsvector @@ with ORDER BY and LIMIT only), as a ratio measured in the same run.
//
//   node --import tsx bench/search.ts                      # 100k and 1M on SQLite, 100k on PostgreSQL
//   node --import tsx bench/search.ts --sizes=100000 --pg=0
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
//
// Documents are generated from a fixed seed: titles and bodies built from the vocabulary of a
// county education bureau's catalog (schools, towns, 招生, 学费, 教师招聘 …), in 40 agencies.
// Databases are temporary (a file in the OS temp directory, a new PostgreSQL database) and removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDb, type Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createRepositories, type Repositories } from '../src/db/repositories/index.ts';
import { searchDocuments } from '../src/search/search.service.ts';
import type { SearchEntry } from '../src/search/search-index.repository.ts';
import { benchArgs, prng } from './_support.ts';

const args = benchArgs();
const SIZES = (args.get('sizes') ?? '100000,1000000').split(',').map(Number).sort((a, b) => a - b);
const PG_SIZE = Number(args.get('pg') ?? 100_000);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(args.get('runs') ?? 5);
const AGENCIES = 40;
const BATCH = 5_000;

// ---- generated documents ----

const TOWNS = ['黔城镇', '安江镇', '托口镇', '沅河镇', '江市镇', '岔头乡', '雪峰镇', '塘湾镇', '湾溪乡', '洗马乡', '龙船塘瑶族乡', '熟坪乡', '铁山乡', '大崇乡', '双溪镇', '深渡苗族乡', '桂花园乡', '群峰乡', '茅渡乡', '沙湾乡'];
const SCHOOL_KINDS = ['中心小学', '中心学校', '第一中学', '第二中学', '第三中学', '实验小学', '实验中学', '幼儿园', '中心幼儿园', '职业中专', '特殊教育学校', '九年一贯制学校', '民族中学', '完全小学'];
const SUBJECTS = ['秋季招生入学工作', '春季招生工作', '普通高中招生', '招生简章', '学区划分及划片入学', '公开招聘教师', '教师招聘考试成绩', '教师资格认定', '学费收费标准', '课后服务收费', '住宿费标准', '学生资助资金发放', '营养改善计划', '校舍安全排查', '校车安全管理', '教育督导评估', '部门预算', '部门决算', '三公经费', '行政处罚决定', '双随机抽查结果', '审计整改情况', '建议提案办理', '民办学校年检', '教育教学质量监测', '体育艺术节', '防溺水安全教育', '教师职称评审', '义务教育均衡发展', '学前教育普惠'];
const GENRES = ['通知', '公告', '公示', '意见', '办法', '方案', '报告', '结果', '名单', '通报'];
const SENTENCES = [
  '为进一步规范{s}工作，根据上级有关文件精神，结合我市实际，现将有关事项{g}如下。',
  '各乡镇中心学校、市直各学校要高度重视，精心组织，确保{s}各项工作落到实处。',
  '{t}{k}应严格执行招生政策，不得以任何形式举行入学考试。',
  '学费、住宿费按照物价部门核定的标准收取，严禁擅自提高收费标准或增加收费项目。',
  '本次公开招聘教师{n}名，报名时间为{y}年{m}月{d}日至{m}月{d2}日。',
  '对家庭经济困难学生，按规定落实学生资助政策，做到应助尽助。',
  '{t}{k}位于{t}，现有教学班{n}个，在校学生{n2}人，教职工{n3}人。',
  '请各单位于{y}年{m}月{d}日前将{s}情况报送市教育局{o}。',
  '监督举报电话：0745-76{p}，联系人：{who}。',
  '本{g}自发布之日起施行，由市教育局负责解释。',
  '经审核，{t}{k}等{n}所学校符合条件，现予以公示，公示期为五个工作日。',
  '严格落实义务教育免试就近入学规定，合理划定学区范围。',
  '全面落实校园安全责任制，加强食品安全和校车安全管理。',
  '按照预算法的规定，现将{y}年度部门预算公开如下。',
];
const OFFICES = ['办公室', '基础教育股', '人事股', '计划财务股', '教育督导室', '安全稳定股', '学生资助中心'];
const NAMES = ['张老师', '李老师', '王主任', '刘科长', '陈干事', '杨老师', '赵股长'];

function makeEntry(i: number, rnd: () => number): SearchEntry {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const n = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const year = n(2010, 2026);
  const month = n(1, 12);
  const day = n(1, 28);
  const town = pick(TOWNS);
  const school = pick(SCHOOL_KINDS);
  const subject = pick(SUBJECTS);
  const genre = pick(GENRES);
  const title = rnd() < 0.5
    ? `洪江市教育局关于${year}年${subject}的${genre}`
    : `${town}${school}${year}年${subject}${genre}`;
  const sentences: string[] = [];
  const count = n(3, 6);
  for (let k = 0; k < count; k++) {
    sentences.push(pick(SENTENCES).replace(/\{(\w+)\}/g, (_, key: string) => {
      switch (key) {
        case 's': return subject;
        case 'g': return genre;
        case 't': return pick(TOWNS);
        case 'k': return pick(SCHOOL_KINDS);
        case 'y': return String(year);
        case 'm': return String(month);
        case 'd': return String(day);
        case 'd2': return String(Math.min(28, day + 7));
        case 'n': return String(n(2, 60));
        case 'n2': return String(n(50, 3000));
        case 'n3': return String(n(5, 200));
        case 'o': return pick(OFFICES);
        case 'p': return String(n(10000, 99999));
        case 'who': return pick(NAMES);
        default: return '';
      }
    }));
  }
  const serial = String(i).padStart(5, '0');
  return {
    kind: 'document',
    refId: i,
    agencyId: 1 + Math.floor(rnd() ** 2 * AGENCIES), // a few agencies publish most
    title,
    text: sentences.join(''),
    url: `/gk/a/documents/${i}`,
    publishedOn: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    facets: {
      category: pick(['机构职能', '人事信息', '政策文件', '规划计划', '财政信息', '民生公益', '其他重要信息']),
      topics: [pick(['招生入学', '教育收费', '教师招聘', '学生资助', '教育教学管理'])],
      genre,
      year,
      validity: rnd() < 0.9 ? '有效' : '失效',
      docNumber: `洪教发〔${year}〕${n(1, 120)}号`,
      indexNumber: `11431281006109018N/${year}-${serial}`,
    },
  };
}

// ---- queries ----

// Frequent and rare words, a phrase, Traditional input, two terms, one character, no hit.
const QUERIES = ['招生', '学费', '教师招聘', '营养改善计划', '龙船塘', '學費', '实验小学 招生', '招生简章', '校', '2026', '量子计算'];

interface Scope { name: string; agencyIds: number[] }

async function measure(label: string, repos: Repositories, agencyIds: number[]): Promise<Row[]> {
  const scopes: Scope[] = [{ name: 'all', agencyIds }, { name: 'one', agencyIds: [agencyIds[1]] }];
  const rows: Row[] = [];
  for (const order of ['relevance', 'date'] as const) {
    for (const q of QUERIES) {
      const full: number[] = [];
      const fullCpu: number[] = [];
      const raw: number[] = [];
      const rawCpu: number[] = [];
      let total = 0;
      for (const scope of scopes) {
        const run = () => searchDocuments({ repos }, { q, agencyIds: scope.agencyIds, order, page: 1, pageSize: 20 });
        const runRaw = () => repos.search.rawIds(q, order, 20);
        const r = await run(); // warm-up
        await runRaw();
        if (scope.name === 'all') total = r.total;
        for (let k = 0; k < RUNS; k++) {
          let t = performance.now();
          let c = cpuMs();
          await run();
          full.push(performance.now() - t);
          fullCpu.push(cpuMs() - c);
          t = performance.now();
          c = cpuMs();
          await runRaw();
          raw.push(performance.now() - t);
          rawCpu.push(cpuMs() - c);
        }
      }
      rows.push({ label, order, q, total, full, fullCpu, raw, rawCpu });
    }
  }
  return rows;
}

interface Row { label: string; order: string; q: string; total: number; full: number[]; fullCpu: number[]; raw: number[]; rawCpu: number[] }

/** CPU time of this process (SQLite runs in it; PostgreSQL's work is in the server and not counted). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function printTable(rows: Row[]): void {
  const f = (x: number) => x.toFixed(1);
  const cells = (r: Pick<Row, 'full' | 'fullCpu' | 'raw' | 'rawCpu'>) =>
    `${f(pct(r.full, 50))} | ${f(pct(r.full, 95))} | ${f(pct(r.fullCpu, 50))} | ${f(pct(r.fullCpu, 95))} | ${f(pct(r.raw, 50))} | ${f(pct(r.raw, 95))} | ${(pct(r.full, 50) / Math.max(0.05, pct(r.raw, 50))).toFixed(1)} |`;
  const head = '| search p50 | search p95 | search CPU p50 | search CPU p95 | raw p50 | raw p95 | ratio p50 |';
  console.log(`\n| database | order | query | hits ${head}`);
  console.log(`|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const r of rows) console.log(`| ${r.label} | ${r.order} | ${r.q} | ${r.total} | ${cells(r)}`);
  console.log(`\n| database | order ${head}`);
  console.log(`|---|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const label of new Set(rows.map((r) => r.label))) {
    for (const order of ['relevance', 'date', 'both']) {
      const all = rows.filter((r) => r.label === label && (order === 'both' || r.order === order));
      console.log(`| ${label} | ${order} | ${cells({ full: all.flatMap((r) => r.full), fullCpu: all.flatMap((r) => r.fullCpu), raw: all.flatMap((r) => r.raw), rawCpu: all.flatMap((r) => r.rawCpu) })}`);
    }
  }
  console.log('\nTimes in ms. "raw": the index query alone (MATCH / @@, ORDER BY, LIMIT 20; relevance ranks every match).');
}

// ---- loading ----

async function createAgencies(repos: Repositories): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= AGENCIES; i++) {
    const a = await repos.agencies.insert({
      code: `a${i}`, name: `机关${i}`, short_name: null, parent_id: i === 1 ? null : ids[0], credit_code: '11431281006109018N',
      created_at: new Date().toISOString(),
    } as Parameters<Repositories['agencies']['insert']>[0]);
    ids.push(a.id);
  }
  return ids;
}

async function load(db: Db, from: number, to: number, agencyIds: number[]): Promise<number> {
  const started = performance.now();
  const rnd = prng(from * 7919 + 17);
  for (let start = from; start < to; start += BATCH) {
    const entries: SearchEntry[] = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      const e = makeEntry(i + 1, rnd);
      e.agencyId = agencyIds[e.agencyId - 1];
      entries.push(e);
    }
    await db.kysely.transaction().execute((trx) => createRepositories(trx, db.dialect).search.upsertMany(entries));
    if ((start / BATCH) % 20 === 0) process.stderr.write(`  ${db.dialect}: ${start + entries.length} documents, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  return (performance.now() - started) / 1000;
}

async function benchSqlite(rows: Row[]): Promise<void> {
  // --keep=FILE keeps the generated database and reuses it on the next run (for profiling).
  const keep = args.get('keep');
  const file = keep ?? path.join(os.tmpdir(), `gongkai-bench-${randomBytes(4).toString('hex')}.sqlite`);
  const reuse = keep !== undefined && fs.existsSync(keep);
  const db = openDb({ dialect: 'sqlite', file });
  try {
    // A throw-away file: durability does not matter while loading.
    await sql`pragma synchronous = off`.execute(db.kysely);
    await migrateToLatest(db);
    const repos = createRepositories(db.kysely, db.dialect);
    const agencyIds = reuse ? (await repos.agencies.all()).map((a) => a.id) : await createAgencies(repos);
    let loaded = reuse ? Number((await db.kysely.selectFrom('search_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
    for (const size of SIZES) {
      if (size < loaded) continue;
      const mb = () => (fs.statSync(file).size / 1e6).toFixed(0);
      if (size > loaded) {
        const secs = await load(db, loaded, size, agencyIds);
        loaded = size;
        console.log(`SQLite: loaded ${size} documents (+${secs.toFixed(0)} s), file ${mb()} MB`);
      } else {
        console.log(`SQLite: reusing ${size} documents in ${file}, ${mb()} MB`);
      }
      rows.push(...await measure(`SQLite ${size / 1000}k`, repos, agencyIds));
    }
  } finally {
    await db.close();
    if (!keep) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

async function benchPostgres(rows: Row[]): Promise<void> {
  const name = `gongkai_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    console.log(`PostgreSQL: not measured (${PG_URL}: ${(e as Error).message}); set BENCH_PG_URL or --pg=0`);
    return;
  }
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = openDb({ dialect: 'postgres', url: url.toString() });
  try {
    await migrateToLatest(db);
    const repos = createRepositories(db.kysely, db.dialect);
    const agencyIds = await createAgencies(repos);
    const secs = await load(db, 0, PG_SIZE, agencyIds);
    await sql`vacuum analyze search_entries`.execute(db.kysely);
    console.log(`PostgreSQL: loaded ${PG_SIZE} documents (${secs.toFixed(0)} s)`);
    rows.push(...await measure(`PostgreSQL ${PG_SIZE / 1000}k`, repos, agencyIds));
  } finally {
    await db.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const rows: Row[] = [];
console.log(`search benchmark: ${RUNS} runs × 2 scopes (all 40 agencies, one agency) per query and order, page size 20, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
if (SIZES.length > 0 && SIZES[0] > 0) await benchSqlite(rows);
if (PG_SIZE > 0) await benchPostgres(rows);
printTable(rows);
