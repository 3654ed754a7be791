import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GraphCallEvent } from '../graph/types';

/** Where Prometheus scrapes, on the gateway's port or on `GATEWAY_METRICS_PORT`. */
export const METRICS_PATH = '/metrics';

/**
 * Distinct values one label may take before the rest are counted as `other`. Every label value is bounded by
 * construction (report names, statuses, the configured tenant, GraphQL operation names); this cap is the
 * second line of defence, so that no caller can grow the series count without bound by inventing names.
 */
export const MAX_LABEL_VALUES = 100;

/** How an operation ended, as the `outcome` label says it. */
export type OperationOutcome =
  /** Data and no error. */
  | 'ok'
  /** Data with errors (one report failed, the rest answered). */
  | 'partial'
  /** Errors and no data. */
  | 'failed'
  /** Refused before execution (caller not authenticated or not allowed, a malformed request, shutting down). */
  | 'refused';

/** A label's values, capped at MAX_LABEL_VALUES; later newcomers become `other`. */
class BoundedLabel {
  private readonly seen = new Set<string>();

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= MAX_LABEL_VALUES) return 'other';
    this.seen.add(value);
    return value;
  }
}

// Operations wait for budget windows (10 s each by default), so the buckets reach past a minute.
const OPERATION_BUCKETS_SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];
const UPSTREAM_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The gateway's Prometheus metrics, in a registry of its own (two gateways in one process, as in tests,
 * never share counts). Upstream facts arrive as the graph pipeline's events (`record`), operations from the
 * HTTP entry (`recordOperation`), link plans from the link planner (`recordLinkPlan`). Names carry their unit
 * and `_total` for counters; no label ever holds a user, a filter value or a URL.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new BoundedLabel();
  private readonly reports = new BoundedLabel();
  private readonly tenants = new BoundedLabel();
  private readonly errorCodes = new BoundedLabel();

  private readonly operationDuration = new Histogram({
    name: 'gateway_operation_duration_seconds',
    help: 'GraphQL operations by name (`(anonymous)`, `(unknown)` before parsing), type and outcome (ok, partial, failed, refused), and how long each took',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: OPERATION_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  private readonly operationErrors = new Counter({
    name: 'gateway_operation_errors_total',
    help: 'Errors answered to clients, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  private readonly upstreamRequests = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'Requests to Graph by report, version, method, kind (plain and envelope went over the socket; inner rode in an envelope) and status (0: no answer)',
    labelNames: ['report', 'version', 'method', 'kind', 'status'] as const,
    registers: [this.registry],
  });

  private readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Duration of calls to Graph on the socket (plain requests and $batch envelopes), by report, version and kind',
    labelNames: ['report', 'version', 'kind'] as const,
    buckets: UPSTREAM_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  private readonly throttled = new Counter({
    name: 'gateway_upstream_throttled_total',
    help: '429 answers from Graph, by kind (plain, envelope, inner)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private readonly retries = new Counter({
    name: 'gateway_upstream_retries_total',
    help: 'Requests re-sent after a retryable failure (each inner request counts), by the status that caused it (0: timeout or network)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  private readonly budgetSlots = new Counter({
    name: 'gateway_budget_slots_total',
    help: 'Upstream budget slots taken (one per plain or inner request), by tenant',
    labelNames: ['tenant'] as const,
    registers: [this.registry],
  });

  private readonly budgetWaits = new Counter({
    name: 'gateway_budget_waits_total',
    help: 'Budget acquisitions that had to wait for a free slot, by tenant',
    labelNames: ['tenant'] as const,
    registers: [this.registry],
  });

  private readonly budgetWaitSeconds = new Counter({
    name: 'gateway_budget_wait_seconds_total',
    help: 'Time spent waiting for budget slots, by tenant',
    labelNames: ['tenant'] as const,
    registers: [this.registry],
  });

  private readonly cacheLookups = new Counter({
    name: 'gateway_response_cache_lookups_total',
    help: 'Reads looked up in the response cache, by result (hit, miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  private readonly singleFlightJoins = new Counter({
    name: 'gateway_single_flight_joins_total',
    help: 'Reads that joined an identical read already in flight instead of calling Graph',
    registers: [this.registry],
  });

  private readonly redisErrors = new Counter({
    name: 'gateway_redis_errors_total',
    help: 'Redis commands that failed (the shared budget or cache), by operation (budget, cacheGet, cacheSet, cacheDrop)',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  private readonly redisBreakerOpen = new Gauge({
    name: 'gateway_redis_breaker_open',
    help: '1 while the Redis breaker is open (this process budgets and caches alone), else 0 (Redis shared, or not configured)',
    registers: [this.registry],
  });

  private readonly linkPlans = new Counter({
    name: 'gateway_link_plan_batches_total',
    help: 'Batches of keyed reads (links, entities, key translation) by the plan the read planner chose: cache, perKey, coalesced, scan',
    labelNames: ['plan'] as const,
    registers: [this.registry],
  });

  constructor(options: { readonly processMetrics?: boolean } = {}) {
    // process_* and nodejs_* (CPU, memory, event loop lag, GC), the series every Node service dashboard expects.
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    // Counters without labels start at 0 so a scrape shows them before the first event.
    this.singleFlightJoins.inc(0);
    this.redisBreakerOpen.set(0);
  }

  /** One pipeline event; `GraphPipelineOptions.log` receives it. */
  record(event: GraphCallEvent): void {
    switch (event.type) {
      case 'call': {
        const kind = event.report === '$batch' ? 'envelope' : 'plain';
        const report = this.reports.of(event.report);
        this.upstreamRequests.inc({ report, version: event.version, method: event.method, kind, status: String(event.status) });
        this.upstreamDuration.observe({ report, version: event.version, kind }, event.durationMs / 1000);
        if (event.status === 429) this.throttled.inc({ kind });
        return;
      }
      case 'inner':
        this.upstreamRequests.inc({ report: this.reports.of(event.report), version: event.version, method: event.method, kind: 'inner', status: String(event.status) });
        if (event.status === 429) this.throttled.inc({ kind: 'inner' });
        return;
      case 'retry':
        this.retries.inc({ status: String(event.status) }, event.requests);
        return;
      case 'budget': {
        const tenant = this.tenants.of(event.tenant);
        this.budgetSlots.inc({ tenant }, event.slots);
        if (event.waitMs > 0) {
          this.budgetWaits.inc({ tenant });
          this.budgetWaitSeconds.inc({ tenant }, event.waitMs / 1000);
        }
        return;
      }
      case 'cache':
        if (event.result === 'join') this.singleFlightJoins.inc();
        else this.cacheLookups.inc({ result: event.result });
        return;
      case 'redisError':
        this.redisErrors.inc({ operation: event.operation });
        return;
      case 'redis':
        this.redisBreakerOpen.set(event.state === 'open' ? 1 : 0);
        return;
    }
  }

  /**
   * One GraphQL request as the HTTP entry answered it. `name` is the operation's GraphQL name (a GraphQL
   * name token, never a value), `null` for an anonymous operation and `undefined` when none was parsed.
   */
  recordOperation(name: string | null | undefined, type: string | undefined, outcome: OperationOutcome, seconds: number, errorCodes: readonly string[]): void {
    const operation = name === undefined ? '(unknown)' : name === null ? '(anonymous)' : this.operationNames.of(name);
    this.operationDuration.observe({ operation, type: type ?? '(unknown)', outcome }, seconds);
    for (const code of errorCodes) this.operationErrors.inc({ code: this.errorCodes.of(code) });
  }

  /** One batch of keyed reads and the plan the read planner chose for it (a fallback is a batch of its own). */
  recordLinkPlan(plan: 'cache' | 'perKey' | 'coalesced' | 'scan'): void {
    this.linkPlans.inc({ plan });
  }

  /** The exposition text for a scrape. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
