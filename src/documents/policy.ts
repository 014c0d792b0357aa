/** Who may read and act on government information in the admin (the public side needs no permission). */
import { definePermissions, type Rule } from '../access/policy.ts';

export const DOCUMENT_PERMISSIONS = definePermissions({
  /** read drafts and unpublished items; 公开办 supervises every unit (DOMAIN.md §1) */
  'document.view': { everywhere: ['admin', 'office'], inOwnOrg: ['unit_admin', 'editor', 'reviewer', 'approver'] },
  'document.draft': { everywhere: [], inOwnOrg: ['editor'] },
  /** 审核: confirms the disclosure attribute and the 保密审查 (条例第十七条) */
  'document.review': { everywhere: [], inOwnOrg: ['reviewer'] },
  /** 负责人 签发, and changes to what is already public (revise, validity, withdraw, take down) */
  'document.approve': { everywhere: [], inOwnOrg: ['approver'] },
});

type DocumentPermissions = { [K in keyof typeof DOCUMENT_PERMISSIONS]: Rule };

declare module '../access/policy.ts' {
  interface PermissionRules extends DocumentPermissions {}
}
