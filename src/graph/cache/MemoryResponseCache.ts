import { LRUCache } from 'lru-cache';
import type { GraphResponse } from '../GraphResponse';
import type { ResponseCache } from './ResponseCache';

/** The process's own cache: least recently used entries go first once `maxEntries` is reached. */
export class MemoryResponseCache implements ResponseCache {
  private readonly entries: LRUCache<string, GraphResponse>;

  constructor(ttlMs: number, maxEntries: number) {
    this.entries = new LRUCache<string, GraphResponse>({ max: maxEntries, ttl: ttlMs, ttlAutopurge: false });
  }

  async get(key: string): Promise<GraphResponse | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, response: GraphResponse): Promise<void> {
    this.entries.set(key, response);
  }
}
