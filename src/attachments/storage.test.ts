import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer as readAll } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { blobKeyOf, FileBlobStore, isBlobKey, type BlobStore } from './storage.ts';

describe('FileBlobStore', () => {
  let root: string;
  let store: FileBlobStore;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'gongkai-blobs-'));
    store = new FileBlobStore(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const bytes = Buffer.from('关于发放困难补助的公示 %PDF-1.4', 'utf8');
  const sha = createHash('sha256').update(bytes).digest('hex');

  test('put stores the bytes under their sha256 at <root>/<ab>/<cd>/<sha256> and get returns them', async () => {
    const stored = await store.put(bytes);
    assert.deepEqual(stored, { key: sha, size: bytes.length });
    assert.equal(blobKeyOf(bytes), sha);
    assert.deepEqual(readFileSync(join(root, sha.slice(0, 2), sha.slice(2, 4), sha)), bytes);
    assert.deepEqual(await store.get(sha), bytes);
    assert.equal(await store.has(sha), true);
  });

  test('putting identical content again is idempotent and leaves no temporary files', async () => {
    const again = await Promise.all([store.put(bytes), store.put(Buffer.from(bytes)), store.put(new Uint8Array(bytes))]);
    assert.deepEqual(new Set(again.map((r) => r.key)), new Set([sha]));
    assert.deepEqual(readdirSync(join(root, sha.slice(0, 2), sha.slice(2, 4))), [sha]);
  });

  test('different content gets a different key; an empty blob is a blob too', async () => {
    const other = await store.put(Buffer.from('另一个文件'));
    assert.notEqual(other.key, sha);
    const empty = await store.put(new Uint8Array(0));
    assert.equal(empty.key, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.deepEqual(await store.get(empty.key), Buffer.alloc(0));
  });

  test('stream yields the bytes for downloads', async () => {
    const s = store.stream(sha);
    assert.ok(s);
    assert.deepEqual(await readAll(s), bytes);
  });

  test('unknown keys are absent; malformed keys never become paths', async () => {
    const unknown = 'f'.repeat(64);
    assert.equal(await store.get(unknown), null);
    assert.equal(store.stream(unknown), null);
    assert.equal(await store.has(unknown), false);
    for (const bad of ['../../etc/passwd', sha.toUpperCase(), sha.slice(1), `${sha}/`, '']) {
      assert.equal(isBlobKey(bad), false, bad);
      assert.equal(await store.get(bad), null, bad);
      assert.equal(store.stream(bad), null, bad);
      assert.equal(await store.has(bad), false, bad);
      assert.throws(() => store.pathOf(bad), /invalid blob key/);
    }
  });

  test('the class satisfies the BlobStore interface the application depends on', async () => {
    const asInterface: BlobStore = store;
    assert.equal((await asInterface.put(bytes)).key, sha);
  });
});
