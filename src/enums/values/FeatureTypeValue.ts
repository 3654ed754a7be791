import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `FeatureType`: Graph's `featureType` member, as Graph spells it. */
export type FeatureTypeValue = GraphEnumValue<'featureType'>;
