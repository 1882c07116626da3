// The world the authorisation matrix runs in (test/http/authorization-matrix.test.ts): the demo
// platform (hjs with hjjyj under it, one account per role), plus a mirror of the demo for an
// unrelated county (zjx with zjxjyj under it) so that every kind of record exists in an agency the
// demo users have nothing to do with — not even the supervisor, whose subtree is hjs's.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { freshDb } from './db.ts';
import { Browser, testApp } from './app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo, type DemoAccount, type DemoWorld } from '../../src/demo/seed.ts';
import { seedDocuments } from '../../src/demo/documents.ts';
import { seedEducationDemo } from '../../src/demo/education.ts';
import { seedApplications } from '../../src/demo/applications.ts';
import { seedPrivacyDemo } from '../../src/demo/privacy.ts';
import { seedReports } from '../../src/demo/reports.ts';
import { hashPassword } from '../../src/services/password.ts';
import { createApiToken } from '../../src/services/auth.service.ts';
import { addAttachment } from '../../src/services/attachment.service.ts';
import { startPowerDraft } from '../../src/services/power-list.service.ts';
import { addTaxonomyEntry } from '../../src/services/taxonomy.service.ts';
import { createMaskedCopy } from '../../src/services/masking.service.ts';
import { submitQuestion } from '../../src/services/question.service.ts';
import { submitErrorReport } from '../../src/services/error-report.service.ts';
import { runInspection } from '../../src/services/inspection.service.ts';
import { addColumn, addTextRule, adoptDefaultColumns } from '../../src/services/inspection-settings.service.ts';
import type { Actor } from '../../src/services/actor.ts';
import type { Agency, Department } from '../../src/db/schema.ts';

/**
 * The accounts that probe: the demo's, plus an agency administrator who is not a platform
 * administrator (the demo's `admin` is both, and the policies tell the two apart).
 */
export const ACCOUNTS: readonly DemoAccount[] = [
  ...DEMO_ACCOUNTS,
  { username: 'bureauadmin', displayName: '局管理员', agency: 'hjjyj', department: '办公室', roles: ['admin'] },
];

/** Who sends a request: nobody signed in, or one of the accounts. */
export type Who = 'anonymous' | string;
export const WHO: readonly Who[] = ['anonymous', ...ACCOUNTS.map((a) => a.username)];

export interface AuthzWorld {
  ctx: ServiceContext;
  app: FastifyInstance;
  /** The demo bureau (hjjyj), home of every demo account but the supervisor. */
  own: Agency;
  /** The mirrored bureau of the unrelated county (zjxjyj). */
  other: Agency;
  /** The demo city (hjs), the supervisor's agency. */
  city: Agency;
  browsers: Record<Who, Browser>;
  csrf: Record<Who, string>;
  /** A Bearer token per signed-in account (the JSON API takes no cookies). */
  tokens: Record<Who, string | null>;
  userIds: Record<string, number>;
  close(): Promise<void>;
}

/** The name of the API tokens the matrix may revoke. */
export const SPARE_TOKEN = '授权矩阵备用';

/** A fixed clock: sessions and tokens are then never "touched" mid-test, so a refusal writes nothing at all. */
const NOW = new Date();

export async function buildAuthzWorld(): Promise<AuthzWorld> {
  const fresh = await freshDb('sqlite');
  const ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'authz-secret', loginRateLimit: 10_000, publicRateLimit: 0 }, { now: () => NOW });
  await loadDemo(ctx);
  const city = (await ctx.repos.agencies.byCode('hjs'))!;
  const own = (await ctx.repos.agencies.byCode('hjjyj'))!;
  const mirror = await seedMirror(ctx, city);
  const office = (await ctx.repos.users.byUsername('office'))!;
  await ctx.repos.users.insert({
    username: 'bureauadmin', displayName: '局管理员', passwordHash: office.password_hash, agencyId: own.id, departmentId: office.department_id, isSysadmin: false, roles: ['admin'],
  }, ctx.now());
  for (const [agency, office] of [[own, 'office'], [mirror.bureau, 'zj-office']] as const) {
    const user = (await ctx.repos.users.staffUser((await ctx.repos.users.byUsername(office))!.id))!;
    const actor: Actor = { kind: 'staff', user, ip: '127.0.0.1' };
    // A new version of the power list in the making (its items are edited only there).
    await startPowerDraft(ctx, actor);
    // Questions waiting for an answer, which the allowed accounts discard.
    for (let i = 1; i <= 4; i++) {
      await submitQuestion(ctx, { kind: 'public', ip: '203.0.113.50' }, agency.code, {
        category: 'fees', subject: `授权矩阵咨询${i}`, body: '课后服务费用怎么退？', name: '测试', phone: '13800000000', email: '', keepPrivate: true,
      });
    }
    // Topics no document uses and text rules of the agency's own, which the allowed accounts delete.
    for (let i = 1; i <= 3; i++) {
      await addTaxonomyEntry(ctx, actor, 'topic', { code: `authz${i}`, name: `授权矩阵专题${i}` });
      await addTextRule(ctx, actor, { scope: 'agency', kind: 'forbidden', pattern: `授权矩阵禁用语${i}`, replacement: '', severity: 'deduct', note: '' });
      await addColumn(ctx, actor, { name: `授权矩阵栏目${i}`, kind: 'other', periodValue: '6', periodUnit: 'month', categories: [], topics: [], genres: ['通知'] });
    }
    // Attachments of a document not yet published (those of published ones are public anyway).
    const doc = (await ctx.repos.documents.all({ agencyIds: [agency.id], states: ['registered'] }))[0];
    for (let i = 1; i <= 4; i++) await addAttachment(ctx, { kind: 'staff', user, ip: '127.0.0.1' }, doc.id, { filename: `附件${i}.pdf`, data: Buffer.from(`%PDF-1.4\n% authz ${agency.code} ${i}\n%%EOF\n`) });
  }
  // A masked copy (the original withheld) in the mirror too, like the demo's.
  const zjOffice = (await ctx.repos.users.staffUser(mirror.userIds.office))!;
  const { rows: [masked] } = await sql<{ aid: number; did: number }>`select t.id as aid, t.document_id as did from document_attachments t
    join documents d on d.id = t.document_id where d.agency_id = ${mirror.bureau.id} and d.state = 'published' and t.kind in ('xlsx', 'docx')
    and exists (select 1 from privacy_findings f where f.attachment_id = t.id) order by t.id limit 1`.execute(ctx.db.kysely);
  await createMaskedCopy(ctx, { kind: 'staff', user: zjOffice, ip: '127.0.0.1' }, masked.did, masked.aid);
  const app = await testApp(ctx);

  const browsers = {} as Record<Who, Browser>;
  const csrf = {} as Record<Who, string>;
  const tokens = {} as Record<Who, string | null>;
  const userIds: Record<string, number> = {};
  for (const who of WHO) {
    const b = new Browser(app);
    if (who !== 'anonymous') {
      const res = await b.submit('/login', '/login', { username: who, password: DEMO_PASSWORD });
      assert.equal(res.statusCode, 303, `sign-in as ${who}`);
      const user = (await ctx.repos.users.byUsername(who))!;
      userIds[who] = user.id;
      const staff = (await ctx.repos.users.staffUser(user.id))!;
      tokens[who] = (await createApiToken(ctx, { kind: 'staff', user: staff, ip: '127.0.0.1' }, '授权矩阵测试')).token;
      // First use records the token's last use; done here so that probes write nothing.
      await app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: { authorization: `Bearer ${tokens[who]}` } });
    } else {
      tokens[who] = null;
    }
    csrf[who] = Browser.csrfFrom((await b.get(who === 'anonymous' ? '/login' : '/console/account')).body);
    browsers[who] = b;
  }
  for (const [name, id] of Object.entries(mirror.userIds)) userIds[`zj-${name}`] = id;
  // Records of one's own to probe with: spare API tokens (two per account: the console and the
  // API each revoke one) and an inbox reminder.
  for (const [name, id] of Object.entries(userIds)) {
    if (!name.startsWith('zj-') || name === 'zj-clerk' || name === 'zj-office') {
      const staff = (await ctx.repos.users.staffUser(id))!;
      for (let i = 0; i < 2; i++) await createApiToken(ctx, { kind: 'staff', user: staff, ip: '127.0.0.1' }, SPARE_TOKEN);
      await sql`insert into inbox_items (user_id, application_id, kind, day, dedupe_key, title, body, href, created_at, read_at)
        values (${id}, ${null}, ${'reminder'}, ${'2026-11-27'}, ${`authz-${id}`}, ${'授权矩阵测试提醒'}, ${''}, ${'/console'}, ${NOW.toISOString()}, ${null})`.execute(ctx.db.kysely);
    }
  }
  return {
    ctx, app, own, other: mirror.bureau, city, browsers, csrf, tokens, userIds,
    async close() {
      await app.close();
      await fresh.drop();
    },
  };
}

/**
 * The demo's area seeders run a second time for an unrelated county with its own accounts
 * (zj-clerk, zj-office …): documents, applications, education, inspection, privacy and reports.
 */
async function seedMirror(ctx: ServiceContext, template: Agency): Promise<DemoWorld> {
  const now = ctx.now().toISOString();
  const { id: _id, ...fields } = template;
  const world = await ctx.transaction(async (repos) => {
    const county = await repos.agencies.insert({ ...fields, code: 'zjx', name: '芷江侗族自治县人民政府', short_name: '芷江县政府', parent_id: null, credit_code: '11431228006108945C', website: 'http://localhost:3000/gk/zjx', created_at: now });
    const bureau = await repos.agencies.insert({ ...fields, code: 'zjxjyj', name: '芷江侗族自治县教育局', short_name: '县教育局', parent_id: county.id, credit_code: '11431228006109018N', website: 'http://localhost:3000/gk/zjxjyj', created_at: now });
    const departments: Record<string, Department> = {};
    for (const [i, name] of ['办公室', '基础教育股', '人事股', '计划财务股', '教育督导室'].entries()) departments[name] = await repos.agencies.addDepartment(bureau.id, name, i);
    const countyOffice = await repos.agencies.addDepartment(county.id, '政务公开办', 0);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const userIds: Record<string, number> = {};
    for (const a of DEMO_ACCOUNTS) {
      const agency = a.agency === 'hjs' ? county : bureau;
      const dept = a.agency === 'hjs' ? countyOffice : departments[a.department!];
      // The mirror's administrator is an agency administrator only: the platform has one.
      const u = await repos.users.insert({ username: `zj-${a.username}`, displayName: a.displayName, passwordHash, agencyId: agency.id, departmentId: dept.id, isSysadmin: false, roles: a.roles }, new Date(now));
      userIds[a.username] = u.id;
    }
    return { city: county, bureau, departments, userIds };
  });
  for (const seed of [seedDocuments, seedEducationDemo, seedApplications, seedPrivacyDemo, seedReports]) await seed(ctx, world);
  // The inspection seeder also sets platform-wide rules (the demo's already did): only the
  // agency's own inspection records are made here.
  const office: Actor = { kind: 'staff', user: (await ctx.repos.users.staffUser(world.userIds.office))!, ip: '127.0.0.1' };
  await addTextRule(ctx, office, { scope: 'agency', kind: 'miswriting', pattern: '芷江县教育委员会', replacement: '芷江侗族自治县教育局', severity: 'deduct', note: '' });
  await adoptDefaultColumns(ctx, office);
  await submitErrorReport(ctx, { kind: 'public', ip: '198.51.100.9' }, world.bureau.code, { pageUrl: `/gk/${world.bureau.code}/guide`, description: '指南中的办公地址写错了门牌号。', contact: '' });
  for (const agency of [world.city, world.bureau]) await runInspection(ctx, agency.id, { externalLinks: false, kind: 'scheduled' });
  return world;
}

/** Rows changed on the connection so far (SQLite): a refused request must not move it. */
export async function totalChanges(ctx: ServiceContext): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(ctx.db.kysely);
  return Number(rows[0].n);
}
