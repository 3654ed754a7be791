import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

/** One HTTP exchange for sendHttp. */
export interface HttpCall {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly agent: http.Agent;
  /** Aborts the call: fires at the attempt timeout or the operation deadline. */
  readonly signal: AbortSignal;
  readonly maxBytes: number;
}

/** An HTTP answer as the graph layer reads it: lower-cased headers, the body parsed when it is JSON. */
export interface HttpResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body; `undefined` when the body was empty or not JSON (see `bodyKind`). */
  readonly body: unknown;
  readonly bodyKind: 'json' | 'empty' | 'other';
}

/** A call that produced no usable HTTP answer. Internal to the graph layer; mapped to GraphCallErrors. */
export class HttpFailure extends Error {
  constructor(
    readonly failure: 'timeout' | 'network' | 'tooLarge',
    options?: { cause?: unknown },
  ) {
    super(`upstream call failed: ${failure}`, options);
    this.name = 'HttpFailure';
  }
}

/**
 * The process-wide keep-alive agent for the Graph root: TLS handshakes are paid once per socket, not per
 * call, and `maxSockets` bounds what the gateway can open against one upstream.
 */
export function createAgent(root: URL, maxSockets: number): http.Agent {
  const options = { keepAlive: true, maxSockets, scheduling: 'lifo' as const };
  return root.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}

function decode(response: http.IncomingMessage): Readable {
  switch (response.headers['content-encoding']) {
    case 'gzip':
      return response.pipe(zlib.createGunzip());
    case 'deflate':
      return response.pipe(zlib.createInflate());
    case 'br':
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

function parse(status: number, rawHeaders: http.IncomingHttpHeaders, text: string): HttpResult {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(rawHeaders)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  if (text.trim().length === 0) return { status, headers, body: undefined, bodyKind: 'empty' };
  try {
    return { status, headers, body: JSON.parse(text) as unknown, bodyKind: 'json' };
  } catch {
    return { status, headers, body: undefined, bodyKind: 'other' };
  }
}

/**
 * One HTTP exchange over `node:http` (not fetch: we need the shared agent and a byte cap enforced while
 * reading, before a hostile or broken upstream can fill memory). Rejects only with HttpFailure.
 */
export function sendHttp(call: HttpCall): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const fail = (failure: HttpFailure['failure'], cause?: unknown): void => {
      reject(new HttpFailure(call.signal.aborted ? 'timeout' : failure, { cause }));
    };
    const transport = call.url.protocol === 'https:' ? https : http;
    const request = transport.request(
      call.url,
      { method: call.method, headers: call.headers, agent: call.agent, signal: call.signal },
      (response) => {
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > call.maxBytes) {
          response.destroy();
          return fail('tooLarge');
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const body = decode(response);
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > call.maxBytes) {
            response.destroy();
            body.destroy();
            fail('tooLarge');
          } else chunks.push(chunk);
        });
        body.on('error', (error) => fail('network', error));
        response.on('error', (error) => fail('network', error));
        body.on('end', () => {
          resolve(parse(response.statusCode ?? 0, response.headers, Buffer.concat(chunks).toString('utf8')));
        });
      },
    );
    request.on('error', (error) => fail('network', error));
    request.end(call.body);
  });
}
