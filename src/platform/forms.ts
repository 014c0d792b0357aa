/** Form parsing at the edge: one zod schema per form, field errors in Chinese beside the fields. */
import { z } from 'zod';
import type { FieldErrors } from './errors.ts';

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Flatten urlencoded body values to strings (arrays keep their first element unless the schema asks for arrays). */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (k === '_csrf') continue;
      out[k] = Array.isArray(v) ? String(v[0] ?? '') : v == null ? '' : String(v);
    }
  }
  return out;
}

/** Validate a submitted form against its schema. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_form');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, values: formValues(body) };
}

/** A required trimmed text field with Chinese messages. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, `请填写${label}。`)
    .max(max, `${label}不能超过${max}个字符。`);
}

/** An optional trimmed text field; empty becomes null. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字符。`)
    .optional()
    .transform((v) => (v ? v : null));
}

/** A checkbox: present means true. */
export const checkbox = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => v !== undefined);

/** The largest id a row can have (a PostgreSQL `integer`); a larger one names nothing. */
export const MAX_ID = 2_147_483_647;

/**
 * An id from a path or form: plain decimal digits only, so `0x11`, `17.0`, `1e1` or ` 17` never name record 17,
 * and within the integer range, so a huge number is "not found" rather than a database error.
 */
export const idParam = z
  .string({ error: '编号无效。' })
  .regex(/^[1-9][0-9]{0,9}$/, '编号无效。')
  .transform(Number)
  .refine((n) => n <= MAX_ID, '编号无效。');
