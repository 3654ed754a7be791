/**
 * A federated `User` as this subgraph sees it: the router sends one of the two keys, never necessarily both,
 * so resolvers must cope with either missing.
 */
export interface UserReference {
  readonly id?: string;
  readonly userPrincipalName?: string;
}
