/**
 * Changes to the vocabularies and catalog categories. Each command checks the rules that span rows (unique code and
 * label within a kind) inside its transaction, then writes the change and its audit entry together: bad input
 * writes nothing. Entries are never deleted — documents keep referring to their codes.
 */
import { appendAudit, type Actor } from '../audit/repository.ts';
import type { CalendarService } from '../calendar/service.ts';
import type { Db } from '../db/database.ts';
import { computeDueOn } from '../documents/service.ts';
import type { FieldErrors } from '../platform/errors.ts';
import {
  findCatalogCategory,
  findVocabulary,
  insertVocabulary,
  setDueOn,
  unpublishedProactiveInCategory,
  updateCatalogCategoryRow,
  updateVocabularyRow,
  vocabulariesOfKind,
  type VocabularyRow,
} from './repository.ts';
import {
  CODE_PREFIX,
  KIND_LABELS,
  type CatalogUpdateInput,
  type VocabularyCreateInput,
  type VocabularyKind,
  type VocabularyUpdateInput,
} from './schemas.ts';

class Rejected extends Error {
  constructor(readonly errors: FieldErrors) {
    super('rejected');
  }
}

/** A unique-index violation on either database (a concurrent insert took the code between check and write). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/i.test(String(e?.message ?? ''));
}

/** The next free generated code of a kind: one past the highest T../G.. number, at least two digits. */
export function nextCode(kind: VocabularyKind, existing: string[]): string {
  const prefix = CODE_PREFIX[kind];
  const pattern = new RegExp(`^${prefix}(\\d+)$`, 'i');
  const max = existing.reduce((m, code) => Math.max(m, Number(pattern.exec(code)?.[1] ?? 0)), 0);
  return `${prefix}${String(max + 1).padStart(2, '0')}`;
}

/** A label already used within the kind (by another entry), with a hint when that entry is inactive. */
function labelError(kind: VocabularyKind, label: string, rows: VocabularyRow[], selfId?: number): string | null {
  const twin = rows.find((r) => r.id !== selfId && r.label.trim() === label);
  if (!twin) return null;
  return twin.active === 1
    ? `已有名称相同的${KIND_LABELS[kind]}（代码 ${twin.code}）。`
    : `已有名称相同但已停用的${KIND_LABELS[kind]}（代码 ${twin.code}），如需使用请将其重新启用。`;
}

export type CreateResult = { ok: true; id: number; code: string } | { ok: false; errors: FieldErrors };

/** Add a topic or genre (admin). */
export async function createVocabulary(db: Db, actor: Actor, kind: VocabularyKind, input: VocabularyCreateInput): Promise<CreateResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const rows = await vocabulariesOfKind(trx, kind);
      const errors: FieldErrors = {};
      if (input.code && rows.some((r) => r.code.toUpperCase() === input.code)) errors.code = `代码 ${input.code} 已被使用，请换一个或留空自动生成。`;
      const dup = labelError(kind, input.label, rows);
      if (dup) errors.label = dup;
      if (Object.keys(errors).length > 0) throw new Rejected(errors);
      const values = {
        kind,
        code: input.code ?? nextCode(kind, rows.map((r) => r.code)),
        label: input.label,
        sort_order: input.sort_order ?? rows.reduce((m, r) => Math.max(m, r.sort_order + 1), 0),
      };
      const id = await insertVocabulary(trx, values);
      await appendAudit(trx, actor, {
        action: 'vocabulary.created',
        entityType: 'vocabulary',
        entityId: id,
        orgId: null,
        after: { ...values, active: 1 },
      });
      return { ok: true as const, id, code: values.code };
    });
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, errors: error.errors };
    if (isUniqueViolation(error)) return { ok: false, errors: { code: '该代码已被使用，请换一个或留空自动生成。' } };
    throw error;
  }
}

export type UpdateResult = { ok: true; changed: boolean } | { ok: false; errors: FieldErrors };

/** Rename or reorder an entry; documents keep its code, so they show the new name at once. */
export async function updateVocabulary(db: Db, actor: Actor, id: number, input: VocabularyUpdateInput): Promise<UpdateResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await findVocabulary(trx, id);
      if (!row) throw new Rejected({ _form: '该条目不存在。' });
      const dup = labelError(row.kind, input.label, await vocabulariesOfKind(trx, row.kind), row.id);
      if (dup) throw new Rejected({ label: dup });
      const next = { label: input.label, sort_order: input.sort_order ?? row.sort_order };
      if (next.label === row.label && next.sort_order === row.sort_order) return { ok: true as const, changed: false };
      await updateVocabularyRow(trx, id, next);
      await appendAudit(trx, actor, {
        action: 'vocabulary.updated',
        entityType: 'vocabulary',
        entityId: id,
        orgId: null,
        before: { kind: row.kind, code: row.code, label: row.label, sort_order: row.sort_order },
        after: { kind: row.kind, code: row.code, ...next },
      });
      return { ok: true as const, changed: true };
    });
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, errors: error.errors };
    throw error;
  }
}

/**
 * Deactivate or reactivate. An inactive entry leaves the drafting form's choices; documents already using it keep
 * their code and still show its name.
 */
export async function setVocabularyActive(db: Db, actor: Actor, id: number, active: boolean): Promise<{ changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await findVocabulary(trx, id);
    if (!row || row.active === (active ? 1 : 0)) return { changed: false };
    await updateVocabularyRow(trx, id, { active: active ? 1 : 0 });
    await appendAudit(trx, actor, {
      action: active ? 'vocabulary.reactivated' : 'vocabulary.deactivated',
      entityType: 'vocabulary',
      entityId: id,
      orgId: null,
      before: { kind: row.kind, code: row.code, label: row.label, active: row.active },
      after: { kind: row.kind, code: row.code, label: row.label, active: active ? 1 : 0 },
    });
    return { changed: true };
  });
}

export interface CatalogResult {
  changed: boolean;
  /** unpublished items whose 公开期限 moved */
  recomputed: number;
}

/**
 * Change a category's publication limit or status. With `recompute`, the unpublished proactive items of the
 * category get their due date computed again (条例第二十六条, from the date the information was formed), in the same
 * transaction; otherwise existing due dates stand and only later drafts and edits use the new limit.
 */
export async function updateCatalogCategory(
  deps: { db: Db; calendar: CalendarService },
  actor: Actor,
  code: string,
  input: CatalogUpdateInput,
): Promise<CatalogResult> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findCatalogCategory(trx, code);
    if (!row) return { changed: false, recomputed: 0 };
    const next = { deadline_working_days: input.deadline_working_days, active: input.active ? 1 : 0 };
    const changed = next.deadline_working_days !== row.deadline_working_days || next.active !== row.active;
    if (changed) await updateCatalogCategoryRow(trx, code, next);

    const moved: Array<{ id: number; before: string | null; after: string | null }> = [];
    if (input.recompute) {
      for (const item of await unpublishedProactiveInCategory(trx, code)) {
        const due = await computeDueOn({ db: trx, calendar: deps.calendar }, item.formed_on, code, 'proactive');
        if (due === item.due_on) continue;
        await setDueOn(trx, item.id, due);
        moved.push({ id: item.id, before: item.due_on, after: due });
        await appendAudit(trx, actor, {
          action: 'document.due_recomputed',
          entityType: 'document',
          entityId: item.id,
          orgId: item.org_id,
          before: { due_on: item.due_on },
          after: { due_on: due, catalog_code: code, deadline_working_days: next.deadline_working_days },
        });
      }
    }
    if (changed) {
      await appendAudit(trx, actor, {
        action: 'catalog.updated',
        entityType: 'catalog_category',
        entityId: code,
        orgId: null,
        before: { deadline_working_days: row.deadline_working_days, active: row.active },
        after: { ...next, recomputed_document_ids: moved.map((m) => m.id) },
      });
    }
    return { changed, recomputed: moved.length };
  });
}
