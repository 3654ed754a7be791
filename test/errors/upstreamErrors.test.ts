import { startGateway, type TestGateway } from '../support/startGateway';

const TWO_REPORTS = `{
  credentialUserRegistrationDetails(first: 2) { nodes { id } }
  credentialUserRegistrationsSummaries(first: 2) { nodes { organizationId } }
}`;

describe('upstream failures become coded errors on their own field', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulator: { users: 10 }, env: { GRAPH_MAX_RETRIES: '2', GRAPH_CACHE_TTL_SECONDS: '0' } });
  });
  afterAll(() => gw.stop());
  beforeEach(() => {
    gw.emulator.log.clear();
    gw.emulator.setFaults([]);
  });

  it('a 403 on one report is FORBIDDEN with Graph code and request id, while the other report keeps its data', async () => {
    gw.emulator.setFaults([{ status: 403, code: 'Authorization_RequestDenied', match: { pathIncludes: 'managedTenants' } }]);
    const res = await gw.query(TWO_REPORTS);
    expect(res.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(2);
    expect(res.body.data!.credentialUserRegistrationsSummaries).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.path).toEqual(['credentialUserRegistrationsSummaries']);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', graphCode: 'Authorization_RequestDenied' });
  });

  it('a persistent 503 is UPSTREAM_UNAVAILABLE after 1 + GRAPH_MAX_RETRIES attempts, siblings answered', async () => {
    gw.emulator.setFaults([{ status: 503, match: { pathIncludes: 'managedTenants' } }]);
    const res = await gw.query(TWO_REPORTS);
    expect(res.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(2);
    expect(res.body.errors![0]!.extensions!.code).toBe('UPSTREAM_UNAVAILABLE');
    const attempts = gw.emulator.log.counted().filter((r) => r.path.includes('managedTenants'));
    expect(attempts).toHaveLength(3);
  }, 30_000);

  it('never passes an upstream body, token or stack trace to the client or the log', async () => {
    const marker = 'MARKER-7f3a secret stack at Object.<anonymous> (/srv/graph/internal.js:12:3) Bearer eyJhbGciOiJSUzI1NiJ9.leak.sig';
    gw.emulator.setFaults([{ status: 500, body: marker, match: { pathIncludes: 'managedTenants' } }]);
    gw.logs.length = 0;
    const res = await gw.query(TWO_REPORTS);
    const wire = JSON.stringify(res.body);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', httpStatus: 500 });
    for (const leak of ['MARKER-7f3a', 'eyJhbGciOiJSUzI1NiJ9', 'internal.js', 'stacktrace']) {
      expect(wire).not.toContain(leak);
      expect(gw.logs.join('\n')).not.toContain(leak);
    }
  });

  it('a 400 from upstream is UPSTREAM_ERROR carrying Graph code, never the upstream message', async () => {
    gw.emulator.setFaults([{ status: 400, code: 'BadRequest', match: { pathIncludes: 'credentialUserRegistrationDetails' } }]);
    const res = await gw.query(TWO_REPORTS);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', httpStatus: 400, graphCode: 'BadRequest' });
    expect(res.body.data!.credentialUserRegistrationsSummaries.nodes).toHaveLength(2);
  });
});
