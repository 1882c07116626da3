import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { createUser } from '../../src/services/account.service.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let drop: () => Promise<void>;
let bureauId: number;
let cityId: number;

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), loginRateLimit: 10_000 });
  await loadDemo(ctx);
  bureauId = (await ctx.repos.agencies.byCode('hjjyj'))!.id;
  cityId = (await ctx.repos.agencies.byCode('hjs'))!.id;
  // An agency administrator who is not a platform administrator.
  await createUser(ctx, { kind: 'system' }, { username: 'bureauadmin', displayName: '局管理员', password: 'Admin2026', agencyId: bureauId, roles: ['admin'] });
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

async function signedIn(username: string, password = DEMO_PASSWORD): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.submit('/login', '/login', { username, password });
  assert.equal(res.statusCode, 303, `sign-in as ${username}`);
  return b;
}

test('a clerk gets the Chinese 403 page on every admin page, and admin forms refuse it', async () => {
  const clerk = await signedIn('clerk');
  for (const url of ['/console/admin/users', '/console/admin/agencies', '/console/admin/audit', '/console/admin/agencies/new', '/console/admin/users/new', `/console/admin/agencies/${bureauId}`, '/console/admin/users/1']) {
    const res = await clerk.get(url);
    assert.equal(res.statusCode, 403, url);
    assert.match(res.body, /无权访问/, url);
    assert.match(res.body, /<html lang="zh-CN"/, url);
  }
  const console = await clerk.get('/console');
  assert.doesNotMatch(console.body, /href="\/console\/admin\/users"/);
  const post = await clerk.submit('/console', '/console/admin/users', { username: 'sneaky', password: 'Sneaky2026', agencyId: String(bureauId), roles: 'admin' });
  assert.equal(post.statusCode, 403);
  assert.equal(await ctx.repos.users.byUsername('sneaky'), undefined);
  const api = await new Browser(app).get('/console/admin/users');
  assert.equal(api.statusCode, 303);
  assert.equal(api.headers.location, '/login?next=%2Fconsole%2Fadmin%2Fusers');
});

test('agencies: a system administrator sees the tree, adds an agency with a validated credit code, edits it', async () => {
  const admin = await signedIn('admin');
  const list = await admin.get('/console/admin/agencies');
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.indexOf('洪江市人民政府') < list.body.indexOf('洪江市教育局'));
  assert.match(list.body, /class="depth-1"/);

  const fields = { code: 'hjwjj', name: '洪江市卫生健康局', parentId: String(cityId), creditCode: '11431281006108945D', postcode: '418100', indexPattern: '{creditCode}/{year}-{serial:5}' };
  const bad = await admin.submit('/console/admin/agencies/new', '/console/admin/agencies', fields);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /统一社会信用代码校验位错误/);
  assert.match(bad.body, /value="洪江市卫生健康局"/); // the form keeps what was typed
  const badPattern = await admin.submit('/console/admin/agencies/new', '/console/admin/agencies', { ...fields, creditCode: '11431281006108945C', indexPattern: '{serial:5}' });
  assert.equal(badPattern.statusCode, 400);
  assert.match(badPattern.body, /年份/);

  const ok = await admin.submit('/console/admin/agencies/new', '/console/admin/agencies', { ...fields, creditCode: '11431281006108945C', email: 'wjj@example.gov.cn' });
  assert.equal(ok.statusCode, 303);
  const editUrl = ok.headers.location as string;
  assert.match(editUrl, /^\/console\/admin\/agencies\/\d+\?done=created$/);
  const edit = await admin.get(editUrl);
  assert.match(edit.body, /已新增/);
  assert.match(edit.body, /value="wjj@example.gov.cn"/);
  const id = Number(/agencies\/(\d+)/.exec(editUrl)![1]);
  const agency = (await ctx.repos.agencies.byId(id))!;
  assert.equal(agency.parent_id, cityId);

  const saved = await admin.submit(editUrl, `/console/admin/agencies/${id}`, { ...fields, creditCode: '11431281006108945C', phone: '0745-7620000' });
  assert.equal(saved.statusCode, 303);
  assert.equal((await ctx.repos.agencies.byId(id))!.phone, '0745-7620000');
  const cycle = await admin.submit(editUrl, `/console/admin/agencies/${cityId}`, { code: 'hjs', name: '洪江市人民政府', creditCode: '11431281006108945C', parentId: String(id) });
  assert.equal(cycle.statusCode, 400);
  assert.match(cycle.body, /下级机关/);

  const dept = await admin.submit(editUrl, `/console/admin/agencies/${id}/departments`, { name: '医政股' });
  assert.equal(dept.statusCode, 303);
  const dup = await admin.submit(editUrl, `/console/admin/agencies/${id}/departments`, { name: '医政股' });
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /已存在/);
  const d = (await ctx.repos.agencies.departments(id))[0];
  const renamed = await admin.submit(editUrl, `/console/admin/departments/${d.id}`, { name: '医政医管股' });
  assert.equal(renamed.statusCode, 303);
  assert.equal((await ctx.repos.agencies.departmentById(d.id))!.name, '医政医管股');
  const missing = await admin.submit(editUrl, '/console/admin/departments/99999', { name: '甲' });
  assert.equal(missing.statusCode, 404);

  const actions = (await ctx.repos.audit.list({ agencyId: id }, 1, 50)).items.map((e) => e.action).sort();
  assert.deepEqual(actions, ['agency.created', 'agency.updated', 'department.created', 'department.renamed']);
});

test('an agency administrator cannot open the agencies pages', async () => {
  const b = await signedIn('bureauadmin', 'Admin2026');
  assert.equal((await b.get('/console/admin/agencies')).statusCode, 403);
  const post = await b.submit('/console', `/console/admin/agencies/${bureauId}/departments`, { name: '新科室' });
  assert.equal(post.statusCode, 403);
});

test('users: add with roles and department, change roles, reset the password, disable and enable', async () => {
  const admin = await signedIn('admin');
  const dept = (await ctx.repos.agencies.departments(bureauId)).find((d) => d.name === '人事股')!;
  const form = await admin.get('/console/admin/users/new');
  assert.match(form.body, /name="isSysadmin"/); // platform administrators may grant it
  const weak = await admin.submit('/console/admin/users/new', '/console/admin/users', { username: 'newclerk', displayName: '新经办', password: 'weak', agencyId: String(bureauId), departmentId: String(dept.id), roles: ['clerk', 'reviewer'] as unknown as string });
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /8 个字符/);
  const badRole = await admin.post('/console/admin/users', { _csrf: Browser.csrfFrom(form.body), username: 'newclerk', password: 'Clerk2026', agencyId: String(bureauId), roles: 'boss' });
  assert.equal(badRole.statusCode, 400);
  assert.match(badRole.body, /未知角色：boss/);
  const dupe = await admin.post('/console/admin/users', { _csrf: Browser.csrfFrom(form.body), username: 'clerk', password: 'Clerk2026', agencyId: String(bureauId), roles: 'clerk' });
  assert.equal(dupe.statusCode, 400);
  assert.match(dupe.body, /用户名“clerk”已存在/);

  const created = await admin.post('/console/admin/users', { _csrf: Browser.csrfFrom(form.body), username: 'newclerk', displayName: '新经办', password: 'Clerk2026', agencyId: String(bureauId), departmentId: String(dept.id), roles: ['clerk', 'reviewer'] });
  assert.equal(created.statusCode, 303);
  const userUrl = created.headers.location as string;
  const id = Number(/users\/(\d+)/.exec(userUrl)![1]);
  assert.deepEqual(await ctx.repos.users.roles(id), ['clerk', 'reviewer']);
  assert.equal((await ctx.repos.users.byId(id))!.department_id, dept.id);
  const newUser = await signedIn('newclerk', 'Clerk2026');
  assert.match((await newUser.get('/console')).body, /id="dash-reviewer"/);

  const changed = await admin.submit(userUrl, userUrl.replace(/\?.*/, ''), { displayName: '新经办', departmentId: String(dept.id), roles: 'office' });
  assert.equal(changed.statusCode, 303);
  assert.deepEqual(await ctx.repos.users.roles(id), ['office']);
  const page = await newUser.get('/console');
  assert.match(page.body, /id="dash-office"/); // roles apply at once, no new sign-in needed
  assert.doesNotMatch(page.body, /id="dash-reviewer"/);

  const reset = await admin.submit(userUrl, `/console/admin/users/${id}/password`, { password: 'Reset2026x' });
  assert.equal(reset.statusCode, 303);
  assert.equal((await newUser.get('/console')).statusCode, 303); // the reset ended the session
  const again = await signedIn('newclerk', 'Reset2026x');

  const disabled = await admin.submit(userUrl, `/console/admin/users/${id}/disabled`, { disabled: '1' });
  assert.equal(disabled.statusCode, 303);
  assert.equal((await again.get('/console')).statusCode, 303);
  const refused = await new Browser(app).submit('/login', '/login', { username: 'newclerk', password: 'Reset2026x' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /该账号已停用/);
  const list = await admin.get('/console/admin/users');
  assert.match(list.body, /已停用/);
  assert.equal((await admin.submit(userUrl, `/console/admin/users/${id}/disabled`, { disabled: '0' })).statusCode, 303);
  await signedIn('newclerk', 'Reset2026x');

  const self = (await ctx.repos.users.byUsername('admin'))!.id;
  const selfDisable = await admin.submit(`/console/admin/users/${self}`, `/console/admin/users/${self}/disabled`, { disabled: '1' });
  assert.equal(selfDisable.statusCode, 409);
  assert.match(selfDisable.body, /不能停用自己的账号/);
  const actions = (await ctx.repos.audit.forSubject('user', id)).map((e) => e.action);
  assert.deepEqual(actions.filter((a) => a.startsWith('user.')), ['user.created', 'user.updated', 'user.password_reset', 'user.disabled', 'user.enabled']);
});

test('an agency administrator manages only its own agency\'s users and cannot grant platform rights', async () => {
  const b = await signedIn('bureauadmin', 'Admin2026');
  const list = await b.get('/console/admin/users');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /clerk2/);
  assert.doesNotMatch(list.body, />supervisor</); // the city's user
  assert.doesNotMatch(list.body, /name="agency"/);
  const supervisor = (await ctx.repos.users.byUsername('supervisor'))!;
  const other = await b.get(`/console/admin/users/${supervisor.id}`);
  assert.equal(other.statusCode, 404);
  const form = await b.get('/console/admin/users/new');
  assert.doesNotMatch(form.body, /name="isSysadmin"/);
  assert.doesNotMatch(form.body, /洪江市人民政府/);
  const token = Browser.csrfFrom(form.body);
  const elsewhere = await b.post('/console/admin/users', { _csrf: token, username: 'cityguy', password: 'City20266', agencyId: String(cityId), roles: 'clerk' });
  assert.equal(elsewhere.statusCode, 403);
  const escalate = await b.post('/console/admin/users', { _csrf: token, username: 'rootguy', password: 'Root20266', agencyId: String(bureauId), roles: 'clerk', isSysadmin: '1' });
  assert.equal(escalate.statusCode, 403);
  assert.equal(await ctx.repos.users.byUsername('rootguy'), undefined);
  const clerk2 = (await ctx.repos.users.byUsername('clerk2'))!;
  const edit = await b.submit(`/console/admin/users/${clerk2.id}`, `/console/admin/users/${clerk2.id}`, { displayName: '周经办', departmentId: '', roles: 'clerk', isSysadmin: '1' });
  assert.equal(edit.statusCode, 303); // the box is ignored for agency administrators
  assert.equal((await ctx.repos.users.byId(clerk2.id))!.is_sysadmin, 0);
  const selfId = (await ctx.repos.users.byUsername('bureauadmin'))!.id;
  const demote = await b.submit(`/console/admin/users/${selfId}`, `/console/admin/users/${selfId}`, { displayName: '局管理员', departmentId: '', roles: 'clerk' });
  assert.equal(demote.statusCode, 409);
  assert.match(demote.body, /不能取消自己的管理员角色/);
});

test('audit log: admins filter by action, actor and dates, paginated; bad input is a 400 page', async () => {
  const admin = await signedIn('bureauadmin', 'Admin2026');
  const all = await admin.get('/console/admin/audit');
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /审计日志/);
  const created = await admin.get('/console/admin/audit?action=user.created');
  assert.match(created.body, /新增用户/);
  assert.doesNotMatch(created.body, /<td>登录<br/);
  const byActor = await admin.get('/console/admin/audit?actor=admin&action=user.updated');
  assert.match(byActor.body, /<code>roles<\/code>：\[&quot;clerk&quot;,&quot;reviewer&quot;\] → \[&quot;office&quot;\]/);
  const none = await admin.get('/console/admin/audit?from=2001-01-01&to=2001-01-02');
  assert.match(none.body, /没有符合条件的记录/);
  const badDate = await admin.get('/console/admin/audit?from=2026-02-30');
  assert.equal(badDate.statusCode, 400);
  assert.match(badDate.body, /开始日期/);
  const badPage = await admin.get('/console/admin/audit?page=abc');
  assert.equal(badPage.statusCode, 200);
  const huge = await admin.get(`/console/admin/audit?action=${'x'.repeat(5000)}`);
  assert.equal(huge.statusCode, 400);
  // Only the agency's own events: the city's supervisor signing in is not among them.
  const logins = await admin.get('/console/admin/audit?action=auth.login&actor=supervisor');
  assert.match(logins.body, /没有符合条件的记录/);
  const office = await signedIn('office');
  assert.equal((await office.get('/console/admin/audit')).statusCode, 403);
  // Pagination: 50 per page.
  for (let i = 0; i < 55; i++) await ctx.transaction((r) => r.audit.append({ actorId: null, actorLabel: '测试', agencyId: bureauId, action: 'test.bulk', subjectType: 'thing', subjectId: i, summary: { i } }));
  const p1 = await admin.get('/console/admin/audit?action=test.bulk');
  assert.match(p1.body, /共 55 条/);
  assert.match(p1.body, /rel="next"/);
  const p2 = await admin.get('/console/admin/audit?action=test.bulk&page=2');
  assert.equal((p2.body.match(/thing#/g) ?? []).length, 5);
});
