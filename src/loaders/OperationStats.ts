import type { GraphCallRecord } from '../graph/GraphCallRecord';
import type { GraphCallStats } from '../graph/GraphCallStats';
import { MAX_CALL_RECORDS } from '../graph/graphDefaults';

/** What one GraphQL operation cost upstream, for its log line and for tests that count calls. */
export class OperationStats implements GraphCallStats {
  httpRequests = 0;
  innerRequests = 0;
  batches = 0;
  retries = 0;
  cacheHits = 0;
  singleFlightJoins = 0;
  budgetWaits = 0;
  budgetWaitMs = 0;
  /** Records beyond `maxCalls` that were counted but not kept. */
  droppedCalls = 0;
  private readonly records: GraphCallRecord[] = [];

  constructor(private readonly maxCalls: number = MAX_CALL_RECORDS) {}

  get calls(): readonly GraphCallRecord[] {
    return this.records;
  }

  recordCall(record: GraphCallRecord): void {
    if (this.records.length < this.maxCalls) this.records.push(record);
    else this.droppedCalls += 1;
  }

  toJSON(): Record<string, unknown> {
    return {
      httpRequests: this.httpRequests,
      innerRequests: this.innerRequests,
      batches: this.batches,
      retries: this.retries,
      cacheHits: this.cacheHits,
      singleFlightJoins: this.singleFlightJoins,
      budgetWaits: this.budgetWaits,
      budgetWaitMs: this.budgetWaitMs,
      droppedCalls: this.droppedCalls,
      calls: this.records,
    };
  }
}
