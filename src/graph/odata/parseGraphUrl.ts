import type { GraphVersion } from '../GraphRequest';
import { isRelativeGraphUrl } from './isRelativeGraphUrl';
import { maxRelativeUrlLength } from './maxRelativeUrlLength';
import { ODataCompileError } from './ODataCompileError';

const LINK = '@odata.nextLink';
/** Printable ASCII of RFC 3986; checked on the raw text because URL parsers silently drop tabs and turn `\` into `/`. */
const URL_CHARACTERS = /^[A-Za-z0-9\-._~:/?[\]@!$&'()*+,;=%]+$/;

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
  const expected = expectedPath.split('?')[0] ?? '';
  const refuse = (why: string): never => {
    throw new ODataCompileError(LINK, `\`${LINK}\` accepts only URLs to ${base.url.origin}${versionRoot}${expected}, but got ${why}`);
  };
  if (typeof absoluteUrl !== 'string' || absoluteUrl.length > base.length + maxRelativeUrlLength + 64) {
    return refuse('a value that is not a URL of acceptable length');
  }
  if (!URL_CHARACTERS.test(absoluteUrl)) return refuse('a URL with characters outside RFC 3986 (space, control, `\\`, `#` or non-ASCII)');
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
