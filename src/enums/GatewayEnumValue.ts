import type { gatewayEnumValues } from './gatewayEnumValues';

/** The internal value of one of the gateway's own GraphQL enums, e.g. `'asc'` for `OrderDirection.ASC`. */
export type GatewayEnumValue<E extends keyof typeof gatewayEnumValues> =
  (typeof gatewayEnumValues)[E][keyof (typeof gatewayEnumValues)[E]];
