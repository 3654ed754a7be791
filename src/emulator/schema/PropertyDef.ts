import type { GraphEnumName } from './graphEnums';

/** Filter operators a property may document; `any` applies to collections (`prop/any(t:t eq 'x')`). */
export type FilterOperator = 'eq' | 'ne' | 'startswith' | 'gt' | 'ge' | 'lt' | 'le' | 'any';

/** One property of an entity type, as `$metadata` declares it and as the report documents its query support. */
export interface PropertyDef {
  readonly type: 'string' | 'boolean' | 'int32' | 'int64' | 'dateTime' | 'enum' | 'enumCollection' | 'stringCollection';
  /** For `enum` and `enumCollection`: which Graph enum, for literal checks and evolvable-member hiding. */
  readonly enumName?: GraphEnumName;
  readonly nullable?: boolean;
  /** Operators `$filter` accepts on it; absent means not filterable. */
  readonly filter?: readonly FilterOperator[];
  readonly orderable?: boolean;
  /** Served on beta only (the successor's `defaultMfaMethod`). */
  readonly betaOnly?: boolean;
}
