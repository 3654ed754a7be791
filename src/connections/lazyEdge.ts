/**
 * An edge whose cursor is signed only if a client selects it: most pages are read as `nodes`, and an
 * HMAC per row is the largest cost the gateway adds to a list.
 */
export function lazyEdge<T>(node: T, cursor: () => string): { readonly cursor: string; readonly node: T } {
  let signed: string | undefined;
  return {
    node,
    get cursor() {
      signed ??= cursor();
      return signed;
    },
  };
}
