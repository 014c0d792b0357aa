/** Who may edit 主题分类, 体裁 and the catalog categories with their publication limits. */
import { definePermissions, type Rule } from '../access/policy.ts';

export const VOCABULARY_PERMISSIONS = definePermissions({
  'vocabulary.manage': { everywhere: ['admin'], inOwnOrg: [] },
});

type VocabularyPermissions = { [K in keyof typeof VOCABULARY_PERMISSIONS]: Rule };

declare module '../access/policy.ts' {
  interface PermissionRules extends VocabularyPermissions {}
}
