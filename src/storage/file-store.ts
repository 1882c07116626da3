import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

// Content-addressed storage: a file lives at <root>/<2 hex>/<sha256>, so the same bytes are stored
// once, a name can never escape the directory, and several instances can share the directory.
// Writes go to a temporary file that is fsynced and renamed: an acknowledged upload survives a crash.

const SHA256 = /^[0-9a-f]{64}$/;

export class FileStore {
  constructor(readonly root: string) {}

  static hashOf(data: Uint8Array): string {
    return createHash('sha256').update(data).digest('hex');
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new RangeError(`无效的文件摘要：${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes (once) and returns their SHA-256. */
  async put(data: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = FileStore.hashOf(data);
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) return { sha256, size: data.byteLength };
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await fsp.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, target);
    return { sha256, size: data.byteLength };
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fsp.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  /** The bytes, or null when missing. */
  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await fsp.readFile(this.pathOf(sha256));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /** A read stream, or null when the file is missing. */
  async stream(sha256: string): Promise<fs.ReadStream | null> {
    const p = this.pathOf(sha256);
    if (!(await this.exists(sha256))) return null;
    return fs.createReadStream(p);
  }

  async remove(sha256: string): Promise<void> {
    await fsp.rm(this.pathOf(sha256), { force: true });
  }
}
