import type { GatewayEnumValue } from '../GatewayEnumValue';

/** Internal value of the GraphQL enum `UserCredentialUsageDetailsOrderField`: the upstream property ordered by. */
export type UserCredentialUsageDetailsOrderFieldValue = GatewayEnumValue<'UserCredentialUsageDetailsOrderField'>;
