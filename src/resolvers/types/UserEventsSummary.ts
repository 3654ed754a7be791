import { normaliseEnumValue } from '../../enums/normaliseEnumValue';
import type { UserEventsSummaryResolvers } from '../../generated/resolvers-types';

export const UserEventsSummary: UserEventsSummaryResolvers = {
  feature: (parent, _args, ctx) => normaliseEnumValue('featureType', parent.feature, ctx.onUnknownEnum) ?? 'unknownFutureValue',
  authMethod: (parent, _args, ctx) => normaliseEnumValue('usageAuthMethod', parent.authMethod, ctx.onUnknownEnum) ?? 'unknownFutureValue',
};
