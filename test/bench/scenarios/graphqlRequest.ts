import type { HttpOperation } from './HttpOperation';

/** A GraphQL POST to the contender's endpoint. */
export function graphqlRequest(query: string, variables: Record<string, unknown>): HttpOperation {
  return { method: 'POST', body: JSON.stringify({ query, variables }) };
}
