// Staff roles. Shared by the workflow, the policies and the console, so it lives on its own.
// A user may hold several roles (a small office's head often reviews too).

export type Role = 'clerk' | 'office' | 'reviewer' | 'head' | 'admin' | 'supervisor';

export const ROLES: readonly Role[] = ['clerk', 'office', 'reviewer', 'head', 'admin', 'supervisor'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  clerk: '科室经办人',
  office: '公开办',
  reviewer: '审核人', // confidentiality review 保密审查
  head: '负责人', // head of the disclosure office: approves extensions (Art. 33)
  admin: '系统管理员',
  supervisor: '监督机构',
};

/** The same roles in English, for the console in English (the terms the public site uses). */
export const ROLE_LABELS_EN: Readonly<Record<Role, string>> = {
  clerk: 'Clerk',
  office: 'Disclosure office',
  reviewer: 'Reviewer',
  head: 'Head',
  admin: 'System administrator',
  supervisor: 'Supervising office',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
