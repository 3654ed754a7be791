import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `DefaultMfaMethodType`: Graph's `defaultMfaMethodType` member, as Graph spells it. */
export type DefaultMfaMethodTypeValue = GraphEnumValue<'defaultMfaMethodType'>;
