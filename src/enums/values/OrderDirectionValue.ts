import type { GatewayEnumValue } from '../GatewayEnumValue';

/** Internal value of the GraphQL enum `OrderDirection`: the upstream `$orderby` direction. */
export type OrderDirectionValue = GatewayEnumValue<'OrderDirection'>;
