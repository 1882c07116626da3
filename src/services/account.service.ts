// Agencies, departments and users: who may manage what (one policy per entity, used both to refuse
// and to decide what a page shows), and the use cases, each audited in its own transaction.
import type { ServiceContext } from './context.ts';
import type { Repositories } from '../db/repositories/index.ts';
import type { Agency, Department, User } from '../db/schema.ts';
import { actorLabel, actorUserId, type Actor } from './actor.ts';
import { ForbiddenError, NotFoundError, ValidationError, DomainError } from './errors.ts';
import { checkPasswordStrength, hashPassword } from './password.ts';
import { clearAccountLock } from './auth.service.ts';
import { validateCreditCode } from '../domain/identity.ts';
import { DEFAULT_INDEX_PATTERN, validateIndexPattern } from '../domain/index-number.ts';
import { isRole, ROLES, ROLE_LABELS, type Role } from '../domain/roles.ts';
import { isEmailAddress } from '../mail/mail-config.ts';

// ---- policies ---------------------------------------------------------------------------------

/** System administrators and the command line (a system actor on the server) manage the platform. */
export function isPlatformAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'staff' && actor.user.isSysadmin);
}

export function canManageAgencies(actor: Actor): boolean {
  return isPlatformAdmin(actor);
}

export function assertCanManageAgencies(actor: Actor): void {
  if (!canManageAgencies(actor)) throw new ForbiddenError('只有系统管理员可以管理机关');
}

/** System administrators manage every agency's users; an agency's `admin` manages its own. */
export function canManageUsers(actor: Actor, agencyId?: number): boolean {
  if (isPlatformAdmin(actor)) return true;
  if (actor.kind !== 'staff' || !actor.user.roles.includes('admin')) return false;
  return agencyId === undefined || agencyId === actor.user.agencyId;
}

export function assertCanManageUsers(actor: Actor, agencyId?: number): void {
  if (!canManageUsers(actor, agencyId)) throw new ForbiddenError('您没有管理该机关用户的权限');
}

// ---- view models (whitelisted fields: no password hashes leave this file) ----------------------

export interface AgencyView {
  id: number;
  code: string;
  name: string;
  shortName: string;
  parentId: number | null;
  creditCode: string;
  address: string;
  postcode: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  officeName: string;
  indexPattern: string;
  createdAt: string;
}

export interface DepartmentView {
  id: number;
  agencyId: number;
  name: string;
}

export interface AgencyNode {
  agency: AgencyView;
  depth: number;
  parentCode: string | null;
  departments: DepartmentView[];
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  agencyId: number;
  agencyCode: string;
  departmentId: number | null;
  departmentName: string | null;
  roles: Role[];
  isSysadmin: boolean;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
  /** Where deadline reminders are e-mailed; '' = inbox only. */
  email: string;
}

export function agencyView(a: Agency): AgencyView {
  return {
    id: a.id, code: a.code, name: a.name, shortName: a.short_name ?? '', parentId: a.parent_id, creditCode: a.credit_code,
    address: a.address, postcode: a.postcode, officeHours: a.office_hours, phone: a.phone, fax: a.fax, email: a.email,
    website: a.website, officeName: a.office_name, indexPattern: a.index_pattern, createdAt: a.created_at,
  };
}

function departmentView(d: Department): DepartmentView {
  return { id: d.id, agencyId: d.agency_id, name: d.name };
}

// ---- agencies ---------------------------------------------------------------------------------

export interface AgencyInput {
  code: string;
  name: string;
  shortName?: string;
  /** The parent agency's id (pages) … */
  parentId?: number | null;
  /** … or its code (command line). */
  parentCode?: string;
  creditCode: string;
  address?: string;
  postcode?: string;
  officeHours?: string;
  phone?: string;
  fax?: string;
  email?: string;
  website?: string;
  officeName?: string;
  indexPattern?: string;
}

const AGENCY_CODE = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** Checks every field and collects all problems at once, so a form shows them together. */
async function normalizeAgency(repos: Repositories, input: AgencyInput, selfId: number | null) {
  const fields: Record<string, string> = {};
  const text = (key: keyof AgencyInput, label: string, max: number, required = false): string => {
    const v = String(input[key] ?? '').trim();
    if (required && v === '') fields[key] = `请填写${label}`;
    else if ([...v].length > max) fields[key] = `${label}不能超过 ${max} 个字符`;
    return v;
  };
  const code = text('code', '机关代码', 32, true).toLowerCase();
  if (code && !fields.code && !AGENCY_CODE.test(code)) fields.code = '机关代码只能使用小写字母、数字、连字符和下划线，且以字母或数字开头';
  if (code && !fields.code) {
    const other = await repos.agencies.byCode(code);
    if (other && other.id !== selfId) fields.code = `机关代码“${code}”已被使用`;
  }
  const name = text('name', '机关名称', 200, true);
  const shortName = text('shortName', '简称', 100);
  const credit = validateCreditCode(String(input.creditCode ?? ''));
  if (!credit.ok) fields.creditCode = credit.reason;
  const address = text('address', '办公地址', 300);
  const postcode = text('postcode', '邮政编码', 10);
  if (postcode && !fields.postcode && !/^\d{6}$/.test(postcode)) fields.postcode = '邮政编码应为6位数字';
  const officeHours = text('officeHours', '办公时间', 200);
  const phone = text('phone', '联系电话', 50);
  const fax = text('fax', '传真', 50);
  const email = text('email', '电子邮箱', 200);
  if (email && !fields.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fields.email = '电子邮箱格式不正确';
  const website = text('website', '网站', 200);
  if (website && !fields.website && !/^https?:\/\/[^\s]+$/i.test(website)) fields.website = '网站地址应以 http:// 或 https:// 开头';
  const officeName = text('officeName', '政府信息公开工作机构名称', 200);
  const indexPattern = text('indexPattern', '索引号规则', 100) || DEFAULT_INDEX_PATTERN;
  if (!fields.indexPattern) {
    const check = validateIndexPattern(indexPattern);
    if (!check.ok) fields.indexPattern = check.errors.join('；');
  }

  let parentId: number | null = input.parentId ?? null;
  const parentCode = (input.parentCode ?? '').trim();
  if (parentCode) {
    const p = await repos.agencies.byCode(parentCode.toLowerCase());
    if (!p) fields.parentId = `未找到代码为“${parentCode}”的上级机关`;
    else parentId = p.id;
  } else if (parentId !== null) {
    if (!(await repos.agencies.byId(parentId))) fields.parentId = '上级机关不存在';
  }
  if (parentId !== null && selfId !== null && !fields.parentId) {
    const below = await repos.agencies.subtreeIds(selfId);
    if (below.includes(parentId)) fields.parentId = '上级机关不能是本机关或其下级机关';
  }

  if (Object.keys(fields).length) throw new ValidationError(Object.values(fields).join('；'), fields);
  return {
    code, name, short_name: shortName || null, parent_id: parentId, credit_code: credit.ok ? credit.normalized : '',
    address, postcode, office_hours: officeHours, phone, fax, email, website, office_name: officeName, index_pattern: indexPattern,
  };
}

/** The fields that differ, as {before, after} for the audit summary. */
function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

function audit(repos: Repositories, actor: Actor, now: Date, e: { agencyId: number | null; action: string; subjectType: string; subjectId: string | number; summary: Record<string, unknown> }) {
  return repos.audit.append({ actorId: actorUserId(actor), actorLabel: actorLabel(actor), ip: actor.ip ?? '', ...e }, now);
}

export async function createAgency(ctx: ServiceContext, actor: Actor, input: AgencyInput): Promise<AgencyView> {
  assertCanManageAgencies(actor);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const row = await normalizeAgency(repos, input, null);
    const a = await repos.agencies.insert({ ...row, created_at: now.toISOString() });
    await audit(repos, actor, now, { agencyId: a.id, action: 'agency.created', subjectType: 'agency', subjectId: a.id, summary: { after: row } });
    return agencyView(a);
  });
}

export async function updateAgency(ctx: ServiceContext, actor: Actor, agencyId: number, input: AgencyInput): Promise<AgencyView> {
  assertCanManageAgencies(actor);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const before = await repos.agencies.byId(agencyId);
    if (!before) throw new NotFoundError('未找到该机关');
    const row = await normalizeAgency(repos, input, agencyId);
    const diff = changes(before, row);
    if (Object.keys(diff.after).length === 0) return agencyView(before);
    await repos.agencies.update(agencyId, row);
    await audit(repos, actor, now, { agencyId, action: 'agency.updated', subjectType: 'agency', subjectId: agencyId, summary: diff });
    return agencyView((await repos.agencies.byId(agencyId))!);
  });
}

export async function getAgency(ctx: ServiceContext, actor: Actor, agencyId: number): Promise<{ agency: AgencyView; departments: DepartmentView[] }> {
  assertCanManageAgencies(actor);
  const a = await ctx.repos.agencies.byId(agencyId);
  if (!a) throw new NotFoundError('未找到该机关');
  return { agency: agencyView(a), departments: (await ctx.repos.agencies.departments(a.id)).map(departmentView) };
}

export async function findAgencyByCode(ctx: ServiceContext, code: string): Promise<AgencyView> {
  const a = await ctx.repos.agencies.byCode(code.trim().toLowerCase());
  if (!a) throw new NotFoundError(`未找到代码为“${code}”的机关`);
  return agencyView(a);
}

/** Every agency in tree order (parents before their children), with its depth and departments. */
export async function agencyTree(ctx: ServiceContext, actor: Actor): Promise<AgencyNode[]> {
  assertCanManageAgencies(actor);
  const all = await ctx.repos.agencies.all();
  const byId = new Map(all.map((a) => [a.id, a]));
  const out: AgencyNode[] = [];
  const seen = new Set<number>();
  const visit = async (a: Agency, depth: number) => {
    if (seen.has(a.id)) return;
    seen.add(a.id);
    out.push({
      agency: agencyView(a), depth, parentCode: a.parent_id !== null ? byId.get(a.parent_id)?.code ?? null : null,
      departments: (await ctx.repos.agencies.departments(a.id)).map(departmentView),
    });
    for (const c of all.filter((x) => x.parent_id === a.id)) await visit(c, depth + 1);
  };
  for (const root of all.filter((a) => a.parent_id === null || !byId.has(a.parent_id))) await visit(root, 0);
  return out;
}

/** Agencies a user manager may pick from: all for system administrators, else their own. */
export async function manageableAgencies(ctx: ServiceContext, actor: Actor): Promise<{ id: number; code: string; name: string; departments: DepartmentView[] }[]> {
  assertCanManageUsers(actor);
  const all = isPlatformAdmin(actor) ? await ctx.repos.agencies.all() : [await ctx.repos.agencies.byId((actor as Extract<Actor, { kind: 'staff' }>).user.agencyId)].filter((a): a is Agency => !!a);
  return Promise.all(all.map(async (a) => ({ id: a.id, code: a.code, name: a.name, departments: (await ctx.repos.agencies.departments(a.id)).map(departmentView) })));
}

// ---- departments (科室) -----------------------------------------------------------------------

function departmentName(name: string): string {
  const n = name.trim();
  if (n === '') throw new ValidationError('请填写科室名称', { name: '请填写科室名称' });
  if ([...n].length > 100) throw new ValidationError('科室名称不能超过 100 个字符', { name: '科室名称不能超过 100 个字符' });
  return n;
}

/** Department names are unique within an agency. */
async function assertDepartmentNameFree(repos: Repositories, agencyId: number, name: string): Promise<void> {
  if (await repos.accounts.departmentByName(agencyId, name)) throw new ValidationError(`科室“${name}”已存在`, { name: `科室“${name}”已存在` });
}

export async function addDepartment(ctx: ServiceContext, actor: Actor, agencyId: number, name: string): Promise<DepartmentView> {
  assertCanManageAgencies(actor);
  const n = departmentName(name);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const agency = await repos.agencies.byId(agencyId);
    if (!agency) throw new NotFoundError('未找到该机关');
    await assertDepartmentNameFree(repos, agencyId, n);
    const d = await repos.agencies.addDepartment(agencyId, n, await repos.accounts.nextDepartmentSort(agencyId));
    await audit(repos, actor, now, { agencyId, action: 'department.created', subjectType: 'department', subjectId: d.id, summary: { after: { name: n } } });
    return departmentView(d);
  });
}

export async function renameDepartment(ctx: ServiceContext, actor: Actor, departmentId: number, name: string): Promise<DepartmentView> {
  assertCanManageAgencies(actor);
  const n = departmentName(name);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const d = await repos.agencies.departmentById(departmentId);
    if (!d) throw new NotFoundError('未找到该科室');
    if (d.name === n) return departmentView(d);
    await assertDepartmentNameFree(repos, d.agency_id, n);
    await repos.accounts.renameDepartment(d.id, n);
    await audit(repos, actor, now, { agencyId: d.agency_id, action: 'department.renamed', subjectType: 'department', subjectId: d.id, summary: { before: { name: d.name }, after: { name: n } } });
    return { ...departmentView(d), name: n };
  });
}

// ---- users ------------------------------------------------------------------------------------

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;

export function parseRoles(values: readonly string[]): Role[] {
  const out: Role[] = [];
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') continue;
    if (!isRole(v)) {
      const known = ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、');
      throw new ValidationError(`未知角色：${v}。可用角色：${known}`, { roles: `未知角色：${v}` });
    }
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

async function resolveDepartment(repos: Repositories, agencyId: number, departmentId: number | null | undefined): Promise<number | null> {
  if (departmentId === null || departmentId === undefined) return null;
  const d = await repos.agencies.departmentById(departmentId);
  if (!d || d.agency_id !== agencyId) throw new ValidationError('所选科室不属于该机关', { departmentId: '所选科室不属于该机关' });
  return d.id;
}

export async function findDepartmentByName(ctx: ServiceContext, agencyId: number, name: string): Promise<DepartmentView> {
  const d = await ctx.repos.accounts.departmentByName(agencyId, name.trim());
  if (!d) {
    const known = (await ctx.repos.agencies.departments(agencyId)).map((x) => x.name).join('、') || '（无）';
    throw new ValidationError(`该机关没有名为“${name}”的科室。现有科室：${known}`, { departmentId: `没有名为“${name}”的科室` });
  }
  return departmentView(d);
}

function passwordOrThrow(password: string): void {
  try {
    checkPasswordStrength(password);
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.message, { password: e.message });
    throw e;
  }
}

async function userView(repos: Repositories, u: User): Promise<UserView> {
  const [agency, dept, roles] = await Promise.all([
    repos.agencies.byId(u.agency_id),
    u.department_id !== null ? repos.agencies.departmentById(u.department_id) : Promise.resolve(undefined),
    repos.users.roles(u.id),
  ]);
  return {
    id: u.id, username: u.username, displayName: u.display_name, agencyId: u.agency_id, agencyCode: agency?.code ?? '',
    departmentId: u.department_id, departmentName: dept?.name ?? null, roles, isSysadmin: u.is_sysadmin === 1,
    disabled: u.disabled === 1, createdAt: u.created_at, passwordChangedAt: u.password_changed_at, email: u.email,
  };
}

/** A staff member's e-mail address for reminders: optional, checked when given. */
function userEmail(value: string | undefined, fields: Record<string, string>): string {
  const email = (value ?? '').trim();
  if (email !== '' && !isEmailAddress(email)) fields.email = '电子邮箱格式不正确，例如 name@example.gov.cn';
  return email;
}

export interface NewUserInput {
  username: string;
  displayName?: string;
  password: string;
  agencyId: number;
  departmentId?: number | null;
  roles: readonly string[];
  isSysadmin?: boolean;
  email?: string;
}

export async function createUser(ctx: ServiceContext, actor: Actor, input: NewUserInput): Promise<UserView> {
  assertCanManageUsers(actor, input.agencyId);
  if (input.isSysadmin && !isPlatformAdmin(actor)) throw new ForbiddenError('只有系统管理员可以授予系统管理员权限');
  const fields: Record<string, string> = {};
  const username = input.username.trim();
  if (!USERNAME.test(username)) fields.username = '用户名应为 2–64 个字母、数字、点、连字符或下划线，并以字母或数字开头';
  const displayName = (input.displayName ?? '').trim() || username;
  if ([...displayName].length > 100) fields.displayName = '姓名不能超过 100 个字符';
  const email = userEmail(input.email, fields);
  let roles: Role[] = [];
  try {
    roles = parseRoles(input.roles);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    fields.roles = e.message;
  }
  try {
    passwordOrThrow(input.password);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    fields.password = e.message;
  }
  if (Object.keys(fields).length) throw new ValidationError(Object.values(fields).join('；'), fields);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    if (!(await repos.agencies.byId(input.agencyId))) throw new ValidationError('所选机关不存在', { agencyId: '所选机关不存在' });
    if (await repos.users.byUsername(username)) throw new ValidationError(`用户名“${username}”已存在`, { username: `用户名“${username}”已存在` });
    const departmentId = await resolveDepartment(repos, input.agencyId, input.departmentId);
    const u = await repos.users.insert({ username, displayName, passwordHash, agencyId: input.agencyId, departmentId, isSysadmin: !!input.isSysadmin, roles, email }, now);
    await audit(repos, actor, now, {
      agencyId: u.agency_id, action: 'user.created', subjectType: 'user', subjectId: u.id,
      summary: { after: { username, displayName, departmentId, roles, isSysadmin: !!input.isSysadmin, email } },
    });
    return userView(repos, u);
  });
}

/**
 * The user an actor may manage, or an error: 403 when the actor manages no users at all, 404 when
 * the user belongs to an agency the actor does not manage (that it exists is not theirs to know).
 */
async function managedUser(repos: Repositories, actor: Actor, userId: number): Promise<User> {
  assertCanManageUsers(actor);
  const u = await repos.users.byId(userId);
  if (!u || !canManageUsers(actor, u.agency_id)) throw new NotFoundError('未找到该用户');
  return u;
}

export async function getUser(ctx: ServiceContext, actor: Actor, userId: number): Promise<UserView> {
  return userView(ctx.repos, await managedUser(ctx.repos, actor, userId));
}

export interface UserUpdate {
  displayName: string;
  departmentId: number | null;
  roles: readonly string[];
  /** Only system administrators may change it; undefined leaves it as it is. */
  isSysadmin?: boolean;
  /** Undefined leaves it as it is; '' removes it. */
  email?: string;
}

export async function updateUser(ctx: ServiceContext, actor: Actor, userId: number, input: UserUpdate): Promise<UserView> {
  const roles = parseRoles(input.roles);
  const displayName = input.displayName.trim();
  if (displayName === '') throw new ValidationError('请填写姓名', { displayName: '请填写姓名' });
  if ([...displayName].length > 100) throw new ValidationError('姓名不能超过 100 个字符', { displayName: '姓名不能超过 100 个字符' });
  const emailFields: Record<string, string> = {};
  const email = input.email === undefined ? undefined : userEmail(input.email, emailFields);
  if (emailFields.email) throw new ValidationError(emailFields.email, emailFields);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const u = await managedUser(repos, actor, userId);
    const self = actorUserId(actor) === u.id;
    const wasSysadmin = u.is_sysadmin === 1;
    const sysadmin = input.isSysadmin === undefined ? wasSysadmin : input.isSysadmin;
    if (sysadmin !== wasSysadmin && !isPlatformAdmin(actor)) throw new ForbiddenError('只有系统管理员可以授予或取消系统管理员权限');
    // Nobody removes their own way back in: the last step would lock them out of this page.
    if (self && wasSysadmin && !sysadmin) throw new DomainError('不能取消自己的系统管理员权限');
    const beforeRoles = await repos.users.roles(u.id);
    if (self && !sysadmin && beforeRoles.includes('admin') && !roles.includes('admin')) throw new DomainError('不能取消自己的管理员角色');
    const departmentId = await resolveDepartment(repos, u.agency_id, input.departmentId);
    const diff = changes(
      { displayName: u.display_name, departmentId: u.department_id, roles: beforeRoles, isSysadmin: wasSysadmin, email: u.email },
      { displayName, departmentId, roles: [...roles].sort(), isSysadmin: sysadmin, email: email ?? u.email },
    );
    if (Object.keys(diff.after).length > 0) {
      await repos.accounts.updateUser(u.id, { displayName, departmentId, isSysadmin: sysadmin, ...(email !== undefined ? { email } : {}) });
      await repos.users.setRoles(u.id, roles);
      await audit(repos, actor, now, { agencyId: u.agency_id, action: 'user.updated', subjectType: 'user', subjectId: u.id, summary: diff });
    }
    return userView(repos, (await repos.users.byId(u.id))!);
  });
}

/** Disabling ends the user's sessions; their API tokens stop working (a disabled user resolves to nobody). */
export async function setUserDisabled(ctx: ServiceContext, actor: Actor, userId: number, disabled: boolean): Promise<UserView> {
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const u = await managedUser(repos, actor, userId);
    if (disabled && actorUserId(actor) === u.id) throw new DomainError('不能停用自己的账号');
    if ((u.disabled === 1) !== disabled) {
      await repos.accounts.setDisabled(u.id, disabled);
      if (disabled) await repos.sessions.deleteForUser(u.id);
      await audit(repos, actor, now, {
        agencyId: u.agency_id, action: disabled ? 'user.disabled' : 'user.enabled', subjectType: 'user', subjectId: u.id,
        summary: { before: { disabled: u.disabled === 1 }, after: { disabled } },
      });
    }
    return userView(repos, (await repos.users.byId(u.id))!);
  });
}

/** An administrator sets a new password: every session of the user ends and any sign-in lock is lifted. */
export async function resetPassword(ctx: ServiceContext, actor: Actor, userId: number, password: string): Promise<void> {
  passwordOrThrow(password);
  const hash = await hashPassword(password);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const u = await managedUser(repos, actor, userId);
    await repos.users.setPasswordHash(u.id, hash, now);
    await repos.sessions.deleteForUser(u.id);
    await clearAccountLock(repos, u.username);
    await audit(repos, actor, now, { agencyId: u.agency_id, action: 'user.password_reset', subjectType: 'user', subjectId: u.id, summary: { sessionsEnded: true } });
  });
}

export async function findUserByUsername(ctx: ServiceContext, actor: Actor, username: string): Promise<UserView> {
  assertCanManageUsers(actor);
  const u = await ctx.repos.users.byUsername(username.trim());
  if (!u || !canManageUsers(actor, u.agency_id)) throw new NotFoundError(`未找到用户“${username}”`);
  return userView(ctx.repos, u);
}

/** Users the actor manages: all (or one agency's) for system administrators, else their own agency's. */
export async function listUsers(ctx: ServiceContext, actor: Actor, filter: { agencyId?: number } = {}): Promise<UserView[]> {
  assertCanManageUsers(actor);
  const agencyId = isPlatformAdmin(actor) ? filter.agencyId : (actor as Extract<Actor, { kind: 'staff' }>).user.agencyId;
  const rows = await ctx.repos.users.list(agencyId);
  const agencies = new Map((await ctx.repos.agencies.all()).map((a) => [a.id, a]));
  const depts = new Map<number, string>();
  for (const a of agencies.values()) for (const d of await ctx.repos.agencies.departments(a.id)) depts.set(d.id, d.name);
  return rows.map((u) => ({
    id: u.id, username: u.username, displayName: u.display_name, agencyId: u.agency_id, agencyCode: u.agency_code,
    departmentId: u.department_id, departmentName: u.department_id !== null ? depts.get(u.department_id) ?? null : null,
    roles: u.roles, isSysadmin: u.is_sysadmin === 1, disabled: u.disabled === 1, createdAt: u.created_at, passwordChangedAt: u.password_changed_at, email: u.email,
  }));
}
