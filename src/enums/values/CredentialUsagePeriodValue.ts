import type { GatewayEnumValue } from '../GatewayEnumValue';

/** Internal value of the GraphQL enum `CredentialUsagePeriod`: the legacy `period` parameter (`D30`). */
export type CredentialUsagePeriodValue = GatewayEnumValue<'CredentialUsagePeriod'>;
