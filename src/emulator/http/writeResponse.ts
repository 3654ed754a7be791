import type { ServerResponse } from 'node:http';
import type { UnitResponse } from './UnitResponse';

/** Graph's JSON content type. */
const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Writes a response to the socket, unless the client (or `stop()`) already closed it. */
export function writeResponse(res: ServerResponse, response: UnitResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const payload = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  const headers: Record<string, string | number> = { ...response.headers, 'content-length': Buffer.byteLength(payload) };
  if (response.text === undefined && response.body !== undefined) headers['content-type'] = JSON_CONTENT_TYPE;
  res.writeHead(response.status, headers);
  res.end(payload);
}
