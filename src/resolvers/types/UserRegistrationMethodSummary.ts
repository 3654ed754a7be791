import { normaliseEnumValue } from '../../enums/normaliseEnumValue';
import type { UserRegistrationMethodSummaryResolvers } from '../../generated/resolvers-types';

export const UserRegistrationMethodSummary: UserRegistrationMethodSummaryResolvers = {
  userRoles: (parent, _args, ctx) => normaliseEnumValue('includedUserRoles', parent.userRoles, ctx.onUnknownEnum),
  userTypes: (parent, _args, ctx) => normaliseEnumValue('includedUserTypes', parent.userTypes, ctx.onUnknownEnum),
};
