import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice, Pager } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDateTime } from '../format.ts';
import type { AgencyNode, DepartmentView, UserView } from '../../services/account.service.ts';
import type { AuditPage } from '../../services/audit.service.ts';
import { INDEX_PLACEHOLDERS } from '../../domain/index-number.ts';
import { ROLES, ROLE_LABELS } from '../../domain/roles.ts';

function Errors({ errors }: { errors: Record<string, string> }) {
  const list = Object.values(errors);
  if (list.length === 0) return null;
  return (
    <Notice kind="error">
      <p>请修改以下问题后重新提交：</p>
      <ul>{list.map((e) => <li>{e}</li>)}</ul>
    </Notice>
  );
}

// ---- agencies ---------------------------------------------------------------------------------

export function AgenciesPage({ ctx, nodes, notice }: { ctx: PageContext; nodes: AgencyNode[]; notice?: string }) {
  return (
    <ConsoleLayout ctx={ctx} title="机关管理">
      <h1>机关管理</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p><a class="button" href="/console/admin/agencies/new">新增机关</a></p>
      {nodes.length === 0 ? <p class="empty">暂无机关</p> : (
        <table class="data-table agency-tree">
          <caption class="visually-hidden">机关列表（按隶属关系排列）</caption>
          <thead><tr><th scope="col">机关名称</th><th scope="col">代码</th><th scope="col">统一社会信用代码</th><th scope="col">科室</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {nodes.map((n) => (
              <tr>
                <td class={`depth-${Math.min(n.depth, 5)}`}>{n.depth > 0 && <span aria-hidden="true">└ </span>}{n.agency.name}{n.parentCode && <span class="visually-hidden">（上级：{n.parentCode}）</span>}</td>
                <td><code>{n.agency.code}</code></td>
                <td><code>{n.agency.creditCode}</code></td>
                <td>{n.departments.map((d) => d.name).join('、') || '—'}</td>
                <td><a href={`/console/admin/agencies/${n.agency.id}`} aria-label={`编辑${n.agency.name}`}>编辑</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsoleLayout>
  );
}

export interface AgencyFormValues {
  code: string;
  name: string;
  shortName: string;
  parentId: string;
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
}

export interface AgencyFormPageProps {
  ctx: PageContext;
  /** Undefined for a new agency. */
  agencyId?: number;
  values: AgencyFormValues;
  errors: Record<string, string>;
  parents: { id: number; name: string; depth: number }[];
  departments?: DepartmentView[];
  departmentErrors?: { departmentId: number | null; message: string; value: string };
  notice?: string;
}

export function AgencyFormPage(props: AgencyFormPageProps) {
  const { ctx, values: v, errors: e } = props;
  const editing = props.agencyId !== undefined;
  const title = editing ? `编辑机关：${v.name}` : '新增机关';
  const text = (id: keyof AgencyFormValues, label: string, opts: { required?: boolean; hint?: string; type?: string; max?: number } = {}) => (
    <Field id={`agency-${id}`} label={label} required={opts.required} hint={opts.hint} error={e[id]}>
      <input type={opts.type ?? 'text'} id={`agency-${id}`} name={id} value={v[id]} required={opts.required} maxLength={opts.max ?? 200} aria-invalid={e[id] ? 'true' : undefined} />
    </Field>
  );
  const de = props.departmentErrors;
  return (
    <ConsoleLayout ctx={ctx} title={title} active="/console/admin/agencies">
      <p><a href="/console/admin/agencies">← 返回机关列表</a></p>
      <h1>{title}</h1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <Errors errors={e} />
      <form method="post" action={editing ? `/console/admin/agencies/${props.agencyId}` : '/console/admin/agencies'} class="card">
        <CsrfField ctx={ctx} />
        <h2>基本信息</h2>
        {text('code', '机关代码', { required: true, max: 32, hint: '用于网址和接口，如 hjjyj；只能使用小写字母、数字、连字符和下划线' })}
        {text('name', '机关名称', { required: true })}
        {text('shortName', '简称', { max: 100 })}
        <Field id="agency-parentId" label="上级机关" error={e.parentId}>
          <select id="agency-parentId" name="parentId">
            <option value="" selected={v.parentId === ''}>无（顶级机关）</option>
            {props.parents.filter((p) => p.id !== props.agencyId).map((p) => (
              <option value={String(p.id)} selected={v.parentId === String(p.id)}>{'　'.repeat(p.depth)}{p.name}</option>
            ))}
          </select>
        </Field>
        {text('creditCode', '统一社会信用代码', { required: true, max: 18, hint: '18位，校验位按 GB 32100-2015 核验；用于索引号' })}
        {text('indexPattern', '索引号规则', { max: 100, hint: `可用占位符：${INDEX_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}；流水号可指定位数，如 {serial:5}` })}
        <h2>政府信息公开工作机构及联系方式</h2>
        <p class="hint">显示在政府信息公开指南中（《政府信息公开条例》第十二条）。</p>
        {text('officeName', '工作机构名称')}
        {text('address', '办公地址', { max: 300 })}
        {text('postcode', '邮政编码', { max: 10 })}
        {text('officeHours', '办公时间')}
        {text('phone', '联系电话', { max: 50 })}
        {text('fax', '传真', { max: 50 })}
        {text('email', '电子邮箱', { type: 'email' })}
        {text('website', '网站', { hint: '以 http:// 或 https:// 开头' })}
        <p><button type="submit" class="primary">{editing ? '保存修改' : '新增机关'}</button></p>
      </form>

      {editing && props.departments && (
        <section class="card" aria-labelledby="dept-title">
          <h2 id="dept-title">科室</h2>
          {de && <Notice kind="error">{de.message}</Notice>}
          {props.departments.length === 0 ? <p class="empty">暂无科室</p> : (
            <ul class="department-list">
              {props.departments.map((d) => (
                <li>
                  <form method="post" action={`/console/admin/departments/${d.id}`} class="department-rename">
                    <CsrfField ctx={ctx} />
                    <label for={`dept-${d.id}`} class="visually-hidden">科室“{d.name}”的新名称</label>
                    <input type="text" id={`dept-${d.id}`} name="name" value={de?.departmentId === d.id ? de.value : d.name} required maxLength={100} />
                    <button type="submit" class="button-secondary button">改名</button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`/console/admin/agencies/${props.agencyId}/departments`} class="department-add">
            <CsrfField ctx={ctx} />
            <Field id="dept-new" label="新增科室">
              <input type="text" id="dept-new" name="name" value={de?.departmentId === null ? de.value : ''} required maxLength={100} />
            </Field>
            <p><button type="submit" class="primary">新增科室</button></p>
          </form>
        </section>
      )}
    </ConsoleLayout>
  );
}

// ---- users ------------------------------------------------------------------------------------

function roleList(u: UserView): string {
  return [...u.roles.map((r) => ROLE_LABELS[r]), ...(u.isSysadmin ? ['平台管理员'] : [])].join('、') || '无';
}

export interface UsersPageProps {
  ctx: PageContext;
  users: UserView[];
  /** Agencies to filter by (system administrators only). */
  agencies: { code: string; name: string }[] | null;
  agencyFilter: string;
  notice?: string;
}

export function UsersPage({ ctx, users, agencies, agencyFilter, notice }: UsersPageProps) {
  return (
    <ConsoleLayout ctx={ctx} title="用户管理">
      <h1>用户管理</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p><a class="button" href="/console/admin/users/new">新增用户</a></p>
      {agencies && (
        <form method="get" action="/console/admin/users" class="filter-form">
          <Field id="users-agency" label="机关">
            <select id="users-agency" name="agency">
              <option value="" selected={agencyFilter === ''}>全部机关</option>
              {agencies.map((a) => <option value={a.code} selected={a.code === agencyFilter}>{a.name}</option>)}
            </select>
          </Field>
          <p><button type="submit" class="button button-secondary">筛选</button></p>
        </form>
      )}
      {users.length === 0 ? <p class="empty">暂无用户</p> : (
        <table class="data-table">
          <caption class="visually-hidden">用户列表</caption>
          <thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">机关</th><th scope="col">科室</th><th scope="col">角色</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td><code>{u.agencyCode}</code></td>
                <td>{u.departmentName ?? '—'}</td>
                <td>{roleList(u)}</td>
                <td>{u.disabled ? <span class="badge badge-danger">已停用</span> : <span class="badge badge-ok">正常</span>}</td>
                <td><a href={`/console/admin/users/${u.id}`} aria-label={`管理用户 ${u.username}`}>管理</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsoleLayout>
  );
}

export interface UserFormValues {
  username: string;
  displayName: string;
  agencyId: string;
  departmentId: string;
  roles: string[];
  isSysadmin: boolean;
  email: string;
}

export interface ManageableAgency {
  id: number;
  code: string;
  name: string;
  departments: DepartmentView[];
}

function RolesFieldset({ values, error, canGrantSysadmin }: { values: UserFormValues; error?: string; canGrantSysadmin: boolean }) {
  return (
    <fieldset class="form-row roles-fieldset" aria-describedby={error ? 'roles-error' : undefined}>
      <legend>角色</legend>
      {ROLES.map((r) => (
        <label class="check">
          <input type="checkbox" name="roles" value={r} checked={values.roles.includes(r)} /> {ROLE_LABELS[r]}（{r}）
        </label>
      ))}
      {canGrantSysadmin && (
        <label class="check">
          <input type="checkbox" name="isSysadmin" value="1" checked={values.isSysadmin} /> 平台管理员（管理所有机关和用户）
        </label>
      )}
      {error && <p class="field-error" id="roles-error">{error}</p>}
    </fieldset>
  );
}

function EmailField({ value, error }: { value: string; error?: string }) {
  return (
    <Field id="user-email" label="电子邮箱" error={error} hint="可不填；配置了邮件服务器时，答复期限提醒同时发送到此邮箱">
      <input type="email" id="user-email" name="email" value={value} maxLength={200} autocomplete="off" />
    </Field>
  );
}

function DepartmentSelect({ id, agencies, value, error }: { id: string; agencies: ManageableAgency[]; value: string; error?: string }) {
  return (
    <Field id={id} label="科室" error={error} hint={agencies.length > 1 ? '须为所选机关的科室' : undefined}>
      <select id={id} name="departmentId">
        <option value="" selected={value === ''}>（不属于任何科室）</option>
        {agencies.length === 1
          ? agencies[0].departments.map((d) => <option value={String(d.id)} selected={value === String(d.id)}>{d.name}</option>)
          : agencies.map((a) => (
            <optgroup label={a.name}>
              {a.departments.map((d) => <option value={String(d.id)} selected={value === String(d.id)}>{d.name}</option>)}
            </optgroup>
          ))}
      </select>
    </Field>
  );
}

export function UserNewPage({ ctx, values: v, errors: e, agencies, canGrantSysadmin }: { ctx: PageContext; values: UserFormValues; errors: Record<string, string>; agencies: ManageableAgency[]; canGrantSysadmin: boolean }) {
  return (
    <ConsoleLayout ctx={ctx} title="新增用户" active="/console/admin/users">
      <p><a href="/console/admin/users">← 返回用户列表</a></p>
      <h1>新增用户</h1>
      <Errors errors={e} />
      <form method="post" action="/console/admin/users" class="card">
        <CsrfField ctx={ctx} />
        <Field id="user-username" label="用户名" required error={e.username} hint="2–64 个字母、数字、点、连字符或下划线">
          <input type="text" id="user-username" name="username" value={v.username} required maxLength={64} autocomplete="off" />
        </Field>
        <Field id="user-displayName" label="姓名" error={e.displayName}>
          <input type="text" id="user-displayName" name="displayName" value={v.displayName} maxLength={100} />
        </Field>
        <EmailField value={v.email} error={e.email} />
        <Field id="user-password" label="初始密码" required error={e.password} hint="至少 8 个字符，须同时包含字母和数字；请通知本人登录后修改">
          <input type="password" id="user-password" name="password" required autocomplete="new-password" />
        </Field>
        <Field id="user-agencyId" label="机关" required error={e.agencyId}>
          <select id="user-agencyId" name="agencyId">
            {agencies.map((a) => <option value={String(a.id)} selected={v.agencyId === String(a.id)}>{a.name}</option>)}
          </select>
        </Field>
        <DepartmentSelect id="user-departmentId" agencies={agencies} value={v.departmentId} error={e.departmentId} />
        <RolesFieldset values={v} error={e.roles} canGrantSysadmin={canGrantSysadmin} />
        <p><button type="submit" class="primary">新增用户</button></p>
      </form>
    </ConsoleLayout>
  );
}

export interface UserEditPageProps {
  ctx: PageContext;
  user: UserView;
  values: UserFormValues;
  errors: Record<string, string>;
  agency: ManageableAgency;
  canGrantSysadmin: boolean;
  notice?: string;
  /** A refusal of a rule (e.g. disabling oneself). */
  ruleError?: string;
  passwordError?: string;
}

export function UserEditPage(props: UserEditPageProps) {
  const { ctx, user: u, values: v, errors: e } = props;
  const title = `用户：${u.displayName}（${u.username}）`;
  return (
    <ConsoleLayout ctx={ctx} title={title} active="/console/admin/users">
      <p><a href="/console/admin/users">← 返回用户列表</a></p>
      <h1>{title}</h1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.ruleError && <Notice kind="error">{props.ruleError}</Notice>}
      <table class="meta-table account-facts">
        <tbody>
          <tr><th scope="row">机关</th><td>{props.agency.name}（{u.agencyCode}）</td></tr>
          <tr><th scope="row">状态</th><td>{u.disabled ? '已停用' : '正常'}</td></tr>
          <tr><th scope="row">创建时间</th><td>{formatDateTime(u.createdAt)}</td></tr>
          <tr><th scope="row">密码修改时间</th><td>{formatDateTime(u.passwordChangedAt)}</td></tr>
        </tbody>
      </table>

      <section class="card" aria-labelledby="user-edit-title">
        <h2 id="user-edit-title">姓名、邮箱、科室和角色</h2>
        <Errors errors={e} />
        <form method="post" action={`/console/admin/users/${u.id}`}>
          <CsrfField ctx={ctx} />
          <Field id="user-displayName" label="姓名" required error={e.displayName}>
            <input type="text" id="user-displayName" name="displayName" value={v.displayName} required maxLength={100} />
          </Field>
          <EmailField value={v.email} error={e.email} />
          <DepartmentSelect id="user-departmentId" agencies={[props.agency]} value={v.departmentId} error={e.departmentId} />
          <RolesFieldset values={v} error={e.roles} canGrantSysadmin={props.canGrantSysadmin} />
          <p><button type="submit" class="primary">保存修改</button></p>
        </form>
      </section>

      <section class="card" aria-labelledby="user-pw-title">
        <h2 id="user-pw-title">重置密码</h2>
        <p class="hint">重置后该用户的所有登录将被注销，登录失败造成的锁定同时解除。</p>
        <form method="post" action={`/console/admin/users/${u.id}/password`}>
          <CsrfField ctx={ctx} />
          <Field id="user-new-password" label="新密码" required error={props.passwordError}>
            <input type="password" id="user-new-password" name="password" required autocomplete="new-password" />
          </Field>
          <p><button type="submit" class="primary">重置密码</button></p>
        </form>
      </section>

      <section class="card" aria-labelledby="user-state-title">
        <h2 id="user-state-title">{u.disabled ? '启用账号' : '停用账号'}</h2>
        <p class="hint">{u.disabled ? '启用后该用户可以重新登录。' : '停用后该用户立即退出登录，不能再登录，其接口令牌也不再有效。'}</p>
        <form method="post" action={`/console/admin/users/${u.id}/disabled`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="disabled" value={u.disabled ? '0' : '1'} />
          <p><button type="submit" class={u.disabled ? 'primary' : 'button button-secondary'}>{u.disabled ? '启用账号' : '停用账号'}</button></p>
        </form>
      </section>
    </ConsoleLayout>
  );
}

// ---- audit log --------------------------------------------------------------------------------

/** Chinese names of this area's audit actions; other areas' actions show their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.token_created': '创建接口令牌',
  'auth.token_revoked': '撤销接口令牌',
  'user.created': '新增用户',
  'user.updated': '修改用户',
  'user.disabled': '停用用户',
  'user.enabled': '启用用户',
  'user.password_reset': '重置密码',
  'user.password_changed': '修改本人密码',
  'agency.created': '新增机关',
  'agency.updated': '修改机关',
  'department.created': '新增科室',
  'department.renamed': '科室改名',
};

export interface AuditQueryValues {
  action: string;
  subjectType: string;
  subjectId: string;
  actor: string;
  from: string;
  to: string;
  agency: string;
}

export function AuditLogPage({ ctx, page, query: q, errors }: { ctx: PageContext; page: AuditPage | null; query: AuditQueryValues; errors: Record<string, string> }) {
  return (
    <ConsoleLayout ctx={ctx} title="审计日志">
      <h1>审计日志</h1>
      <p class="hint">每项操作都记录操作人、时间、来源地址和变更前后的内容；记录只增不改，并以哈希链相连（可用 <code>gongkai audit verify</code> 校验）。</p>
      <form method="get" action="/console/admin/audit" class="card filter-form audit-filter">
        <div class="filter-grid">
          <Field id="audit-action" label="动作" error={errors.action}>
            <input type="text" id="audit-action" name="action" value={q.action} list="audit-actions" maxLength={100} />
            <datalist id="audit-actions">
              {(page?.actions ?? []).map((a) => <option value={a}>{AUDIT_ACTION_LABELS[a] ?? a}</option>)}
            </datalist>
          </Field>
          <Field id="audit-actor" label="操作人（用户名）" error={errors.actor}>
            <input type="text" id="audit-actor" name="actor" value={q.actor} maxLength={64} />
          </Field>
          <Field id="audit-subjectType" label="对象类型" hint="如 user、agency、document" error={errors.subjectType}>
            <input type="text" id="audit-subjectType" name="subjectType" value={q.subjectType} maxLength={50} />
          </Field>
          <Field id="audit-subjectId" label="对象编号" error={errors.subjectId}>
            <input type="text" id="audit-subjectId" name="subjectId" value={q.subjectId} maxLength={100} />
          </Field>
          <Field id="audit-from" label="开始日期" error={errors.from}>
            <input type="date" id="audit-from" name="from" value={q.from} />
          </Field>
          <Field id="audit-to" label="结束日期" error={errors.to}>
            <input type="date" id="audit-to" name="to" value={q.to} />
          </Field>
          {page?.agencies && (
            <Field id="audit-agency" label="机关">
              <select id="audit-agency" name="agency">
                <option value="" selected={q.agency === ''}>全部（含平台事件）</option>
                {page.agencies.map((a) => <option value={a.code} selected={a.code === q.agency}>{a.name}</option>)}
              </select>
            </Field>
          )}
        </div>
        <p><button type="submit" class="primary">筛选</button> <a href="/console/admin/audit">清除条件</a></p>
      </form>
      {page && (page.items.length === 0 ? <p class="empty">没有符合条件的记录</p> : (
        <>
          <table class="data-table audit-table">
            <caption class="visually-hidden">审计事件</caption>
            <thead><tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">动作</th><th scope="col">对象</th><th scope="col">变更内容</th><th scope="col">来源地址</th></tr></thead>
            <tbody>
              {page.items.map((e) => (
                <tr>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.actorLabel}{e.agencyCode && <><br /><code>{e.agencyCode}</code></>}</td>
                  <td>{AUDIT_ACTION_LABELS[e.action] ? <>{AUDIT_ACTION_LABELS[e.action]}<br /><code class="muted">{e.action}</code></> : <code>{e.action}</code>}</td>
                  <td><code>{e.subjectType}#{e.subjectId}</code></td>
                  <td>
                    {e.changes.length > 0 && (
                      <ul class="audit-changes">
                        {e.changes.map((c) => <li><code>{c.field}</code>：{c.before ?? '（无）'} → {c.after ?? '（无）'}</li>)}
                      </ul>
                    )}
                    {e.details.length > 0 && (
                      <ul class="audit-details">
                        {e.details.map((d) => <li><code>{d.key}</code>：{d.value}</li>)}
                      </ul>
                    )}
                  </td>
                  <td>{e.ip || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager ctx={ctx} page={page.page} pageSize={page.pageSize} total={page.total} />
        </>
      ))}
    </ConsoleLayout>
  );
}
