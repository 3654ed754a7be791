/** One lexical token of an OData expression; `pos` is its 0-based offset, for error messages. */
export type Token =
  | { readonly kind: 'identifier'; readonly text: string; readonly pos: number }
  /** A quoted string with `''` already collapsed to `'`. */
  | { readonly kind: 'string'; readonly value: string; readonly pos: number }
  | { readonly kind: 'number'; readonly text: string; readonly pos: number }
  /** An unquoted date/time, as written; checked when bound to a property. */
  | { readonly kind: 'dateTime'; readonly text: string; readonly pos: number }
  /** A type-qualified enum literal: `microsoft.graph.featureType'reset'`. */
  | { readonly kind: 'enum'; readonly typeName: string; readonly value: string; readonly pos: number }
  | { readonly kind: 'punctuation'; readonly text: '(' | ')' | ',' | ':' | '/'; readonly pos: number }
  | { readonly kind: 'end'; readonly pos: number };
