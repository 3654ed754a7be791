import type { GatewayEnumValue } from '../GatewayEnumValue';

/** Internal value of the GraphQL enum `UserRegistrationDetailsOrderField`: the upstream property ordered by. */
export type UserRegistrationDetailsOrderFieldValue = GatewayEnumValue<'UserRegistrationDetailsOrderField'>;
