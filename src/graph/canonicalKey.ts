import type { GraphRequest } from './GraphRequest';

/**
 * The identity of a read for dedupe, single-flight and cache. The principal is part of it: two callers
 * with different rights must never share an answer, even for the same URL.
 */
export function canonicalKey(request: GraphRequest, principal: string): string {
  return `${principal}\n${request.method} /${request.version}${request.url}`;
}
