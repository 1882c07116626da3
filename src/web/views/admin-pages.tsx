import { ConsoleLayout, roleLabel, roleList } from './console-layout.tsx';
import { tx } from '../i18n/index.ts';
import { CsrfField, Field, Notice, Pager } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDateTime } from '../format.ts';
import type { AgencyNode, DepartmentView, UserView } from '../../services/account.service.ts';
import type { AuditPage } from '../../services/audit.service.ts';
import { INDEX_PLACEHOLDERS } from '../../domain/index-number.ts';
import { ROLES } from '../../domain/roles.ts';

function Errors({ ctx, errors }: { ctx: PageContext; errors: Record<string, string> }) {
  const list = Object.values(errors);
  if (list.length === 0) return null;
  return (
    <Notice kind="error">
      <p>{tx(ctx, '请修改以下问题后重新提交：', 'Please correct the following and submit again:')}</p>
      <ul>{list.map((e) => <li>{e}</li>)}</ul>
    </Notice>
  );
}

// ---- agencies ---------------------------------------------------------------------------------

export function AgenciesPage({ ctx, nodes, notice }: { ctx: PageContext; nodes: AgencyNode[]; notice?: string }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '机关管理', 'Agencies')}>
      <h1>{tx(ctx, '机关管理', 'Agencies')}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p><a class="button" href="/console/admin/agencies/new">{tx(ctx, '新增机关', 'Add an agency')}</a></p>
      {nodes.length === 0 ? <p class="empty">{tx(ctx, '暂无机关', 'No agencies yet')}</p> : (
        <table class="data-table agency-tree">
          <caption class="visually-hidden">{tx(ctx, '机关列表（按隶属关系排列）', 'Agencies (in order of their hierarchy)')}</caption>
          <thead><tr><th scope="col">{tx(ctx, '机关名称', 'Agency name')}</th><th scope="col">{tx(ctx, '代码', 'Code')}</th><th scope="col">{tx(ctx, '统一社会信用代码', 'Unified social credit code')}</th><th scope="col">{tx(ctx, '科室', 'Departments')}</th><th scope="col">{tx(ctx, '操作', 'Actions')}</th></tr></thead>
          <tbody>
            {nodes.map((n) => (
              <tr>
                <td class={`depth-${Math.min(n.depth, 5)}`}>{n.depth > 0 && <span aria-hidden="true">└ </span>}{n.agency.name}{n.parentCode && <span class="visually-hidden">{tx(ctx, `（上级：${n.parentCode}）`, ` (parent: ${n.parentCode})`)}</span>}</td>
                <td><code>{n.agency.code}</code></td>
                <td><code>{n.agency.creditCode}</code></td>
                <td>{n.departments.map((d) => d.name).join(tx(ctx, '、', ', ')) || '—'}</td>
                <td><a href={`/console/admin/agencies/${n.agency.id}`} aria-label={tx(ctx, `编辑${n.agency.name}`, `Edit ${n.agency.name}`)}>{tx(ctx, '编辑', 'Edit')}</a></td>
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
  const title = editing ? tx(ctx, `编辑机关：${v.name}`, `Edit agency: ${v.name}`) : tx(ctx, '新增机关', 'Add an agency');
  const text = (id: keyof AgencyFormValues, label: string, opts: { required?: boolean; hint?: string; type?: string; max?: number } = {}) => (
    <Field id={`agency-${id}`} label={label} required={opts.required} hint={opts.hint} error={e[id]}>
      <input type={opts.type ?? 'text'} id={`agency-${id}`} name={id} value={v[id]} required={opts.required} maxLength={opts.max ?? 200} aria-invalid={e[id] ? 'true' : undefined} />
    </Field>
  );
  const de = props.departmentErrors;
  return (
    <ConsoleLayout ctx={ctx} title={title} active="/console/admin/agencies">
      <p><a href="/console/admin/agencies">{tx(ctx, '← 返回机关列表', '← Back to the agencies')}</a></p>
      <h1>{title}</h1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <Errors ctx={ctx} errors={e} />
      <form method="post" action={editing ? `/console/admin/agencies/${props.agencyId}` : '/console/admin/agencies'} class="card">
        <CsrfField ctx={ctx} />
        <h2>{tx(ctx, '基本信息', 'Basic information')}</h2>
        {text('code', tx(ctx, '机关代码', 'Agency code'), { required: true, max: 32, hint: tx(ctx, '用于网址和接口，如 hjjyj；只能使用小写字母、数字、连字符和下划线', 'Used in addresses and the API, e.g. hjjyj; lower-case letters, digits, hyphens and underscores only') })}
        {text('name', tx(ctx, '机关名称', 'Agency name'), { required: true })}
        {text('shortName', tx(ctx, '简称', 'Short name'), { max: 100 })}
        <Field id="agency-parentId" label={tx(ctx, '上级机关', 'Parent agency')} error={e.parentId}>
          <select id="agency-parentId" name="parentId">
            <option value="" selected={v.parentId === ''}>{tx(ctx, '无（顶级机关）', 'None (top-level agency)')}</option>
            {props.parents.filter((p) => p.id !== props.agencyId).map((p) => (
              <option value={String(p.id)} selected={v.parentId === String(p.id)}>{'　'.repeat(p.depth)}{p.name}</option>
            ))}
          </select>
        </Field>
        {text('creditCode', tx(ctx, '统一社会信用代码', 'Unified social credit code'), { required: true, max: 18, hint: tx(ctx, '18位，校验位按 GB 32100-2015 核验；用于索引号', '18 characters, check digit verified as in GB 32100-2015; used in index numbers') })}
        {text('indexPattern', tx(ctx, '索引号规则', 'Index number pattern'), { max: 100, hint: tx(ctx,
          `可用占位符：${INDEX_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}；流水号可指定位数，如 {serial:5}`,
          `Placeholders: ${INDEX_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}; the serial number may be given a width, e.g. {serial:5}`) })}
        <h2>{ctx.t('guide.contact')}</h2>
        <p class="hint">{tx(ctx, '显示在政府信息公开指南中（《政府信息公开条例》第十二条）。', 'Shown in the disclosure guide (Article 12 of the Regulations on Open Government Information).')}</p>
        {text('officeName', tx(ctx, '工作机构名称', 'Name of the disclosure office'))}
        {text('address', ctx.t('contact.address'), { max: 300 })}
        {text('postcode', ctx.t('contact.postcode'), { max: 10 })}
        {text('officeHours', ctx.t('contact.hours'))}
        {text('phone', ctx.t('contact.phone'), { max: 50 })}
        {text('fax', ctx.t('contact.fax'), { max: 50 })}
        {text('email', ctx.t('contact.email'), { type: 'email' })}
        {text('website', ctx.t('contact.website'), { hint: tx(ctx, '以 http:// 或 https:// 开头', 'Starting with http:// or https://') })}
        <p><button type="submit" class="primary">{editing ? tx(ctx, '保存修改', 'Save changes') : tx(ctx, '新增机关', 'Add agency')}</button></p>
      </form>

      {editing && props.departments && (
        <section class="card" aria-labelledby="dept-title">
          <h2 id="dept-title">{tx(ctx, '科室', 'Departments')}</h2>
          {de && <Notice kind="error">{de.message}</Notice>}
          {props.departments.length === 0 ? <p class="empty">{tx(ctx, '暂无科室', 'No departments yet')}</p> : (
            <ul class="department-list">
              {props.departments.map((d) => (
                <li>
                  <form method="post" action={`/console/admin/departments/${d.id}`} class="department-rename">
                    <CsrfField ctx={ctx} />
                    <label for={`dept-${d.id}`} class="visually-hidden">{tx(ctx, `科室“${d.name}”的新名称`, `New name of the department “${d.name}”`)}</label>
                    <input type="text" id={`dept-${d.id}`} name="name" value={de?.departmentId === d.id ? de.value : d.name} required maxLength={100} />
                    <button type="submit" class="button-secondary button">{tx(ctx, '改名', 'Rename')}</button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`/console/admin/agencies/${props.agencyId}/departments`} class="department-add">
            <CsrfField ctx={ctx} />
            <Field id="dept-new" label={tx(ctx, '新增科室', 'New department')}>
              <input type="text" id="dept-new" name="name" value={de?.departmentId === null ? de.value : ''} required maxLength={100} />
            </Field>
            <p><button type="submit" class="primary">{tx(ctx, '新增科室', 'Add department')}</button></p>
          </form>
        </section>
      )}
    </ConsoleLayout>
  );
}

// ---- users ------------------------------------------------------------------------------------

function userRoles(ctx: PageContext, u: UserView): string {
  const roles = roleList(ctx, u.roles);
  const sysadmin = u.isSysadmin ? tx(ctx, '平台管理员', 'Platform administrator') : '';
  return [roles, sysadmin].filter(Boolean).join(tx(ctx, '、', ', ')) || tx(ctx, '无', 'none');
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
    <ConsoleLayout ctx={ctx} title={tx(ctx, '用户管理', 'Users')}>
      <h1>{tx(ctx, '用户管理', 'Users')}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p><a class="button" href="/console/admin/users/new">{tx(ctx, '新增用户', 'Add a user')}</a></p>
      {agencies && (
        <form method="get" action="/console/admin/users" class="filter-form">
          <Field id="users-agency" label={tx(ctx, '机关', 'Agency')}>
            <select id="users-agency" name="agency">
              <option value="" selected={agencyFilter === ''}>{tx(ctx, '全部机关', 'All agencies')}</option>
              {agencies.map((a) => <option value={a.code} selected={a.code === agencyFilter}>{a.name}</option>)}
            </select>
          </Field>
          <p><button type="submit" class="button button-secondary">{tx(ctx, '筛选', 'Filter')}</button></p>
        </form>
      )}
      {users.length === 0 ? <p class="empty">{tx(ctx, '暂无用户', 'No users yet')}</p> : (
        <table class="data-table">
          <caption class="visually-hidden">{tx(ctx, '用户列表', 'Users')}</caption>
          <thead><tr><th scope="col">{ctx.t('auth.username')}</th><th scope="col">{tx(ctx, '姓名', 'Name')}</th><th scope="col">{tx(ctx, '机关', 'Agency')}</th><th scope="col">{tx(ctx, '科室', 'Department')}</th><th scope="col">{tx(ctx, '角色', 'Roles')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th><th scope="col">{tx(ctx, '操作', 'Actions')}</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td><code>{u.agencyCode}</code></td>
                <td>{u.departmentName ?? '—'}</td>
                <td>{userRoles(ctx, u)}</td>
                <td>{u.disabled ? <span class="badge badge-danger">{tx(ctx, '已停用', 'Disabled')}</span> : <span class="badge badge-ok">{tx(ctx, '正常', 'Active')}</span>}</td>
                <td><a href={`/console/admin/users/${u.id}`} aria-label={tx(ctx, `管理用户 ${u.username}`, `Manage user ${u.username}`)}>{tx(ctx, '管理', 'Manage')}</a></td>
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

function RolesFieldset({ ctx, values, error, canGrantSysadmin }: { ctx: PageContext; values: UserFormValues; error?: string; canGrantSysadmin: boolean }) {
  return (
    <fieldset class="form-row roles-fieldset" aria-describedby={error ? 'roles-error' : undefined}>
      <legend>{tx(ctx, '角色', 'Roles')}</legend>
      {ROLES.map((r) => (
        <label class="check">
          <input type="checkbox" name="roles" value={r} checked={values.roles.includes(r)} /> {roleLabel(ctx, r)}{tx(ctx, `（${r}）`, ` (${r})`)}
        </label>
      ))}
      {canGrantSysadmin && (
        <label class="check">
          <input type="checkbox" name="isSysadmin" value="1" checked={values.isSysadmin} /> {tx(ctx, '平台管理员（管理所有机关和用户）', 'Platform administrator (manages every agency and user)')}
        </label>
      )}
      {error && <p class="field-error" id="roles-error">{error}</p>}
    </fieldset>
  );
}

function EmailField({ ctx, value, error }: { ctx: PageContext; value: string; error?: string }) {
  return (
    <Field id="user-email" label={ctx.t('contact.email')} error={error} hint={tx(ctx, '可不填；配置了邮件服务器时，答复期限提醒同时发送到此邮箱', 'Optional; when a mail server is configured, reply deadline reminders are also sent to this address')}>
      <input type="email" id="user-email" name="email" value={value} maxLength={200} autocomplete="off" />
    </Field>
  );
}

function DepartmentSelect({ ctx, id, agencies, value, error }: { ctx: PageContext; id: string; agencies: ManageableAgency[]; value: string; error?: string }) {
  return (
    <Field id={id} label={tx(ctx, '科室', 'Department')} error={error} hint={agencies.length > 1 ? tx(ctx, '须为所选机关的科室', 'Must be a department of the chosen agency') : undefined}>
      <select id={id} name="departmentId">
        <option value="" selected={value === ''}>{tx(ctx, '（不属于任何科室）', '(no department)')}</option>
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
    <ConsoleLayout ctx={ctx} title={tx(ctx, '新增用户', 'Add a user')} active="/console/admin/users">
      <p><a href="/console/admin/users">{tx(ctx, '← 返回用户列表', '← Back to the users')}</a></p>
      <h1>{tx(ctx, '新增用户', 'Add a user')}</h1>
      <Errors ctx={ctx} errors={e} />
      <form method="post" action="/console/admin/users" class="card">
        <CsrfField ctx={ctx} />
        <Field id="user-username" label={ctx.t('auth.username')} required error={e.username} hint={tx(ctx, '2–64 个字母、数字、点、连字符或下划线', '2–64 letters, digits, dots, hyphens or underscores')}>
          <input type="text" id="user-username" name="username" value={v.username} required maxLength={64} autocomplete="off" />
        </Field>
        <Field id="user-displayName" label={tx(ctx, '姓名', 'Name')} error={e.displayName}>
          <input type="text" id="user-displayName" name="displayName" value={v.displayName} maxLength={100} />
        </Field>
        <EmailField ctx={ctx} value={v.email} error={e.email} />
        <Field id="user-password" label={tx(ctx, '初始密码', 'Initial password')} required error={e.password} hint={tx(ctx, '至少 8 个字符，须同时包含字母和数字；请通知本人登录后修改', 'At least 8 characters, with both letters and digits; ask the user to change it after signing in')}>
          <input type="password" id="user-password" name="password" required autocomplete="new-password" />
        </Field>
        <Field id="user-agencyId" label={tx(ctx, '机关', 'Agency')} required error={e.agencyId}>
          <select id="user-agencyId" name="agencyId">
            {agencies.map((a) => <option value={String(a.id)} selected={v.agencyId === String(a.id)}>{a.name}</option>)}
          </select>
        </Field>
        <DepartmentSelect ctx={ctx} id="user-departmentId" agencies={agencies} value={v.departmentId} error={e.departmentId} />
        <RolesFieldset ctx={ctx} values={v} error={e.roles} canGrantSysadmin={canGrantSysadmin} />
        <p><button type="submit" class="primary">{tx(ctx, '新增用户', 'Add user')}</button></p>
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
  const title = tx(ctx, `用户：${u.displayName}（${u.username}）`, `User: ${u.displayName} (${u.username})`);
  return (
    <ConsoleLayout ctx={ctx} title={title} active="/console/admin/users">
      <p><a href="/console/admin/users">{tx(ctx, '← 返回用户列表', '← Back to the users')}</a></p>
      <h1>{title}</h1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.ruleError && <Notice kind="error">{props.ruleError}</Notice>}
      <table class="meta-table account-facts">
        <tbody>
          <tr><th scope="row">{tx(ctx, '机关', 'Agency')}</th><td>{props.agency.name}{tx(ctx, `（${u.agencyCode}）`, ` (${u.agencyCode})`)}</td></tr>
          <tr><th scope="row">{tx(ctx, '状态', 'Status')}</th><td>{u.disabled ? tx(ctx, '已停用', 'Disabled') : tx(ctx, '正常', 'Active')}</td></tr>
          <tr><th scope="row">{tx(ctx, '创建时间', 'Created')}</th><td>{formatDateTime(u.createdAt, ctx.lang)}</td></tr>
          <tr><th scope="row">{tx(ctx, '密码修改时间', 'Password changed')}</th><td>{formatDateTime(u.passwordChangedAt, ctx.lang)}</td></tr>
        </tbody>
      </table>

      <section class="card" aria-labelledby="user-edit-title">
        <h2 id="user-edit-title">{tx(ctx, '姓名、邮箱、科室和角色', 'Name, e-mail, department and roles')}</h2>
        <Errors ctx={ctx} errors={e} />
        <form method="post" action={`/console/admin/users/${u.id}`}>
          <CsrfField ctx={ctx} />
          <Field id="user-displayName" label={tx(ctx, '姓名', 'Name')} required error={e.displayName}>
            <input type="text" id="user-displayName" name="displayName" value={v.displayName} required maxLength={100} />
          </Field>
          <EmailField ctx={ctx} value={v.email} error={e.email} />
          <DepartmentSelect ctx={ctx} id="user-departmentId" agencies={[props.agency]} value={v.departmentId} error={e.departmentId} />
          <RolesFieldset ctx={ctx} values={v} error={e.roles} canGrantSysadmin={props.canGrantSysadmin} />
          <p><button type="submit" class="primary">{tx(ctx, '保存修改', 'Save changes')}</button></p>
        </form>
      </section>

      <section class="card" aria-labelledby="user-pw-title">
        <h2 id="user-pw-title">{tx(ctx, '重置密码', 'Reset password')}</h2>
        <p class="hint">{tx(ctx, '重置后该用户的所有登录将被注销，登录失败造成的锁定同时解除。', 'Resetting signs the user out everywhere and lifts a lock caused by failed sign-ins.')}</p>
        <form method="post" action={`/console/admin/users/${u.id}/password`}>
          <CsrfField ctx={ctx} />
          <Field id="user-new-password" label={tx(ctx, '新密码', 'New password')} required error={props.passwordError}>
            <input type="password" id="user-new-password" name="password" required autocomplete="new-password" />
          </Field>
          <p><button type="submit" class="primary">{tx(ctx, '重置密码', 'Reset password')}</button></p>
        </form>
      </section>

      <section class="card" aria-labelledby="user-state-title">
        <h2 id="user-state-title">{u.disabled ? tx(ctx, '启用账号', 'Enable the account') : tx(ctx, '停用账号', 'Disable the account')}</h2>
        <p class="hint">{u.disabled ? tx(ctx, '启用后该用户可以重新登录。', 'Once enabled, the user can sign in again.') : tx(ctx, '停用后该用户立即退出登录，不能再登录，其接口令牌也不再有效。', 'Disabling signs the user out at once; they can no longer sign in and their API tokens stop working.')}</p>
        <form method="post" action={`/console/admin/users/${u.id}/disabled`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="disabled" value={u.disabled ? '0' : '1'} />
          <p><button type="submit" class={u.disabled ? 'primary' : 'button button-secondary'}>{u.disabled ? tx(ctx, '启用账号', 'Enable account') : tx(ctx, '停用账号', 'Disable account')}</button></p>
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

export const AUDIT_ACTION_LABELS_EN: Record<string, string> = {
  'auth.login': 'Sign-in',
  'auth.login_failed': 'Failed sign-in',
  'auth.logout': 'Sign-out',
  'auth.token_created': 'API token created',
  'auth.token_revoked': 'API token revoked',
  'user.created': 'User added',
  'user.updated': 'User changed',
  'user.disabled': 'User disabled',
  'user.enabled': 'User enabled',
  'user.password_reset': 'Password reset',
  'user.password_changed': 'Own password changed',
  'agency.created': 'Agency added',
  'agency.updated': 'Agency changed',
  'department.created': 'Department added',
  'department.renamed': 'Department renamed',
};

function auditActionLabel(ctx: PageContext, action: string): string | undefined {
  return (ctx.lang === 'en' ? AUDIT_ACTION_LABELS_EN : AUDIT_ACTION_LABELS)[action];
}

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
    <ConsoleLayout ctx={ctx} title={tx(ctx, '审计日志', 'Audit log')}>
      <h1>{tx(ctx, '审计日志', 'Audit log')}</h1>
      <p class="hint">{tx(ctx, '每项操作都记录操作人、时间、来源地址和变更前后的内容；记录只增不改，并以哈希链相连（可用 ', 'Every operation is recorded with who, when, from which address and the content before and after; records are only ever appended and are linked in a hash chain (check it with ')}<code>gongkai audit verify</code>{tx(ctx, ' 校验）。', ').')}</p>
      <form method="get" action="/console/admin/audit" class="card filter-form audit-filter">
        <div class="filter-grid">
          <Field id="audit-action" label={tx(ctx, '动作', 'Action')} error={errors.action}>
            <input type="text" id="audit-action" name="action" value={q.action} list="audit-actions" maxLength={100} />
            <datalist id="audit-actions">
              {(page?.actions ?? []).map((a) => <option value={a}>{auditActionLabel(ctx, a) ?? a}</option>)}
            </datalist>
          </Field>
          <Field id="audit-actor" label={tx(ctx, '操作人（用户名）', 'By (username)')} error={errors.actor}>
            <input type="text" id="audit-actor" name="actor" value={q.actor} maxLength={64} />
          </Field>
          <Field id="audit-subjectType" label={tx(ctx, '对象类型', 'Subject type')} hint={tx(ctx, '如 user、agency、document', 'e.g. user, agency, document')} error={errors.subjectType}>
            <input type="text" id="audit-subjectType" name="subjectType" value={q.subjectType} maxLength={50} />
          </Field>
          <Field id="audit-subjectId" label={tx(ctx, '对象编号', 'Subject id')} error={errors.subjectId}>
            <input type="text" id="audit-subjectId" name="subjectId" value={q.subjectId} maxLength={100} />
          </Field>
          <Field id="audit-from" label={tx(ctx, '开始日期', 'From')} error={errors.from}>
            <input type="date" id="audit-from" name="from" value={q.from} />
          </Field>
          <Field id="audit-to" label={tx(ctx, '结束日期', 'To')} error={errors.to}>
            <input type="date" id="audit-to" name="to" value={q.to} />
          </Field>
          {page?.agencies && (
            <Field id="audit-agency" label={tx(ctx, '机关', 'Agency')}>
              <select id="audit-agency" name="agency">
                <option value="" selected={q.agency === ''}>{tx(ctx, '全部（含平台事件）', 'All (with platform events)')}</option>
                {page.agencies.map((a) => <option value={a.code} selected={a.code === q.agency}>{a.name}</option>)}
              </select>
            </Field>
          )}
        </div>
        <p><button type="submit" class="primary">{tx(ctx, '筛选', 'Filter')}</button> <a href="/console/admin/audit">{tx(ctx, '清除条件', 'Clear filters')}</a></p>
      </form>
      {page && (page.items.length === 0 ? <p class="empty">{tx(ctx, '没有符合条件的记录', 'No matching records')}</p> : (
        <>
          <table class="data-table audit-table">
            <caption class="visually-hidden">{tx(ctx, '审计事件', 'Audit events')}</caption>
            <thead><tr><th scope="col">{tx(ctx, '时间', 'Time')}</th><th scope="col">{tx(ctx, '操作人', 'By')}</th><th scope="col">{tx(ctx, '动作', 'Action')}</th><th scope="col">{tx(ctx, '对象', 'Subject')}</th><th scope="col">{tx(ctx, '变更内容', 'Changes')}</th><th scope="col">{tx(ctx, '来源地址', 'From address')}</th></tr></thead>
            <tbody>
              {page.items.map((e) => (
                <tr>
                  <td>{formatDateTime(e.at, ctx.lang)}</td>
                  <td>{e.actorLabel}{e.agencyCode && <><br /><code>{e.agencyCode}</code></>}</td>
                  <td>{auditActionLabel(ctx, e.action) ? <>{auditActionLabel(ctx, e.action)}<br /><code class="muted">{e.action}</code></> : <code>{e.action}</code>}</td>
                  <td><code>{e.subjectType}#{e.subjectId}</code></td>
                  <td>
                    {e.changes.length > 0 && (
                      <ul class="audit-changes">
                        {e.changes.map((c) => <li><code>{c.field}</code>{tx(ctx, '：', ': ')}{c.before ?? tx(ctx, '（无）', '(none)')} → {c.after ?? tx(ctx, '（无）', '(none)')}</li>)}
                      </ul>
                    )}
                    {e.details.length > 0 && (
                      <ul class="audit-details">
                        {e.details.map((d) => <li><code>{d.key}</code>{tx(ctx, '：', ': ')}{d.value}</li>)}
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
