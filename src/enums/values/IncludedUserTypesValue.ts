import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `IncludedUserTypes`: Graph's `includedUserTypes` member, as Graph spells it. */
export type IncludedUserTypesValue = GraphEnumValue<'includedUserTypes'>;
