import { normaliseEnumValue } from '../../enums/normaliseEnumValue';
import type { UserRegistrationFeatureCountResolvers } from '../../generated/resolvers-types';

export const UserRegistrationFeatureCount: UserRegistrationFeatureCountResolvers = {
  feature: (parent, _args, ctx) =>
    normaliseEnumValue('authenticationMethodFeature', parent.feature, ctx.onUnknownEnum) ?? 'unknownFutureValue',
};
