import { decodeQuery } from './decodeQuery';
import { GraphError } from './GraphError';

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
