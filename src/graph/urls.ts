import { GraphRefusedRequestError, ODataCompileError } from './errors';
import type { GraphRequest, GraphVersion } from './types';

/** The path of a relative URL, without its query: what a cursor, a nextLink and a request must agree on. */
export function pathOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

/**
 * A request URL fit for logs: the path, and the names of the query options without their values
 * (`/reports/x?$filter=userPrincipalName eq 'ann@contoso.com'` → `/reports/x?$filter`), because
 * filter values are user data.
 */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const names = url
    .slice(question + 1)
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => pair.split('=', 1)[0]);
  return `${url.slice(0, question)}?${names.join('&')}`;
}

/**
 * The report a relative URL reads: its leading path segments that are names
 * (`reports/authenticationMethods/userRegistrationDetails`). An entity id or a function's parameters end the
 * name, so every read of one report, by id or by function, has the same path; `/$batch` is `$batch`.
 */
export function reportPathOf(url: string): string {
  const names: string[] = [];
  for (const segment of pathOf(url).split('/')) {
    if (segment === '') continue;
    const name = segment.split('(')[0] ?? '';
    if (!/^[A-Za-z$][A-Za-z0-9]*$/.test(name)) break;
    names.push(name);
    if (name !== segment) break;
  }
  return names.join('/');
}

/**
 * The report's own name, the last segment of `reportPathOf` (`userRegistrationDetails`, `getCredentialUsageSummary`,
 * `$batch`): short and bounded, for metric labels and span names.
 */
export function reportOf(url: string): string {
  const path = reportPathOf(url);
  return path.slice(path.lastIndexOf('/') + 1);
}

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

/**
 * Longest relative Graph URL (path + query, in characters) the gateway builds, follows or stores in a
 * cursor. Chosen so that a cursor holding such a URL stays under the cursor codec's 4096-character cap.
 */
export const maxRelativeUrlLength = 2560;

/**
 * Printable ASCII that RFC 3986 allows in a URL; no `#` (no fragments), no `\`, no spaces. Checked on the
 * raw text, because URL parsers silently drop tabs and turn `\` into `/`.
 */
const URL_CHARACTERS = /^[A-Za-z0-9\-._~:/?[\]@!$&'()*+,;=%]*$/;
const BROKEN_PERCENT = /%(?![0-9A-Fa-f]{2})/;

/**
 * Whether `url` is a relative URL that can only resolve below the version root it is appended to:
 * starts with one `/`, has no scheme or host, no backslash, no empty or dot segment in its path
 * (`%2e` counts as a dot: WHATWG URL parsers treat `%2e%2e` as `..`), and fits `maxRelativeUrlLength`.
 */
export function isRelativeGraphUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > maxRelativeUrlLength) return false;
  if (!url.startsWith('/') || !URL_CHARACTERS.test(url) || BROKEN_PERCENT.test(url)) return false;
  const segments = pathOf(url).slice(1).split('/');
  return segments.every((segment) => {
    const dots = segment.replace(/%2e/gi, '.');
    return segment !== '' && dots !== '.' && dots !== '..';
  });
}

const LINK = '@odata.nextLink';

/**
 * The only road from an absolute URL that upstream handed back (an `@odata.nextLink`) to a request:
 * it must sit under the configured `root` (same scheme, host and port, no userinfo, no fragment), in
 * `version`, on exactly `expectedPath` (relative to the version root, as in `GraphRequest.url`; a query
 * part in it is ignored). Returns the relative URL, path and query exactly as received, since Graph
 * wants its nextLink back unchanged. The URL itself is never echoed: it may carry a skip token.
 */
export function parseGraphUrl(root: string, version: GraphVersion, absoluteUrl: string, expectedPath: string): string {
  const base = parseRoot(root);
  const versionRoot = `${base.prefix}/${version}`;
  const expected = pathOf(expectedPath);
  const refuse = (why: string): never => {
    throw new ODataCompileError(LINK, `\`${LINK}\` accepts only URLs to ${base.url.origin}${versionRoot}${expected}, but got ${why}`);
  };
  if (typeof absoluteUrl !== 'string' || absoluteUrl.length > base.length + maxRelativeUrlLength + 64) {
    return refuse('a value that is not a URL of acceptable length');
  }
  if (absoluteUrl === '' || !URL_CHARACTERS.test(absoluteUrl)) return refuse('a URL with characters outside RFC 3986 (space, control, `\\`, `#` or non-ASCII)');
  let parsed: URL;
  try {
    parsed = new URL(absoluteUrl);
  } catch {
    return refuse('a value that is not an absolute URL');
  }
  // WHATWG parsing accepts `https:/host` and `https:host`; only the two-slash form is a real authority.
  const schemeEnd = `${base.url.protocol}//`;
  if (parsed.protocol !== base.url.protocol) return refuse(`a URL with scheme ${parsed.protocol.slice(0, -1)}`);
  if (!absoluteUrl.toLowerCase().startsWith(schemeEnd)) return refuse('a URL without `//` after its scheme');
  const authorityEnd = absoluteUrl.slice(schemeEnd.length).search(/[/?]|$/) + schemeEnd.length;
  const authority = absoluteUrl.slice(schemeEnd.length, authorityEnd);
  if (authority.includes('@') || parsed.username || parsed.password) return refuse('a URL with userinfo');
  if (authority === '') return refuse('a URL without a host after `//`');
  if (parsed.hostname !== base.url.hostname || parsed.port !== base.url.port) {
    return refuse(`a URL on ${parsed.host}`);
  }
  const rest = absoluteUrl.slice(authorityEnd);
  const queryAt = rest.indexOf('?');
  const path = queryAt === -1 ? rest : rest.slice(0, queryAt);
  if (!path.startsWith(`${versionRoot}/`)) return refuse('a URL outside that version root');
  const relative = rest.slice(versionRoot.length);
  const relativePath = path.slice(versionRoot.length);
  if (canonicalPath(relativePath) !== canonicalPath(expected)) {
    return refuse('a URL on another path');
  }
  if (!isRelativeGraphUrl(relative)) return refuse('a URL longer than the gateway follows or with an unsafe path');
  return relative;
}

function parseRoot(root: string): { url: URL; prefix: string; length: number } {
  let url: URL | undefined;
  try {
    url = new URL(root);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new ODataCompileError('root', `the Graph root accepts an http(s) URL without userinfo, query or fragment, but got: ${JSON.stringify(root)}`);
  }
  return { url, prefix: url.pathname.replace(/\/+$/, ''), length: root.length };
}

/**
 * Graph may echo a function call's quotes, parentheses, `=` and `,` percent-encoded; those sub-delimiters
 * mean the same either way, and decoding them cannot create a `/` or a dot segment.
 */
function canonicalPath(path: string): string {
  return path.replace(/%(27|28|29|3D|2C)/gi, (escape) => decodeURIComponent(escape));
}
