/**
 * The editorial workflow as a state machine (pure): draft → submitted → reviewed → approved → published (now or at
 * a scheduled time), with returns at every step, and withdrawal or takedown after publication. The two-person rule:
 * nobody reviews or approves their own submission.
 */
import { can, type Permission } from '../access/policy.ts';
import type { DocumentRow, DocumentStatus } from '../db/schema.ts';
import { errors, type AppError } from '../platform/errors.ts';
import type { Viewer } from '../platform/page.ts';

export type WorkflowAction =
  | 'edit'
  | 'submit'
  | 'return'
  | 'review'
  | 'approve'
  | 'publish'
  | 'revise'
  | 'changeValidity'
  | 'withdraw'
  | 'takedown';

interface Rule {
  from: DocumentStatus[];
  permission: Permission;
  /** the viewer must not be the one who submitted the current round */
  notSubmitter?: boolean;
  proactiveOnly?: boolean;
}

const RULES: Record<WorkflowAction, Rule> = {
  edit: { from: ['draft'], permission: 'document.draft' },
  submit: { from: ['draft'], permission: 'document.draft' },
  // A reviewer returns what is waiting for review; an approver returns what is waiting for approval.
  return: { from: ['submitted', 'reviewed'], permission: 'document.review' },
  review: { from: ['submitted'], permission: 'document.review', notSubmitter: true },
  approve: { from: ['reviewed'], permission: 'document.approve', notSubmitter: true },
  publish: { from: ['approved'], permission: 'document.approve', proactiveOnly: true },
  revise: { from: ['published'], permission: 'document.approve' },
  changeValidity: { from: ['published', 'approved'], permission: 'document.approve' },
  withdraw: { from: ['published'], permission: 'document.approve' },
  takedown: { from: ['published', 'withdrawn'], permission: 'document.approve' },
};

const ACTION_LABELS: Record<WorkflowAction, string> = {
  edit: '修改',
  submit: '提交审核',
  return: '退回',
  review: '审核通过',
  approve: '签发',
  publish: '发布',
  revise: '修订',
  changeValidity: '变更有效性',
  withdraw: '撤回',
  takedown: '撤下',
};

function permissionFor(action: WorkflowAction, doc: Pick<DocumentRow, 'status'>): Permission {
  if (action === 'return' && doc.status === 'reviewed') return 'document.approve';
  return RULES[action].permission;
}

/** Why the viewer may not take the action now, or null when they may. */
export function refusal(
  action: WorkflowAction,
  viewer: Viewer,
  doc: Pick<DocumentRow, 'status' | 'org_id' | 'submitted_by' | 'disclosure'>,
): AppError | null {
  const rule = RULES[action];
  if (!can(viewer, permissionFor(action, doc), doc.org_id)) return errors.forbidden(`您没有在本单位“${ACTION_LABELS[action]}”的权限。`);
  if (!rule.from.includes(doc.status)) {
    return errors.conflict(`当前状态下不能${ACTION_LABELS[action]}。请刷新页面查看最新状态。`);
  }
  if (rule.notSubmitter && doc.submitted_by === viewer.id) {
    return errors.forbidden(
      action === 'review' ? '不能审核本人提交的稿件：审核须由提交人以外的人员进行。' : '不能签发本人提交的稿件：签发须由提交人以外的负责人进行。',
    );
  }
  if (rule.proactiveOnly && doc.disclosure !== 'proactive') {
    return errors.conflict('只有主动公开的信息才能在网站发布。');
  }
  return null;
}

/** Throw unless the viewer may take the action now. */
export function assertAllowed(
  action: WorkflowAction,
  viewer: Viewer,
  doc: Pick<DocumentRow, 'status' | 'org_id' | 'submitted_by' | 'disclosure'>,
): void {
  const why = refusal(action, viewer, doc);
  if (why) throw why;
}

/** The actions the viewer may take on the document now (for showing buttons). */
export function allowedActions(
  viewer: Viewer,
  doc: Pick<DocumentRow, 'status' | 'org_id' | 'submitted_by' | 'disclosure'>,
): WorkflowAction[] {
  return (Object.keys(RULES) as WorkflowAction[]).filter((a) => refusal(a, viewer, doc) === null);
}
