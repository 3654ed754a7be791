import { cacheGroup, canonicalKey, MemoryResponseCache } from '../../../src/graph/cache';
import type { GraphRequest } from '../../../src/graph/types';

const list = (principal: string, query = '$top=5'): string => canonicalKey({ method: 'GET', version: 'beta', url: `/reports/x?${query}` } satisfies GraphRequest, principal);
const body = (bytes: number) => ({ value: ['x'.repeat(bytes - 14)] });

describe('MemoryResponseCache', () => {
  it('is bounded in bytes of JSON: the least recently used entries go first', async () => {
    let now = 1_000;
    const cache = new MemoryResponseCache({ ttlMs: 60_000, staleMs: 0 }, { maxEntries: 100, maxBytes: 1_000 }, () => now);
    for (let i = 0; i < 5; i++) await cache.set(list('app', `$top=${i + 1}`), { status: 200, body: body(300) }, now);
    expect(cache.bytes).toBeLessThanOrEqual(1_000);
    expect(await cache.get(list('app', '$top=1'))).toBeUndefined();
    expect(await cache.get(list('app', '$top=5'))).toMatchObject({ storedAt: 1_000 });
  });

  it('keeps an entry past its TTL for the stale bound, with the time it was stored', async () => {
    let now = 1_000;
    const cache = new MemoryResponseCache({ ttlMs: 1_000, staleMs: 5_000 }, { maxEntries: 10, maxBytes: 10_000 }, () => now);
    await cache.set(list('app'), { status: 200, body: body(50) }, now);
    now = 4_000;
    expect(await cache.get(list('app'))).toMatchObject({ storedAt: 1_000 });
    now = 7_001;
    expect(await cache.get(list('app'))).toBeUndefined();
  });

  it("a create's drop takes one principal's reads of one collection path, and no read begun before it writes back", async () => {
    let now = 1_000;
    const cache = new MemoryResponseCache({ ttlMs: 60_000, staleMs: 0 }, { maxEntries: 10, maxBytes: 10_000 }, () => now);
    const byId = canonicalKey({ method: 'GET', version: 'beta', url: '/reports/x/abc' }, 'app');
    for (const key of [list('app'), list('someone'), byId]) await cache.set(key, { status: 200, body: body(50) }, now);
    now = 1_010;
    await cache.dropGroup(cacheGroup(list('app')));
    expect(await cache.get(list('app'))).toBeUndefined();
    expect(await cache.get(list('someone'))).toBeDefined();
    expect(await cache.get(byId)).toBeDefined();
    await cache.set(list('app'), { status: 200, body: body(50) }, 1_005);
    expect(await cache.get(list('app'))).toBeUndefined();
    await cache.set(list('app'), { status: 200, body: body(50) }, 1_011);
    expect(await cache.get(list('app'))).toBeDefined();
  });
});
