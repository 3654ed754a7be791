import { randomUUID } from 'node:crypto';
import { GraphHttpError } from '../errors/GraphHttpError';
import type { GraphCallContext } from '../GraphCallContext';
import type { GraphRequest } from '../GraphRequest';
import { HttpFailure } from '../http/HttpFailure';
import type { HttpResult } from '../http/HttpResult';
import { sendHttp } from '../http/sendHttp';
import { redactUrl } from '../redactUrl';
import { resolveGraphUrl } from '../resolveGraphUrl';
import type { AttemptOutcome } from './AttemptOutcome';
import { classifyResponse } from './classifyResponse';
import { graphHeaders } from './graphHeaders';
import { readEnvelope } from './readEnvelope';
import type { TransportSettings } from './TransportSettings';

/** One attempt over the wire, plain or `$batch`: headers, timeout, HTTP, counting, logging. No retries here. */
export class GraphTransport {
  constructor(private readonly settings: TransportSettings) {}

  async sendPlain(request: GraphRequest, context: GraphCallContext, attempt: number): Promise<AttemptOutcome> {
    const clientRequestId = randomUUID();
    const hasBody = request.method === 'POST' && request.body !== undefined;
    const result = await this.exchange(request, context, attempt, clientRequestId, hasBody ? JSON.stringify(request.body) : undefined, 1);
    if (result instanceof HttpFailure) return this.failureOutcome(request, result, clientRequestId);
    return classifyResponse(request, result, clientRequestId, this.settings.clock.now());
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
    const result = await this.exchange(envelope, context, attempt, outerId, body, requests.length);
    if (result instanceof HttpFailure) return requests.map(() => this.failureOutcome(envelope, result, outerId));
    const outcomes = readEnvelope(envelope, requests, innerIds, outerId, result, this.settings.clock.now());
    outcomes.forEach((outcome, index) => {
      const request = requests[index] as GraphRequest;
      context.stats.recordCall({
        method: request.method,
        url: `/${request.version}${redactUrl(request.url)}`,
        status: outcome.kind === 'ok' ? outcome.response.status : outcome.kind === 'retryable' ? outcome.status : (outcome.error.details.httpStatus ?? 0),
        ...(outcome.kind === 'ok' && outcome.response.requestId !== undefined ? { requestId: outcome.response.requestId } : {}),
        clientRequestId: innerIds[index] as string,
        attempt,
        envelope: outerId,
      });
    });
    return outcomes;
  }

  private async exchange(
    request: GraphRequest,
    context: GraphCallContext,
    attempt: number,
    clientRequestId: string,
    body: string | undefined,
    innerRequests: number,
  ): Promise<HttpResult | HttpFailure> {
    const { clock } = this.settings;
    const url = resolveGraphUrl(this.settings.root, request);
    const token = await context.getToken();
    const remainingMs = Math.max(1, Math.min(this.settings.timeoutMs, context.deadline - clock.now()));
    const started = clock.now();
    context.stats.httpRequests += 1;
    context.stats.innerRequests += innerRequests;
    const result = await sendHttp({
      method: request.method,
      url,
      headers: graphHeaders(clientRequestId, token, body !== undefined),
      ...(body === undefined ? {} : { body }),
      agent: this.settings.agent,
      signal: AbortSignal.timeout(remainingMs),
      maxBytes: this.settings.maxResponseBytes,
    }).catch((error: unknown) => {
      if (error instanceof HttpFailure) return error;
      throw error;
    });
    const status = result instanceof HttpFailure ? 0 : result.status;
    const requestId = result instanceof HttpFailure ? undefined : result.headers['request-id'];
    const path = `/${request.version}${redactUrl(request.url)}`;
    context.stats.recordCall({ method: request.method, url: path, status, ...(requestId ? { requestId } : {}), clientRequestId, attempt });
    this.settings.log({
      type: 'call',
      method: request.method,
      version: request.version,
      path: redactUrl(request.url),
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
