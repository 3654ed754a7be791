import { startGateway, type TestGateway } from '../support/startGateway';

/**
 * The filter and order options Graph does not document (README "Options Graph does not document") are
 * offered; when Graph refuses one, that field is null with UPSTREAM_ERROR and Graph's status and code,
 * and the rest of the operation keeps its data.
 */
describe('options Graph does not document', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({
      emulator: {
        users: 30,
        faults: [
          { status: 400, code: 'BadRequest', match: { pathIncludes: 'eventDateTime ge' } },
          { status: 400, code: 'Request_UnsupportedQuery', match: { pathIncludes: '$orderby=eventDateTime' } },
        ],
      },
      env: { GRAPH_CACHE_TTL_SECONDS: '0' },
    });
  });
  afterAll(() => gw.stop());
  beforeEach(() => gw.emulator.log.clear());

  it('a refused eventDateTime filter or $orderby is a null field with UPSTREAM_ERROR, sent once, and the other fields keep their data', async () => {
    const res = await gw.query(`{
      since: userEventsSummary(first: 5, filter: { eventDateTime: { ge: "2025-06-01T00:00:00Z" } }) { nodes { id } }
      ordered: userCredentialUsageDetails(first: 5, orderBy: [{ field: EVENT_DATE_TIME }]) { nodes { id } }
      plain: userEventsSummary(first: 2, filter: { isSuccess: true }) { nodes { id } }
    }`);
    expect(res.body.data).toEqual({ since: null, ordered: null, plain: { nodes: expect.any(Array) } });
    expect(res.body.data!.plain.nodes).toHaveLength(2);
    expect(res.body.errors!.map((e) => [e.path, e.extensions!.code, e.extensions!.httpStatus, e.extensions!.graphCode]).sort()).toEqual([
      [['ordered'], 'UPSTREAM_ERROR', 400, 'Request_UnsupportedQuery'],
      [['since'], 'UPSTREAM_ERROR', 400, 'BadRequest'],
    ]);
    // A 400 is not retried: each refused request went out once.
    const refused = gw.emulator.log.counted().filter((r) => r.status === 400).map((r) => r.path).sort();
    expect(refused).toEqual(['/reports/authenticationMethods/userEventsSummary', '/reports/userCredentialUsageDetails']);
  });
});
