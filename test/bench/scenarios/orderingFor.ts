const FIELDS = [
  ['USER_DISPLAY_NAME', 'userDisplayName'],
  ['USER_PRINCIPAL_NAME', 'userPrincipalName'],
  ['IS_REGISTERED', 'isRegistered'],
  ['IS_ENABLED', 'isEnabled'],
  ['IS_CAPABLE', 'isCapable'],
  ['IS_MFA_REGISTERED', 'isMfaRegistered'],
] as const;
const DIRECTIONS = [['ASC', 'asc'], ['DESC', 'desc']] as const;

/** Two-term orderings: 6 × 5 fields × 2 × 2 directions = 120 distinct requests of the same cost. */
const ORDERINGS = FIELDS.flatMap((first) =>
  FIELDS.filter((second) => second !== first).flatMap((second) =>
    DIRECTIONS.flatMap((d1) =>
      DIRECTIONS.map((d2) => ({
        graphql: [{ field: first[0], direction: d1[0] }, { field: second[0], direction: d2[0] }],
        odata: `${first[1]} ${d1[1]},${second[1]} ${d2[1]}`,
      })),
    ),
  ),
);

/**
 * The ordering of the `index`-th operation, round robin. Concurrent operations thus never ask for the
 * same URL, so the gateway's single-flight cannot share their upstream calls: the figures measure the
 * pipeline, and every contender does the same work.
 */
export function orderingFor(index: number): { graphql: { field: string; direction: string }[]; odata: string } {
  return ORDERINGS[index % ORDERINGS.length]!;
}
