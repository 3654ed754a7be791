import type { GraphEnumValue } from '../GraphEnumValue';

/** Internal value of the GraphQL enum `IncludedUserRoles`: Graph's `includedUserRoles` member, as Graph spells it. */
export type IncludedUserRolesValue = GraphEnumValue<'includedUserRoles'>;
