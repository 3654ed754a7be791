/**
 * RFC 3986 strict percent-encoding of one query value or path segment. `encodeURIComponent` leaves
 * `!'()*` alone; OData gives `'` and parentheses meaning, so they are encoded too, which also keeps
 * one text ↔ one URL (the URL is a cache and dedup key). Throws `URIError` on a lone surrogate.
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
