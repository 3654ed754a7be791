import type { ApolloServerPlugin } from '@apollo/server';
import { type Context as TraceContext, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';
import type { GatewayMetrics, OperationOutcome } from './metrics';

/** The OpenTelemetry tracer of operations; a no-op until the host registers an SDK (README: Running in production). */
const tracer = trace.getTracer('graph-reports-gateway');

/** The upstream counts an operation's span carries when it ends. */
export interface OperationCounts {
  readonly httpRequests: number;
  readonly innerRequests: number;
  readonly retries: number;
  readonly cacheHits: number;
  readonly budgetWaits: number;
}

/**
 * One GraphQL request's span and metrics. The HTTP entry starts it (continuing the caller's `traceparent`)
 * and finishes it with the HTTP status; in between, `operationTelemetryPlugin` names the operation and
 * reports its errors. Requests refused before Apollo runs an operation (a caller refused, a bad body) are
 * finished without a name. The span never carries the query text, variables, tokens or upstream URLs.
 */
export class OperationTelemetry {
  /** The operation's trace context: upstream spans are its children. */
  readonly context: TraceContext;
  private readonly span: Span;
  private readonly started = performance.now();
  private name: string | null | undefined;
  private type: string | undefined;
  private errorCodes: readonly string[] = [];
  private hasData: boolean | undefined;
  private finished = false;

  constructor(
    private readonly metrics: GatewayMetrics | null,
    headers: IncomingHttpHeaders,
    requestId: string,
  ) {
    const parent = propagation.extract(ROOT_CONTEXT, headers);
    this.span = tracer.startSpan('GraphQL Operation', { kind: SpanKind.SERVER, attributes: { 'gateway.request_id': requestId } }, parent);
    this.context = trace.setSpan(parent, this.span);
  }

  /** The operation as Apollo resolved it: its GraphQL name (`null` when anonymous) and type. */
  describe(name: string | null, type: string): void {
    this.name = name;
    this.type = type;
    // OpenTelemetry's GraphQL convention: `{type} {name}`, the name being a GraphQL name token, never a value.
    this.span.updateName(name === null ? type : `${type} ${name}`);
    this.span.setAttributes({ 'graphql.operation.type': type, ...(name === null ? {} : { 'graphql.operation.name': name }) });
  }

  /** What the response held: error codes, whether any data, and what it cost upstream. */
  result(errorCodes: readonly string[], hasData: boolean, counts: OperationCounts): void {
    this.errorCodes = errorCodes;
    this.hasData = hasData;
    this.span.setAttributes({
      'gateway.upstream.http_requests': counts.httpRequests,
      'gateway.upstream.inner_requests': counts.innerRequests,
      'gateway.upstream.retries': counts.retries,
      'gateway.upstream.cache_hits': counts.cacheHits,
      'gateway.upstream.budget_waits': counts.budgetWaits,
      ...(errorCodes.length > 0 ? { 'gateway.error_codes': [...new Set(errorCodes)] } : {}),
    });
  }

  /**
   * Ends the span and records the operation, once. A request that never reached an operation and succeeded
   * (Apollo's landing page) is no operation: its span ends, nothing is counted.
   */
  finish(httpStatus: number): void {
    if (this.finished) return;
    this.finished = true;
    this.span.setAttribute('http.response.status_code', httpStatus);
    const outcome = this.outcome(httpStatus);
    if (outcome !== 'ok') this.span.setStatus({ code: SpanStatusCode.ERROR });
    this.span.setAttribute('gateway.outcome', outcome);
    this.span.end();
    if (this.hasData === undefined && outcome === 'ok') return;
    this.metrics?.recordOperation(this.name, this.type, outcome, (performance.now() - this.started) / 1000, this.errorCodes);
  }

  private outcome(httpStatus: number): OperationOutcome {
    if (this.hasData === undefined) return httpStatus < 400 ? 'ok' : 'refused';
    if (this.errorCodes.length === 0) return 'ok';
    return this.hasData ? 'partial' : 'failed';
  }
}

/** Names each operation's span and reports its errors (see OperationTelemetry). */
export function operationTelemetryPlugin(): ApolloServerPlugin<{ readonly telemetry: OperationTelemetry; readonly stats: OperationCounts }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation) contextValue.telemetry.describe(operation.name?.value ?? null, operation.operation);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // The errors as formatted for the client (formatError gave upstream failures their codes).
          const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          // Report fields are nullable, so a failed report is `{ field: null }`: data means a root field with a value.
          const hasData = Object.values(data ?? {}).some((value) => value !== null && value !== undefined);
          contextValue.telemetry.result(codes, hasData, contextValue.stats);
        },
      };
    },
  };
}
