import JSZip from 'jszip';

// DOCX and XLSX files are ZIP archives, and a few kilobytes can inflate to gigabytes (a zip bomb):
// read whole, such a file would exhaust the server's memory. Every entry is inflated as a stream
// and counted before anything reads it; the sizes the archive declares are not trusted.

/** Inflated bytes allowed for one archive: far above any real document or spreadsheet. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

export class ArchiveTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`压缩包解压后超过 ${Math.round(limit / 1024 / 1024)} MB，无法读取其内容`);
  }
}

function inflatedSize(file: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.pause();
          reject(new ArchiveTooLargeError(budget));
        }
      })
      .on('error', reject)
      .on('end', () => resolve(size));
  });
}

/**
 * Opens a ZIP archive after checking that all its entries together inflate to at most `limit`
 * bytes; throws ArchiveTooLargeError otherwise (having inflated no more than `limit` bytes).
 */
export async function openZipWithinLimit(data: Uint8Array | Buffer, limit = MAX_INFLATED_BYTES): Promise<JSZip> {
  const zip = await JSZip.loadAsync(data);
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    total += await inflatedSize(file, limit - total);
  }
  return zip;
}
