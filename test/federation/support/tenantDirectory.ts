import type { Emulator } from '../../../src/emulator/emulator';
import type { DirectoryUser } from './startUsersSubgraph';

/** Users the users subgraph knows but the Graph tenant does not (no report rows, no directory row). */
export const GHOSTS: readonly DirectoryUser[] = [
  { id: '00000000-0000-4000-8000-00000000dead', userPrincipalName: 'ghost.one@contoso.onmicrosoft.com', displayName: 'Ghost One' },
  { id: '00000000-0000-4000-8000-00000000beef', userPrincipalName: "o'ghost.two@contoso.onmicrosoft.com", displayName: "Ghost O'Two" },
];

/**
 * What a users subgraph of the same tenant would list: the emulator's users with their real ids and
 * principal names, `size` in all, with the ghosts placed inside the first page (at 7 and at the middle).
 */
export function tenantDirectory(emulator: Emulator, size: number): DirectoryUser[] {
  const known = emulator.data.userRegistrationDetails
    .slice(0, size - GHOSTS.length)
    .map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.userDisplayName }));
  if (known.length !== size - GHOSTS.length) throw new Error(`the emulator must hold at least ${size - GHOSTS.length} users, but holds: ${known.length}`);
  known.splice(7, 0, GHOSTS[0]!);
  known.splice(Math.floor(size / 2), 0, GHOSTS[1]!);
  return known;
}
