// The site inspection (issue 9): how long a full inspection of the demo platform takes with external
// links switched off (budget: 10 seconds), and how its cost grows with the number of documents —
// one agency with 1,000, 5,000 and 20,000 generated published documents (bodies with internal
// links, attachments in the file store, topics, a few planted problems), each in a fresh SQLite
// database. The cost per document at each size is printed as a ratio to the smallest size measured
// in the same run: about 1 means linear growth.
//
//   node --import tsx bench/inspection.ts
//   node --import tsx bench/inspection.ts --sizes=1000,5000,20000 --runs=3
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { configFromEnv } from '../src/config.ts';
import { createServiceContext, type ServiceContext } from '../src/services/context.ts';
import { loadDemo } from '../src/demo/seed.ts';
import { runInspection } from '../src/services/inspection.service.ts';
import { ensureTaxonomy } from '../src/services/taxonomy.service.ts';
import { FileStore } from '../src/storage/file-store.ts';
import { addDays, chinaDateOf } from '../src/domain/dates.ts';
import { benchArgs, median, prng, timeAsync } from './_support.ts';

const args = benchArgs();
const SIZES = (args.get('sizes') ?? '1000,5000,20000').split(',').map(Number).sort((a, b) => a - b);
const RUNS = Number(args.get('runs') ?? 3);
const DEMO_BUDGET_MS = 10_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-inspection-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

async function fresh(name: string): Promise<{ db: Db; ctx: ServiceContext }> {
  const db = openDb({ dialect: 'sqlite', file: path.join(tmp, `${name}.sqlite`) });
  await migrateToLatest(db);
  const ctx = createServiceContext(db, { ...configFromEnv({}), secret: 'bench', storageDir: path.join(tmp, `${name}-files`), publicRateLimit: 0 });
  return { db, ctx };
}

// ---- 1. the demo platform ----

async function demoPlatform(): Promise<boolean> {
  const { db, ctx } = await fresh('demo');
  await loadDemo(ctx);
  const agencies = await ctx.repos.agencies.all();
  const docs = Number((await db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(await timeAsync(async () => {
      for (const a of agencies) await runInspection(ctx, a.id, { externalLinks: false, kind: 'scheduled' });
    }));
  }
  const ms = median(times);
  const ok = ms <= DEMO_BUDGET_MS;
  console.log(`demo platform: ${agencies.length} agencies, ${docs} documents — full inspection (external links off) median of ${RUNS}: ${ms.toFixed(0)} ms (budget ${DEMO_BUDGET_MS} ms: ${ok ? 'within' : 'EXCEEDED'})`);
  await db.close();
  return ok;
}

// ---- 2. cost against the number of documents ----

const SUBJECTS = ['秋季招生入学工作', '公开招聘教师', '学费收费标准', '学生资助资金发放', '校舍安全排查', '部门预算', '双随机抽查结果', '教育督导评估', '课后服务收费', '教师资格认定'];
const GENRES = ['通知', '公告', '意见', '办法', '方案', '报告', '其他'];
const CATEGORIES = ['jgzn', 'ldxx', 'rsxx', 'zcwj', 'ghjh', 'czxx', 'msgy', 'xzxk', 'qtzyxx'];
const SENTENCES = [
  '为进一步规范{s}工作，根据上级有关文件精神，结合我市实际，现将有关事项通知如下。',
  '各乡镇中心学校、市直各学校要高度重视，精心组织，确保各项工作落到实处。',
  '学费、住宿费按照物价部门核定的标准收取，严禁擅自提高收费标准或增加收费项目。',
  '对家庭经济困难学生，按规定落实学生资助政策，做到应助尽助。',
  '全面落实校园安全责任制，加强食品安全和校车安全管理。',
  '严格落实义务教育免试就近入学规定，合理划定学区范围。',
];

async function generated(size: number): Promise<{ ms: number; findings: number; links: number }> {
  const { db, ctx } = await fresh(`n${size}`);
  const now = new Date();
  const today = chinaDateOf(now);
  const agency = await ctx.repos.agencies.insert({
    code: 'bench', name: '基准测试局', short_name: null, parent_id: null, credit_code: '11431281MB1234567X', address: '', postcode: '', office_hours: '', phone: '',
    fax: '', email: '', website: '', office_name: '', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: now.toISOString(),
  });
  await ensureTaxonomy(ctx.repos, agency.id);
  const categories = new Map((await ctx.repos.taxonomy.list('category', [agency.id])).map((c) => [c.code, c.id]));
  const topics = (await ctx.repos.taxonomy.list('topic', [agency.id])).map((t) => t.id);
  await ctx.repos.inspection.textRules.insert({ agency_id: null, kind: 'forbidden', pattern: '保录取', normalized: '保录取', replacement: '', severity: 'deduct', note: '', created_by: null, created_at: now.toISOString() });
  const store = new FileStore(ctx.config.storageDir);
  const files: string[] = [];
  for (let i = 0; i < 20; i++) files.push((await store.put(Buffer.from(`%PDF-1.4 附件 ${i}`))).sha256);
  const rnd = prng(size);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const BATCH = 500;
  for (let from = 1; from <= size; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(from + BATCH, size + 1); i++) {
      const published = addDays(today, -Math.floor(rnd() * 900));
      const sentences = Array.from({ length: 6 + Math.floor(rnd() * 10) }, () => pick(SENTENCES).replace('{s}', pick(SUBJECTS)));
      if (i % 100 === 0) sentences.push('报名即保录取。');
      // Links to earlier documents (ids follow insertion order), now and then to one that does not exist.
      const links = [`<a href="/gk/bench/doc/${Math.max(1, i - 1 - Math.floor(rnd() * 50))}">相关文件</a>`, '<a href="/gk/bench/catalog">目录</a>'];
      if (i % 97 === 0) links.push(`<a href="/gk/bench/doc/${size + 1000 + i}">已删除的文件</a>`);
      const body = `${sentences.map((s) => `<p>${s}</p>`).join('')}<p>${links.join('')}</p>`;
      rows.push({
        agency_id: agency.id, department_id: null, state: 'published', index_number: `B/${i}`, index_year: Number(published.slice(0, 4)), index_serial: i,
        title: `基准测试局关于${pick(SUBJECTS)}的${pick(GENRES)}（${i}）`, doc_number: '', category_id: categories.get(pick(CATEGORIES))!, genre: pick(GENRES), keywords: '',
        summary: '', body_html: body, body_text: sentences.join('\n'), disclosure: 'proactive', withheld_ground: null, disclosure_scope: '面向社会', disclosure_channel: '政府网站',
        validity: 'valid', replaced_by_id: null, art20_class: i % 50 === 0 ? 'normative_document' : 'none', interpretation_of_id: null, in_rules_column: 0,
        created_on: addDays(published, -3), published_on: published, scheduled_on: null, withdrawn_on: null, author_id: null, return_reason: null, withdraw_reason: null,
        source: 'imported', created_at: now.toISOString(), updated_at: now.toISOString(),
      });
    }
    const inserted = await db.kysely.insertInto('documents').values(rows).returning('id').execute();
    const links = inserted.filter(() => rnd() < 0.4).map((r) => ({ document_id: r.id, topic_id: pick(topics) }));
    if (links.length) await db.kysely.insertInto('document_topic_links').values(links).execute();
    const attachments = inserted.filter(() => rnd() < 0.3).map((r, k) => ({
      document_id: r.id, filename: `附件${r.id}.pdf`, kind: 'pdf', mime: 'application/pdf', size: 20,
      // One in a hundred points at a file the store does not have.
      sha256: k % 100 === 99 ? 'f'.repeat(64) : pick(files), text: '', checkable: 0, sort: 1, uploaded_by: null, created_at: now.toISOString(),
    }));
    if (attachments.length) await db.kysely.insertInto('document_attachments').values(attachments).execute();
  }
  const times: number[] = [];
  let findings = 0;
  let links = 0;
  for (let i = 0; i < RUNS; i++) {
    times.push(await timeAsync(async () => {
      const o = await runInspection(ctx, agency.id, { externalLinks: false, kind: 'scheduled' });
      findings = o.assessment.findings.length;
      links = o.run.links_checked;
    }));
  }
  await db.close();
  return { ms: median(times), findings, links };
}

const withinBudget = await demoPlatform();
console.log('\ndocuments  inspection (ms)  per 1,000 documents (ms)  cost per document vs smallest  links  findings');
let base: number | null = null;
for (const size of SIZES) {
  const r = await generated(size);
  const perDoc = r.ms / size;
  base ??= perDoc;
  console.log(`${String(size).padStart(9)}  ${r.ms.toFixed(0).padStart(15)}  ${(perDoc * 1000).toFixed(1).padStart(25)}  ${(perDoc / base).toFixed(2).padStart(30)}  ${String(r.links).padStart(5)}  ${String(r.findings).padStart(8)}`);
}
if (!withinBudget) process.exitCode = 1;
