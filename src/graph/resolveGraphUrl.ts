import { GraphRefusedRequestError } from './errors/GraphRefusedRequestError';
import type { GraphRequest } from './GraphRequest';
import { redactUrl } from './redactUrl';

const VERSIONS: readonly string[] = ['beta', 'v1.0'];
// Whitespace and control characters could split a request line; `#` and `\` are read differently by parsers.
const FORBIDDEN = /[\u0000-\u0020\u007f\\#]/;
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

function refuse(request: GraphRequest, why: string): never {
  throw new GraphRefusedRequestError(
    `request url must be ${why}, but got: ${request.method} ${String(request.version)} ${redactUrl(String(request.url))}`,
  );
}

/**
 * The one gate to the network: the absolute URL of `request` below `root`, or a GraphRefusedRequestError.
 * Only `{root}/beta/...` and `{root}/v1.0/...` can come out of it, whatever a cursor or a bug put in `url`.
 */
export function resolveGraphUrl(root: URL, request: GraphRequest): URL {
  if (!VERSIONS.includes(request.version)) refuse(request, 'below /beta or /v1.0');
  if (request.method !== 'GET' && request.method !== 'POST') refuse(request, 'read with GET or created with POST');
  const url = request.url;
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) {
    refuse(request, 'a relative path starting with a single `/`');
  }
  if (FORBIDDEN.test(url)) refuse(request, 'free of spaces, control characters, `\\` and `#`');
  const path = url.split('?', 1)[0] ?? '';
  if (path.split('/').some((segment) => DOT_SEGMENT.test(segment))) refuse(request, 'free of `.` and `..` segments');
  const base = `${root.origin}${root.pathname.replace(/\/+$/, '')}/${request.version}`;
  const resolved = new URL(base + url);
  if (resolved.origin !== root.origin || !resolved.pathname.startsWith(`${new URL(base).pathname}/`)) {
    refuse(request, `below ${base}`);
  }
  return resolved;
}
