import DataLoader from 'dataloader';
import { canonicalKey } from '../graph/cache';
import { GraphHttpError } from '../graph/errors';
import { ConcurrencyLimiter } from '../graph/retry';
import { type GraphCallContext, type GraphCallRecord, type GraphCallStats, type GraphPipeline, type GraphRequest, type GraphResponse, type Recalled } from '../graph/types';
import { parseGraphUrl, pathOf } from '../graph/urls';
import type { Plan } from './planner';

/** Per-call records an operation keeps for its log line; counters keep counting past it. */
const MAX_CALL_RECORDS = 100;

/** Per-operation facts createUpstream needs from the request context: the call context but its limiter, built here. */
export type UpstreamCall = Omit<GraphCallContext, 'limiter'>;

/**
 * What resolvers call, one per GraphQL operation. Rejections are GraphCallError subclasses
 * (GraphHttpError, GraphThrottledError, GraphUnavailableError, GraphRefusedRequestError).
 */
export interface Upstream {
  /** A GET: batched with the same tick's loads, deduplicated, cached, retried, budgeted. */
  load(request: GraphRequest): Promise<GraphResponse>;
  /** A POST create: never retried, never cached, never batched with reads. */
  send(request: GraphRequest): Promise<GraphResponse>;
  /** A value derived from reads of `path`, cached under this operation's principal (see GraphPipeline.recall). */
  recall(path: string, name: string): Promise<Recalled | undefined>;
  /** Caches a derived value unless a create dropped the path after `since`, when its reads began. */
  remember(path: string, name: string, value: unknown, since: number): Promise<void>;
}

/** One batch of keyed reads as the planner served it: which plan, for how many keys, at what estimated cost. */
export interface PlanRecord {
  readonly report: string;
  readonly plan: Plan | 'cache';
  readonly keys: number;
  readonly budgetedRequests: number;
}

/** What one GraphQL operation cost upstream, for its log line and for tests that count calls. */
export class OperationStats implements GraphCallStats {
  httpRequests = 0;
  innerRequests = 0;
  batches = 0;
  retries = 0;
  cacheHits = 0;
  staleHits = 0;
  cacheAgeMs: number | null = null;
  singleFlightJoins = 0;
  budgetWaits = 0;
  budgetWaitMs = 0;
  budgetSlots = 0;
  /**
   * What the cost analysis expected before anything was sent: `requests`, the most budgeted requests the
   * operation can make, and `slots`, what it needs with one upstream page per connection page.
   */
  estimate: { readonly requests: number; readonly slots: number } | null = null;
  /** Records beyond `maxCalls` that were counted but not kept. */
  droppedCalls = 0;
  /** The read planner's choice for each batch of keyed reads (README: The read planner). */
  readonly plans: PlanRecord[] = [];
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
      staleHits: this.staleHits,
      cacheAgeMs: this.cacheAgeMs,
      singleFlightJoins: this.singleFlightJoins,
      budgetWaits: this.budgetWaits,
      budgetWaitMs: this.budgetWaitMs,
      budgetSlots: this.budgetSlots,
      estimate: this.estimate,
      droppedCalls: this.droppedCalls,
      plans: this.plans,
      calls: this.records,
    };
  }
}

// DataLoader resolves a batch's values all at once; wrapping each answer lets every load settle as soon as
// its own envelope answers instead of waiting for the slowest envelope of the tick.
interface Answer {
  readonly promise: Promise<GraphResponse>;
}

/** The upstream seam of one GraphQL operation. Build it in the context function: it must not outlive it. */
export function createUpstream(pipeline: GraphPipeline, call: UpstreamCall): Upstream {
  const { dedupe, maxConcurrentEnvelopes } = pipeline.options;
  // Naive mode stands for a client that fires every call at once: no limiter of ours shapes it.
  const limit = dedupe ? maxConcurrentEnvelopes : Number.MAX_SAFE_INTEGER;
  const context: GraphCallContext = { ...call, limiter: new ConcurrencyLimiter(limit) };
  const derived = {
    recall: (path: string, name: string) => (dedupe ? pipeline.recall(path, name, context) : Promise.resolve(undefined)),
    remember: (path: string, name: string, value: unknown, since: number) =>
      dedupe ? pipeline.remember(path, name, value, context, since) : Promise.resolve(),
  };
  if (!dedupe) {
    return {
      load: (request) => pipeline.readOnce(request, context),
      send: (request) => pipeline.create(request, context),
      ...derived,
    };
  }
  const loader = new DataLoader<GraphRequest, Answer, string>(
    async (requests) => pipeline.readMany(requests, context).map((promise) => ({ promise })),
    { cacheKeyFn: (request) => canonicalKey(request, call.principal) },
  );
  return {
    load: async (request) => {
      try {
        return await (await loader.load(request)).promise;
      } catch (error) {
        // A failure is not an answer: a later load in this operation may try again.
        loader.clear(request);
        throw error;
      }
    },
    send: (request) => pipeline.create(request, context),
    ...derived,
  };
}

/** The rows and raw nextLink of a collection page; any other shape is an upstream error. */
export function listRows(response: GraphResponse): { rows: unknown[]; nextLink: string | null } {
  const body = response.body as { value?: unknown; '@odata.nextLink'?: unknown } | null;
  if (!body || !Array.isArray(body.value)) {
    throw new GraphHttpError('Graph answered a list without a `value` array', {
      httpStatus: response.status,
      graphCode: 'UnexpectedResponseShape',
      requestId: response.requestId,
    });
  }
  const next = body['@odata.nextLink'];
  return { rows: body.value, nextLink: typeof next === 'string' ? next : null };
}

/**
 * Every row of a collection from its first request on, following `@odata.nextLink` (validated: same
 * root, version and path) for at most `maxPages` pages. `complete` says whether the end was reached.
 * A `fresh` first request makes every page fresh.
 */
export async function readAllRows(
  upstream: Upstream,
  graphRoot: string,
  first: GraphRequest,
  maxPages: number,
): Promise<{ rows: unknown[]; complete: boolean }> {
  const path = pathOf(first.url);
  const rows: unknown[] = [];
  let url: string | null = first.url;
  for (let page = 0; url !== null; page++) {
    if (page >= maxPages) return { rows, complete: false };
    const { rows: more, nextLink } = listRows(await upstream.load({ method: 'GET', version: first.version, url, ...(first.fresh ? { fresh: true } : {}) }));
    rows.push(...more);
    url = nextLink === null ? null : parseGraphUrl(graphRoot, first.version, nextLink, path);
  }
  return { rows, complete: true };
}
