import { hash, verify } from '@node-rs/argon2';
import { ValidationError } from './errors.ts';

// argon2id (the library's default algorithm) with its default cost: ~19 MiB, 2 passes.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The platform's password rule, with a message staff can act on. */
export function checkPasswordStrength(password: string): void {
  if (password.length < 8) throw new ValidationError('密码至少需要 8 个字符', { password: '密码至少需要 8 个字符' });
  if (password.length > 200) throw new ValidationError('密码过长', { password: '密码不能超过 200 个字符' });
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    throw new ValidationError('密码须同时包含字母和数字', { password: '密码须同时包含字母和数字' });
  }
}
