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

/** A positive integer id from a path or form. */
export const idParam = z.coerce.number({ error: '编号无效。' }).int('编号无效。').positive('编号无效。');
