/**
 * One injected upstream failure. Rules are checked in order for every handled request (plain requests,
 * `$batch` envelopes and each inner request); each rule counts the requests it matches, and the first
 * matching rule whose counter hits (`every`, within `times`) answers instead of the real handler.
 */
export interface FaultRule {
  /** HTTP status to answer, e.g. 429, 503, 500. */
  status: number;
  /** `Retry-After` header value, sent verbatim: `'1'`, `'0.5'`, an HTTP date. Omitted when unset. */
  retryAfter?: string;
  /** Graph error code in the body; defaults by status (429 `TooManyRequests`, 503 `ServiceUnavailable`, …). */
  code?: string;
  /** Fault every Nth matching request (1 = all). @default 1 */
  every?: number;
  /** Stop after this many faults. @default unlimited */
  times?: number;
  match?: {
    /** Substring of the decoded path and query (below the version, `+` as space) or of the raw URL as received. */
    pathIncludes?: string;
    /** HTTP method, case-insensitive. */
    method?: string;
    /**
     * `true`: only inner `$batch` requests; `false`: only outer HTTP requests (plain ones and `$batch`
     * envelopes, which fail as a whole). Unset: both.
     */
    inner?: boolean;
    /** Substring of the `authorization` header (for inner requests, the envelope's unless overridden). */
    authorizationIncludes?: string;
  };
  /**
   * Raw body text to send instead of a Graph error body (to test that the gateway never leaks bodies);
   * sent as JSON when it parses as JSON, else as text. Inside a `$batch` answer it is the inner body.
   */
  body?: string;
}
