import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `AuthenticationMethodFeature`: Graph's `authenticationMethodFeature` member, as Graph spells it. */
export type AuthenticationMethodFeatureValue = GraphEnumValue<'authenticationMethodFeature'>;
