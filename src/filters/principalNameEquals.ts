import type { FilterExpression } from '../graph/odata/FilterExpression';

/** The filter that ties a linked report to one user. */
export function principalNameEquals(userPrincipalName: string): FilterExpression {
  return { kind: 'compare', property: 'userPrincipalName', op: 'eq', value: { kind: 'string', value: userPrincipalName } };
}
