import { maxRelativeUrlLength } from './maxRelativeUrlLength';

/** Printable ASCII that RFC 3986 allows in a path and query; no `#` (no fragments), no `\`, no spaces. */
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
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const segments = path.slice(1).split('/');
  return segments.every((segment) => {
    const dots = segment.replace(/%2e/gi, '.');
    return segment !== '' && dots !== '.' && dots !== '..';
  });
}
