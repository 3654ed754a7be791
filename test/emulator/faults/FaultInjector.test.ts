import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { call } from '../support/call';

describe('fault injection', () => {
  let emulator: Emulator;
  let count: string;
  beforeAll(async () => {
    emulator = await startEmulator({ users: 10 });
    count = `${emulator.url}/beta/reports/getCredentialUserRegistrationCount`;
  });
  afterAll(() => emulator.stop());
  beforeEach(() => {
    emulator.setFaults([]);
    emulator.log.clear();
  });

  async function statuses(n: number, url = count): Promise<number[]> {
    const result: number[] = [];
    for (let i = 0; i < n; i++) result.push((await call(url)).status);
    return result;
  }

  it('faults every Nth matching request, with Retry-After sent verbatim and a Graph error body', async () => {
    emulator.setFaults([{ status: 503, every: 3, retryAfter: '0.5' }]);
    expect(await statuses(7)).toEqual([200, 200, 503, 200, 200, 503, 200]);
    const faulted = await call(count);
    expect(faulted.status).toBe(200);
    emulator.setFaults([{ status: 429, retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT' }]);
    const throttled = await call(count, { headers: { 'client-request-id': 'cid-1' } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(throttled.body.error.code).toBe('TooManyRequests');
    expect(throttled.body.error.innerError['client-request-id']).toBe('cid-1');
    expect(throttled.headers.get('client-request-id')).toBe('cid-1');
  });

  it('stops after `times` faults and restarts counting when the rules are replaced', async () => {
    emulator.setFaults([{ status: 500, times: 2 }]);
    expect(await statuses(4)).toEqual([500, 500, 200, 200]);
    emulator.setFaults([{ status: 500, times: 1 }]);
    expect(await statuses(2)).toEqual([500, 200]);
  });

  it('lets the first matching rule whose counter hits decide, by path, method and authorization', async () => {
    emulator.setFaults([
      { status: 404, code: 'Custom_Code', match: { pathIncludes: 'usersRegisteredByMethod' } },
      { status: 403, match: { authorizationIncludes: 'intruder', method: 'get' } },
    ]);
    const method = await call(`${emulator.url}/v1.0/reports/authenticationMethods/usersRegisteredByMethod`);
    expect([method.status, method.body.error.code]).toEqual([404, 'Custom_Code']);
    expect((await call(count, { headers: { authorization: 'Bearer intruder' } })).status).toBe(403);
    expect((await call(count, { headers: { authorization: 'Bearer friend' } })).status).toBe(200);
  });

  it('matches pathIncludes against the decoded query too', async () => {
    emulator.setFaults([{ status: 503, match: { pathIncludes: "$filter=isRegistered eq true" } }]);
    const url = `${emulator.url}/beta/reports/credentialUserRegistrationDetails`;
    expect((await call(`${url}?%24filter=isRegistered+eq+true`)).status).toBe(503);
    expect((await call(`${url}?%24filter=isRegistered+eq+false`)).status).toBe(200);
  });

  it('sends a JSON fault body as JSON, so a test can fake a malformed Graph answer', async () => {
    emulator.setFaults([{ status: 200, body: '{"value":[{"id":"x"}]}' }]);
    const plain = await call(count);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(plain.body).toEqual({ value: [{ id: 'x' }] });
    emulator.setFaults([{ status: 200, body: '{"value":[{"id":"y"}]}', match: { inner: true } }]);
    const reply = await call(`${emulator.url}/beta/$batch`, { json: { requests: [{ id: '1', method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }] } });
    expect(reply.body.responses[0]).toMatchObject({ status: 200, body: { value: [{ id: 'y' }] } });
  });

  it('can fault only inner $batch requests, each on its own', async () => {
    emulator.setFaults([{ status: 503, every: 2, retryAfter: '2', match: { inner: true } }]);
    expect((await call(count)).status).toBe(200);
    const requests = ['1', '2', '3', '4'].map((id) => ({ id, method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }));
    const reply = await call(`${emulator.url}/beta/$batch`, { json: { requests } });
    expect(reply.status).toBe(200);
    const byId = Object.fromEntries((reply.body.responses as any[]).map((r) => [r.id, r]));
    expect(['1', '2', '3', '4'].map((id) => byId[id].status)).toEqual([200, 503, 200, 503]);
    expect(byId['2'].headers['Retry-After']).toBe('2');
    expect(emulator.log.all().map((r) => r.status)).toEqual([200, 200, 200, 503, 200, 503]);
  });

  it('can fail a whole $batch envelope as an outer request', async () => {
    emulator.setFaults([{ status: 504, match: { inner: false, pathIncludes: '$batch' } }]);
    const reply = await call(`${emulator.url}/beta/$batch`, { json: { requests: [{ id: '1', method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }] } });
    expect([reply.status, reply.body.error.code]).toEqual([504, 'GatewayTimeout']);
    expect(emulator.log.all()).toHaveLength(1);
  });

  it('sends a raw body instead of a Graph error when asked, in plain and inner answers', async () => {
    emulator.setFaults([{ status: 500, body: 'stack trace: secret-token-123' }]);
    const plain = await call(count);
    expect([plain.status, plain.body]).toEqual([500, 'stack trace: secret-token-123']);
    const reply = await call(`${emulator.url}/beta/$batch`, { json: { requests: [{ id: '1', method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }] } });
    expect(reply.status).toBe(500);
    emulator.setFaults([{ status: 500, body: 'secret-token-456', match: { inner: true } }]);
    const inner = await call(`${emulator.url}/beta/$batch`, { json: { requests: [{ id: '1', method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }] } });
    expect(inner.body.responses[0]).toMatchObject({ status: 500, body: 'secret-token-456' });
  });
});
