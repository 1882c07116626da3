// Files attached to a case by staff: the information provided to the applicant (downloadable in
// the tracking view) or internal material (a third party's answer, search records).
import { createHash } from 'node:crypto';
import { isOpen, type State } from '../domain/application-workflow.ts';
import { actorLabel, type Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { DomainError, ForbiddenError, ValidationError } from './errors.ts';
import { todayOf } from './application-intake.service.ts';
import { handlesApplication, loadVisibleApplication } from './application-policy.service.ts';

export const MAX_CASE_FILE_BYTES = 20 * 1024 * 1024;

export interface AttachInput {
  filename: string;
  mime: string;
  content: Buffer;
  /** Sent to the applicant. */
  isPublic: boolean;
  note?: string;
}

/** Attaches a file to a case (audited, recorded as an event of the case). */
export async function attachCaseFile(ctx: ServiceContext, actor: Actor, applicationId: number, input: AttachInput): Promise<number> {
  if (actor.kind !== 'staff') throw new ForbiddenError('请先登录');
  const user = actor.user;
  const app = await loadVisibleApplication(ctx, user, applicationId);
  // The people who handle the case: the office and the assigned department's clerks.
  if (!handlesApplication(user, app) || !(user.roles.includes('office') || user.roles.includes('clerk'))) {
    throw new ForbiddenError('只有公开办或承办科室的经办人可以添加附件');
  }
  if (!isOpen(app.state as State) && app.state !== 'replied') throw new DomainError('已办结或已撤回的申请不能再添加附件');
  const fields: Record<string, string> = {};
  const filename = input.filename.replace(/[\\/\u0000-\u001f]/g, '_').trim().slice(0, 200);
  if (filename === '') fields.file = '请选择要上传的文件';
  if (input.content.length === 0) fields.file = '文件为空';
  else if (input.content.length > MAX_CASE_FILE_BYTES) fields.file = '文件不能超过20MB';
  const note = (input.note ?? '').trim();
  if (note.length > 1000) fields.note = '说明不能超过1000个字';
  if (Object.keys(fields).length > 0) throw new ValidationError(Object.values(fields).join('；'), fields);
  const mime = /^[\w.+-]+\/[\w.+-]+$/.test(input.mime) ? input.mime : 'application/octet-stream';
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.transaction(async (repos) => {
    const event = await repos.applications.appendEvent({
      applicationId: app.id, type: 'file_attached', on: todayOf(ctx), at, actorId: user.id, actorLabel: actorLabel(actor),
      data: { filename, public: input.isPublic, ...(note ? { note } : {}) }, isPublic: false,
    });
    const file = await repos.applications.insertFile({
      applicationId: app.id, eventId: event.id, kind: 'attachment', filename, mime, content: input.content,
      sha256: createHash('sha256').update(input.content).digest('hex'), isPublic: input.isPublic, createdBy: user.id, createdAt: at,
    });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: app.agency_id, action: 'application.file_attached',
      subjectType: 'application', subjectId: app.id, summary: { fileId: file.id, filename, size: input.content.length, public: input.isPublic }, ip: actor.ip,
    }, now);
    return file.id;
  });
}
