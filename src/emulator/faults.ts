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
    /**
     * A regular expression (source text, so rules travel as JSON) the decoded path and query must match:
     * e.g. `^/reports/credentialUserRegistrationDetails\\?.* or ` refuses `or` filters on one report only.
     */
    pathMatches?: string;
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
  /**
   * Hold the answer this long first: a slow or hung upstream (a client timeout shorter than this never sees
   * the answer). Outer HTTP requests only; inner requests are answered with their envelope.
   */
  delayMs?: number;
}

const CODES: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'Authorization_RequestDenied',
  404: 'Request_ResourceNotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** The Graph error code Graph typically answers with a status. */
export function defaultErrorCode(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequest');
}

/** What a fault rule sees of a request. */
interface FaultCandidate {
  readonly method: string;
  /** Decoded path and query below the version. */
  readonly path: string;
  readonly rawUrl: string;
  readonly inner: boolean;
  readonly authorization: string;
}

/**
 * Applies fault rules in order. Each rule counts the requests it matches; the first matching rule whose
 * count is a multiple of `every` (and that has faults left under `times`) decides.
 */
export class FaultInjector {
  private rules: { rule: FaultRule; matched: number; faulted: number }[] = [];

  constructor(rules: readonly FaultRule[]) {
    this.set(rules);
  }

  /** Replaces the rules and restarts their counters. */
  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, matched: 0, faulted: 0 }));
  }

  /** The rule that faults this request, if any. */
  pick(request: FaultCandidate): FaultRule | null {
    for (const entry of this.rules) {
      const { match } = entry.rule;
      if (match?.inner !== undefined && match.inner !== request.inner) continue;
      if (match?.method !== undefined && match.method.toUpperCase() !== request.method.toUpperCase()) continue;
      if (match?.pathIncludes !== undefined && !request.path.includes(match.pathIncludes) && !request.rawUrl.includes(match.pathIncludes)) continue;
      if (match?.pathMatches !== undefined && !new RegExp(match.pathMatches).test(request.path)) continue;
      if (match?.authorizationIncludes !== undefined && !request.authorization.includes(match.authorizationIncludes)) continue;
      entry.matched++;
      const every = Math.max(1, entry.rule.every ?? 1);
      if (entry.matched % every !== 0) continue;
      if (entry.rule.times !== undefined && entry.faulted >= entry.rule.times) continue;
      entry.faulted++;
      return entry.rule;
    }
    return null;
  }
}

/**
 * Graph's per-app-per-tenant budget as a sliding window log: a request is admitted while fewer than
 * `requests` admitted requests arrived in the last `windowSeconds`. Refused requests take no slot, so
 * a client that honours `Retry-After` gets in as soon as the oldest slot expires.
 */
export class SlidingWindowLimiter {
  private admitted: number[] = [];

  constructor(private limit: { requests: number; windowSeconds: number } | null) {}

  setLimit(limit: { requests: number; windowSeconds: number } | null): void {
    this.limit = limit;
  }

  /** Admits the request (returns null) or returns the whole seconds until a slot frees. */
  tryAdmit(now: number): number | null {
    if (this.limit === null) return null;
    const windowMs = this.limit.windowSeconds * 1000;
    while (this.admitted.length > 0 && (this.admitted[0] ?? 0) <= now - windowMs) this.admitted.shift();
    if (this.admitted.length < this.limit.requests) {
      this.admitted.push(now);
      return null;
    }
    const oldest = this.admitted[this.admitted.length - this.limit.requests] ?? now;
    return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
  }
}
