import type { Handler } from '../handlers/Handler';

/** One addressable resource: its path below the version, the versions serving it, and its methods. */
export interface Route {
  /**
   * Segment names, compared ignoring case. `{key}` matches any segment (an entity key); a name ending in
   * `()` is a function, callable with or without parentheses.
   */
  readonly path: readonly string[];
  readonly versions: readonly ('beta' | 'v1.0')[];
  readonly methods: Readonly<Partial<Record<'GET' | 'POST', Handler>>>;
}
