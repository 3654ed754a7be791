import { normaliseEnumValue } from '../../enums/normaliseEnumValue';
import type { UserRegistrationCountResolvers } from '../../generated/resolvers-types';

export const UserRegistrationCount: UserRegistrationCountResolvers = {
  registrationStatus: (parent, _args, ctx) =>
    normaliseEnumValue('registrationStatusType', parent.registrationStatus, ctx.onUnknownEnum) ?? 'unknownFutureValue',
};
