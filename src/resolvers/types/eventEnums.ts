import { normaliseEnumValue } from '../../enums/normaliseEnumValue';
import type { FeatureTypeValue } from '../../enums/values/FeatureTypeValue';
import type { UsageAuthMethodValue } from '../../enums/values/UsageAuthMethodValue';
import type { GatewayContext } from '../../context/GatewayContext';

type Parent = { readonly feature?: unknown; readonly authMethod?: unknown };

/**
 * `feature` and `authMethod`, shared by every usage-shaped type (events, their successor, both
 * summaries): a member this schema does not know yet is served as UNKNOWN_FUTURE_VALUE.
 */
export const eventEnums = {
  feature: (parent: Parent, _args: unknown, ctx: GatewayContext): FeatureTypeValue =>
    normaliseEnumValue('featureType', parent.feature, ctx.onUnknownEnum) ?? 'unknownFutureValue',
  authMethod: (parent: Parent, _args: unknown, ctx: GatewayContext): UsageAuthMethodValue =>
    normaliseEnumValue('usageAuthMethod', parent.authMethod, ctx.onUnknownEnum) ?? 'unknownFutureValue',
};
