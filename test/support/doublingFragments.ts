/**
 * Fragments that spread each other, doubling at every level (README: Cost analysis): `levels` fragments, each
 * spreading the next one twice, under one report page. A walk that expands fragments visits the last one
 * 2^levels times; a memoised one visits each once.
 */
export function doublingFragments(levels: number): string {
  const lines = ['query Doubling { credentialUserRegistrationDetails(first: 2) { ...F0 } }'];
  for (let i = 0; i < levels; i += 1) {
    lines.push(`fragment F${i} on CredentialUserRegistrationDetailsConnection { pageInfo { hasNextPage } ...F${i + 1} ...F${i + 1} }`);
  }
  lines.push(`fragment F${levels} on CredentialUserRegistrationDetailsConnection { nodes { userPrincipalName usageEvents(first: 1) { nodes { id } } } }`);
  return lines.join('\n');
}
