/**
 * 索引号 generation (条例第十二条 requires every item to carry one): unique per organization and year, allocated
 * from a counter row inside the caller's transaction so two drafts never share a number. The format is configurable.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Default format: `{code}/{year}-{seq}` with the sequence zero-padded to 5 digits, e.g. FGW/2026-00015. */
export const DEFAULT_INDEX_FORMAT = '{code}/{year}-{seq:5}';

/** Render a format with the organization code, year and sequence number. */
export function formatIndexNumber(format: string, code: string, year: number, seq: number): string {
  return format
    .replaceAll('{code}', code)
    .replaceAll('{year}', String(year))
    .replace(/\{seq(?::(\d+))?\}/g, (_m, width: string | undefined) => String(seq).padStart(Number(width ?? 0), '0'));
}

/** A format must contain {year} and {seq} so numbers stay unique per organization and year. */
export function isValidIndexFormat(format: string): boolean {
  return format.includes('{year}') && /\{seq(?::\d+)?\}/.test(format) && format.includes('{code}');
}

/** Allocate the next 索引号 for an organization and year. Call inside a transaction. */
export async function nextIndexNumber(
  trx: Kysely<Database>,
  org: { id: number; code: string },
  year: number,
  format: string = DEFAULT_INDEX_FORMAT,
): Promise<string> {
  // The upsert takes the row lock on PostgreSQL; SQLite transactions are serial.
  const row = await trx
    .insertInto('index_sequences')
    .values({ org_id: org.id, year, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet((eb) => ({ last_value: eb(eb.ref('index_sequences.last_value'), '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return formatIndexNumber(format, org.code, year, Number(row.last_value));
}
