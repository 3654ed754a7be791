import type { UnitResponse } from '../http/UnitResponse';

/** Graph spells these in title case inside `$batch` answers, unlike the lower-case `request-id`. */
const GRAPH_CASING: Readonly<Record<string, string>> = {
  'retry-after': 'Retry-After',
  'content-type': 'Content-Type',
  location: 'Location',
  'preference-applied': 'Preference-Applied',
};

/** The `headers` object of one inner answer, as Graph writes it. */
export function innerResponseHeaders(response: UnitResponse): Record<string, string> {
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
  if (response.body !== undefined) headers['Content-Type'] = 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8';
  for (const [name, value] of Object.entries(response.headers)) headers[GRAPH_CASING[name] ?? name] = value;
  return headers;
}
