/** Password hashing (Argon2id via @node-rs/argon2) and the password policy. */
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

// OWASP's Argon2id baseline: 19 MiB memory, 2 passes, 1 lane. Algorithm 2 = Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hash a password for storage (PHC string, salt included). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Check a password against a stored hash; false on any malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A real hash of a random string, verified when a username is unknown so timing does not reveal which. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}

/** The password policy: 10–128 characters with letters and digits. */
export const passwordSchema = z
  .string({ error: '请输入密码。' })
  .min(10, '密码至少需要10个字符。')
  .max(128, '密码不能超过128个字符。')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字。');

/** A random temporary password for resets: letters and digits, no look-alikes. */
export function temporaryPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const set = i === 0 ? letters : i === 1 ? digits : all;
    out += set[bytes[i]! % set.length];
  }
  return out;
}
