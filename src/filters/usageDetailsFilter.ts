import type { UserCredentialUsageDetailsFilter } from '../generated/resolvers-types';
import type { FilterExpression } from '../graph/odata/FilterExpression';
import { FilterBuilder } from './FilterBuilder';

/** Usage events, and the successor `userEventsSummary`, which takes the same filter upstream. */
export function usageDetailsFilter(
  filter: UserCredentialUsageDetailsFilter | null | undefined,
  argument = 'filter',
): FilterExpression | undefined {
  return new FilterBuilder(argument)
    .string('userDisplayName', filter?.userDisplayName)
    .string('userPrincipalName', filter?.userPrincipalName)
    .string('failureReason', filter?.failureReason)
    .enum('feature', filter?.feature)
    .boolean('isSuccess', filter?.isSuccess)
    .enum('authMethod', filter?.authMethod)
    .dateTime('eventDateTime', filter?.eventDateTime)
    .build();
}
