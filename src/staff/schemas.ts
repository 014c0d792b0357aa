/** Form schemas of the staff admin: one per form, Chinese messages beside the fields. */
import { z } from 'zod';
import { ROLES } from '../access/policy.ts';
import type { Role } from '../db/schema.ts';
import { idParam, requiredText } from '../platform/forms.ts';

const USERNAME_RE = /^[a-z0-9_.-]{3,32}$/;

/** Usernames are case-insensitive, so input is lower-cased before the check (as the repository stores it). */
export const usernameSchema = z
  .string({ error: '请填写用户名。' })
  .trim()
  .toLowerCase()
  .min(1, '请填写用户名。')
  .max(32, '用户名不能超过32个字符。')
  .regex(USERNAME_RE, '用户名须为3至32位小写字母、数字、下划线（_）、点（.）或连字符（-）。');

export const displayNameSchema = requiredText('姓名', 50);

const orgField = z.coerce
  .number({ error: '请选择单位。' })
  .int('请选择单位。')
  .positive('请选择单位。');

const roleField = z.enum(ROLES as [Role, ...Role[]], { error: '请选择角色。' });

export const createStaffSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  orgId: orgField,
  role: roleField,
});
export type CreateStaffInput = z.output<typeof createStaffSchema>;

export const updateStaffSchema = z.object({ displayName: displayNameSchema });

export const grantSchema = z.object({ orgId: orgField, role: roleField });
export type GrantInput = z.output<typeof grantSchema>;

export const staffParams = z.object({ id: idParam });
export const grantParams = z.object({ id: idParam, grantId: idParam });

export const listQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
});

/** Labels for the error summary. */
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  orgId: '单位',
  role: '角色',
};
