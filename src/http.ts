import { type ApolloServer, HeaderMap } from '@apollo/server';
import bodyParser from 'body-parser';
import cors from 'cors';
import { context as otelContext } from '@opentelemetry/api';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { EXPLORER_CSP, EXPLORER_PATH, type ExplorerAsset } from './apollo/explorer';
import type { Config } from './config';
import { ErrorCode } from './errors';
import { type GatewayMetrics, METRICS_PATH } from './observability/metrics';
import type { Readiness } from './observability/readiness';
import { OperationTelemetry } from './observability/tracing';
import type { GatewayContext } from './operation/context';

/**
 * A request refused before Apollo sees it (a body over the limit or not JSON, a gateway that is shutting
 * down): answered with its own status in the GraphQL error shape. Refusals that Apollo can carry (the
 * caller's 401 and 403) travel as `GraphQLError`s with `extensions.http` instead.
 */
export class HttpError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Parses a JSON body within `limitBytes`; a refusal is an HttpError with the status to answer with. */
export function readJsonBody(limitBytes: number): (req: IncomingMessage, res: ServerResponse) => Promise<unknown> {
  const parse = bodyParser.json({ limit: limitBytes, strict: false });
  return (req, res) =>
    new Promise((resolve, reject) => {
      parse(req, res, (error?: { status?: number; type?: string }) => {
        if (!error) return resolve((req as { body?: unknown }).body);
        const status = error.status ?? 400;
        const message =
          error.type === 'entity.too.large'
            ? `The request body must be at most ${limitBytes} bytes`
            : 'The request body must be valid JSON';
        reject(new HttpError(status, ErrorCode.BAD_USER_INPUT, message));
      });
    });
}

export interface HttpHandlerDeps {
  readonly config: Config;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly logger: Logger;
  /** Builds the operation's context; a refused caller is a GraphQLError with `extensions.http`. */
  readonly context: (req: IncomingMessage, requestId: string, telemetry: OperationTelemetry) => Promise<GatewayContext>;
  readonly readiness: Pick<Readiness, 'check'>;
  /** Records every GraphQL request; null when `GATEWAY_METRICS=off`. */
  readonly metrics: GatewayMetrics | null;
  /** Whether this port answers `/metrics` (false when they have a port of their own, see createMetricsHandler). */
  readonly metricsOnThisPort: boolean;
  readonly isDraining: () => boolean;
  readonly newRequestId: () => string;
  /** The local explorer's files (README, "Quick start"), or null where it is off (production). */
  readonly explorer: ReadonlyMap<string, ExplorerAsset> | null;
}

/** Where the GraphQL endpoint (and Apollo Sandbox outside production) answers. */
export const GRAPHQL_PATH = '/';

/** The response header (and accepted request header) carrying the request id; browsers may read it (CORS). */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An incoming request id is kept when it looks like an id (a UUID, a ULID, a load balancer's trace id): up to
 * 128 letters, digits and `._:-`, starting with a letter or digit. Anything else is replaced, never echoed.
 */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The caller's request id when it is well formed, else a fresh one. */
export function requestIdOf(header: string | string[] | undefined, newRequestId: () => string): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : newRequestId();
}

/**
 * The gateway's one HTTP entry: probes, metrics, then the GraphQL endpoint (CORS, request id, body limit,
 * Apollo); any other path is 404. Our own handler rather than `startStandaloneServer`, which cannot answer
 * 401 with `WWW-Authenticate` or bound the body.
 */
export function createHttpHandler(deps: HttpHandlerDeps): RequestListener {
  const { config, apollo } = deps;
  const corsHandler = cors({
    origin: config.gateway.corsOrigins === '*' ? '*' : [...config.gateway.corsOrigins],
    methods: ['GET', 'POST', 'OPTIONS'],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
  const readBody = readJsonBody(config.gateway.bodyLimitBytes);
  const served = [
    `${GRAPHQL_PATH} (GraphQL)`, '/health', '/ready',
    ...(deps.metricsOnThisPort && deps.metrics ? [METRICS_PATH] : []),
    ...(deps.explorer ? [EXPLORER_PATH] : []),
  ];

  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const probe = req.method === 'GET' || req.method === 'HEAD';
    if (probe && path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && deps.explorer && (path === EXPLORER_PATH.slice(0, -1) || path.startsWith(EXPLORER_PATH))) {
      return sendExplorerFile(res, deps.explorer, path);
    }
    if (probe && path === '/ready') {
      void deps.readiness.check().then(
        (report) => sendJson(res, report.status === 'ready' ? 200 : 503, report),
        () => sendJson(res, 503, { status: 'not ready' }),
      );
      return;
    }
    const metrics = deps.metricsOnThisPort ? deps.metrics : null;
    if (probe && path === METRICS_PATH && metrics) return serveMetrics(metrics, res);
    if (path !== GRAPHQL_PATH) return sendNotFound(res, served);
    corsHandler(req, res, () => {
      if (req.method === 'OPTIONS') return;
      const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER], deps.newRequestId);
      res.setHeader(REQUEST_ID_HEADER, requestId);
      if (deps.isDraining()) {
        res.setHeader('connection', 'close');
        return sendError(res, new HttpError(503, ErrorCode.UPSTREAM_UNAVAILABLE, 'The gateway is shutting down'));
      }
      const telemetry = new OperationTelemetry(deps.metrics, req.headers, requestId);
      res.once('close', () => telemetry.finish(res.statusCode));
      // Everything the operation does runs in its trace context, so spans started below it find their parent.
      void otelContext.with(telemetry.context, () => handleGraphQL(req, res, requestId, telemetry)).catch((error: unknown) => {
        if (error instanceof HttpError) return sendError(res, error);
        deps.logger.error({ requestId, err: errorSummary(error) }, 'request failed outside GraphQL execution');
        sendError(res, new HttpError(500, ErrorCode.INTERNAL_SERVER_ERROR, `Internal server error (request ${requestId})`));
      });
    });
  };

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string, telemetry: OperationTelemetry): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req, res) : undefined;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // Apollo asks for the context after the landing page and the CSRF check, before parsing: the caller is
    // authenticated there and nowhere else, so a refused caller costs no parsing and no upstream call.
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: new URL(req.url ?? '/', 'http://x').search, body },
      context: () => deps.context(req, requestId, telemetry),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/**
 * The listener of `GATEWAY_METRICS_PORT`: `/metrics` and nothing else, so that port can stay off the public
 * ingress while Prometheus scrapes it.
 */
export function createMetricsHandler(metrics: GatewayMetrics): RequestListener {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && path === METRICS_PATH) return serveMetrics(metrics, res);
    sendNotFound(res, [METRICS_PATH]);
  };
}

/** A Prometheus scrape (also HEAD). */
function serveMetrics(metrics: GatewayMetrics, res: ServerResponse): void {
  metrics.text().then(
    ({ contentType, body }) => {
      res.statusCode = 200;
      res.setHeader('content-type', contentType);
      res.end(body);
    },
    () => sendJson(res, 500, { status: 'error', message: 'The metrics could not be collected' }),
  );
}

/** Any path the port does not serve: 404 naming the ones it does (and not echoing the caller's). */
function sendNotFound(res: ServerResponse, served: readonly string[]): void {
  sendJson(res, 404, { status: 'not found', message: `No such path: this port serves ${served.join(', ')}` });
}

function sendExplorerFile(res: ServerResponse, files: ReadonlyMap<string, ExplorerAsset>, path: string): void {
  // `/explorer` without its slash: relative asset URLs need the directory form.
  if (!path.startsWith(EXPLORER_PATH)) {
    res.writeHead(308, { location: EXPLORER_PATH }).end();
    return;
  }
  const file = files.get(path.slice(EXPLORER_PATH.length));
  if (!file) return sendJson(res, 404, { status: 'not found' });
  res.writeHead(200, { 'content-type': file.contentType, 'content-security-policy': EXPLORER_CSP, 'cache-control': 'no-cache' }).end(file.body);
}

function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.httpStatus, { errors: [{ message: error.message, extensions: { code: error.code } }] });
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  if (res.headersSent) return void res.end();
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}

function errorSummary(error: unknown): { name: string } {
  return { name: error instanceof Error ? error.name : typeof error };
}
