import type { ContenderId } from './ContenderId';

/** How the table names each contender. */
export const contenderLabels: Readonly<Record<ContenderId, string>> = {
  gateway: 'gateway',
  naive: 'gateway, naive',
  rest: 'plain REST',
  mesh: 'GraphQL Mesh',
};
