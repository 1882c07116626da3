// Small files for upload tests: real magic numbers, and the things that must be refused behind a
// harmless name (a Windows program, a plain ZIP archive).
import JSZip from 'jszip';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]);
// The start of a Windows program: the MZ header (with its zero bytes) and the DOS stub.
export const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]), Buffer.alloc(48), Buffer.from('This program cannot be run in DOS mode.')]);

/** A well-formed ZIP that is neither an Office document nor an OFD package. */
export async function plainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('readme.txt', 'not a document');
  return zip.generateAsync({ type: 'nodebuffer' });
}
