import type { GatewayEnumValue } from '../GatewayEnumValue';

/** Internal value of the GraphQL enum `AggregationPeriod`: the successor `period` parameter (`d30`). */
export type AggregationPeriodValue = GatewayEnumValue<'AggregationPeriod'>;
