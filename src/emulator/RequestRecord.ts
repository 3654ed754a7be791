/** One request the emulator handled: an outer HTTP request or an inner request of a `$batch`. */
export interface RequestRecord {
  /** Position in arrival order, across outer and inner requests. */
  seq: number;
  /** `Date.now()` at arrival. */
  at: number;
  method: string;
  /** `null` when the path did not start with a known version. */
  version: 'beta' | 'v1.0' | null;
  /** Below the version, percent-decoded: `/reports/credentialUserRegistrationDetails`, `/$batch`. */
  path: string;
  /** As received (for inner requests, the `url` of the inner request). */
  rawUrl: string;
  /** Decoded query options, e.g. `query.$filter`; `+` decoded as a space like Graph does. */
  query: Record<string, string>;
  /** Lower-case names; for inner requests the inner headers merged over the envelope's. */
  headers: Record<string, string>;
  /** Parsed JSON body, when there was one. */
  body?: unknown;
  /** Status answered; 0 while the request is still being handled. */
  status: number;
  /** Set on inner requests of a `$batch`. */
  batch?: { envelopeSeq: number; id: string };
  /** Set on `$batch` envelopes whose `requests` was an array: its length. */
  batchSize?: number;
}
