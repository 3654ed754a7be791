import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runBatch } from './batch';
import type { EmulatorState } from './emulator';
import { type EntityDef, graphEnums, type PropertyDef } from './entities';
import { defaultErrorCode } from './faults';
import type { RequestRecord } from './log';
import { type HandlerContext, matchRoute } from './routes';

/**
 * A failure the emulator answers the way Graph does: an HTTP status, a Graph error `code` to branch on,
 * and a message of our own (never a copy of Graph's text). Thrown anywhere below the router.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** Graph's error envelope; `date` in Graph's style, UTC without fraction or offset. */
export function graphErrorBody(code: string, message: string, requestId: string, clientRequestId: string): unknown {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

/**
 * One request as the router sees it, whether it arrived on the socket or inside a `$batch`: the same
 * shape, so faults, throttling, routing and logging treat both alike.
 */
export interface UnitRequest {
  readonly method: string;
  readonly version: 'beta' | 'v1.0' | null;
  /** Below the version, percent-decoded, starting with `/`. */
  readonly path: string;
  /** Below the version, as received (used to build `@odata.nextLink`). */
  readonly rawPath: string;
  /** Decoded path segments below the version. */
  readonly segments: readonly string[];
  /** Decoded query pairs in order, duplicates kept; `+` is a space. */
  readonly queryPairs: readonly (readonly [string, string])[];
  /** The query string as received, without `?`. */
  readonly rawQuery: string;
  readonly rawUrl: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The body was present but not JSON. */
  readonly malformedBody?: boolean;
  /** Root of this server as the client addressed it, e.g. `http://127.0.0.1:4010`. */
  readonly baseUrl: string;
  readonly inner: boolean;
}

/** A response before it is written to the socket or wrapped into a `$batch` answer. */
export interface UnitResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A raw body (fault text, `$metadata` XML); its content type is in `headers`. */
  text?: string;
  /** Held this long before it is written (a fault's `delayMs`). */
  delayMs?: number;
}

function decode(part: string): string {
  try {
    // Graph decodes like ASP.NET: `+` is a space, so a literal plus must arrive as %2B. Its own docs
    // write `startswith(givenName%2C+'J')`.
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new GraphError(400, 'BadRequest', `The query string holds a malformed percent-encoding: ${part.slice(0, 80)}`);
  }
}

/** Splits a raw query string into decoded name/value pairs, in order, duplicates kept. */
export function decodeQuery(rawQuery: string): [string, string][] {
  if (rawQuery === '') return [];
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
    });
}

/** Where a request points: version, path below it (raw and decoded), query. */
interface Target {
  version: 'beta' | 'v1.0' | null;
  path: string;
  rawPath: string;
  segments: string[];
  rawQuery: string;
  queryPairs: [string, string][];
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GraphError(400, 'BadRequest', `The path holds a malformed percent-encoding: ${segment.slice(0, 80)}`);
  }
}

/**
 * Splits a request target (`/beta/reports/x?$top=5`). With `version` given (inner `$batch` requests),
 * the target is relative to that version root, with or without a leading slash, as Graph accepts.
 */
export function parseTarget(rawUrl: string, version?: 'beta' | 'v1.0'): Target {
  const question = rawUrl.indexOf('?');
  const rawWhole = question < 0 ? rawUrl : rawUrl.slice(0, question);
  const rawQuery = question < 0 ? '' : rawUrl.slice(question + 1);
  const queryPairs = decodeQuery(rawQuery);
  const rawSegments = rawWhole.split('/').filter((segment) => segment !== '');
  let resolved: 'beta' | 'v1.0' | null = version ?? null;
  if (version === undefined) {
    const first = (rawSegments[0] ?? '').toLowerCase();
    resolved = first === 'beta' ? 'beta' : first === 'v1.0' ? 'v1.0' : null;
    if (resolved !== null) rawSegments.shift();
  }
  const segments = rawSegments.map(decodeSegment);
  return {
    version: resolved,
    path: `/${segments.join('/')}`,
    rawPath: `/${rawSegments.join('/')}`,
    segments,
    rawQuery,
    queryPairs,
  };
}

/** OData system query options Graph knows; any other `$name` is a syntax error, not just unsupported. */
const SYSTEM_OPTIONS = [
  '$filter', '$orderby', '$top', '$skip', '$select', '$skiptoken', '$count', '$search', '$expand', '$format',
  '$apply', '$compute', '$levels', '$deltatoken',
];

/**
 * The system query options of a request, by lower-case name, after checking each is one this endpoint
 * accepts. Names are matched ignoring case, and on beta the `$` is optional, as Graph documents; other
 * custom parameters are ignored.
 */
export function readQueryOptions(unit: UnitRequest, allowed: readonly string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (const [name, value] of unit.queryPairs) {
    let option = name.toLowerCase();
    if (!option.startsWith('$')) {
      if (unit.version !== 'beta' || !SYSTEM_OPTIONS.includes(`$${option}`)) continue;
      option = `$${option}`;
    }
    if (!SYSTEM_OPTIONS.includes(option)) {
      throw new GraphError(400, 'BadRequest', `'${name}' is not an OData system query option.`);
    }
    if (!allowed.includes(option)) {
      const accepted = allowed.length === 0 ? 'none' : allowed.join(', ');
      throw new GraphError(400, 'Request_UnsupportedQuery', `The query option '${name}' is not supported here; accepted: ${accepted}.`);
    }
    if (options.has(option)) throw new GraphError(400, 'BadRequest', `The query option '${name}' appears more than once.`);
    options.set(option, value);
  }
  return options;
}

/** Whether `Prefer` (possibly several comma-separated preferences) asks for evolvable enum members. */
export function prefersUnknownEnumMembers(headers: Readonly<Record<string, string>>): boolean {
  const prefer = headers['prefer'];
  if (prefer === undefined) return false;
  return prefer.split(',').some((preference) => preference.trim().toLowerCase() === 'include-unknown-enum-members');
}

/** Far above any report request; a guard against a runaway client, not a Graph limit. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The request body as text; a body over the guard answers 413. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new GraphError(413, 'RequestEntityTooLarge', `The body must be at most ${MAX_BODY_BYTES} bytes, but got: ${size}.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** Graph's JSON content type. */
const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Writes a response to the socket, unless the client (or `stop()`) already closed it. */
export function writeResponse(res: ServerResponse, response: UnitResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const payload = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  const headers: Record<string, string | number> = { ...response.headers, 'content-length': Buffer.byteLength(payload) };
  if (response.text === undefined && response.body !== undefined) headers['content-type'] = JSON_CONTENT_TYPE;
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** How a row is to be served to one request. */
interface ServeOptions {
  readonly version: 'beta' | 'v1.0';
  /** The caller sent `Prefer: include-unknown-enum-members`. */
  readonly includeUnknown: boolean;
  /** `$select`ed property names, or all. */
  readonly select: readonly string[] | null;
}

/** Evolvable members (declared after `unknownFutureValue`) become `unknownFutureValue`; others pass. */
function hideEvolvable(value: unknown, def: PropertyDef): unknown {
  if (def.enumName === undefined) return value;
  const members: readonly string[] = graphEnums[def.enumName];
  const sentinel = members.indexOf('unknownFutureValue');
  const hide = (item: unknown): unknown => (typeof item === 'string' && members.indexOf(item) > sentinel ? 'unknownFutureValue' : item);
  return Array.isArray(value) ? value.map(hide) : hide(value);
}

/**
 * A stored row as one request sees it: beta-only properties dropped on v1.0, `$select` applied, and
 * evolvable enum members hidden unless asked for. Values outside the enum are served as stored.
 */
export function serializeRow(row: object, entity: EntityDef, options: ServeOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const def = entity.properties[name];
    if (def?.betaOnly && options.version !== 'beta') continue;
    if (options.select !== null && !options.select.includes(name)) continue;
    out[name] = def !== undefined && !options.includeUnknown ? hideEvolvable(value, def) : value;
  }
  return out;
}

/** The context a handler runs with. */
export function routeContext(
  state: EmulatorState,
  unit: UnitRequest,
  version: 'beta' | 'v1.0',
  args: Readonly<Record<string, string>> | null,
  key: string | null,
): HandlerContext {
  return { state, unit, version, args, key, includeUnknown: prefersUnknownEnumMembers(unit.headers) };
}

/** Routes a request to its handler; a path without a known version answers 400 as Graph does. */
export function routeUnit(state: EmulatorState, unit: UnitRequest): UnitResponse {
  if (unit.version === null) {
    throw new GraphError(400, 'BadRequest', `The path must start with a version, /beta or /v1.0, but got: ${unit.path.slice(0, 80)}`);
  }
  if (unit.malformedBody) throw new GraphError(400, 'BadRequest', 'The request body is not valid JSON.');
  const match = matchRoute(unit.method, unit.version, unit.segments);
  return match.handler(routeContext(state, unit, unit.version, match.args, match.key));
}

function failure(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  // A bug in the emulator: say so on stderr, answer like Graph's own internal errors.
  console.error('graph emulator: unexpected failure', error);
  return new GraphError(500, 'InternalServerError', 'The emulator failed to handle the request.');
}

/** A fault body that is JSON goes out as JSON (a test may fake a malformed Graph answer), else as text. */
function bodyContentType(body: string): string {
  try {
    JSON.parse(body);
    return 'application/json; charset=utf-8';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}

/**
 * Answers one request, plain or inner, the way Graph's front door does: the budget first (when the
 * request counts against it), then injected faults, then the handler. Every answer carries a fresh
 * `request-id` and echoes `client-request-id`; the record gets the final status.
 */
export function answerUnit(
  state: EmulatorState,
  unit: UnitRequest,
  record: RequestRecord,
  handle: () => UnitResponse,
  budgeted: boolean,
): UnitResponse {
  const requestId = randomUUID();
  const clientRequestId = unit.headers['client-request-id'] ?? requestId;
  let response: UnitResponse;
  let fault: ReturnType<EmulatorState['faults']['pick']> = null;
  try {
    const wait = budgeted ? state.limiter.tryAdmit(Date.now()) : null;
    if (wait !== null) {
      throw new GraphError(429, 'TooManyRequests', `The application exceeded its request budget; retry after ${wait} seconds.`, { 'retry-after': String(wait) });
    }
    fault = state.faults.pick({
      method: unit.method,
      path: unit.queryPairs.length === 0 ? unit.path : `${unit.path}?${unit.queryPairs.map(([name, value]) => `${name}=${value}`).join('&')}`,
      rawUrl: unit.rawUrl,
      inner: unit.inner,
      authorization: unit.headers['authorization'] ?? '',
    });
    if (fault !== null) {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
      if (fault.body !== undefined) {
        response = { status: fault.status, headers: { ...headers, 'content-type': bodyContentType(fault.body) }, text: fault.body };
      } else {
        throw new GraphError(fault.status, fault.code ?? defaultErrorCode(fault.status), `Injected fault: status ${fault.status}.`, headers);
      }
    } else {
      response = handle();
    }
  } catch (error) {
    const graphError = failure(error);
    response = { status: graphError.status, headers: { ...graphError.headers }, body: graphErrorBody(graphError.code, graphError.message, requestId, clientRequestId) };
  }
  if (fault?.delayMs !== undefined && !unit.inner) response.delayMs = fault.delayMs;
  response.headers['request-id'] = requestId;
  response.headers['client-request-id'] = clientRequestId;
  record.status = response.status;
  return response;
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function tryParseTarget(rawUrl: string): ReturnType<typeof parseTarget> | GraphError {
  try {
    return parseTarget(rawUrl);
  } catch (error) {
    return error instanceof GraphError ? error : new GraphError(400, 'BadRequest', 'The request target is malformed.');
  }
}

/**
 * The node:http listener: logs the request on arrival, reads its body, answers it (a `$batch` envelope
 * through the batch runner, anything else through the router), waits the configured latency, writes.
 */
export function createRequestListener(state: EmulatorState, ownUrl: () => string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const at = Date.now();
    const rawUrl = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = lowerCaseHeaders(req);
    const target = tryParseTarget(rawUrl);
    const parsed = target instanceof GraphError ? null : target;
    const isBatch = parsed !== null && parsed.version !== null && parsed.path.toLowerCase() === '/$batch';
    const record = state.log.add(
      { at, method, version: parsed?.version ?? null, path: parsed?.path ?? rawUrl, rawUrl, query: Object.fromEntries(parsed?.queryPairs ?? []), headers, status: 0 },
      isBatch ? 'envelope' : 'plain',
    );
    void (async () => {
      let text = '';
      let bodyError: GraphError | null = null;
      try {
        text = await readBody(req);
      } catch (error) {
        bodyError = error instanceof GraphError ? error : new GraphError(400, 'BadRequest', 'The request body could not be read.');
      }
      let body: unknown;
      let malformedBody = false;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
          record.body = body;
        } catch {
          malformedBody = true;
        }
      }
      const unit: UnitRequest = {
        method, version: parsed?.version ?? null, path: record.path, rawPath: parsed?.rawPath ?? rawUrl, segments: parsed?.segments ?? [],
        queryPairs: parsed?.queryPairs ?? [], rawQuery: parsed?.rawQuery ?? '', rawUrl, headers, body, malformedBody,
        baseUrl: headers['host'] === undefined ? ownUrl() : `http://${headers['host']}`, inner: false,
      };
      const response = answerUnit(state, unit, record, () => {
        if (target instanceof GraphError) throw target;
        if (bodyError !== null) throw bodyError;
        if (!isBatch) return routeUnit(state, unit);
        if (method !== 'POST') throw new GraphError(405, 'Request_BadRequest', `$batch accepts POST only, but got: ${method}.`);
        return runBatch(state, unit, record);
      }, !isBatch);
      const holdMs = Math.max(state.latencyMs, response.delayMs ?? 0);
      if (holdMs > 0) {
        // A client that gives up (closes) ends the hold, so a hung answer keeps no timer after its socket.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, holdMs);
          res.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      writeResponse(res, response);
    })().catch((error: unknown) => {
      console.error('graph emulator: failed to answer', error);
      res.destroy();
    });
  };
}
