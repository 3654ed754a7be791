import { createHash, createHmac, randomBytes } from 'node:crypto';
import { GraphError, type UnitRequest } from './http';

/**
 * Opaque `$skiptoken`s: the offset of the next row plus a digest of the query it belongs to, signed with
 * a per-server secret. A token that was altered, or replayed against another query, answers 400.
 */
export class SkipTokenCodec {
  private readonly secret = randomBytes(32);

  /** Identifies the query a token may continue: report, filter, order, selection, page size. */
  static querySignature(parts: readonly (string | number | undefined)[]): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
  }

  encode(offset: number, signature: string): string {
    const payload = Buffer.from(`${offset}:${signature}`).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The offset a token carries, after checking its signature and that it belongs to this query. */
  decode(token: string, signature: string): number {
    const [payload = '', mac = '', ...rest] = token.split('.');
    const invalid = new GraphError(400, 'BadRequest', 'The $skiptoken is invalid: it was altered or belongs to another query.');
    if (rest.length > 0 || mac !== this.sign(payload)) throw invalid;
    const [offset = '', tokenSignature] = Buffer.from(payload, 'base64url').toString().split(':');
    if (tokenSignature !== signature || !/^\d+$/.test(offset)) throw invalid;
    return Number(offset);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, 22);
  }
}

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
