import { test, describe, after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import type { Actor, StaffUser } from '../../src/services/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import {
  accountLockMinutes, signIn, issueTokenWithPassword, listApiTokens, revokeApiToken, createApiToken, changeOwnPassword, tokenHash,
  BadCredentialsError, LoginLockedError, AccountDisabledError,
} from '../../src/services/auth.service.ts';
import {
  createAgency, updateAgency, addDepartment, renameDepartment, agencyTree, createUser, updateUser, setUserDisabled, resetPassword,
  listUsers, getUser, findUserByUsername, assertCanManageUsers,
} from '../../src/services/account.service.ts';
import { browseAudit, presentSummary } from '../../src/services/audit.service.ts';
import { ForbiddenError, NotFoundError, ValidationError, DomainError } from '../../src/services/errors.ts';
import { agencyCommand } from '../../src/cli/agency.ts';
import { userCommand } from '../../src/cli/user.ts';
import { openContext, UsageError } from '../../src/cli/common.ts';

// Valid unified social credit codes (check characters computed by GB 32100-2015).
const CITY_CODE = '11431281006108945C';
const BUREAU_CODE = '11431281006109018N';

test('account lock grows from 1 minute, doubling, to at most 30', () => {
  assert.equal(accountLockMinutes(1), null);
  assert.equal(accountLockMinutes(4), null);
  assert.equal(accountLockMinutes(5), 1);
  assert.equal(accountLockMinutes(6), 2);
  assert.equal(accountLockMinutes(7), 4);
  assert.equal(accountLockMinutes(9), 16);
  assert.equal(accountLockMinutes(10), 30);
  assert.equal(accountLockMinutes(50), 30);
});

test('an audit summary splits into before/after pairs and details', () => {
  const s = presentSummary(JSON.stringify({ before: { name: '甲' }, after: { name: '乙', code: 'x' }, via: 'page' }));
  assert.deepEqual(s.changes, [{ field: 'name', before: '甲', after: '乙' }, { field: 'code', before: null, after: 'x' }]);
  assert.deepEqual(s.details, [{ key: 'via', value: 'page' }]);
  assert.deepEqual(presentSummary('not json').details, [{ key: 'summary', value: 'not json' }]);
});

let clock = Date.parse('2026-03-02T02:00:00Z');
const tick = (ms: number) => { clock += ms; };

forEachDialect('accounts, sign-in and lockout', (s) => {
  const system: Actor = { kind: 'system', label: '测试', ip: '' };
  const staff = (u: StaffUser, ip = '10.0.0.1'): Actor => ({ kind: 'staff', user: u, ip });
  let ctx: ServiceContext;
  let cityId: number;
  let bureauId: number;
  let officeDept: number;
  let adminActor: Actor;
  let clerkActor: Actor;
  const PASSWORD = 'Secret2026';

  const expectAsync = async (p: Promise<unknown>, type: new (...a: never[]) => Error, message?: RegExp) => {
    await assert.rejects(p, (e: Error) => {
      assert.ok(e instanceof type, `expected ${type.name}, got ${e.constructor.name}: ${e.message}`);
      if (message) assert.match(e.message, message);
      return true;
    });
  };

  test('agencies: created with a validated credit code, unique code and index pattern', async () => {
    ctx = s.ctx;
    const city = await createAgency(ctx, system, { code: 'hjs', name: '洪江市人民政府', creditCode: CITY_CODE });
    cityId = city.id;
    assert.equal(city.indexPattern, '{creditCode}/{year}-{serial:5}');
    const bureau = await createAgency(ctx, system, { code: 'HJJYJ', name: '洪江市教育局', creditCode: BUREAU_CODE.toLowerCase(), parentCode: 'hjs', postcode: '418100' });
    bureauId = bureau.id;
    assert.equal(bureau.code, 'hjjyj');
    assert.equal(bureau.creditCode, BUREAU_CODE);
    assert.equal(bureau.parentId, cityId);

    await expectAsync(createAgency(ctx, system, { code: 'x1', name: '甲', creditCode: '11431281006108945D' }), ValidationError, /校验位错误/);
    await expectAsync(createAgency(ctx, system, { code: 'hjs', name: '甲', creditCode: CITY_CODE }), ValidationError, /已被使用/);
    await expectAsync(createAgency(ctx, system, { code: 'x2', name: '甲', creditCode: CITY_CODE, indexPattern: '{serial}' }), ValidationError, /年份/);
    await expectAsync(createAgency(ctx, system, { code: 'x3', name: '甲', creditCode: CITY_CODE, parentCode: 'nope' }), ValidationError, /上级机关/);
    await expectAsync(createAgency(ctx, system, { code: 'x4', name: '', creditCode: CITY_CODE, postcode: '12', email: 'bad' }), ValidationError);
    try {
      await createAgency(ctx, system, { code: 'x4', name: '', creditCode: CITY_CODE, postcode: '12', email: 'bad' });
    } catch (e) {
      assert.deepEqual(Object.keys((e as ValidationError).fields ?? {}).sort(), ['email', 'name', 'postcode']);
    }
    const events = await ctx.repos.audit.forSubject('agency', bureau.id);
    assert.equal(events[0].action, 'agency.created');
  });

  test('agencies: an agency cannot be moved below itself; edits are audited with before/after', async () => {
    const city = (await ctx.repos.agencies.byId(cityId))!;
    await expectAsync(updateAgency(ctx, system, cityId, { code: 'hjs', name: city.name, creditCode: CITY_CODE, parentId: bureauId }), ValidationError, /下级机关/);
    await updateAgency(ctx, system, cityId, { code: 'hjs', name: city.name, creditCode: CITY_CODE, phone: '0745-7622001' });
    const last = (await ctx.repos.audit.forSubject('agency', cityId)).at(-1)!;
    assert.equal(last.action, 'agency.updated');
    assert.deepEqual(JSON.parse(last.summary), { before: { phone: '' }, after: { phone: '0745-7622001' } });
    const tree = await agencyTree(ctx, system);
    assert.deepEqual(tree.map((n) => [n.agency.code, n.depth]), [['hjs', 0], ['hjjyj', 1]]);
  });

  test('departments: added, renamed, unique per agency', async () => {
    officeDept = (await addDepartment(ctx, system, bureauId, '办公室')).id;
    const d2 = await addDepartment(ctx, system, bureauId, '基础教育股');
    await expectAsync(addDepartment(ctx, system, bureauId, '办公室'), ValidationError, /已存在/);
    await addDepartment(ctx, system, cityId, '办公室'); // another agency may use the same name
    await expectAsync(renameDepartment(ctx, system, d2.id, '办公室'), ValidationError, /已存在/);
    const renamed = await renameDepartment(ctx, system, d2.id, '基础教育科');
    assert.equal(renamed.name, '基础教育科');
    const ev = (await ctx.repos.audit.forSubject('department', d2.id)).map((e) => e.action);
    assert.deepEqual(ev, ['department.created', 'department.renamed']);
  });

  test('users: created with roles and department; bad roles, duplicates and weak passwords refused', async () => {
    const admin = await createUser(ctx, system, { username: 'admin1', displayName: '管理员', password: PASSWORD, agencyId: bureauId, departmentId: officeDept, roles: ['admin'] });
    assert.deepEqual(admin.roles, ['admin']);
    assert.equal(admin.departmentName, '办公室');
    adminActor = staff((await ctx.repos.users.staffUser(admin.id))!);
    const clerk = await createUser(ctx, adminActor, { username: 'clerk1', displayName: '经办', password: PASSWORD, agencyId: bureauId, roles: ['clerk', 'clerk'] });
    assert.deepEqual(clerk.roles, ['clerk']);
    clerkActor = staff((await ctx.repos.users.staffUser(clerk.id))!);
    await createUser(ctx, system, { username: 'citystaff', password: PASSWORD, agencyId: cityId, roles: ['supervisor'] });

    await expectAsync(createUser(ctx, system, { username: 'x1', password: PASSWORD, agencyId: bureauId, roles: ['boss'] }), ValidationError, /未知角色：boss/);
    await expectAsync(createUser(ctx, system, { username: 'clerk1', password: PASSWORD, agencyId: bureauId, roles: [] }), ValidationError, /已存在/);
    await expectAsync(createUser(ctx, system, { username: 'x2', password: 'short', agencyId: bureauId, roles: [] }), ValidationError, /8 个字符/);
    const cityDept = (await ctx.repos.agencies.departments(cityId))[0];
    await expectAsync(createUser(ctx, system, { username: 'x3', password: PASSWORD, agencyId: bureauId, departmentId: cityDept.id, roles: [] }), ValidationError, /不属于/);
    const created = (await ctx.repos.audit.forSubject('user', clerk.id))[0];
    assert.equal(created.action, 'user.created');
    assert.equal(created.actor_id, admin.id);
    assert.doesNotMatch(created.summary, /Secret/);
  });

  test('policies: an agency admin manages only its own agency; a clerk manages nobody', async () => {
    const cityUser = await findUserByUsername(ctx, system, 'citystaff');
    await expectAsync(createUser(ctx, adminActor, { username: 'x4', password: PASSWORD, agencyId: cityId, roles: [] }), ForbiddenError);
    await expectAsync(getUser(ctx, adminActor, cityUser.id), NotFoundError);
    await expectAsync(setUserDisabled(ctx, adminActor, cityUser.id, true), NotFoundError);
    await expectAsync(createUser(ctx, adminActor, { username: 'x5', password: PASSWORD, agencyId: bureauId, roles: [], isSysadmin: true }), ForbiddenError);
    await expectAsync(listUsers(ctx, clerkActor), ForbiddenError);
    assert.throws(() => assertCanManageUsers(clerkActor, bureauId), ForbiddenError);
    await expectAsync(createAgency(ctx, adminActor, { code: 'zz', name: '甲', creditCode: CITY_CODE }), ForbiddenError);
    const mine = await listUsers(ctx, adminActor, { agencyId: cityId });
    assert.deepEqual(mine.map((u) => u.username).sort(), ['admin1', 'clerk1']);
    const all = await listUsers(ctx, system);
    assert.equal(all.length, 3);
    assert.ok(!('password_hash' in all[0]));
  });

  test('users: roles and department change with an audited before/after; no self-lockout', async () => {
    const clerk = await findUserByUsername(ctx, system, 'clerk1');
    const updated = await updateUser(ctx, adminActor, clerk.id, { displayName: '经办人', departmentId: officeDept, roles: ['clerk', 'reviewer'] });
    assert.deepEqual(updated.roles, ['clerk', 'reviewer']);
    const ev = (await ctx.repos.audit.forSubject('user', clerk.id)).at(-1)!;
    assert.equal(ev.action, 'user.updated');
    const summary = JSON.parse(ev.summary);
    assert.deepEqual(summary.before.roles, ['clerk']);
    assert.deepEqual(summary.after.roles, ['clerk', 'reviewer']);
    const self = (adminActor as Extract<Actor, { kind: 'staff' }>).user.id;
    await expectAsync(updateUser(ctx, adminActor, self, { displayName: '管理员', departmentId: null, roles: ['clerk'] }), DomainError, /管理员角色/);
    await expectAsync(setUserDisabled(ctx, adminActor, self, true), DomainError, /停用自己/);
    await expectAsync(updateUser(ctx, adminActor, clerk.id, { displayName: '经办人', departmentId: null, roles: ['clerk'], isSysadmin: true }), ForbiddenError);
  });

  test('sign-in: success is audited; wrong password and unknown user get the same message', async () => {
    const u = await signIn(ctx, { username: 'clerk1', password: PASSWORD, ip: '10.0.0.1' });
    assert.equal(u.username, 'clerk1');
    const login = (await ctx.repos.audit.forSubject('user', u.id)).at(-1)!;
    assert.equal(login.action, 'auth.login');
    assert.equal(login.ip, '10.0.0.1');
    const wrong = await signIn(ctx, { username: 'clerk1', password: 'nope', ip: '10.0.0.1' }).catch((e) => e);
    const unknown = await signIn(ctx, { username: 'ghost', password: 'nope', ip: '10.0.0.1' }).catch((e) => e);
    assert.ok(wrong instanceof BadCredentialsError);
    assert.ok(unknown instanceof BadCredentialsError);
    assert.equal(wrong.message, '用户名或密码错误');
    assert.equal(unknown.message, wrong.message);
    const failed = (await ctx.repos.audit.forSubject('user', u.id)).at(-1)!;
    assert.equal(failed.action, 'auth.login_failed');
    assert.doesNotMatch(failed.summary, /nope/);
    await expectAsync(signIn(ctx, { username: '', password: '', ip: '10.0.0.1' }), ValidationError);
    // a successful sign-in resets the streak started above
    await signIn(ctx, { username: 'clerk1', password: PASSWORD, ip: '10.0.0.1' });
    assert.equal(await ctx.repos.loginFailures.get('user:clerk1'), undefined);
  });

  test('lockout per account: the 5th failure locks for 1 minute, the right password is not even checked, then doubling', async () => {
    const ip = '10.0.1.1';
    for (let i = 1; i <= 4; i++) await expectAsync(signIn(ctx, { username: 'clerk1', password: `bad${i}`, ip }), BadCredentialsError);
    await expectAsync(signIn(ctx, { username: 'clerk1', password: 'bad5', ip }), LoginLockedError, /登录失败次数过多，请 1 分钟后再试/);
    await expectAsync(signIn(ctx, { username: 'clerk1', password: PASSWORD, ip }), LoginLockedError);
    // Locked attempts do not count and do not extend the lock.
    for (let i = 0; i < 3; i++) await expectAsync(signIn(ctx, { username: 'clerk1', password: 'x', ip }), LoginLockedError);
    tick(61_000);
    await expectAsync(signIn(ctx, { username: 'clerk1', password: 'bad6', ip }), LoginLockedError, /请 2 分钟后再试/);
    tick(121_000);
    await expectAsync(signIn(ctx, { username: 'clerk1', password: 'bad7', ip }), LoginLockedError, /请 4 分钟后再试/);
    tick(4 * 60_000 + 1000);
    const u = await signIn(ctx, { username: 'clerk1', password: PASSWORD, ip });
    assert.equal(u.username, 'clerk1');
    // The streak starts over after a success.
    for (let i = 1; i <= 4; i++) await expectAsync(signIn(ctx, { username: 'clerk1', password: `bad${i}`, ip }), BadCredentialsError);
    await signIn(ctx, { username: 'clerk1', password: PASSWORD, ip });
    // Another account is unaffected by clerk1's lock.
    for (let i = 1; i <= 5; i++) await signIn(ctx, { username: 'clerk1', password: 'bad', ip }).catch(() => undefined);
    assert.equal((await signIn(ctx, { username: 'admin1', password: PASSWORD, ip })).username, 'admin1');
    // An administrator's password reset lifts the lock.
    const clerk = await findUserByUsername(ctx, system, 'clerk1');
    await resetPassword(ctx, adminActor, clerk.id, 'Another2026');
    assert.equal((await signIn(ctx, { username: 'clerk1', password: 'Another2026', ip })).username, 'clerk1');
    await resetPassword(ctx, adminActor, clerk.id, PASSWORD);
  });

  test('lockout per address: 20 failures within 15 minutes lock the address for 15 minutes', async () => {
    tick(3600_000);
    const ip = '203.0.113.9';
    // Spread over many names (each below its own account threshold) and over 10 minutes.
    for (let i = 0; i < 19; i++) {
      await expectAsync(signIn(ctx, { username: `guess${i % 5}x${Math.floor(i / 5)}`, password: 'x', ip }), BadCredentialsError);
      if (i % 2 === 1) tick(60_000);
    }
    await expectAsync(signIn(ctx, { username: 'guess-last', password: 'x', ip }), LoginLockedError, /请 15 分钟后再试/);
    // Even a real account with the right password, from that address.
    await expectAsync(signIn(ctx, { username: 'admin1', password: PASSWORD, ip }), LoginLockedError);
    // Other addresses are not affected.
    assert.equal((await signIn(ctx, { username: 'admin1', password: PASSWORD, ip: '203.0.113.10' })).username, 'admin1');
    tick(15 * 60_000 + 1000);
    assert.equal((await signIn(ctx, { username: 'admin1', password: PASSWORD, ip })).username, 'admin1');
  });

  test('lockout per address counts a 15-minute window, not all failures ever', async () => {
    tick(3600_000);
    const ip = '198.51.100.7';
    for (let i = 0; i < 15; i++) await signIn(ctx, { username: `w${i}`, password: 'x', ip }).catch(() => undefined);
    tick(16 * 60_000);
    for (let i = 0; i < 15; i++) await expectAsync(signIn(ctx, { username: `v${i}`, password: 'x', ip }), BadCredentialsError);
    assert.equal((await signIn(ctx, { username: 'admin1', password: PASSWORD, ip })).username, 'admin1');
  });

  test('disabled users cannot sign in; disabling ends their sessions', async () => {
    const clerk = await findUserByUsername(ctx, system, 'clerk1');
    await ctx.repos.sessions.create({ id: 'x'.repeat(64), userId: clerk.id, ip: '', userAgent: '', expiresAt: new Date(clock + 3600_000) }, new Date(clock));
    await setUserDisabled(ctx, adminActor, clerk.id, true);
    assert.equal(await ctx.repos.sessions.findValid('x'.repeat(64), new Date(clock)), undefined);
    await expectAsync(signIn(ctx, { username: 'clerk1', password: PASSWORD, ip: '10.0.2.1' }), AccountDisabledError, /停用/);
    await expectAsync(signIn(ctx, { username: 'clerk1', password: 'wrong', ip: '10.0.2.1' }), BadCredentialsError);
    assert.equal(await ctx.repos.users.staffUser(clerk.id), undefined);
    await setUserDisabled(ctx, adminActor, clerk.id, false);
    const actions = (await ctx.repos.audit.forSubject('user', clerk.id)).map((e) => e.action);
    assert.ok(actions.includes('user.disabled') && actions.includes('user.enabled'));
    assert.equal((await signIn(ctx, { username: 'clerk1', password: PASSWORD, ip: '10.0.2.1' })).username, 'clerk1');
  });

  test('password change: checks the current password and strength, ends the other sessions', async () => {
    const clerk = await findUserByUsername(ctx, system, 'clerk1');
    const me = staff((await ctx.repos.users.staffUser(clerk.id))!, '10.0.3.1');
    const keep = 'k'.repeat(64);
    const other = 'o'.repeat(64);
    for (const id of [keep, other]) await ctx.repos.sessions.create({ id, userId: clerk.id, ip: '', userAgent: '', expiresAt: new Date(clock + 3600_000) }, new Date(clock));
    await expectAsync(changeOwnPassword(ctx, me, { current: 'wrong', next: 'NewPass2026', confirm: 'NewPass2026' }, keep), ValidationError, /当前密码不正确/);
    await expectAsync(changeOwnPassword(ctx, me, { current: PASSWORD, next: 'NewPass2026', confirm: 'NewPass2027' }, keep), ValidationError, /不一致/);
    await expectAsync(changeOwnPassword(ctx, me, { current: PASSWORD, next: 'abcdefgh', confirm: 'abcdefgh' }, keep), ValidationError, /字母和数字/);
    await changeOwnPassword(ctx, me, { current: PASSWORD, next: 'NewPass2026', confirm: 'NewPass2026' }, keep);
    assert.ok(await ctx.repos.sessions.findValid(keep, new Date(clock)));
    assert.equal(await ctx.repos.sessions.findValid(other, new Date(clock)), undefined);
    await expectAsync(signIn(ctx, { username: 'clerk1', password: PASSWORD, ip: '10.0.3.1' }), BadCredentialsError);
    assert.equal((await signIn(ctx, { username: 'clerk1', password: 'NewPass2026', ip: '10.0.3.1' })).username, 'clerk1');
    assert.equal((await ctx.repos.audit.forSubject('user', clerk.id)).filter((e) => e.action === 'user.password_changed').length, 1);
  });

  test('API tokens: issued once, stored as sha256, listed and revoked only by their owner', async () => {
    const issued = await issueTokenWithPassword(ctx, { username: 'clerk1', password: 'NewPass2026', ip: '10.0.4.1', name: 'CI' });
    assert.match(issued.token, /^[A-Za-z0-9_-]{43}$/);
    const row = await ctx.repos.apiTokens.byId(issued.id);
    assert.equal(row?.token_hash, tokenHash(issued.token));
    assert.notEqual(row?.token_hash, issued.token);
    assert.deepEqual((await ctx.repos.apiTokens.findActive(tokenHash(issued.token)))?.user_id, issued.user.id);
    await expectAsync(issueTokenWithPassword(ctx, { username: 'clerk1', password: 'nope', ip: '10.0.4.1' }), BadCredentialsError);

    const me = staff(issued.user);
    const second = await createApiToken(ctx, me, '报表脚本');
    await expectAsync(createApiToken(ctx, me, '  '), ValidationError);
    const list = await listApiTokens(ctx, me);
    assert.deepEqual(list.map((t) => [t.name, t.revoked]), [['报表脚本', false], ['CI', false]]);
    assert.ok(list.every((t) => !('token' in t) && !('tokenHash' in t)));

    await expectAsync(revokeApiToken(ctx, adminActor, issued.id), NotFoundError);
    await expectAsync(revokeApiToken(ctx, me, 999999), NotFoundError);
    await revokeApiToken(ctx, me, issued.id);
    assert.equal(await ctx.repos.apiTokens.findActive(tokenHash(issued.token)), undefined);
    assert.ok(await ctx.repos.apiTokens.findActive(tokenHash(second.token)));
    assert.deepEqual((await listApiTokens(ctx, me)).map((t) => t.revoked), [false, true]);
    const actions = (await ctx.repos.audit.forSubject('api_token', issued.id)).map((e) => e.action);
    assert.deepEqual(actions, ['auth.token_revoked']);
  });

  test('audit browsing: admins see their agency, filter by action, actor and dates; clerks are refused', async () => {
    const page = await browseAudit(ctx, adminActor, {});
    assert.ok(page.total > 0);
    assert.ok(page.items.every((e) => e.agencyCode === 'hjjyj'));
    assert.equal(page.agencies, null);
    assert.ok(page.actions.includes('user.created'));
    const created = await browseAudit(ctx, adminActor, { action: 'user.created' });
    assert.ok(created.items.length >= 2 && created.items.every((e) => e.action === 'user.created'));
    const byAdmin = await browseAudit(ctx, adminActor, { actor: 'admin1', action: 'user.updated' });
    assert.ok(byAdmin.items.length >= 1);
    assert.ok(byAdmin.items[0].changes.some((c) => c.field === 'roles'));
    assert.equal((await browseAudit(ctx, adminActor, { actor: 'nobody' })).total, 0);
    const today = new Date(clock + 8 * 3600_000).toISOString().slice(0, 10);
    assert.equal((await browseAudit(ctx, adminActor, { from: today, to: today })).total > 0, true);
    assert.equal((await browseAudit(ctx, adminActor, { from: '2020-01-01', to: '2020-01-02' })).total, 0);
    await expectAsync(browseAudit(ctx, adminActor, { from: '2026-02-30' }), ValidationError);
    await expectAsync(browseAudit(ctx, adminActor, { from: '2026-03-02', to: '2026-03-01' }), ValidationError);
    await expectAsync(browseAudit(ctx, clerkActor, {}), ForbiddenError);
    const everything = await browseAudit(ctx, system, {});
    assert.ok(everything.total > page.total);
    assert.ok(everything.agencies?.some((a) => a.code === 'hjs'));
    assert.equal((await browseAudit(ctx, system, { agency: 'nope' })).total, 0);
    // Every change above left an intact chain.
    assert.equal((await ctx.repos.audit.verify()).ok, true);
  });
}, { now: () => new Date(clock) });

describe('gongkai agency / user commands', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-cli-'));
  const dbArg = ['--db', `sqlite:${path.join(dir, 'cli.sqlite')}`];
  const capture = () => {
    const lines: string[] = [];
    return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
  };
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('agency add and list: a tree, with Chinese errors for a bad credit code or a duplicate', async () => {
    const c = capture();
    assert.equal(await agencyCommand(['add', '--code', 'hjs', '--name', '洪江市人民政府', '--credit-code', CITY_CODE, ...dbArg], c.io), 0);
    assert.equal(await agencyCommand(['add', '--code', 'hjjyj', '--name', '洪江市教育局', '--credit-code', BUREAU_CODE, '--parent', 'hjs', '--phone', '0745-7623456', ...dbArg], c.io), 0);
    assert.match(c.lines.join('\n'), /已新增机关：洪江市教育局（代码 hjjyj/);
    await assert.rejects(agencyCommand(['add', '--code', 'bad', '--name', '甲', '--credit-code', '11431281006108945D', ...dbArg], c.io), /统一社会信用代码校验位错误/);
    await assert.rejects(agencyCommand(['add', '--code', 'hjs', '--name', '甲', '--credit-code', CITY_CODE, ...dbArg], c.io), /机关代码“hjs”已被使用/);
    await assert.rejects(agencyCommand(['add', '--code', 'x', '--name', '甲', '--credit-code', CITY_CODE, '--parent', 'nope', ...dbArg], c.io), /未找到代码为“nope”的上级机关/);
    await assert.rejects(agencyCommand(['add', '--name', '甲', ...dbArg], c.io), (e: Error) => e instanceof UsageError && /--code、--credit-code/.test(e.message));
    const list = capture();
    assert.equal(await agencyCommand(['list', ...dbArg], list.io), 0);
    assert.equal(list.lines.length, 2);
    assert.match(list.lines[0], /^hjs\s+11431281006108945C\s+洪江市人民政府$/);
    assert.match(list.lines[1], /^ {2}hjjyj/);
  });

  test('user add, passwd and list, with Chinese errors for an unknown role, agency, department or a duplicate', async () => {
    const c = capture();
    await assert.rejects(userCommand(['add', '--username', 'u1', '--password', 'Secret2026', '--agency', 'hjjyj', '--roles', 'clerk,boss', ...dbArg], c.io), /未知角色：boss/);
    await assert.rejects(userCommand(['add', '--username', 'u1', '--password', 'Secret2026', '--agency', 'nope', '--roles', 'clerk', ...dbArg], c.io), /未找到代码为“nope”的机关/);
    await assert.rejects(userCommand(['add', '--username', 'u1', '--password', 'Secret2026', '--agency', 'hjjyj', '--roles', 'clerk', '--department', '不存在股', ...dbArg], c.io), /没有名为“不存在股”的科室/);
    await assert.rejects(userCommand(['add', '--username', 'u1', '--password', 'short', '--agency', 'hjjyj', '--roles', 'clerk', ...dbArg], c.io), /8 个字符/);
    await assert.rejects(userCommand(['add', '--username', 'u1', ...dbArg], c.io), UsageError);
    assert.equal(await userCommand(['add', '--username', 'u1', '--password', 'Secret2026', '--agency', 'hjjyj', '--roles', 'clerk,reviewer', '--display-name', '李四', ...dbArg], c.io), 0);
    assert.equal(await userCommand(['add', '--username', 'root', '--password', 'Secret2026', '--agency', 'hjs', '--roles', 'admin', '--sysadmin', ...dbArg], c.io), 0);
    await assert.rejects(userCommand(['add', '--username', 'u1', '--password', 'Secret2026', '--agency', 'hjjyj', '--roles', 'clerk', ...dbArg], c.io), /用户名“u1”已存在/);
    assert.equal(await userCommand(['passwd', '--username', 'u1', '--password', 'Changed2026', ...dbArg], c.io), 0);
    await assert.rejects(userCommand(['passwd', '--username', 'ghost', '--password', 'Changed2026', ...dbArg], c.io), /未找到用户“ghost”/);
    const list = capture();
    assert.equal(await userCommand(['list', '--agency', 'hjjyj', ...dbArg], list.io), 0);
    assert.equal(list.lines.length, 1);
    assert.match(list.lines[0], /^u1\s+hjjyj\s+clerk,reviewer\s+李四$/);
    const all = capture();
    await userCommand(['list', ...dbArg], all.io);
    assert.match(all.lines.join('\n'), /root\s+hjs\s+admin\s+root\s+\[平台管理员\]/);

    // The new password works; the events name the command line as the actor.
    const { db, ctx } = await openContext(dbArg[1]);
    try {
      assert.equal((await signIn(ctx, { username: 'u1', password: 'Changed2026', ip: '' })).displayName, '李四');
      const ev = await ctx.repos.audit.list({ action: 'user.password_reset' }, 1, 1);
      assert.equal(ev.items[0].actor_label, '命令行');
      assert.equal((await ctx.repos.audit.verify()).ok, true);
    } finally {
      await db.close();
    }
  });

  test('the installed command prints the error in Chinese and exits non-zero', () => {
    const r = spawnSync(process.execPath, ['bin/gongkai.js', 'user', 'add', '--username', 'u2', '--password', 'Secret2026', '--agency', 'hjjyj', '--roles', 'chief', ...dbArg], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /错误：未知角色：chief/);
  });

  test('--help after a command prints the usage; an unknown option is named in Chinese', () => {
    const help = spawnSync(process.execPath, ['bin/gongkai.js', 'serve', '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /用法: gongkai <命令>/);
    const bad = spawnSync(process.execPath, ['bin/gongkai.js', 'audit', 'verify', '--nosuch', ...dbArg], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^未知选项：--nosuch/);
  });
});
