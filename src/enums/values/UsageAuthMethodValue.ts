import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `UsageAuthMethod`: Graph's `usageAuthMethod` member, as Graph spells it. */
export type UsageAuthMethodValue = GraphEnumValue<'usageAuthMethod'>;
