import { createServer, type Server, type ServerResponse } from 'node:http';
import { listRegistrations } from './listRegistrations';
import { listWithUsage } from './listWithUsage';
import { directoryByIds, usageWithRegistration, usersPage } from './keyedReads';
import { lookupByIds } from './lookupByIds';
import { RestUpstreamError } from './RestUpstreamError';

function integer(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1 || value > 1000) throw new RangeError(`${name} must be an integer from 1 to 1000, but got: ${raw}`);
  return value;
}

function optional(query: URLSearchParams, name: string): { [key: string]: string } {
  const value = query.get(name);
  return value === null ? {} : { [name]: value };
}

const ids = (query: URLSearchParams): string[] => (query.get('ids') ?? '').split(',').filter(Boolean);
/** The successor reports live under v1.0, beside the beta root the client is given. */
const v1Root = (betaRoot: string): string => betaRoot.replace(/\/beta$/, '/v1.0');

function route(betaRoot: string, path: string, query: URLSearchParams): Promise<unknown> {
  const top = integer(query, 'top', 50);
  switch (path) {
    case '/registrations':
      return listRegistrations(betaRoot, { top, ...optional(query, 'orderby'), ...optional(query, 'next') });
    case '/registrations/with-usage':
      return listWithUsage(betaRoot, { top, ...optional(query, 'orderby'), eventsTop: integer(query, 'eventsTop', 50), since: query.get('since') ?? '2000-01-01T00:00:00Z' }).then((value) => ({ value }));
    case '/registrations/by-id':
      return lookupByIds(betaRoot, ids(query)).then((value) => ({ value }));
    case '/usage/with-registration':
      return usageWithRegistration(betaRoot, top).then((value) => ({ value }));
    case '/directory/by-id':
      return directoryByIds(v1Root(betaRoot), ids(query)).then((value) => ({ value }));
    case '/users-page':
      return usersPage(betaRoot, v1Root(betaRoot), ids(query), integer(query, 'events', 3)).then((value) => ({ value }));
    default:
      return Promise.reject(new RangeError(`no route ${path}`));
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The plain REST contender: the endpoints a developer would hand-write instead of a gateway, with
 * fetch straight to Graph (the emulator), no cache, no dedupe, and the Graph SDK's retry rules.
 */
export function createRestServer(betaRoot: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    route(betaRoot, url.pathname, url.searchParams).then(
      (body) => reply(res, 200, body),
      (error: unknown) => {
        if (error instanceof RestUpstreamError) reply(res, 502, { error: { status: error.status } });
        else if (error instanceof RangeError) reply(res, 400, { error: { message: error.message } });
        else reply(res, 500, { error: { message: 'internal error' } });
      },
    );
  });
}
