import type { Handler } from '../handlers/Handler';
import { GraphError } from '../http/GraphError';
import { parseSegment } from './parseSegment';
import type { Route } from './Route';
import { routes } from './routes';

/** What the router found: the handler and what the path carried for it. */
interface Match {
  readonly handler: Handler;
  readonly args: Readonly<Record<string, string>> | null;
  readonly key: string | null;
}

/** Segments with `collection('id')` expanded to `collection`, `id`, so both key syntaxes match alike. */
function expand(segments: readonly string[]): { name: string; args: Readonly<Record<string, string>> | null; hasParens: boolean }[] {
  return segments.flatMap((segment) => {
    const parsed = parseSegment(segment);
    if (parsed.key !== null) return [{ name: parsed.name, args: null, hasParens: false }, { name: parsed.key, args: null, hasParens: false }];
    return [{ name: parsed.name, args: parsed.args, hasParens: parsed.args !== null }];
  });
}

function matches(route: Route, parts: ReturnType<typeof expand>): boolean {
  if (route.path.length !== parts.length) return false;
  return route.path.every((pattern, index) => {
    const part = parts[index];
    if (part === undefined) return false;
    if (pattern === '{key}') return !part.hasParens;
    const isFunction = pattern.endsWith('()');
    if (part.hasParens && !isFunction) return false;
    return (isFunction ? pattern.slice(0, -2) : pattern).toLowerCase() === part.name.toLowerCase();
  });
}

/**
 * Finds the handler for a method, version and decoded path. Unknown segments answer 400 `BadRequest`
 * as Graph does; a known resource with another method answers 405.
 */
export function matchRoute(method: string, version: 'beta' | 'v1.0', segments: readonly string[]): Match {
  const parts = expand(segments);
  const route = routes.find((candidate) => candidate.versions.includes(version) && matches(candidate, parts));
  if (route === undefined) {
    const last = segments[segments.length - 1] ?? '';
    throw new GraphError(400, 'BadRequest', `No resource '${last}' exists at this path on ${version}.`);
  }
  const handler = route.methods[method.toUpperCase() as 'GET' | 'POST'];
  if (handler === undefined) {
    throw new GraphError(405, 'Request_BadRequest', `${method} is not supported on this resource; it accepts ${Object.keys(route.methods).join(', ')}.`);
  }
  const keyIndex = route.path.indexOf('{key}');
  const last = parts[parts.length - 1];
  return { handler, args: last?.args ?? null, key: keyIndex < 0 ? null : (parts[keyIndex]?.name ?? null) };
}
