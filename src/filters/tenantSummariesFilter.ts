import type { CredentialUserRegistrationsSummaryFilter } from '../generated/resolvers-types';
import type { FilterExpression } from '../graph/odata/FilterExpression';
import { FilterBuilder } from './FilterBuilder';

/** The schema says organization, upstream says tenant. */
export function tenantSummariesFilter(filter: CredentialUserRegistrationsSummaryFilter | null | undefined): FilterExpression | undefined {
  return new FilterBuilder('filter')
    .string('tenantId', filter?.organizationId)
    .string('tenantDisplayName', filter?.organizationDisplayName)
    .build();
}
