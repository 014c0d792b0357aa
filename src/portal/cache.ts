/**
 * A small in-process cache of rendered public responses (pages, feeds, API answers), keyed by everything the bytes
 * depend on: the URL, the visitor's script (简体/繁體) and elderly mode, and — for absolute URLs — the base URL.
 * Entries live a short time (TTL) and are all dropped by `invalidatePublicCache()` whenever anything public changes,
 * so a taken-down item cannot linger here longer than the publish call that removed it.
 */
import { createHash } from 'node:crypto';

export interface CachedResponse {
  status: number;
  contentType: string;
  body: Buffer;
  /** strong validator: a hash of the exact bytes sent */
  etag: string;
}

interface Entry {
  value: CachedResponse;
  expires: number;
}

/** How long a rendered response is reused. Public pages change rarely; publication invalidates explicitly. */
export const PUBLIC_CACHE_TTL_MS = 30_000;
/** Upper bound on entries: query strings are visitor-controlled, so the cache must not grow without limit. */
const MAX_ENTRIES = 2_000;

const entries = new Map<string, Entry>();

/** The ETag of a response body (a strong validator over the final bytes). */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Build a cacheable response. Text is encoded once here, so a cache hit sends ready bytes. */
export function cachedResponse(status: number, contentType: string, body: string | Buffer): CachedResponse {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { status, contentType, body: bytes, etag: etagOf(bytes) };
}

/** The cached response for a key, or produce, remember and return it. Errors thrown by `produce` are not cached. */
export async function cachedOr(key: string, produce: () => Promise<CachedResponse>, now = Date.now()): Promise<CachedResponse> {
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value;
  if (hit) entries.delete(key);
  const value = await produce();
  if (entries.size >= MAX_ENTRIES) {
    // Map iteration is insertion order: drop the oldest entry.
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  entries.set(key, { value, expires: now + PUBLIC_CACHE_TTL_MS });
  return value;
}

/** Forget every cached public response (call after anything the public sees has changed). */
export function invalidatePublicCache(): void {
  entries.clear();
}

/** Number of cached responses (for tests and diagnostics). */
export function publicCacheSize(): number {
  return entries.size;
}
