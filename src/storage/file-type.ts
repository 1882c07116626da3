// What an uploaded file really is, read from its bytes (magic numbers and, for ZIP containers, the
// names of their entries) — never from its name or the browser's Content-Type, both of which the
// uploader controls. The name only chooses between formats whose bytes look alike (DOC and XLS are
// both OLE compound files).
import { decodeText } from '../lib/csv.ts';

export type FileKind = 'pdf' | 'ofd' | 'doc' | 'xls' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'gif';

export const FILE_KINDS: Readonly<Record<FileKind, { mime: string; extensions: readonly string[]; label: string }>> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  ofd: { mime: 'application/ofd', extensions: ['ofd'], label: 'OFD' },
  doc: { mime: 'application/msword', extensions: ['doc', 'wps'], label: 'Word 97-2003' },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls', 'et'], label: 'Excel 97-2003' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  gif: { mime: 'image/gif', extensions: ['gif'], label: 'GIF' },
};

export const ACCEPTED_EXTENSIONS = [...new Set(Object.values(FILE_KINDS).flatMap((k) => k.extensions))];

/**
 * CSV has no magic number: where a caller accepts it (an applicant's attachments), a file counts as
 * CSV when its name says so and its bytes are text — see `isCsvText`.
 */
export const CSV_KIND = { mime: 'text/csv', extensions: ['csv'], label: 'CSV' } as const;

function startsWith(buf: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

/**
 * The entry names of a ZIP archive, from its central directory (no decompression). Returns null
 * when the bytes are not a well-formed ZIP.
 */
export function zipEntryNames(buf: Uint8Array, maxEntries = 10_000): string[] | null {
  if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count > maxEntries || offset >= buf.length) return null;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > buf.length) return null;
    names.push(decoder.decode(buf.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

export function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  return m ? m[1].toLowerCase() : '';
}

/** The kind of file these bytes are, or null when it is none of the accepted kinds. */
export function detectFileKind(buf: Uint8Array, filename = ''): FileKind | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38]) && (buf[4] === 0x37 || buf[4] === 0x39) && buf[5] === 0x61) return 'gif';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE compound file: Word and Excel 97-2003 (and WPS) look the same from outside.
    const ext = extensionOf(filename);
    if (FILE_KINDS.xls.extensions.includes(ext)) return 'xls';
    if (FILE_KINDS.doc.extensions.includes(ext)) return 'doc';
    return null;
  }
  const names = zipEntryNames(buf);
  if (names) {
    const set = new Set(names);
    // GB/T 33190-2016: an OFD package has OFD.xml at its root.
    if (set.has('OFD.xml')) return 'ofd';
    if (set.has('[Content_Types].xml') && set.has('word/document.xml')) return 'docx';
    if (set.has('[Content_Types].xml') && set.has('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

/**
 * Whether a file named *.csv is really text: UTF-8, UTF-16 with a byte-order mark, or GB18030
 * (decoded as `decodeText` reads CSV), with no control characters other than tab and line breaks
 * and nothing undecodable. A program or an archive renamed to .csv fails this.
 */
export function isCsvText(buf: Uint8Array, filename: string): boolean {
  if (extensionOf(filename) !== 'csv' || buf.length === 0) return false;
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (!utf16 && buf.includes(0)) return false;
  const text = decodeText(buf);
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text);
}

/** Keeps a name honest about its content: a PDF uploaded as "通知.doc" becomes "通知.doc.pdf". */
export function withKindExtension(name: string, extensions: readonly string[]): string {
  return extensions.includes(extensionOf(name)) ? name : `${name}.${extensions[0]}`;
}

/**
 * A file name safe to store and send back: no directories, no control or reserved characters,
 * no leading dots, at most 120 characters, keeping the extension; `fallback` when nothing is left.
 */
export function safeFilename(name: string, fallback = '附件'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (cleaned.length > 120) {
    const ext = extensionOf(cleaned);
    const stem = cleaned.slice(0, 120 - (ext ? ext.length + 1 : 0));
    cleaned = ext ? `${stem}.${ext}` : stem;
  }
  return cleaned === '' || /^\.*$/.test(cleaned) ? fallback : cleaned;
}
