// Education fees (教育收费): each item with its standard, legal basis, approving document and period
// of validity. Whether an item is in force is derived from today's date.
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { ValidationError } from './errors.ts';
import { audit, inOwnAgency, requireStaffFor } from './education-access.ts';
import { cleanDocumentRef } from './enrolment.service.ts';
import type { EduFee } from '../db/schema.ts';
import { isIsoDate } from '../domain/dates.ts';

export interface FeeView {
  id: number;
  category: string;
  name: string;
  scope: string;
  standard: string;
  legalBasis: string;
  approvalDoc: string;
  documentRef: string | null;
  validFrom: string;
  validTo: string | null;
  note: string;
  inForce: boolean;
}

const todayOf = (ctx: ServiceContext) => new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function view(f: EduFee, today: string): FeeView {
  return {
    id: f.id, category: f.category, name: f.name, scope: f.scope, standard: f.standard, legalBasis: f.legal_basis, approvalDoc: f.approval_doc, documentRef: f.document_ref,
    validFrom: f.valid_from, validTo: f.valid_to, note: f.note, inForce: f.valid_from <= today && (f.valid_to === null || today <= f.valid_to),
  };
}

/** Fee items in force and those no longer (or not yet) in force. */
export async function listFees(ctx: ServiceContext, agencyId: number): Promise<{ inForce: FeeView[]; other: FeeView[] }> {
  const today = todayOf(ctx);
  const all = (await ctx.repos.education.fees.list(agencyId)).map((f) => view(f, today));
  return { inForce: all.filter((f) => f.inForce), other: all.filter((f) => !f.inForce) };
}

export async function staffFee(ctx: ServiceContext, actor: Actor, id: number): Promise<FeeView> {
  const user = requireStaffFor(actor, 'content.manage');
  const f = inOwnAgency(user, await ctx.repos.education.fees.byId(id), '未找到该收费项目');
  return view(f, todayOf(ctx));
}

export interface FeeInput {
  category: string;
  name: string;
  scope: string;
  standard: string;
  legalBasis: string;
  approvalDoc: string;
  documentRef: string;
  validFrom: string;
  validTo: string;
  note: string;
}

function clean(input: FeeInput) {
  const v = {
    category: input.category.trim(), name: input.name.trim(), scope: input.scope.trim(), standard: input.standard.trim(), legalBasis: input.legalBasis.trim(),
    approvalDoc: input.approvalDoc.trim(), validFrom: input.validFrom.trim(), validTo: input.validTo.trim(), note: input.note.trim(),
  };
  const fields: Record<string, string> = {};
  if (v.category === '') fields.category = '请填写收费类别';
  if (v.name === '') fields.name = '请填写收费项目';
  if (v.standard === '') fields.standard = '请填写收费标准';
  if (v.legalBasis === '' && v.approvalDoc === '') fields.legalBasis = '请填写收费依据或批准文件（收费须有依据）';
  if (!isIsoDate(v.validFrom)) fields.validFrom = '请填写执行起始日期';
  if (v.validTo !== '' && !isIsoDate(v.validTo)) fields.validTo = '执行截止日期格式应为 YYYY-MM-DD';
  else if (v.validTo !== '' && isIsoDate(v.validFrom) && v.validTo < v.validFrom) fields.validTo = '截止日期不能早于起始日期';
  for (const [k, max] of [['category', 100], ['name', 200], ['scope', 300], ['standard', 200], ['approvalDoc', 200]] as const) {
    if (v[k].length > max) fields[k] = `最多 ${max} 个字`;
  }
  if (Object.keys(fields).length) throw new ValidationError('收费项目有误', fields);
  return { ...v, documentRef: cleanDocumentRef(input.documentRef) };
}

export async function saveFee(ctx: ServiceContext, actor: Actor, id: number | null, input: FeeInput): Promise<number> {
  const user = requireStaffFor(actor, 'content.manage');
  const v = clean(input);
  const now = ctx.now();
  const row = {
    category: v.category, name: v.name, scope: v.scope, standard: v.standard, legal_basis: v.legalBasis, approval_doc: v.approvalDoc, document_ref: v.documentRef,
    valid_from: v.validFrom, valid_to: v.validTo === '' ? null : v.validTo, note: v.note, updated_at: now.toISOString(),
  };
  return ctx.transaction(async (repos) => {
    let fid: number;
    let before: EduFee | undefined;
    if (id === null) {
      fid = (await repos.education.fees.insert({ agency_id: user.agencyId, created_at: now.toISOString(), ...row })).id;
    } else {
      before = inOwnAgency(user, await repos.education.fees.byId(id), '未找到该收费项目');
      await repos.education.fees.update(id, row);
      fid = id;
    }
    await audit(repos, actor, {
      agencyId: user.agencyId, action: id === null ? 'fee.created' : 'fee.updated', subjectType: 'edu_fee', subjectId: fid,
      summary: { name: v.name, standard: v.standard, before: before ? { standard: before.standard, validTo: before.valid_to } : null, validTo: v.validTo || null },
    }, now);
    return fid;
  });
}

export async function deleteFee(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const f = inOwnAgency(user, await repos.education.fees.byId(id), '未找到该收费项目');
    await repos.education.fees.delete(id);
    await audit(repos, actor, { agencyId: f.agency_id, action: 'fee.deleted', subjectType: 'edu_fee', subjectId: id, summary: { name: f.name, standard: f.standard } }, now);
  });
}
