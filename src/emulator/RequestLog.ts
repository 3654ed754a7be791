import type { RequestRecord } from './RequestRecord';

/** How a record counts: a plain request or an inner request uses Graph's budget, an envelope does not. */
type RequestKind = 'plain' | 'envelope' | 'inner';

/**
 * Every request the emulator handled, in arrival order. Records are appended when a request arrives and
 * completed (status, body) in place, so a test reading the log after its responses sees final values.
 */
export class RequestLog {
  private records: RequestRecord[] = [];
  private readonly envelopes = new WeakSet<RequestRecord>();
  private seq = 0;

  /** Every handled request: outer HTTP requests and inner `$batch` requests. */
  all(): RequestRecord[] {
    return [...this.records];
  }

  /** What hit the socket: outer HTTP requests, `$batch` envelopes included. */
  http(): RequestRecord[] {
    return this.records.filter((r) => r.batch === undefined);
  }

  /** What counts against Graph's budget: plain requests and each inner request, not the envelopes. */
  counted(): RequestRecord[] {
    return this.records.filter((r) => !this.envelopes.has(r));
  }

  clear(): void {
    this.records = [];
  }

  /** Appends a record; `seq` is assigned here so it follows arrival order. */
  add(record: Omit<RequestRecord, 'seq'>, kind: RequestKind): RequestRecord {
    const added: RequestRecord = { seq: ++this.seq, ...record };
    this.records.push(added);
    if (kind === 'envelope') this.envelopes.add(added);
    return added;
  }
}
