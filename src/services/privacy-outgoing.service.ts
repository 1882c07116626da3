// The personal-data scan of what goes out to an applicant (issue 8): the reply being drafted and the
// files the applicant can download. Art. 15 and Art. 37: a third party's personal data is withheld
// or removed from what is provided. This warns — it does not block: a reply may rightly carry the
// applicant's own details, or a third party's that the law lets through — when personal data other
// than the applicant's own would go to the applicant.
import type { FindingKind } from '../domain/privacy-scan.ts';
import type { StaffUser } from './actor.ts';
import { loadVisibleApplication } from './application-policy.service.ts';
import type { ServiceContext } from './context.ts';
import { attachmentText, type LocatedText } from './privacy-files.ts';
import { PRIVACY_KIND_LABELS, comparableValue, formatLocation, personalDataIn } from './privacy.service.ts';

export interface OutgoingWarning {
  kind: FindingKind;
  kindLabel: string;
  masked: string;
  /** '答复意见（草稿）第1行', '附件“答复书.docx”第3段' … */
  location: string;
}

/** Files larger than this are not opened for the warning (a person checks them). */
const MAX_SCANNED_FILE = 10 * 1024 * 1024;
const DRAFT_PART = '答复意见（草稿）';

function kindOfMime(mime: string, filename: string): string {
  if (mime === 'application/pdf') return 'pdf';
  if (mime.includes('wordprocessingml')) return 'docx';
  if (mime.includes('spreadsheetml')) return 'xlsx';
  if (mime.startsWith('text/csv') || /\.csv$/i.test(filename)) return 'csv';
  return '';
}

function draftDetails(events: readonly { type: string; data: string }[]): string {
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].type === 'reply_returned' || events[i].type === 'replied') return '';
    if (events[i].type === 'reply_drafted') {
      try {
        const d = JSON.parse(events[i].data) as { details?: unknown };
        return typeof d.details === 'string' ? d.details : '';
      } catch {
        return '';
      }
    }
  }
  return '';
}

/**
 * Personal data of anyone but the applicant in the reply being drafted and in the files the
 * applicant can download, for the staff who see the case.
 */
export async function outgoingPrivacyWarnings(ctx: ServiceContext, user: StaffUser, applicationId: number): Promise<OutgoingWarning[]> {
  const app = await loadVisibleApplication(ctx, user, applicationId);
  const own = new Set([app.applicant_id_number, app.applicant_phone, app.applicant_email].map(comparableValue).filter((v) => v.length >= 5));
  const parts: { text: LocatedText; attachment: boolean }[] = [];
  const details = draftDetails(await ctx.repos.applications.events(applicationId));
  if (details.trim() !== '') parts.push({ text: { location: { part: DRAFT_PART }, text: details }, attachment: false });
  for (const meta of await ctx.repos.applications.files(applicationId)) {
    if (meta.is_public !== 1 || meta.size > MAX_SCANNED_FILE) continue;
    const kind = kindOfMime(meta.mime, meta.filename);
    if (!kind) continue;
    const file = await ctx.repos.applications.file(applicationId, meta.id);
    if (!file) continue;
    const read = await attachmentText(new Uint8Array(file.content), kind, meta.filename);
    for (const text of read.parts) parts.push({ text, attachment: true });
  }
  const warnings: OutgoingWarning[] = [];
  for (const { text, attachment } of parts) {
    for (const f of await personalDataIn(ctx.repos, [text])) {
      if (own.has(comparableValue(f.raw))) continue;
      warnings.push({ kind: f.kind, kindLabel: PRIVACY_KIND_LABELS[f.kind], masked: f.masked, location: formatLocation(f.location, attachment) });
    }
  }
  return warnings;
}
