/**
 * Changes to organizations. Each command checks the rules that span rows (unique code, one district government,
 * a parent that exists, is active and is not below the organization) inside its transaction before writing, then
 * writes the change and its audit entry together — bad input writes nothing.
 */
import type { Actor } from '../audit/repository.ts';
import { appendAudit } from '../audit/repository.ts';
import type { Db } from '../db/database.ts';
import type { OrganizationRow } from '../db/schema.ts';
import type { FieldErrors } from '../platform/errors.ts';
import { nowIso } from '../platform/time.ts';
import {
  activeChildNames,
  codeTaken,
  countUsableAdminsOutside,
  findOrganization,
  insertOrganization,
  otherActiveGovernment,
  updateOrganization as updateRow,
  wouldCreateCycle,
} from './repository.ts';
import type { OfficeInput, OrganizationInput } from './schemas.ts';

type Executor = Parameters<typeof findOrganization>[0];

/** The columns a person may change, as stored: a unit administrator the office ones, an administrator all. */
type OfficeColumns = Pick<
  OrganizationRow,
  'office_name' | 'office_address' | 'office_postcode' | 'office_hours' | 'office_phone' | 'office_fax' | 'office_email'
>;
type OrgColumns = OfficeColumns & Pick<OrganizationRow, 'parent_id' | 'kind' | 'name' | 'short_name' | 'code' | 'sort_order'>;

function officeColumns(input: OfficeInput): OfficeColumns {
  return {
    office_name: input.officeName,
    office_address: input.officeAddress,
    office_postcode: input.officePostcode,
    office_hours: input.officeHours,
    office_phone: input.officePhone,
    office_fax: input.officeFax,
    office_email: input.officeEmail,
  };
}

function orgColumns(input: OrganizationInput): OrgColumns {
  return {
    parent_id: input.parentId,
    kind: input.kind,
    name: input.name,
    short_name: input.shortName,
    code: input.code,
    sort_order: input.sortOrder,
    ...officeColumns(input),
  };
}

export type CommandResult = { ok: true; id: number; changed: boolean } | { ok: false; errors: FieldErrors };

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

/** Rules across rows for the structural fields; `self` is the organization being edited, if any. */
async function structureErrors(db: Executor, cols: OrgColumns, self?: OrganizationRow): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (await codeTaken(db, cols.code, self?.id)) errors.code = '该编码已被使用。';
  const staysActive = !self || self.active === 1;
  if (cols.kind === 'government') {
    if (cols.parent_id !== null) errors.parentId = '区人民政府不设上级单位，请将“上级单位”留空。';
    const other = staysActive ? await otherActiveGovernment(db, self?.id) : undefined;
    if (other) errors.kind = `已有启用的区人民政府“${other.name}”，平台只能有一个启用的区人民政府。`;
    return errors;
  }
  if (cols.parent_id === null) {
    errors.parentId = '部门（委办局）和街道（乡镇）须选择上级单位。';
    return errors;
  }
  if (self && cols.parent_id === self.id) {
    errors.parentId = '上级单位不能是本单位。';
    return errors;
  }
  const parent = await findOrganization(db, cols.parent_id);
  if (!parent) {
    errors.parentId = '所选上级单位不存在。';
  } else if (parent.active !== 1 && parent.id !== self?.parent_id) {
    // An unchanged parent may be inactive (both were deactivated); a newly chosen one must be active.
    errors.parentId = `所选上级单位“${parent.name}”已停用，请选择启用的单位。`;
  } else if (self && (await wouldCreateCycle(db, self.id, parent.id))) {
    errors.parentId = '上级单位不能是本单位的下级单位（否则会形成循环）。';
  }
  return errors;
}

/** Create an organization (admin). */
export async function createOrganization(db: Db, actor: Actor, input: OrganizationInput): Promise<CommandResult> {
  const cols = orgColumns(input);
  try {
    const id = await db.transaction().execute(async (trx) => {
      const errors = await structureErrors(trx, cols);
      if (Object.keys(errors).length > 0) throw new Rejected(errors);
      const now = nowIso();
      const newId = await insertOrganization(trx, { ...cols, active: 1, created_at: now, updated_at: now });
      await appendAudit(trx, actor, {
        action: 'organization.created',
        entityType: 'organization',
        entityId: newId,
        orgId: newId,
        after: { ...cols, active: 1 },
      });
      return newId;
    });
    return { ok: true, id, changed: true };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, errors: error.errors };
    if (isUniqueViolation(error)) return { ok: false, errors: { code: '该编码已被使用。' } };
    throw error;
  }
}

type Changes = Partial<OrgColumns>;

/** The columns whose value differs, as before/after pairs for the audit entry. */
function diff(row: OrganizationRow, cols: OfficeColumns | OrgColumns): { before: Changes; after: Changes } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cols)) {
    const old = row[key as keyof OrganizationRow];
    if (old !== value) {
      before[key] = old;
      after[key] = value;
    }
  }
  return { before: before as Changes, after: after as Changes };
}

/**
 * Update an organization. `input` is the whole organization (admin) or only its office details (a unit
 * administrator: the other columns are not even read from the form, so they cannot change).
 */
export async function updateOrganization(
  db: Db,
  actor: Actor,
  id: number,
  input: { scope: 'all'; data: OrganizationInput } | { scope: 'office'; data: OfficeInput },
): Promise<CommandResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await findOrganization(trx, id);
      if (!row) throw new Rejected({ _form: '该单位不存在或已被删除。' });
      const cols = input.scope === 'all' ? orgColumns(input.data) : officeColumns(input.data);
      if (input.scope === 'all') {
        const errors = await structureErrors(trx, cols as OrgColumns, row);
        if (Object.keys(errors).length > 0) throw new Rejected(errors);
      }
      const { before, after } = diff(row, cols);
      if (Object.keys(after).length === 0) return { ok: true as const, id, changed: false };
      await updateRow(trx, id, { ...after, updated_at: nowIso() });
      await appendAudit(trx, actor, {
        action: 'organization.updated',
        entityType: 'organization',
        entityId: id,
        orgId: id,
        before,
        after,
      });
      return { ok: true as const, id, changed: true };
    });
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, errors: error.errors };
    if (isUniqueViolation(error)) return { ok: false, errors: { code: '该编码已被使用。' } };
    throw error;
  }
}

export type StatusResult = { ok: true } | { ok: false; message: string };

/**
 * Deactivate (never delete: documents, requests and the audit log keep pointing at the organization).
 * Refused while active organizations remain under it, or when it would leave no usable administrator.
 */
export async function deactivateOrganization(db: Db, actor: Actor, id: number): Promise<StatusResult> {
  return db.transaction().execute(async (trx): Promise<StatusResult> => {
    const row = await findOrganization(trx, id);
    if (!row) return { ok: false, message: '该单位不存在。' };
    if (row.active !== 1) return { ok: false, message: '该单位已处于停用状态。' };
    const children = await activeChildNames(trx, id);
    if (children.length > 0) {
      return {
        ok: false,
        message: `无法停用：该单位下还有${children.length}个启用的下级单位（${children.slice(0, 5).join('、')}${children.length > 5 ? '等' : ''}），请先停用或调整这些下级单位。`,
      };
    }
    // Roles in an inactive organization stop working: never strand the platform without an administrator.
    if ((await countUsableAdminsOutside(trx, id)) === 0) {
      return { ok: false, message: '无法停用：停用后平台将没有可用的系统管理员。请先在其他启用的单位为系统管理员授权。' };
    }
    await updateRow(trx, id, { active: 0, updated_at: nowIso() });
    await appendAudit(trx, actor, {
      action: 'organization.deactivated',
      entityType: 'organization',
      entityId: id,
      orgId: id,
      before: { active: 1 },
      after: { active: 0 },
    });
    return { ok: true };
  });
}

/** Reactivate: only under an active parent, and never a second active district government. */
export async function reactivateOrganization(db: Db, actor: Actor, id: number): Promise<StatusResult> {
  return db.transaction().execute(async (trx): Promise<StatusResult> => {
    const row = await findOrganization(trx, id);
    if (!row) return { ok: false, message: '该单位不存在。' };
    if (row.active === 1) return { ok: false, message: '该单位已处于启用状态。' };
    if (row.parent_id !== null) {
      const parent = await findOrganization(trx, row.parent_id);
      if (parent && parent.active !== 1) {
        return { ok: false, message: `无法启用：上级单位“${parent.name}”已停用，请先启用上级单位或修改本单位的上级单位。` };
      }
    }
    if (row.kind === 'government' && row.parent_id === null) {
      const other = await otherActiveGovernment(trx, id);
      if (other) return { ok: false, message: `无法启用：已有启用的区人民政府“${other.name}”，平台只能有一个启用的区人民政府。` };
    }
    await updateRow(trx, id, { active: 1, updated_at: nowIso() });
    await appendAudit(trx, actor, {
      action: 'organization.reactivated',
      entityType: 'organization',
      entityId: id,
      orgId: id,
      before: { active: 0 },
      after: { active: 1 },
    });
    return { ok: true };
  });
}
