/**
 * What the portal needs from attachment storage: reading a stored file by its content key (sha256). The platform's
 * FileBlobStore (src/attachments/storage.ts) satisfies this structurally; the portal depends on nothing more.
 */
export interface BlobReader {
  get(key: string): Promise<Buffer | null>;
}
