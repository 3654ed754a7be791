/**
 * Whether `rows` are `count` rows whose `key` values follow one another in `order` (wrapping around):
 * what a window of lookups must answer, checkable without pairing each answer with its request.
 */
export function consecutiveRows(rows: unknown, count: number, order: readonly string[], positions: ReadonlyMap<string, number>, key: (row: any) => unknown): boolean {
  if (!Array.isArray(rows) || rows.length !== count) return false;
  const start = positions.get(String(key(rows[0] ?? {})));
  if (start === undefined) return false;
  return rows.every((row, k) => row !== null && key(row) === order[(start + k) % order.length]);
}
