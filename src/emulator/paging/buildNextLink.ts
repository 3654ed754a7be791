import type { UnitRequest } from '../http/UnitRequest';

function isSkipToken(part: string): boolean {
  const name = part.split('=', 1)[0] ?? '';
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A malformed name cannot be the skiptoken; keep the part as it is.
  }
  return /^\$?skiptoken$/i.test(decoded);
}

/**
 * `@odata.nextLink`: an absolute URL back to this server, the request's own path and query text kept
 * as received, with `$skiptoken` replaced.
 */
export function buildNextLink(unit: UnitRequest, version: string, token: string): string {
  const kept = unit.rawQuery.split('&').filter((part) => part !== '' && !isSkipToken(part));
  kept.push(`$skiptoken=${token}`);
  return `${unit.baseUrl}/${version}${unit.rawPath}?${kept.join('&')}`;
}
