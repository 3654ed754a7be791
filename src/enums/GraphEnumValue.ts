import type { GraphEnumName, GraphEnums } from '../graph/reports/GraphEnums';

/** A member of one Graph enum, as Graph spells it: the internal value of the matching GraphQL enum. */
export type GraphEnumValue<N extends GraphEnumName> = (typeof GraphEnums)[N][number];
