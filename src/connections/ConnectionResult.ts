/** A Relay connection as the pager builds it; the GraphQL connection types resolve straight from it. */
export interface ConnectionResult<T> {
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly nodes: readonly T[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}
