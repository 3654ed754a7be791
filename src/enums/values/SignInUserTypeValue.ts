import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `SignInUserType`: Graph's `signInUserType` member, as Graph spells it. */
export type SignInUserTypeValue = GraphEnumValue<'signInUserType'>;
