import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from 'preact';
import type { ServiceContext } from '../../services/context.ts';
import {
  addDepartment, agencyTree, createAgency, createUser, getAgency, getUser, isPlatformAdmin, listUsers, manageableAgencies, renameDepartment,
  resetPassword, setUserDisabled, updateAgency, updateUser, type AgencyInput, type AgencyView, type UserView,
} from '../../services/account.service.ts';
import { browseAudit } from '../../services/audit.service.ts';
import { DomainError, ValidationError } from '../../services/errors.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { pageContext, sendPage } from '../render.tsx';
import { tx } from '../i18n/index.ts';
import { noticeFrom, type Notice } from '../i18n/index.ts';
import {
  AgenciesPage, AgencyFormPage, AuditLogPage, UserEditPage, UserNewPage, UsersPage,
  type AgencyFormValues, type AuditQueryValues, type UserFormValues,
} from '../views/admin-pages.tsx';

// Form fields arrive as strings; limits keep absurd input a 400, never a 500.
const str = (max = 1000) => z.string().max(max).default('');
const idField = z.string().regex(/^\d{0,10}$/, '编号无效').default('');
const idParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const csrf = { _csrf: z.string().optional() };
const done = z.object({ done: z.string().max(20).optional() });

const agencyBody = z.object({
  code: str(), name: str(), shortName: str(), parentId: idField, creditCode: str(), address: str(), postcode: str(), officeHours: str(),
  phone: str(), fax: str(), email: str(), website: str(), officeName: str(), indexPattern: str(), ...csrf,
});
const userRoles = z.union([z.string().max(20), z.array(z.string().max(20)).max(20)]).optional();
const newUserBody = z.object({
  username: str(), displayName: str(), password: str(), email: str(), agencyId: idField, departmentId: idField, roles: userRoles, isSysadmin: z.literal('1').optional(), ...csrf,
});
const editUserBody = z.object({ displayName: str(), email: str(), departmentId: idField, roles: userRoles, isSysadmin: z.literal('1').optional(), ...csrf });

const NOTICES: Record<string, Notice> = {
  created: { zh: '已新增。', en: 'Added.' },
  saved: { zh: '修改已保存。', en: 'Changes saved.' },
  department: { zh: '科室已保存。', en: 'Department saved.' },
  password: { zh: '密码已重置，该用户的登录已全部注销。', en: 'The password has been reset and all of this user\'s sessions have been signed out.' },
  disabled: { zh: '账号已停用。', en: 'Account disabled.' },
  enabled: { zh: '账号已启用。', en: 'Account enabled.' },
};

const toId = (s: string): number | null => (s === '' ? null : Number(s));
const rolesOf = (r: string | string[] | undefined): string[] => (r === undefined ? [] : Array.isArray(r) ? r : [r]);

function agencyInput(b: z.infer<typeof agencyBody>): AgencyInput {
  return { ...b, parentId: toId(b.parentId) };
}

function agencyValues(a: AgencyView): AgencyFormValues {
  return {
    code: a.code, name: a.name, shortName: a.shortName, parentId: a.parentId === null ? '' : String(a.parentId), creditCode: a.creditCode,
    address: a.address, postcode: a.postcode, officeHours: a.officeHours, phone: a.phone, fax: a.fax, email: a.email, website: a.website,
    officeName: a.officeName, indexPattern: a.indexPattern,
  };
}

function userValues(u: UserView): UserFormValues {
  return { username: u.username, displayName: u.displayName, agencyId: String(u.agencyId), departmentId: u.departmentId === null ? '' : String(u.departmentId), roles: u.roles, isSysadmin: u.isSysadmin, email: u.email };
}

/** Field problems and rule refusals re-render the form; anything else goes to the error pages. */
function formError(e: unknown): { status: number; fields: Record<string, string>; message: string } {
  if (e instanceof ValidationError) return { status: 400, fields: e.fields ?? {}, message: e.message };
  if (e instanceof DomainError) return { status: e.status, fields: {}, message: e.message };
  throw e;
}

/** Agencies, users and the audit log (the working calendar has its own module). */
export function adminRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- agencies (system administrators) -------------------------------------------------------

  const agencyForm = async (request: FastifyRequest, reply: FastifyReply, a: {
    agencyId?: number; values: AgencyFormValues; errors?: Record<string, string>; status?: number; notice?: string;
    departmentErrors?: { departmentId: number | null; message: string; value: string };
  }) => {
    const actor = actorOf(request);
    const nodes = await agencyTree(ctx, actor);
    const departments = a.agencyId !== undefined ? (await getAgency(ctx, actor, a.agencyId)).departments : undefined;
    return sendPage(request, reply, h(AgencyFormPage, {
      ctx: pageContext(request), agencyId: a.agencyId, values: a.values, errors: a.errors ?? {}, notice: a.notice,
      parents: nodes.map((n) => ({ id: n.agency.id, name: n.agency.name, depth: n.depth })), departments, departmentErrors: a.departmentErrors,
    }), a.status ?? 200);
  };

  r.get('/console/admin/agencies', { schema: { hide: true, querystring: done } }, async (request, reply) => {
    requireStaff(request);
    const nodes = await agencyTree(ctx, actorOf(request));
    return sendPage(request, reply, h(AgenciesPage, { ctx: pageContext(request), nodes, notice: noticeFrom(request, NOTICES, request.query.done) }));
  });

  r.get('/console/admin/agencies/new', { schema: { hide: true } }, async (request, reply) => {
    requireStaff(request);
    const empty: AgencyFormValues = {
      code: '', name: '', shortName: '', parentId: '', creditCode: '', address: '', postcode: '', officeHours: '', phone: '', fax: '',
      email: '', website: '', officeName: '', indexPattern: '{creditCode}/{year}-{serial:5}',
    };
    return agencyForm(request, reply, { values: empty });
  });

  r.post('/console/admin/agencies', { schema: { hide: true, body: agencyBody } }, async (request, reply) => {
    requireStaff(request);
    try {
      const a = await createAgency(ctx, actorOf(request), agencyInput(request.body));
      return reply.redirect(`/console/admin/agencies/${a.id}?done=created`, 303);
    } catch (e) {
      const f = formError(e);
      return agencyForm(request, reply, { values: request.body, errors: f.fields, status: f.status });
    }
  });

  r.get('/console/admin/agencies/:id', { schema: { hide: true, params: idParam, querystring: done } }, async (request, reply) => {
    requireStaff(request);
    const { agency } = await getAgency(ctx, actorOf(request), request.params.id);
    return agencyForm(request, reply, { agencyId: agency.id, values: agencyValues(agency), notice: noticeFrom(request, NOTICES, request.query.done) });
  });

  r.post('/console/admin/agencies/:id', { schema: { hide: true, params: idParam, body: agencyBody } }, async (request, reply) => {
    requireStaff(request);
    try {
      await updateAgency(ctx, actorOf(request), request.params.id, agencyInput(request.body));
      return reply.redirect(`/console/admin/agencies/${request.params.id}?done=saved`, 303);
    } catch (e) {
      const f = formError(e);
      return agencyForm(request, reply, { agencyId: request.params.id, values: request.body, errors: f.fields, status: f.status });
    }
  });

  const departmentBody = z.object({ name: str(), ...csrf });

  r.post('/console/admin/agencies/:id/departments', { schema: { hide: true, params: idParam, body: departmentBody } }, async (request, reply) => {
    requireStaff(request);
    const actor = actorOf(request);
    try {
      await addDepartment(ctx, actor, request.params.id, request.body.name);
      return reply.redirect(`/console/admin/agencies/${request.params.id}?done=department`, 303);
    } catch (e) {
      const f = formError(e);
      const { agency } = await getAgency(ctx, actor, request.params.id);
      return agencyForm(request, reply, { agencyId: agency.id, values: agencyValues(agency), status: f.status, departmentErrors: { departmentId: null, message: f.message, value: request.body.name.slice(0, 100) } });
    }
  });

  r.post('/console/admin/departments/:id', { schema: { hide: true, params: idParam, body: departmentBody } }, async (request, reply) => {
    requireStaff(request);
    const actor = actorOf(request);
    const department = await ctx.repos.agencies.departmentById(request.params.id);
    try {
      const d = await renameDepartment(ctx, actor, request.params.id, request.body.name);
      return reply.redirect(`/console/admin/agencies/${d.agencyId}?done=department`, 303);
    } catch (e) {
      const f = formError(e);
      if (!department) throw e;
      const { agency } = await getAgency(ctx, actor, department.agency_id);
      return agencyForm(request, reply, { agencyId: agency.id, values: agencyValues(agency), status: f.status, departmentErrors: { departmentId: request.params.id, message: f.message, value: request.body.name.slice(0, 100) } });
    }
  });

  // ---- users (agency admins: their agency; system administrators: all) ------------------------

  r.get('/console/admin/users', { schema: { hide: true, querystring: z.object({ agency: z.string().max(32).optional(), done: z.string().max(20).optional() }) } }, async (request, reply) => {
    requireStaff(request);
    const actor = actorOf(request);
    const agencies = await manageableAgencies(ctx, actor);
    const filter = request.query.agency ?? '';
    const chosen = agencies.find((a) => a.code === filter);
    const users = filter && !chosen ? [] : await listUsers(ctx, actor, { agencyId: chosen?.id });
    return sendPage(request, reply, h(UsersPage, {
      ctx: pageContext(request), users, agencyFilter: filter, notice: noticeFrom(request, NOTICES, request.query.done),
      agencies: isPlatformAdmin(actor) ? agencies.map((a) => ({ code: a.code, name: a.name })) : null,
    }));
  });

  const newUserForm = async (request: FastifyRequest, reply: FastifyReply, values: UserFormValues, errors: Record<string, string> = {}, status = 200) => {
    const actor = actorOf(request);
    const agencies = await manageableAgencies(ctx, actor);
    return sendPage(request, reply, h(UserNewPage, { ctx: pageContext(request), values, errors, agencies, canGrantSysadmin: isPlatformAdmin(actor) }), status);
  };

  r.get('/console/admin/users/new', { schema: { hide: true } }, async (request, reply) => {
    const user = requireStaff(request);
    return newUserForm(request, reply, { username: '', displayName: '', agencyId: String(user.agencyId), departmentId: '', roles: [], isSysadmin: false, email: '' });
  });

  r.post('/console/admin/users', { schema: { hide: true, body: newUserBody } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    const values: UserFormValues = { username: b.username, displayName: b.displayName, agencyId: b.agencyId, departmentId: b.departmentId, roles: rolesOf(b.roles), isSysadmin: b.isSysadmin === '1', email: b.email };
    try {
      if (b.agencyId === '') {
        const message = tx(request, '请选择机关', 'Please choose an agency');
        throw new ValidationError(message, { agencyId: message });
      }
      const u = await createUser(ctx, actorOf(request), {
        username: b.username, displayName: b.displayName, password: b.password, email: b.email, agencyId: Number(b.agencyId),
        departmentId: toId(b.departmentId), roles: values.roles, isSysadmin: values.isSysadmin,
      });
      return reply.redirect(`/console/admin/users/${u.id}?done=created`, 303);
    } catch (e) {
      const f = formError(e);
      return newUserForm(request, reply, values, f.fields, f.status);
    }
  });

  const editUserPage = async (request: FastifyRequest, reply: FastifyReply, userId: number, a: {
    values?: UserFormValues; errors?: Record<string, string>; status?: number; notice?: string; ruleError?: string; passwordError?: string;
  } = {}) => {
    const actor = actorOf(request);
    const user = await getUser(ctx, actor, userId);
    const agency = (await manageableAgencies(ctx, actor)).find((x) => x.id === user.agencyId)!;
    return sendPage(request, reply, h(UserEditPage, {
      ctx: pageContext(request), user, values: a.values ?? userValues(user), errors: a.errors ?? {}, agency,
      canGrantSysadmin: isPlatformAdmin(actor), notice: a.notice, ruleError: a.ruleError, passwordError: a.passwordError,
    }), a.status ?? 200);
  };

  r.get('/console/admin/users/:id', { schema: { hide: true, params: idParam, querystring: done } }, async (request, reply) => {
    requireStaff(request);
    return editUserPage(request, reply, request.params.id, { notice: noticeFrom(request, NOTICES, request.query.done) });
  });

  r.post('/console/admin/users/:id', { schema: { hide: true, params: idParam, body: editUserBody } }, async (request, reply) => {
    requireStaff(request);
    const b = request.body;
    const actor = actorOf(request);
    const before = await getUser(ctx, actor, request.params.id);
    const values: UserFormValues = { ...userValues(before), displayName: b.displayName, email: b.email, departmentId: b.departmentId, roles: rolesOf(b.roles), isSysadmin: b.isSysadmin === '1' };
    try {
      await updateUser(ctx, actor, request.params.id, {
        displayName: b.displayName, email: b.email, departmentId: toId(b.departmentId), roles: values.roles,
        // The box is only on the form for system administrators; others leave the flag alone.
        isSysadmin: isPlatformAdmin(actor) ? values.isSysadmin : undefined,
      });
      return reply.redirect(`/console/admin/users/${request.params.id}?done=saved`, 303);
    } catch (e) {
      const f = formError(e);
      return editUserPage(request, reply, request.params.id, { values, errors: f.fields, ruleError: e instanceof DomainError ? f.message : undefined, status: f.status });
    }
  });

  r.post('/console/admin/users/:id/password', { schema: { hide: true, params: idParam, body: z.object({ password: str(), ...csrf }) } }, async (request, reply) => {
    requireStaff(request);
    try {
      await resetPassword(ctx, actorOf(request), request.params.id, request.body.password);
      return reply.redirect(`/console/admin/users/${request.params.id}?done=password`, 303);
    } catch (e) {
      const f = formError(e);
      return editUserPage(request, reply, request.params.id, { passwordError: f.fields.password ?? f.message, status: f.status });
    }
  });

  r.post('/console/admin/users/:id/disabled', { schema: { hide: true, params: idParam, body: z.object({ disabled: z.enum(['0', '1']), ...csrf }) } }, async (request, reply) => {
    requireStaff(request);
    const disabled = request.body.disabled === '1';
    try {
      await setUserDisabled(ctx, actorOf(request), request.params.id, disabled);
      return reply.redirect(`/console/admin/users/${request.params.id}?done=${disabled ? 'disabled' : 'enabled'}`, 303);
    } catch (e) {
      const f = formError(e);
      return editUserPage(request, reply, request.params.id, { ruleError: f.message, status: f.status });
    }
  });

  // ---- audit log ------------------------------------------------------------------------------

  r.get('/console/admin/audit', {
    schema: {
      hide: true,
      querystring: z.object({
        action: z.string().max(100).optional(), subjectType: z.string().max(50).optional(), subjectId: z.string().max(100).optional(),
        actor: z.string().max(64).optional(), from: z.string().max(10).optional(), to: z.string().max(10).optional(),
        agency: z.string().max(32).optional(), page: z.coerce.number().int().min(1).max(100_000).optional().catch(1),
      }),
    },
  }, async (request, reply) => {
    requireStaff(request);
    const q = request.query;
    const values: AuditQueryValues = {
      action: q.action ?? '', subjectType: q.subjectType ?? '', subjectId: q.subjectId ?? '', actor: q.actor ?? '', from: q.from ?? '', to: q.to ?? '', agency: q.agency ?? '',
    };
    try {
      const page = await browseAudit(ctx, actorOf(request), { ...values, page: q.page ?? 1 });
      return sendPage(request, reply, h(AuditLogPage, { ctx: pageContext(request), page, query: values, errors: {} }));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      // Keep the filter usable: show the form with the problem and the unfiltered actions list.
      const page = await browseAudit(ctx, actorOf(request), { page: 1, agency: values.agency });
      return sendPage(request, reply, h(AuditLogPage, { ctx: pageContext(request), page: { ...page, items: [], total: 0 }, query: values, errors: e.fields ?? {} }), 400);
    }
  });
}
