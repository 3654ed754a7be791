import { normaliseEnumValue } from '../../enums/normaliseEnumValue';
import type { UserRegistrationFeatureSummaryResolvers } from '../../generated/resolvers-types';

export const UserRegistrationFeatureSummary: UserRegistrationFeatureSummaryResolvers = {
  userRoles: (parent, _args, ctx) => normaliseEnumValue('includedUserRoles', parent.userRoles, ctx.onUnknownEnum),
  userTypes: (parent, _args, ctx) => normaliseEnumValue('includedUserTypes', parent.userTypes, ctx.onUnknownEnum),
};
