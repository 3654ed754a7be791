import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `RegistrationAuthMethod`: Graph's `registrationAuthMethod` member, as Graph spells it. */
export type RegistrationAuthMethodValue = GraphEnumValue<'registrationAuthMethod'>;
