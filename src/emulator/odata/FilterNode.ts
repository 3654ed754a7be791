/** A literal as written in `$filter`; typed against a property only when the filter is bound. */
export type FilterLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'dateTime'; readonly text: string }
  | { readonly kind: 'enum'; readonly typeName: string; readonly value: string };

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** The syntax tree of a `$filter`; `property` is a member name or a lambda variable. */
export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'compare'; readonly op: ComparisonOp; readonly property: string; readonly literal: FilterLiteral; readonly pos: number }
  | { readonly kind: 'call'; readonly name: string; readonly property: string; readonly literal: FilterLiteral; readonly pos: number }
  | {
      readonly kind: 'lambda';
      readonly op: 'any' | 'all';
      readonly collection: string;
      readonly variable: string;
      readonly body: FilterNode;
      readonly pos: number;
    };
