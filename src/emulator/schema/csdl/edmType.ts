import type { PropertyDef } from '../PropertyDef';

const PRIMITIVES: Readonly<Record<string, string>> = {
  string: 'Edm.String',
  boolean: 'Edm.Boolean',
  int32: 'Edm.Int32',
  int64: 'Edm.Int64',
  dateTime: 'Edm.DateTimeOffset',
  stringCollection: 'Collection(Edm.String)',
};

/** The CSDL type of a property: `Edm.*` primitives, `microsoft.graph.<enum>` for enums. */
export function edmType(def: PropertyDef): string {
  if (def.type === 'enum') return `microsoft.graph.${def.enumName ?? ''}`;
  if (def.type === 'enumCollection') return `Collection(microsoft.graph.${def.enumName ?? ''})`;
  return PRIMITIVES[def.type] ?? 'Edm.String';
}
