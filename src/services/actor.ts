import type { Role } from '../domain/roles.ts';

/** A signed-in staff member, as the services see them. */
export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  agencyId: number;
  agencyCode: string;
  departmentId: number | null;
  roles: Role[];
  isSysadmin: boolean;
}

/** Who performs a use case, and from where (every audit event records both). */
export type Actor =
  | { kind: 'staff'; user: StaffUser; ip: string }
  | { kind: 'public'; ip: string }
  | { kind: 'system'; ip?: string; label?: string };

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return `${actor.user.displayName}（${actor.user.username}）`;
    case 'public':
      return '公众';
    case 'system':
      return actor.label ?? '系统';
  }
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'staff' ? actor.user.id : null;
}
