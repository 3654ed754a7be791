/**
 * Headers every Graph call carries. `client-request-id` is fresh per attempt so each one can be traced on
 * its own in Graph's logs; `Prefer` asks for evolvable enum members newer than `unknownFutureValue`.
 */
export function graphHeaders(clientRequestId: string, token: string | null, jsonBody: boolean): Record<string, string> {
  return {
    accept: 'application/json',
    'accept-encoding': 'gzip',
    'client-request-id': clientRequestId,
    prefer: 'include-unknown-enum-members',
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...(jsonBody ? { 'content-type': 'application/json' } : {}),
  };
}
