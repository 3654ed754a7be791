import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `UserDefaultAuthenticationMethod`: Graph's `userDefaultAuthenticationMethod` member, as Graph spells it. */
export type UserDefaultAuthenticationMethodValue = GraphEnumValue<'userDefaultAuthenticationMethod'>;
