import { context as otelContext, propagation, type Context as TraceContext, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { laneOf, type SocketBulkhead } from './bulkhead';
import { type GraphCallError, GraphHttpError } from './errors';
import { HttpFailure, type HttpResult, sendHttp } from './http';
import { retryPolicy } from './retry';
import { type Clock, type GraphCallContext, type GraphCallEvent, type GraphRequest, type GraphResponse } from './types';
import { redactUrl, reportOf, resolveGraphUrl } from './urls';

/** The OpenTelemetry tracer of upstream calls; a no-op until the host registers an SDK. */
const tracer = trace.getTracer('graph-reports-gateway');

/** Longest Graph error code echoed; Graph's own are far shorter. */
const MAX_GRAPH_CODE_LENGTH = 64;

/** Safe facts about a failed attempt, the ones a GraphCallError may carry. */
export interface FailureDetails {
  readonly httpStatus?: number;
  readonly graphCode?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
}

/** What one attempt of one request (plain or inner) came to. */
export type AttemptOutcome =
  | { readonly kind: 'ok'; readonly response: GraphResponse }
  /** 429, 503, 504, a timeout or a network failure (`status` 0): another attempt may succeed. */
  | {
      readonly kind: 'retryable';
      readonly status: number;
      readonly retryAfterMs: number | undefined;
      readonly details: FailureDetails;
    }
  | { readonly kind: 'failed'; readonly error: GraphCallError };

/** What GraphTransport needs from the pipeline: where, how long, how big, and where to log. */
export interface TransportSettings {
  readonly root: URL;
  readonly agent: http.Agent;
  /** Bounds the sockets the requests of one report hold at once. */
  readonly bulkhead: SocketBulkhead;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly clock: Clock;
  readonly log: (event: GraphCallEvent) => void;
}

/**
 * Headers every Graph call carries. `client-request-id` is fresh per attempt so each one can be traced on
 * its own in Graph's logs; `Prefer` asks for evolvable enum members newer than `unknownFutureValue`.
 */
export function graphHeaders(clientRequestId: string, token: string | null, jsonBody: boolean): Record<string, string> {
  return {
    accept: 'application/json',
    'accept-encoding': 'gzip',
    'client-request-id': clientRequestId,
    prefer: 'include-unknown-enum-members',
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...(jsonBody ? { 'content-type': 'application/json' } : {}),
  };
}

/*
 * Codes and ids are echoed to clients (`graphCode`, `requestId`), so each must have its documented format, not
 * merely look short: Graph's `error.code` is a word such as `Authorization_RequestDenied` or `badRequest`
 * (letters and underscores), its `request-id` a GUID. Anything else (free text, a fragment of a token or of
 * a URL, digits smuggled into a "code") is dropped, not echoed.
 */
const GRAPH_CODE = new RegExp(`^[A-Za-z][A-Za-z_]{0,${MAX_GRAPH_CODE_LENGTH - 1}}$`);
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `value` when it is a Graph error code in Graph's format, else undefined. */
export function graphCodeOf(value: unknown): string | undefined {
  return typeof value === 'string' && GRAPH_CODE.test(value) ? value : undefined;
}

/** `value` when it is a Graph request id (a GUID), else undefined. */
export function requestIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && REQUEST_ID.test(value) ? value : undefined;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Status, Graph's `error.code` and the request id from an upstream answer. The upstream `message` is
 * deliberately never read: it may echo query values or internal detail.
 */
export function readFailureDetails(
  status: number,
  headers: Readonly<Record<string, string | undefined>>,
  body: unknown,
  clientRequestId: string,
): FailureDetails {
  const error = field(body, 'error');
  const inner = field(error, 'innerError') ?? field(error, 'innererror');
  const requestId = requestIdOf(headers['request-id']) ?? requestIdOf(field(inner, 'request-id'));
  const graphCode = graphCodeOf(field(error, 'code'));
  return {
    httpStatus: status,
    clientRequestId,
    ...(graphCode === undefined ? {} : { graphCode }),
    ...(requestId === undefined ? {} : { requestId }),
  };
}

/** Turns one answer (a plain one, or one inner answer of an envelope) into an outcome. */
export function classifyResponse(
  request: GraphRequest,
  result: HttpResult,
  clientRequestId: string,
  now: number,
): AttemptOutcome {
  const { status, headers, body } = result;
  const details = readFailureDetails(status, headers, body, clientRequestId);
  const target = `${request.method} /${request.version}${redactUrl(request.url)}`;
  if (status >= 200 && status < 300) {
    if (result.bodyKind === 'other') {
      const error = new GraphHttpError(`Graph answered ${status} with a body that is not JSON to ${target}`, details);
      return { kind: 'failed', error };
    }
    const requestId = details.requestId;
    return { kind: 'ok', response: { status, body: body ?? null, ...(requestId === undefined ? {} : { requestId }) } };
  }
  if (retryPolicy.isRetryableStatus(status)) {
    return { kind: 'retryable', status, retryAfterMs: retryPolicy.parseRetryAfter(headers['retry-after'], now), details };
  }
  return { kind: 'failed', error: new GraphHttpError(`Graph answered ${status} to ${target}`, details) };
}

interface InnerAnswer {
  readonly status: number;
  readonly headers: Record<string, string | undefined>;
  readonly body: unknown;
}

function innerAnswers(body: unknown): Map<string, InnerAnswer> | undefined {
  const responses = typeof body === 'object' && body !== null ? (body as { responses?: unknown }).responses : undefined;
  if (!Array.isArray(responses)) return undefined;
  const byId = new Map<string, InnerAnswer>();
  for (const entry of responses as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, status, headers, body: innerBody } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || typeof status !== 'number') continue;
    const lower: Record<string, string | undefined> = {};
    if (typeof headers === 'object' && headers !== null) {
      for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = String(value);
    }
    byId.set(id, { status, headers: lower, body: innerBody });
  }
  return byId;
}

/** Graph inlines JSON bodies as objects; anything else arrives as a string, which may still hold JSON. */
function innerBody(body: unknown): Pick<HttpResult, 'body' | 'bodyKind'> {
  if (body === undefined || body === null || body === '') return { body: undefined, bodyKind: 'empty' };
  if (typeof body !== 'string') return { body, bodyKind: 'json' };
  try {
    return { body: JSON.parse(body) as unknown, bodyKind: 'json' };
  } catch {
    return { body: undefined, bodyKind: 'other' };
  }
}

/**
 * Splits a `$batch` answer into one outcome per inner request, matched by id (inner answers come in any
 * order). A failed envelope fails, or is retried, as a whole; each inner answer is judged on its own.
 */
export function readEnvelope(
  envelope: GraphRequest,
  requests: readonly GraphRequest[],
  innerIds: readonly string[],
  outerId: string,
  result: HttpResult,
  now: number,
): AttemptOutcome[] {
  const whole = classifyResponse(envelope, result, outerId, now);
  if (whole.kind !== 'ok') return requests.map(() => whole);
  const byId = innerAnswers(result.body);
  if (byId === undefined) {
    const error = new GraphHttpError('Graph answered $batch without a `responses` array', { httpStatus: result.status });
    return requests.map(() => ({ kind: 'failed', error }));
  }
  return requests.map((request, index) => {
    const clientRequestId = innerIds[index] ?? outerId;
    const answer = byId.get(String(index + 1));
    // A missing answer is Graph misbehaving, not a verdict on the request: worth another attempt.
    if (answer === undefined) return { kind: 'retryable', status: 0, retryAfterMs: undefined, details: { clientRequestId } };
    return classifyResponse(request, { ...answer, ...innerBody(answer.body) }, clientRequestId, now);
  });
}

/** One attempt over the wire, plain or `$batch`: headers, timeout, HTTP, counting, logging. No retries here. */
export class GraphTransport {
  constructor(private readonly settings: TransportSettings) {}

  async sendPlain(request: GraphRequest, context: GraphCallContext, attempt: number): Promise<AttemptOutcome> {
    const clientRequestId = randomUUID();
    const hasBody = request.method === 'POST' && request.body !== undefined;
    return traced(request, context, async (span, spanContext) => {
      const body = hasBody ? JSON.stringify(request.body) : undefined;
      const result = await this.exchange(request, [laneOf(request)], context, attempt, clientRequestId, body, 1, span, spanContext);
      if (result instanceof HttpFailure) return this.failureOutcome(request, result, clientRequestId);
      return classifyResponse(request, result, clientRequestId, this.settings.clock.now());
    });
  }

  async sendEnvelope(requests: readonly GraphRequest[], context: GraphCallContext, attempt: number): Promise<AttemptOutcome[]> {
    const version = requests[0]?.version ?? 'beta';
    const envelope: GraphRequest = { method: 'POST', version, url: '/$batch' };
    const outerId = randomUUID();
    const innerIds = requests.map(() => randomUUID());
    const body = JSON.stringify({
      requests: requests.map((request, index) => ({
        id: String(index + 1),
        method: request.method,
        url: request.url,
        headers: { 'client-request-id': innerIds[index], prefer: 'include-unknown-enum-members', accept: 'application/json' },
      })),
    });
    context.stats.batches += 1;
    return traced(envelope, context, async (span, spanContext) => {
      const result = await this.exchange(envelope, requests.map(laneOf), context, attempt, outerId, body, requests.length, span, spanContext);
      if (result instanceof HttpFailure) return requests.map(() => this.failureOutcome(envelope, result, outerId));
      const outcomes = readEnvelope(envelope, requests, innerIds, outerId, result, this.settings.clock.now());
      outcomes.forEach((outcome, index) => {
        const request = requests[index] as GraphRequest;
        const status = outcome.kind === 'ok' ? outcome.response.status : outcome.kind === 'retryable' ? outcome.status : (outcome.error.details.httpStatus ?? 0);
        const requestId = outcome.kind === 'ok' ? outcome.response.requestId : outcome.kind === 'retryable' ? outcome.details.requestId : outcome.error.details.requestId;
        const clientRequestId = innerIds[index] as string;
        context.stats.recordCall({
          method: request.method,
          url: `/${request.version}${redactUrl(request.url)}`,
          status,
          ...(requestId !== undefined ? { requestId } : {}),
          clientRequestId,
          attempt,
          envelope: outerId,
        });
        const report = reportOf(request.url);
        this.settings.log({
          type: 'inner', method: request.method, version: request.version, report, status, ...(requestId !== undefined ? { requestId } : {}), clientRequestId, envelope: outerId,
        });
        // Graph support asks for the inner request's ids, not the envelope's: each inner answer is an event of its span.
        span.addEvent('graph.inner_response', {
          'graph.report': report,
          'http.response.status_code': status,
          'graph.client_request_id': clientRequestId,
          ...(requestId !== undefined ? { 'graph.request_id': requestId } : {}),
        });
      });
      return outcomes;
    });
  }

  private async exchange(
    request: GraphRequest,
    lanes: readonly string[],
    context: GraphCallContext,
    attempt: number,
    clientRequestId: string,
    body: string | undefined,
    innerRequests: number,
    span: Span,
    spanContext: TraceContext,
  ): Promise<HttpResult | HttpFailure> {
    const { clock } = this.settings;
    const url = resolveGraphUrl(this.settings.root, request);
    const token = await context.getToken();
    const remainingMs = Math.max(1, Math.min(this.settings.timeoutMs, context.deadline - clock.now()));
    const started = clock.now();
    // One signal for the wait for a socket of the report's share and for the exchange itself: the attempt
    // timeout bounds both, so a request queued behind a hung report fails as a timeout and is retried.
    const signal = AbortSignal.timeout(remainingMs);
    const headers = graphHeaders(clientRequestId, token, body !== undefined);
    // `traceparent` (and `tracestate`) of this attempt's span, when the host registered a propagator.
    propagation.inject(spanContext, headers);
    const result = await this.settings.bulkhead.run(lanes, signal, () => {
      context.stats.httpRequests += 1;
      context.stats.innerRequests += innerRequests;
      return sendHttp({
        method: request.method,
        url,
        headers,
        ...(body === undefined ? {} : { body }),
        agent: this.settings.agent,
        signal,
        maxBytes: this.settings.maxResponseBytes,
      });
    }).catch((error: unknown) => {
      if (error instanceof HttpFailure) return error;
      throw error;
    });
    const status = result instanceof HttpFailure ? 0 : result.status;
    const requestId = result instanceof HttpFailure ? undefined : requestIdOf(result.headers['request-id']);
    const path = `/${request.version}${redactUrl(request.url)}`;
    context.stats.recordCall({ method: request.method, url: path, status, ...(requestId ? { requestId } : {}), clientRequestId, attempt });
    span.setAttributes({
      'graph.attempt': attempt,
      'graph.client_request_id': clientRequestId,
      ...(requestId ? { 'graph.request_id': requestId } : {}),
      ...(status > 0 ? { 'http.response.status_code': status } : {}),
      ...(request.url === '/$batch' ? { 'graph.inner_requests': innerRequests } : {}),
    });
    if (result instanceof HttpFailure || status >= 400) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', result instanceof HttpFailure ? result.failure : String(status));
    }
    this.settings.log({
      type: 'call',
      method: request.method,
      version: request.version,
      path: redactUrl(request.url),
      report: reportOf(request.url),
      status,
      attempt,
      ...(request.url === '/$batch' ? { innerRequests } : {}),
      ...(requestId ? { requestId } : {}),
      clientRequestId,
      durationMs: clock.now() - started,
      ...(result instanceof HttpFailure ? { failure: result.failure } : {}),
    });
    return result;
  }

  private failureOutcome(request: GraphRequest, failure: HttpFailure, clientRequestId: string): AttemptOutcome {
    if (failure.failure === 'tooLarge') {
      const limit = this.settings.maxResponseBytes;
      const error = new GraphHttpError(
        `Graph's answer to ${request.method} /${request.version}${redactUrl(request.url)} exceeds ${limit} bytes`,
        { clientRequestId },
        { cause: failure },
      );
      return { kind: 'failed', error };
    }
    return { kind: 'retryable', status: 0, retryAfterMs: undefined, details: { clientRequestId } };
  }
}

/**
 * Runs one attempt inside its client span: a child of the operation's trace context, named by method and
 * report (never the URL: query values are user data), ended whatever happens.
 */
async function traced<T>(request: GraphRequest, context: GraphCallContext, work: (span: Span, spanContext: TraceContext) => Promise<T>): Promise<T> {
  const parent = context.traceContext ?? otelContext.active();
  const span = tracer.startSpan(
    `${request.method} ${reportOf(request.url)}`,
    { kind: SpanKind.CLIENT, attributes: { 'http.request.method': request.method, 'graph.version': request.version, 'graph.report': reportOf(request.url) } },
    parent,
  );
  try {
    return await work(span, trace.setSpan(parent, span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
    throw error;
  } finally {
    span.end();
  }
}
