/** The two Graph versions the gateway reads; a `$batch` envelope carries inner requests of one version only. */
export type GraphVersion = 'beta' | 'v1.0';

/**
 * One upstream call, as the graph layer sends it. Built only by `src/graph/odata` (from typed descriptors)
 * or from a validated cursor, never from client text.
 */
export interface GraphRequest {
  readonly method: 'GET' | 'POST';
  readonly version: GraphVersion;
  /** Relative to the version root, starting with `/`, already percent-encoded: `/reports/x?$filter=...`. */
  readonly url: string;
  readonly body?: unknown;
}
