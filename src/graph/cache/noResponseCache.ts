import type { ResponseCache } from './ResponseCache';

/** `cache.ttlMs: 0`: nothing is kept. */
export const noResponseCache: ResponseCache = {
  get: async () => undefined,
  set: async () => undefined,
};
