// Sign-in, sign-out, password change and API tokens, with back-off per account and per address.
import { createHash, randomBytes } from 'node:crypto';
import type { ServiceContext } from './context.ts';
import type { Repositories } from '../db/repositories/index.ts';
import type { User } from '../db/schema.ts';
import { actorLabel, type Actor, type StaffUser } from './actor.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.ts';
import { AppError, ForbiddenError, NotFoundError, TooManyRequestsError, UnauthorizedError, ValidationError } from './errors.ts';

// ---- back-off policy ---------------------------------------------------------------------------

/** Consecutive failures an account may have before it is locked. */
export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_LOCK_MAX_MINUTES = 30;
/** A streak of failures older than this is forgotten (yesterday's typos do not add up to a lock). */
export const ACCOUNT_STREAK_RESET_MS = 24 * 3600_000;
export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MINUTES = 15;
export const ADDRESS_LOCK_MINUTES = 15;

/**
 * How long an account is locked after its `failures`-th consecutive failure: nothing before the
 * 5th, then 1 minute, doubling with each further failure (the next guess after a lock expires
 * locks it again, for longer), at most 30 minutes.
 */
export function accountLockMinutes(failures: number): number | null {
  if (failures < ACCOUNT_FREE_FAILURES) return null;
  return Math.min(ACCOUNT_LOCK_MAX_MINUTES, 2 ** (failures - ACCOUNT_FREE_FAILURES));
}

export function lockedMessage(minutes: number): string {
  return `登录失败次数过多，请 ${minutes} 分钟后再试`;
}

export const BAD_CREDENTIALS_MESSAGE = '用户名或密码错误';

/** Wrong username or password: one message for both, so nobody learns which accounts exist. */
export class BadCredentialsError extends AppError {
  constructor() {
    super(BAD_CREDENTIALS_MESSAGE, 401, 'invalid_credentials');
  }
}

/** The account or the client address is locked; the password was not checked. */
export class LoginLockedError extends TooManyRequestsError {
  constructor(readonly minutes: number) {
    super(lockedMessage(minutes), minutes * 60);
    (this as { code: string }).code = 'login_locked';
  }
}

export class AccountDisabledError extends AppError {
  constructor() {
    super('该账号已停用，请联系系统管理员', 403, 'account_disabled');
  }
}

const userKey = (username: string) => `user:${username.slice(0, 64)}`;
// Keys are compared with LIKE when purged: keep them to characters that are not wildcards.
const addressPart = (ip: string) => (ip.replace(/[^0-9A-Za-z:.-]/g, '-').slice(0, 100) || 'unknown');
const addressKey = (ip: string) => `ip:${addressPart(ip)}`;
const addressMinutePrefix = (ip: string) => `ipm:${addressPart(ip)}:`;

function minutesUntil(until: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
}

/** Throws LoginLockedError while the account or the address is locked (without looking at the password). */
async function assertNotLocked(repos: Repositories, username: string, ip: string, now: Date): Promise<void> {
  const [account, address] = await Promise.all([repos.loginFailures.get(userKey(username)), repos.loginFailures.get(addressKey(ip))]);
  const open = [account?.locked_until, address?.locked_until].filter((u): u is string => !!u && Date.parse(u) > now.getTime());
  if (open.length) throw new LoginLockedError(Math.max(...open.map((u) => minutesUntil(u, now))));
}

type FailureReason = 'bad_credentials' | 'wrong_current_password';

/**
 * Counts one failure against the account and the address, locks what crossed its threshold and
 * writes `auth.login_failed` (never the password), all in one transaction. Returns the lock, if any.
 */
async function recordFailure(ctx: ServiceContext, a: { username: string; ip: string; user?: User; reason: FailureReason }): Promise<number | null> {
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const key = userKey(a.username);
    const failures = await repos.loginFailures.increment(key, now, new Date(now.getTime() - ACCOUNT_STREAK_RESET_MS));
    const accountMinutes = accountLockMinutes(failures);
    if (accountMinutes) await repos.loginFailures.lock(key, new Date(now.getTime() + accountMinutes * 60_000), now);

    const minute = Math.floor(now.getTime() / 60_000);
    const prefix = addressMinutePrefix(a.ip);
    await repos.loginFailures.increment(`${prefix}${minute}`, now, new Date(0));
    const windowKeys = Array.from({ length: ADDRESS_WINDOW_MINUTES }, (_, i) => `${prefix}${minute - i}`);
    const recent = await repos.loginFailures.sum(windowKeys);
    const addressLocked = recent >= ADDRESS_MAX_FAILURES;
    if (addressLocked) await repos.loginFailures.lock(addressKey(a.ip), new Date(now.getTime() + ADDRESS_LOCK_MINUTES * 60_000), now);
    await repos.loginFailures.purgePrefix(prefix, new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000));

    const lockMinutes = Math.max(accountMinutes ?? 0, addressLocked ? ADDRESS_LOCK_MINUTES : 0) || null;
    await repos.audit.append({
      actorId: null,
      actorLabel: a.user ? `${a.user.display_name}（${a.user.username}）` : '未知用户',
      agencyId: a.user?.agency_id ?? null,
      action: 'auth.login_failed',
      subjectType: a.user ? 'user' : 'username',
      subjectId: a.user ? a.user.id : a.username.slice(0, 64),
      summary: { username: a.username.slice(0, 64), reason: a.reason, accountFailures: failures, addressFailures: recent, ...(lockMinutes ? { lockedMinutes: lockMinutes } : {}) },
      ip: a.ip,
    }, now);
    return lockMinutes;
  });
}

// A hash to verify against when the username is unknown, so both cases take the same time.
let dummyHash: Promise<string> | null = null;
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export interface Credentials {
  username: string;
  password: string;
  /** The client address (back-off per address, audit). */
  ip: string;
}

/** Checks locks, then the password; on failure counts it and throws. Returns the user row on success. */
async function authenticate(ctx: ServiceContext, c: Credentials): Promise<User> {
  const username = c.username.trim();
  if (username === '' || c.password === '') {
    throw new ValidationError('请输入用户名和密码', {
      ...(username === '' ? { username: '请输入用户名' } : {}),
      ...(c.password === '' ? { password: '请输入密码' } : {}),
    });
  }
  await assertNotLocked(ctx.repos, username, c.ip, ctx.now());
  const user = username.length <= 64 ? await ctx.repos.users.byUsername(username) : undefined;
  const ok = user ? await verifyPassword(user.password_hash, c.password) : (await verifyPassword(await timingDummy(), c.password), false);
  if (!user || !ok) {
    const lock = await recordFailure(ctx, { username, ip: c.ip, user, reason: 'bad_credentials' });
    if (lock) throw new LoginLockedError(lock);
    throw new BadCredentialsError();
  }
  if (user.disabled) {
    // The password was right, so saying why is safe; it is not a guessing failure.
    await ctx.transaction((repos) => repos.audit.append({
      actorId: user.id, actorLabel: `${user.display_name}（${user.username}）`, agencyId: user.agency_id,
      action: 'auth.login_failed', subjectType: 'user', subjectId: user.id, summary: { username: user.username, reason: 'disabled' }, ip: c.ip,
    }, ctx.now()));
    throw new AccountDisabledError();
  }
  return user;
}

async function staffOrThrow(ctx: ServiceContext, userId: number): Promise<StaffUser> {
  const staff = await ctx.repos.users.staffUser(userId);
  if (!staff) throw new AccountDisabledError();
  return staff;
}

/** Sign-in for the pages: the route then starts a fresh session (startSession). */
export async function signIn(ctx: ServiceContext, c: Credentials): Promise<StaffUser> {
  const user = await authenticate(ctx, c);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    await repos.loginFailures.clear(userKey(user.username));
    await repos.audit.append({
      actorId: user.id, actorLabel: `${user.display_name}（${user.username}）`, agencyId: user.agency_id,
      action: 'auth.login', subjectType: 'user', subjectId: user.id, summary: { via: 'page' }, ip: c.ip,
    }, now);
  });
  return staffOrThrow(ctx, user.id);
}

/** Ends a page session and records it. */
export async function signOut(ctx: ServiceContext, actor: Actor, sessionId: string | null): Promise<void> {
  if (actor.kind !== 'staff' || !sessionId) return;
  await ctx.transaction(async (repos) => {
    await repos.sessions.delete(sessionId);
    await repos.audit.append({
      actorId: actor.user.id, actorLabel: actorLabel(actor), agencyId: actor.user.agencyId,
      action: 'auth.logout', subjectType: 'user', subjectId: actor.user.id, summary: {}, ip: actor.ip,
    }, ctx.now());
  });
}

// ---- API tokens -------------------------------------------------------------------------------

export interface ApiTokenView {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function tokenName(name: string | undefined, fallback: string): string {
  const n = (name ?? '').trim();
  if (n === '') return fallback;
  if ([...n].length > 100) throw new ValidationError('令牌名称不能超过 100 个字符', { name: '令牌名称不能超过 100 个字符' });
  return n;
}

async function insertToken(repos: Repositories, userId: number, name: string, now: Date): Promise<{ token: string; id: number }> {
  // 32 random bytes, base64url: 43 characters. Only the sha256 is stored.
  const token = randomBytes(32).toString('base64url');
  const row = await repos.apiTokens.insert({ userId, name, tokenHash: tokenHash(token) }, now);
  return { token, id: row.id };
}

/** POST /api/v1/auth/token: username and password in, a new bearer token out (same back-off as the page). */
export async function issueTokenWithPassword(ctx: ServiceContext, c: Credentials & { name?: string }): Promise<{ token: string; id: number; user: StaffUser }> {
  const name = tokenName(c.name, 'API');
  const user = await authenticate(ctx, c);
  const now = ctx.now();
  const issued = await ctx.transaction(async (repos) => {
    await repos.loginFailures.clear(userKey(user.username));
    const t = await insertToken(repos, user.id, name, now);
    await repos.audit.append({
      actorId: user.id, actorLabel: `${user.display_name}（${user.username}）`, agencyId: user.agency_id,
      action: 'auth.login', subjectType: 'user', subjectId: user.id, summary: { via: 'api', tokenId: t.id, tokenName: name }, ip: c.ip,
    }, now);
    return t;
  });
  return { ...issued, user: await staffOrThrow(ctx, user.id) };
}

function staffOf(actor: Actor): Extract<Actor, { kind: 'staff' }> {
  if (actor.kind !== 'staff') throw new UnauthorizedError();
  return actor;
}

/** A named token created from the console; the token is returned once and never again. */
export async function createApiToken(ctx: ServiceContext, actor: Actor, name: string): Promise<{ token: string; id: number }> {
  const staff = staffOf(actor);
  const n = tokenName(name, '');
  if (n === '') throw new ValidationError('请填写令牌名称', { name: '请填写令牌名称' });
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const t = await insertToken(repos, staff.user.id, n, now);
    await repos.audit.append({
      actorId: staff.user.id, actorLabel: actorLabel(staff), agencyId: staff.user.agencyId,
      action: 'auth.token_created', subjectType: 'api_token', subjectId: t.id, summary: { name: n }, ip: staff.ip,
    }, now);
    return t;
  });
}

export async function listApiTokens(ctx: ServiceContext, actor: Actor): Promise<ApiTokenView[]> {
  const staff = staffOf(actor);
  const rows = await ctx.repos.apiTokens.forUser(staff.user.id);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revoked: r.revoked_at !== null }));
}

/** Revokes one of the caller's own tokens; anybody else's answers 404 (its existence is not theirs to know). */
export async function revokeApiToken(ctx: ServiceContext, actor: Actor, tokenId: number): Promise<void> {
  const staff = staffOf(actor);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const row = await repos.apiTokens.byId(tokenId);
    if (!row || row.user_id !== staff.user.id) throw new NotFoundError('未找到该令牌');
    if (row.revoked_at) return;
    await repos.apiTokens.revoke(tokenId, now);
    await repos.audit.append({
      actorId: staff.user.id, actorLabel: actorLabel(staff), agencyId: staff.user.agencyId,
      action: 'auth.token_revoked', subjectType: 'api_token', subjectId: tokenId, summary: { name: row.name }, ip: staff.ip,
    }, now);
  });
}

// ---- password change --------------------------------------------------------------------------

export interface PasswordChange {
  current: string;
  next: string;
  confirm: string;
}

/**
 * The signed-in user changes their own password. A wrong current password counts as a sign-in
 * failure (a borrowed session must not become a way to guess it). Every other session ends.
 */
export async function changeOwnPassword(ctx: ServiceContext, actor: Actor, input: PasswordChange, keepSessionId: string | null): Promise<void> {
  const staff = staffOf(actor);
  const user = await ctx.repos.users.byId(staff.user.id);
  if (!user || user.disabled) throw new ForbiddenError();
  await assertNotLocked(ctx.repos, user.username, staff.ip, ctx.now());
  const fields: Record<string, string> = {};
  if (input.current === '') fields.current = '请输入当前密码';
  if (input.next === '') fields.next = '请输入新密码';
  if (Object.keys(fields).length) throw new ValidationError('请填写完整', fields);
  if (!(await verifyPassword(user.password_hash, input.current))) {
    const lock = await recordFailure(ctx, { username: user.username, ip: staff.ip, user, reason: 'wrong_current_password' });
    if (lock) throw new LoginLockedError(lock);
    throw new ValidationError('当前密码不正确', { current: '当前密码不正确' });
  }
  if (input.next !== input.confirm) throw new ValidationError('两次输入的新密码不一致', { confirm: '两次输入的新密码不一致' });
  try {
    checkPasswordStrength(input.next);
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.message, { next: e.message });
    throw e;
  }
  if (input.next === input.current) throw new ValidationError('新密码不能与当前密码相同', { next: '新密码不能与当前密码相同' });
  const hash = await hashPassword(input.next);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    await repos.users.setPasswordHash(user.id, hash, now);
    await repos.sessions.deleteForUser(user.id, keepSessionId ?? undefined);
    await repos.loginFailures.clear(userKey(user.username));
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(staff), agencyId: user.agency_id,
      action: 'user.password_changed', subjectType: 'user', subjectId: user.id, summary: { otherSessionsEnded: true }, ip: staff.ip,
    }, now);
  });
}

/** Clears an account's failure streak and lock (an administrator reset the password). */
export async function clearAccountLock(repos: Repositories, username: string): Promise<void> {
  await repos.loginFailures.clear(userKey(username));
}
