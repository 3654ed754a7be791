import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `RegistrationStatusType`: Graph's `registrationStatusType` member, as Graph spells it. */
export type RegistrationStatusTypeValue = GraphEnumValue<'registrationStatusType'>;
