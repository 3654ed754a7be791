import { operationShapes } from '../support/operationShapes';
import { startGateway, type TestGateway } from '../support/startGateway';

/**
 * The cost analysis is an upper bound: for every query shape of the suite, the budgeted requests the emulator
 * counts never exceed the estimate the gateway reports in `x-gateway-stats`. Run where Graph pages hard (two rows
 * a page, so connections follow nextLinks) under both link plans.
 */
describe.each([
  ['batch', { maxPageSize: 2 }],
  ['coalesce', { maxPageSize: 2 }],
  // The default: the read planner chooses per batch, scans included.
  ['auto', {}],
  ['auto', { maxPageSize: 2 }],
  ['batch', { maxPageSize: 2, ignoreTop: true }],
] as const)('the estimate bounds what is spent (link plan %s, emulator %j)', (plan, emulator) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({
      emulator: { users: 40, ...emulator },
      env: { GRAPH_CACHE_TTL_SECONDS: '0', GRAPH_LINK_PLAN: plan, LOG_LEVEL: 'warn' },
    });
  });
  afterAll(() => gw?.stop());

  it.each(operationShapes.map((shape) => [shape.name, shape] as const))('%s', async (_name, shape) => {
    gw.emulator.log.clear();
    const res = await gw.query(shape.query, shape.variables?.(gw.emulator.data), { 'x-gateway-stats': 'true' });
    expect(res.body.errors).toBeUndefined();
    const estimate = res.body.extensions?.upstream?.estimate as { requests: number; slots: number };
    const spent = gw.emulator.log.counted().length;
    expect(spent).toBeGreaterThan(0);
    expect({ spent, withinEstimate: spent <= estimate.requests }).toEqual({ spent, withinEstimate: true });
  });
});
