/**
 * An entity key from a federation representation, or null when it cannot name an upstream entity
 * (so the entity resolves to null instead of failing the whole `_entities` call).
 */
export function entityId(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 256) return null;
  // Control characters and lone surrogates can never be a Graph id.
  return /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u.test(raw) ? null : raw;
}
