// Attachments of a document: checked by their bytes, stored once by SHA-256, their text extracted
// for search and the privacy scanner, and served only while the reader may see the document.
import type { DocumentAttachment } from '../db/schema.ts';
import { isPubliclyVisible, type DocumentState } from '../domain/document-workflow.ts';
import { extractText } from '../search/extract-text.ts';
import { FileStore } from '../storage/file-store.ts';
import { ACCEPTED_EXTENSIONS, FILE_KINDS, detectFileKind, safeFilename, withKindExtension, type FileKind } from '../storage/file-type.ts';
import { actorLabel, type Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { canChangeAttachments, documentForStaff, staffOf } from './document-access.ts';
import { syncDocumentSearch } from './document-search.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

/** Per file; the multipart parser's own limit (app.ts) is higher and only protects the server. */
export const MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_DOCUMENT = 20;

export function fileStoreOf(ctx: ServiceContext): FileStore {
  return new FileStore(ctx.config.storageDir);
}

export const ACCEPTED_FILE_TYPES_LABEL = 'PDF、OFD、Word（DOC/DOCX）、Excel（XLS/XLSX）、PNG、JPEG、GIF';

/** Checks an upload by its content; returns its kind or throws a message for the uploader. */
export function checkUpload(filename: string, data: Uint8Array): { kind: FileKind; filename: string } {
  const name = safeFilename(filename);
  if (data.byteLength === 0) throw new ValidationError('上传的文件是空的', { file: '上传的文件是空的' });
  if (data.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new ValidationError(`附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, { file: `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` });
  }
  const kind = detectFileKind(data, name);
  if (!kind) {
    const message = `文件“${name}”的内容不是可接受的类型（${ACCEPTED_FILE_TYPES_LABEL}）；系统按文件内容而不是扩展名判断类型`;
    throw new ValidationError(message, { file: message });
  }
  return { kind, filename: withKindExtension(name, FILE_KINDS[kind].extensions) };
}

export { ACCEPTED_EXTENSIONS };

/** Adds an attachment to a document whose registration form may still change. */
export async function addAttachment(ctx: ServiceContext, actor: Actor, documentId: number, file: { filename: string; data: Buffer }): Promise<DocumentAttachment> {
  const user = staffOf(actor);
  const doc = await documentForStaff(ctx.repos, user, documentId, { write: true });
  if (!canChangeAttachments(user, doc)) throw new ForbiddenError('只有登记人或公开办可以在送审前修改附件');
  const { kind, filename } = checkUpload(file.filename, file.data);
  const existing = await ctx.repos.attachments.forDocument(documentId);
  if (existing.length >= MAX_ATTACHMENTS_PER_DOCUMENT) throw new DomainError(`每份文件最多 ${MAX_ATTACHMENTS_PER_DOCUMENT} 个附件`);
  // The bytes are stored before the row: a crash in between leaves an unreferenced file, never a row without its file.
  const stored = await fileStoreOf(ctx).put(file.data);
  const mime = FILE_KINDS[kind].mime;
  let extracted: { text: string; checkable: boolean } = { text: '', checkable: false };
  try {
    extracted = await extractText(file.data, mime);
  } catch {
    // A damaged or encrypted file is still a valid attachment; it is just not searchable.
  }
  return ctx.transaction(async (repos) => {
    const fresh = await documentForStaff(repos, user, documentId, { forUpdate: true, write: true });
    if (!canChangeAttachments(user, fresh)) throw new ForbiddenError('只有登记人或公开办可以在送审前修改附件');
    const row = await repos.attachments.insert({
      documentId, filename, kind, mime, size: stored.size, sha256: stored.sha256, text: extracted.text, checkable: extracted.checkable, uploadedBy: user.id,
    }, ctx.now());
    await repos.documents.update(documentId, { updated_at: ctx.now().toISOString() });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: doc.agency_id, action: 'document.attachment_added',
      subjectType: 'document', subjectId: documentId, summary: { filename, kind, size: stored.size, sha256: stored.sha256 }, ip: actor.ip,
    }, ctx.now());
    await syncDocumentSearch(repos, documentId);
    return row;
  });
}

export async function removeAttachment(ctx: ServiceContext, actor: Actor, documentId: number, attachmentId: number): Promise<void> {
  const user = staffOf(actor);
  await ctx.transaction(async (repos) => {
    const doc = await documentForStaff(repos, user, documentId, { forUpdate: true, write: true });
    if (!canChangeAttachments(user, doc)) throw new ForbiddenError('只有登记人或公开办可以在送审前修改附件');
    const att = await repos.attachments.byId(attachmentId);
    if (!att || att.document_id !== documentId) throw new NotFoundError('未找到该附件');
    await repos.attachments.delete(attachmentId);
    await repos.documents.update(documentId, { updated_at: ctx.now().toISOString() });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: doc.agency_id, action: 'document.attachment_removed',
      subjectType: 'document', subjectId: documentId, summary: { filename: att.filename, sha256: att.sha256 }, ip: actor.ip,
    }, ctx.now());
    await syncDocumentSearch(repos, documentId);
  });
  // The bytes stay in the store: the same file may belong to another document, and the audit
  // event names its hash.
}

export interface AttachmentDownload {
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
}

/**
 * An attachment for download: the public may have it while the document is public; staff of the
 * agency (or a supervisor above it) at any time. Anything else is "not found".
 */
export async function attachmentForDownload(ctx: ServiceContext, actor: Actor, documentId: number, attachmentId: number): Promise<AttachmentDownload> {
  const att = await ctx.repos.attachments.byId(attachmentId);
  if (!att || att.document_id !== documentId) throw new NotFoundError('未找到该附件');
  const doc = await ctx.repos.documents.byId(documentId);
  if (!doc) throw new NotFoundError('未找到该附件');
  if (!isPubliclyVisible(doc.state as DocumentState)) {
    if (actor.kind !== 'staff') throw new NotFoundError('未找到该附件');
    await documentForStaff(ctx.repos, actor.user, documentId);
  }
  const data = await fileStoreOf(ctx).get(att.sha256);
  if (!data) throw new NotFoundError('附件文件缺失，请联系管理员');
  return { filename: att.filename, mime: att.mime, size: att.size, sha256: att.sha256, data };
}
