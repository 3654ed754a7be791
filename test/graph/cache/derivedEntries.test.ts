import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { createGraphPipeline } from '../../../src/graph/pipeline';
import type { GraphPipeline } from '../../../src/graph/types';
import { startOperation } from '../support/startOperation';
import { testPipelineOptions } from '../support/testPipelineOptions';

const PATH = '/beta/reports/credentialUserRegistrationDetails';

let emulator: Emulator;
let pipeline: GraphPipeline;

beforeAll(async () => {
  emulator = await startEmulator({ users: 5 });
  pipeline = await createGraphPipeline(testPipelineOptions(emulator.url));
});
afterAll(async () => {
  await pipeline.close();
  await emulator.stop();
});

describe("rows the read planner derives, cached beside the reads they came from", () => {
  it('are recalled by the principal that stored them and by no other', async () => {
    await startOperation(pipeline, { principal: 'alice' }).upstream.remember(PATH, 'scan\nnull', [{ id: 'a' }], Date.now());
    const recalling = startOperation(pipeline, { principal: 'alice' });
    await expect(recalling.upstream.recall(PATH, 'scan\nnull')).resolves.toMatchObject({ value: [{ id: 'a' }], stale: false });
    // Counted like a cached read, so x-gateway-stats and extensions.cache see it.
    expect(recalling.stats).toMatchObject({ cacheHits: 1, staleHits: 0, httpRequests: 0 });
    expect(recalling.stats.cacheAgeMs).not.toBeNull();
    await expect(startOperation(pipeline, { principal: 'bob' }).upstream.recall(PATH, 'scan\nnull')).resolves.toBeUndefined();
  });

  it("are dropped by that principal's create on the report, and only by hers", async () => {
    for (const principal of ['alice', 'bob']) await startOperation(pipeline, { principal }).upstream.remember(PATH, 'scan\nnull', [{ id: principal }], Date.now());
    const created = await startOperation(pipeline, { principal: 'alice' }).upstream.send({
      method: 'POST',
      version: 'beta',
      url: '/reports/credentialUserRegistrationDetails',
      body: { userPrincipalName: 'new@contoso.onmicrosoft.com', userDisplayName: 'New', authMethods: [], isRegistered: false, isEnabled: true, isCapable: false, isMfaRegistered: false },
    });
    expect(created.status).toBe(201);
    await expect(startOperation(pipeline, { principal: 'alice' }).upstream.recall(PATH, 'scan\nnull')).resolves.toBeUndefined();
    await expect(startOperation(pipeline, { principal: 'bob' }).upstream.recall(PATH, 'scan\nnull')).resolves.toMatchObject({ value: [{ id: 'bob' }] });
  });
});
