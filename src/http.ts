import { type ApolloServer, HeaderMap } from '@apollo/server';
import bodyParser from 'body-parser';
import cors from 'cors';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { EXPLORER_CSP, EXPLORER_PATH, type ExplorerAsset } from './apollo/explorer';
import type { Config } from './config';
import { ErrorCode } from './errors';
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
  readonly context: (req: IncomingMessage, requestId: string) => Promise<GatewayContext>;
  readonly ready: () => Promise<boolean>;
  readonly isDraining: () => boolean;
  readonly newRequestId: () => string;
  /** The local explorer's files (README, "Quick start"), or null where it is off (production). */
  readonly explorer: ReadonlyMap<string, ExplorerAsset> | null;
}

/**
 * The gateway's one HTTP entry: health routes, CORS, body limit, then Apollo. Our own handler rather
 * than `startStandaloneServer`, which cannot answer 401 with `WWW-Authenticate` or bound the body.
 */
export function createHttpHandler(deps: HttpHandlerDeps): RequestListener {
  const { config, apollo } = deps;
  const corsHandler = cors({
    origin: config.gateway.corsOrigins === '*' ? '*' : [...config.gateway.corsOrigins],
    methods: ['GET', 'POST', 'OPTIONS'],
    maxAge: 600,
  });
  const readBody = readJsonBody(config.gateway.bodyLimitBytes);

  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && deps.explorer && (path === EXPLORER_PATH.slice(0, -1) || path.startsWith(EXPLORER_PATH))) {
      return sendExplorerFile(res, deps.explorer, path);
    }
    if (req.method === 'GET' && path === '/ready') {
      void deps.ready().then(
        (ok) => sendJson(res, ok && !deps.isDraining() ? 200 : 503, { status: ok && !deps.isDraining() ? 'ready' : 'not ready' }),
        () => sendJson(res, 503, { status: 'not ready' }),
      );
      return;
    }
    corsHandler(req, res, () => {
      if (req.method === 'OPTIONS') return;
      const requestId = deps.newRequestId();
      res.setHeader('x-request-id', requestId);
      if (deps.isDraining()) {
        res.setHeader('connection', 'close');
        return sendError(res, new HttpError(503, ErrorCode.UPSTREAM_UNAVAILABLE, 'The gateway is shutting down'));
      }
      void handleGraphQL(req, res, requestId).catch((error: unknown) => {
        if (error instanceof HttpError) return sendError(res, error);
        deps.logger.error({ requestId, err: errorSummary(error) }, 'request failed outside GraphQL execution');
        sendError(res, new HttpError(500, ErrorCode.INTERNAL_SERVER_ERROR, `Internal server error (request ${requestId})`));
      });
    });
  };

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req, res) : undefined;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // Apollo asks for the context after the landing page and the CSRF check, before parsing: the caller is
    // authenticated there and nowhere else, so a refused caller costs no parsing and no upstream call.
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: new URL(req.url ?? '/', 'http://x').search, body },
      context: () => deps.context(req, requestId),
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
