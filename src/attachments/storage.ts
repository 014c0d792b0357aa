/**
 * Content-addressed storage for attachment bytes. The key is the SHA-256 of the content, so the same file
 * uploaded twice is stored once, a stored blob can be verified, and a key from the database can never point
 * outside the store. The interface is all the application uses: an object-storage implementation (S3, OSS,
 * MinIO — put to `<sha256>`, get/stream the object) can replace FileBlobStore later without other changes.
 *
 * Blobs are never deleted here: several attachments (or versions of a document) may share one blob, and
 * published versions must stay downloadable. Garbage collection, if ever needed, belongs to a job that knows
 * which keys the database still references.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Where attachment bytes live. */
export interface BlobStore {
  /** Store bytes; resolves to their key (sha256, lower-case hex) and size. Storing identical bytes again is a no-op. */
  put(bytes: Uint8Array): Promise<{ key: string; size: number }>;
  /** The bytes of a key, or null if there is no such blob (or the key is malformed). */
  get(key: string): Promise<Buffer | null>;
  /** A stream of the bytes for downloads, or null if there is no such blob. */
  stream(key: string): Readable | null;
  /** Whether a blob exists. */
  has(key: string): Promise<boolean>;
}

const KEY = /^[0-9a-f]{64}$/;

/** Whether a string is a well-formed blob key. */
export function isBlobKey(key: string): boolean {
  return KEY.test(key);
}

/** The key (sha256 hex) the given bytes are stored under. */
export function blobKeyOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Blobs as files under a root directory: `<root>/<ab>/<cd>/<sha256>`, fanned out so no directory grows huge. */
export class FileBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  /** The file path of a key; throws on a malformed key so no caller can build a path from untrusted input. */
  pathOf(key: string): string {
    if (!isBlobKey(key)) throw new Error(`invalid blob key: ${key.slice(0, 80)}`);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(bytes: Uint8Array): Promise<{ key: string; size: number }> {
    const key = blobKeyOf(bytes);
    const path = this.pathOf(key);
    if (await this.has(key)) return { key, size: bytes.length };
    await mkdir(join(this.root, key.slice(0, 2), key.slice(2, 4)), { recursive: true });
    // Write to a temporary name in the same directory, then rename: readers never see a half-written blob,
    // and two concurrent puts of the same content both end with the same complete file.
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return { key, size: bytes.length };
  }

  async get(key: string): Promise<Buffer | null> {
    if (!isBlobKey(key)) return null;
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  stream(key: string): Readable | null {
    if (!isBlobKey(key)) return null;
    const path = this.pathOf(key);
    return existsSync(path) ? createReadStream(path) : null;
  }

  async has(key: string): Promise<boolean> {
    if (!isBlobKey(key)) return false;
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }
}
