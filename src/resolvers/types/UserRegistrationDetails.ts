import { normaliseEnumValue } from '../../enums/normaliseEnumValue';
import type { UserRegistrationDetailsResolvers } from '../../generated/resolvers-types';
import type { UserRegistrationDetailsRecord } from '../../graph/model/UserRegistrationDetailsRecord';
import { userRegistrationDetails as spec } from '../../graph/reports/userRegistrationDetails';
import { entityId } from './entityId';

export const UserRegistrationDetails: UserRegistrationDetailsResolvers = {
  __resolveReference: (ref, ctx) => {
    const id = entityId(ref.id);
    return id === null ? null : ctx.reports.byId<UserRegistrationDetailsRecord>(spec, id);
  },
  userType: (parent, _args, ctx) => normaliseEnumValue('signInUserType', parent.userType, ctx.onUnknownEnum),
  userPreferredMethodForSecondaryAuthentication: (parent, _args, ctx) =>
    normaliseEnumValue('userDefaultAuthenticationMethod', parent.userPreferredMethodForSecondaryAuthentication, ctx.onUnknownEnum),
  defaultMfaMethod: (parent, _args, ctx) => normaliseEnumValue('defaultMfaMethodType', parent.defaultMfaMethod, ctx.onUnknownEnum),
  // Open strings upstream: passed through as sent, never mapped to an enum.
  methodsRegistered: (parent) => [...(parent.methodsRegistered ?? [])],
  systemPreferredAuthenticationMethods: (parent) => [...(parent.systemPreferredAuthenticationMethods ?? [])],
};
