import type { StaffStatus } from '../present.ts';

const CLASSES: Record<StaffStatus['kind'], string> = {
  active: 'badge badge-ok',
  inactive: 'badge badge-muted',
  locked: 'badge badge-warn',
};

/** 启用 / 已停用 / 已锁定（至 …） */
export function StatusBadge({ status }: { status: StaffStatus }) {
  return <span class={CLASSES[status.kind]} data-testid="staff-status">{status.label}</span>;
}
