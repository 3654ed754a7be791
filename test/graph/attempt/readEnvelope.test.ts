import { readEnvelope } from '../../../src/graph/transport';
import { GraphHttpError } from '../../../src/graph/errors';
import type { GraphRequest } from '../../../src/graph/types';
import type { HttpResult } from '../../../src/graph/http';

const envelope: GraphRequest = { method: 'POST', version: 'beta', url: '/$batch' };
const requests: GraphRequest[] = ['/a', '/b', '/c'].map((url) => ({ method: 'GET', version: 'beta', url }));
const innerIds = ['i1', 'i2', 'i3'];

function answer(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResult {
  return { status, headers, body, bodyKind: 'json' };
}

describe('readEnvelope', () => {
  it('matches inner answers by id whatever their order, judging each status on its own', () => {
    const outcomes = readEnvelope(envelope, requests, innerIds, 'outer', answer({
      responses: [
        { id: '3', status: 404, headers: {}, body: { error: { code: 'ResourceNotFound', message: 'no' } } },
        { id: '1', status: 200, headers: { 'Request-Id': 'b0e1c2d3-a4b5-4c6d-8e7f-901a2b3c4d5e' }, body: { value: [1] } },
        { id: '2', status: 429, headers: { 'Retry-After': '2' }, body: {} },
      ],
    }), 0);
    expect(outcomes[0]).toEqual({ kind: 'ok', response: { status: 200, body: { value: [1] }, requestId: 'b0e1c2d3-a4b5-4c6d-8e7f-901a2b3c4d5e' } });
    expect(outcomes[1]).toMatchObject({ kind: 'retryable', status: 429, retryAfterMs: 2_000, details: { clientRequestId: 'i2' } });
    expect(outcomes[2]).toMatchObject({ kind: 'failed' });
    const error = (outcomes[2] as { error: GraphHttpError }).error;
    expect(error).toBeInstanceOf(GraphHttpError);
    expect(error.details).toEqual({ httpStatus: 404, graphCode: 'ResourceNotFound', clientRequestId: 'i3' });
  });

  it('retries an inner request Graph did not answer', () => {
    const outcomes = readEnvelope(envelope, requests, innerIds, 'outer', answer({ responses: [{ id: '1', status: 200, body: {} }] }), 0);
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'retryable', 'retryable']);
  });

  it('applies a failed envelope to every inner request', () => {
    const throttled = readEnvelope(envelope, requests, innerIds, 'outer', answer({}, 429, { 'retry-after': '3' }), 0);
    expect(throttled.map((o) => (o.kind === 'retryable' ? o.retryAfterMs : o.kind))).toEqual([3_000, 3_000, 3_000]);
    const refused = readEnvelope(envelope, requests, innerIds, 'outer', answer({ error: { code: 'BadRequest' } }, 400), 0);
    expect(refused.map((o) => o.kind)).toEqual(['failed', 'failed', 'failed']);
  });

  it('reads an inner body that arrived as JSON text, and refuses a 200 whose text is not JSON', () => {
    const outcomes = readEnvelope(envelope, requests, innerIds, 'outer', answer({
      responses: [
        { id: '1', status: 403, body: '{"error":{"code":"Forbidden","message":"x"}}' },
        { id: '2', status: 200, body: '<html>' },
        { id: '3', status: 204, body: '' },
      ],
    }), 0);
    expect(outcomes[0]).toMatchObject({ kind: 'failed', error: { details: { httpStatus: 403, graphCode: 'Forbidden' } } });
    expect(outcomes[1]).toMatchObject({ kind: 'failed', error: { message: 'Graph answered 200 with a body that is not JSON to GET /beta/b' } });
    expect(outcomes[2]).toEqual({ kind: 'ok', response: { status: 204, body: null } });
  });

  it('fails every inner request when a 200 envelope has no responses array', () => {
    const outcomes = readEnvelope(envelope, requests, innerIds, 'outer', answer({ value: [] }), 0);
    expect(outcomes.every((o) => o.kind === 'failed' && o.error.message === 'Graph answered $batch without a `responses` array')).toBe(true);
  });
});
