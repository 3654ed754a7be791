import type { UserRegistrationDetailsRow } from './UserRegistrationDetailsRow';

/**
 * Whether an admin holds one of the privileged roles (Global, Security, … Administrator). Graph's row
 * does not show it, so it is derived from the id: about half of the admins, the same on every run.
 */
export function isPrivilegedAdmin(row: Pick<UserRegistrationDetailsRow, 'id' | 'isAdmin'>): boolean {
  return row.isAdmin && parseInt(row.id.charAt(0), 16) < 8;
}
