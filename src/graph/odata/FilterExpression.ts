/**
 * Typed filter descriptors: what resolvers hand to the OData compiler. Property names are checked
 * against the report's spec and values against the property's type, so nothing here is OData text yet.
 */
export type FilterValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** An enum member in Graph's camelCase spelling; must be one of the property's members. */
  | { readonly kind: 'enum'; readonly value: string }
  /** ISO 8601; the compiler validates it and writes it unquoted. */
  | { readonly kind: 'dateTime'; readonly value: string };

export type ComparisonOperator = 'eq' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterExpression =
  | { readonly kind: 'compare'; readonly property: string; readonly op: ComparisonOperator; readonly value: FilterValue }
  | { readonly kind: 'startsWith'; readonly property: string; readonly value: string }
  /** `property/any(t: t eq v1 or t eq v2)` over a collection property. */
  | { readonly kind: 'any'; readonly property: string; readonly values: readonly FilterValue[] }
  | { readonly kind: 'and'; readonly operands: readonly FilterExpression[] }
  | { readonly kind: 'or'; readonly operands: readonly FilterExpression[] };

export interface OrderTerm {
  readonly property: string;
  readonly direction: 'asc' | 'desc';
}
