import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { call } from '../support/call';

describe('POST /$batch', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ users: 40 });
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.log.clear());

  const get = (id: string, url: string): { id: string; method: string; url: string } => ({ id, method: 'GET', url });

  it('answers 200 with every inner response, an inner 404 alongside 200s, in an order other than the request order', async () => {
    const known = emulator.data.registrationDetails[4]?.id ?? '';
    const requests = [
      get('a', `/reports/credentialUserRegistrationDetails/${known}`),
      get('b', 'reports/credentialUserRegistrationDetails/00000000-0000-4000-8000-000000000000'),
      get('c', "reports/getCredentialUsageSummary(period='D30')"),
      get('d', '/reports/getCredentialUserRegistrationCount'),
    ];
    const reply = await call(`${emulator.url}/beta/$batch`, { json: { requests } });
    expect(reply.status).toBe(200);
    const responses: any[] = reply.body.responses;
    expect(responses.map((r) => r.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(responses.map((r) => r.id)).not.toEqual(['a', 'b', 'c', 'd']);
    const byId = Object.fromEntries(responses.map((r) => [r.id, r]));
    expect(byId['a'].status).toBe(200);
    expect(byId['a'].body.id).toBe(known);
    expect(byId['b'].status).toBe(404);
    expect(byId['b'].body.error.code).toBe('Request_ResourceNotFound');
    expect(byId['c'].status).toBe(200);
    expect(byId['d'].body.value[0].totalUserCount).toBe(40);
    expect(byId['a'].headers['Content-Type']).toMatch(/^application\/json/);
  });

  it('logs the envelope once on the socket and each inner request under it, relative URLs resolved', async () => {
    await call(`${emulator.url}/v1.0/$batch`, {
      headers: { authorization: 'Bearer outer', prefer: 'include-unknown-enum-members' },
      json: { requests: [get('1', "/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='member',includedUserRoles='all')"), { ...get('2', 'reports/authenticationMethods/userRegistrationDetails?$top=1'), headers: { Authorization: 'Bearer inner' } }] },
    });
    const [envelope, first, second] = emulator.log.all();
    expect(emulator.log.http()).toEqual([envelope]);
    expect(envelope).toMatchObject({ method: 'POST', version: 'v1.0', path: '/$batch', batchSize: 2, status: 200 });
    expect(first).toMatchObject({ version: 'v1.0', path: "/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='member',includedUserRoles='all')", status: 200, batch: { envelopeSeq: envelope?.seq, id: '1' } });
    expect(first?.headers['authorization']).toBe('Bearer outer');
    expect(second).toMatchObject({ path: '/reports/authenticationMethods/userRegistrationDetails', query: { $top: '1' }, batch: { id: '2' } });
    expect(second?.headers['authorization']).toBe('Bearer inner');
    expect(second?.headers['prefer']).toBe('include-unknown-enum-members');
  });

  it('rejects more than 20 requests as a whole, running none of them', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => get(String(i), '/reports/getCredentialUserRegistrationCount'));
    const reply = await call(`${emulator.url}/beta/$batch`, { json: { requests } });
    expect([reply.status, reply.body.error.code]).toEqual([400, 'BadRequest']);
    expect(emulator.log.all()).toHaveLength(1);
    expect(emulator.log.all()[0]?.batchSize).toBe(21);
    const twenty = await call(`${emulator.url}/beta/$batch`, { json: { requests: requests.slice(0, 20) } });
    expect(twenty.body.responses).toHaveLength(20);
  });

  it.each([
    ['duplicate ids', { requests: [get('x', '/reports/getCredentialUserRegistrationCount'), get('x', '/reports/getCredentialUserRegistrationCount')] }],
    ['a missing id', { requests: [{ method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }] }],
    ['a missing method', { requests: [{ id: '1', url: '/reports/getCredentialUserRegistrationCount' }] }],
    ['a missing url', { requests: [{ id: '1', method: 'GET' }] }],
    ['no requests list', { calls: [] }],
    ['an empty requests list', { requests: [] }],
    ['dependsOn naming no request', { requests: [{ ...get('1', '/reports/getCredentialUserRegistrationCount'), dependsOn: ['9'] }] }],
  ])('answers 400 to the whole envelope for %s', async (_what, json) => {
    const reply = await call(`${emulator.url}/beta/$batch`, { json });
    expect([reply.status, reply.body.error.code]).toEqual([400, 'BadRequest']);
    expect(emulator.log.counted()).toHaveLength(0);
  });

  it('runs inner POSTs that carry their own Content-Type and refuses those that do not', async () => {
    const body = { tenantId: 'c0ffee00-0000-4000-8000-000000000001', tenantDisplayName: 'Batch & Co' };
    const url = '/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries';
    const reply = await call(`${emulator.url}/beta/$batch`, {
      json: { requests: [{ id: '1', method: 'POST', url, body, headers: { 'Content-Type': 'application/json' } }, { id: '2', method: 'POST', url, body }] },
    });
    const byId = Object.fromEntries((reply.body.responses as any[]).map((r) => [r.id, r]));
    expect(byId['1'].status).toBe(201);
    expect(byId['1'].body.tenantDisplayName).toBe('Batch & Co');
    expect(byId['2'].status).toBe(400);
    expect(emulator.data.tenantSummaries.filter((t) => t.tenantDisplayName === 'Batch & Co')).toHaveLength(1);
  });

  it('answers 424 to a request whose dependency failed', async () => {
    const reply = await call(`${emulator.url}/beta/$batch`, {
      json: { requests: [get('1', '/reports/nope'), { ...get('2', '/reports/getCredentialUserRegistrationCount'), dependsOn: ['1'] }] },
    });
    const byId = Object.fromEntries((reply.body.responses as any[]).map((r) => [r.id, r]));
    expect([byId['1'].status, byId['2'].status]).toEqual([400, 424]);
  });

  it('refuses a $batch nested in a $batch and a GET of /$batch', async () => {
    const nested = await call(`${emulator.url}/beta/$batch`, { json: { requests: [{ id: '1', method: 'POST', url: '/$batch', body: { requests: [] }, headers: { 'content-type': 'application/json' } }] } });
    expect(nested.body.responses[0].status).toBe(400);
    expect((await call(`${emulator.url}/beta/$batch`)).status).toBe(405);
  });
});
