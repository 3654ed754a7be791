/** An OData string literal, quotes doubled, then percent-encoded for a query string. */
export function odataString(value: string): string {
  return encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
}
