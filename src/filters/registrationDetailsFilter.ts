import type { CredentialUserRegistrationDetailsFilter } from '../generated/resolvers-types';
import type { FilterExpression } from '../graph/odata/FilterExpression';
import { FilterBuilder } from './FilterBuilder';

export function registrationDetailsFilter(
  filter: CredentialUserRegistrationDetailsFilter | null | undefined,
  argument = 'filter',
): FilterExpression | undefined {
  return new FilterBuilder(argument)
    .string('userDisplayName', filter?.userDisplayName)
    .string('userPrincipalName', filter?.userPrincipalName)
    .any('authMethods', filter?.authMethods, 'enum')
    .boolean('isRegistered', filter?.isRegistered)
    .boolean('isEnabled', filter?.isEnabled)
    .boolean('isCapable', filter?.isCapable)
    .boolean('isMfaRegistered', filter?.isMfaRegistered)
    .build();
}
