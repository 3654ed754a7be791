import type { GraphRequest } from '../GraphRequest';

/**
 * Groups requests by version (an envelope is posted to one version's `$batch`) and cuts each group into
 * envelopes of at most `size`, keeping arrival order: 21 reads become 20 + 1.
 */
export function splitIntoEnvelopes<T extends { readonly request: GraphRequest }>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`envelope size must be a positive integer, but got: ${size}`);
  const byVersion = new Map<string, T[]>();
  for (const item of items) {
    const group = byVersion.get(item.request.version) ?? [];
    group.push(item);
    byVersion.set(item.request.version, group);
  }
  const envelopes: T[][] = [];
  for (const group of byVersion.values()) {
    for (let start = 0; start < group.length; start += size) envelopes.push(group.slice(start, start + size));
  }
  return envelopes;
}
