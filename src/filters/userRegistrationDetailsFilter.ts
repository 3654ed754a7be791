import type { UserRegistrationDetailsFilter } from '../generated/resolvers-types';
import type { FilterExpression } from '../graph/odata/FilterExpression';
import { FilterBuilder } from './FilterBuilder';

export function userRegistrationDetailsFilter(filter: UserRegistrationDetailsFilter | null | undefined): FilterExpression | undefined {
  return new FilterBuilder('filter')
    .string('userPrincipalName', filter?.userPrincipalName)
    .string('userDisplayName', filter?.userDisplayName)
    .boolean('isMfaCapable', filter?.isMfaCapable)
    .boolean('isMfaRegistered', filter?.isMfaRegistered)
    .boolean('isPasswordlessCapable', filter?.isPasswordlessCapable)
    .boolean('isSsprCapable', filter?.isSsprCapable)
    .boolean('isSsprEnabled', filter?.isSsprEnabled)
    .boolean('isSsprRegistered', filter?.isSsprRegistered)
    .boolean('isSystemPreferredAuthenticationMethodEnabled', filter?.isSystemPreferredAuthenticationMethodEnabled)
    .any('methodsRegistered', filter?.methodsRegistered, 'string')
    .any('systemPreferredAuthenticationMethods', filter?.systemPreferredAuthenticationMethods, 'string')
    .build();
}
