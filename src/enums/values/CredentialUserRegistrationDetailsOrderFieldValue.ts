import type { GatewayEnumValue } from '../GatewayEnumValue';

/** Internal value of the GraphQL enum `CredentialUserRegistrationDetailsOrderField`: the upstream property ordered by. */
export type CredentialUserRegistrationDetailsOrderFieldValue = GatewayEnumValue<'CredentialUserRegistrationDetailsOrderField'>;
