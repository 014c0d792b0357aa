/** Audit rows → what the audit pages show. */
import type { AuditRow } from '../db/schema.ts';
import { formatInstant } from '../platform/time.ts';

export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'organization.created': '新建单位',
  'organization.updated': '修改单位',
  'organization.deactivated': '停用单位',
  'organization.reactivated': '启用单位',
  'staff.created': '新建人员',
  'staff.updated': '修改人员',
  'staff.role_granted': '授予角色',
  'staff.role_revoked': '撤销角色',
  'staff.deactivated': '停用人员',
  'staff.reactivated': '启用人员',
  'staff.password_reset': '重置密码',
  'staff.password_changed': '修改密码',
  'staff.unlocked': '解除锁定',
  'calendar.year_saved': '保存节假日安排',
};

export const ENTITY_LABELS: Record<string, string> = {
  organization: '单位',
  staff: '人员',
  calendar_year: '工作日历',
};

export interface AuditItem {
  id: number;
  at: string;
  actor: string;
  orgName: string;
  action: string;
  actionLabel: string;
  entity: string;
  entityId: string;
  ip: string;
  before: string | null;
  after: string | null;
  hash: string;
  prevHash: string;
}

function pretty(json: string | null): string | null {
  if (json === null) return null;
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** Map an audit row for display; organization names come from a lookup. */
export function presentAudit(row: AuditRow, orgNames: Map<number, string>): AuditItem {
  return {
    id: row.id,
    at: formatInstant(row.at),
    actor: row.actor_name,
    orgName: row.org_id == null ? '—' : (orgNames.get(row.org_id) ?? `#${row.org_id}`),
    action: row.action,
    actionLabel: ACTION_LABELS[row.action] ?? row.action,
    entity: ENTITY_LABELS[row.entity_type] ?? row.entity_type,
    entityId: row.entity_id ?? '',
    ip: row.ip ?? '',
    before: pretty(row.before_json),
    after: pretty(row.after_json),
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}
