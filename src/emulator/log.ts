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

/** How a record counts: a plain request or an inner request uses Graph's budget, an envelope does not. */
type RequestKind = 'plain' | 'envelope' | 'inner';

/** Records kept by default: a day of a busy emulator would otherwise keep every request it ever saw. */
export const DEFAULT_LOG_LIMIT = 10_000;

/**
 * The requests the emulator handled, in arrival order: the last `limit` of them (oldest dropped first;
 * `dropped` says how many). Records are appended when a request arrives and completed (status, body) in
 * place, so a test reading the log after its responses sees final values.
 */
export class RequestLog {
  private records: RequestRecord[] = [];
  /** Records before this index are dropped; compacted once they are as many as the limit. */
  private start = 0;
  private readonly envelopes = new WeakSet<RequestRecord>();
  private seq = 0;
  private droppedCount = 0;

  constructor(readonly limit: number = DEFAULT_LOG_LIMIT) {
    if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`log limit must be a whole number of records, 0 or more, but got: ${limit}`);
  }

  /** Every kept request: outer HTTP requests and inner `$batch` requests. */
  all(): RequestRecord[] {
    return this.records.slice(this.start);
  }

  /** What hit the socket: outer HTTP requests, `$batch` envelopes included. */
  http(): RequestRecord[] {
    return this.all().filter((r) => r.batch === undefined);
  }

  /** What counts against Graph's budget: plain requests and each inner request, not the envelopes. */
  counted(): RequestRecord[] {
    return this.all().filter((r) => !this.envelopes.has(r));
  }

  /** Records dropped to keep within `limit` since the last `clear`. */
  get dropped(): number {
    return this.droppedCount;
  }

  clear(): void {
    this.records = [];
    this.start = 0;
    this.droppedCount = 0;
  }

  /** Appends a record; `seq` is assigned here so it follows arrival order. */
  add(record: Omit<RequestRecord, 'seq'>, kind: RequestKind): RequestRecord {
    const added: RequestRecord = { seq: ++this.seq, ...record };
    if (kind === 'envelope') this.envelopes.add(added);
    this.records.push(added);
    while (this.records.length - this.start > this.limit) {
      this.start += 1;
      this.droppedCount += 1;
    }
    if (this.start > 0 && this.start >= this.limit) {
      this.records = this.records.slice(this.start);
      this.start = 0;
    }
    return added;
  }
}
