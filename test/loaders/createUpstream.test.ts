import type { Emulator } from '../../src/emulator/emulator';
import { startEmulator } from '../../src/emulator/emulator';
import { createGraphPipeline } from '../../src/graph/pipeline';
import { GraphHttpError } from '../../src/graph/errors';
import { GraphRefusedRequestError } from '../../src/graph/errors';
import { GraphUnavailableError } from '../../src/graph/errors';
import type { GraphPipeline } from '../../src/graph/types';
import type { GraphPipelineOptions } from '../../src/graph/types';
import type { GraphRequest } from '../../src/graph/types';
import { startOperation } from '../graph/support/startOperation';
import { testPipelineOptions } from '../graph/support/testPipelineOptions';

const REGISTRATIONS = '/reports/credentialUserRegistrationDetails';

function top(n: number): GraphRequest {
  return { method: 'GET', version: 'beta', url: `${REGISTRATIONS}?$top=${n}` };
}

let emulator: Emulator;
const pipelines: GraphPipeline[] = [];

async function pipeline(overrides: Partial<GraphPipelineOptions> = {}): Promise<GraphPipeline> {
  const created = await createGraphPipeline(testPipelineOptions(emulator.url, overrides));
  pipelines.push(created);
  return created;
}

function envelopes() {
  return emulator.log.http().filter((r) => r.path === '/$batch');
}

beforeAll(async () => {
  emulator = await startEmulator({ users: 60 });
});

beforeEach(() => {
  emulator.setFaults([]);
  emulator.log.clear();
});

afterAll(async () => {
  await Promise.all(pipelines.map((p) => p.close()));
  await emulator.stop();
});

describe('createUpstream', () => {
  it('sends 21 distinct loads of one tick as two envelopes of 20 and 1, counting 21 requests', async () => {
    const { upstream, stats } = startOperation(await pipeline({ singleRequest: 'batch' }));
    const responses = await Promise.all(Array.from({ length: 21 }, (_, i) => upstream.load(top(i + 1))));
    expect(responses.map((r) => (r.body as { value: unknown[] }).value.length)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(envelopes().map((r) => r.batchSize)).toEqual([20, 1]);
    expect(emulator.log.http()).toHaveLength(2);
    expect(emulator.log.counted()).toHaveLength(21);
    expect(stats).toMatchObject({ httpRequests: 2, innerRequests: 21, batches: 2 });
  });

  it('sends the one read left over from a full envelope as a plain GET by default', async () => {
    const { upstream, stats } = startOperation(await pipeline());
    await Promise.all(Array.from({ length: 21 }, (_, i) => upstream.load(top(i + 1))));
    expect(envelopes().map((r) => r.batchSize)).toEqual([20]);
    expect(emulator.log.http().filter((r) => r.path === REGISTRATIONS).map((r) => r.query.$top)).toEqual(['21']);
    expect(stats).toMatchObject({ httpRequests: 2, innerRequests: 21, batches: 1 });
  });

  it('puts beta and v1.0 reads of one tick into separate envelopes, one per version', async () => {
    const { upstream } = startOperation(await pipeline());
    const successor = (n: number): GraphRequest => ({ method: 'GET', version: 'v1.0', url: `/reports/authenticationMethods/userRegistrationDetails?$top=${n}` });
    await Promise.all([upstream.load(top(1)), upstream.load(successor(1)), upstream.load(top(2)), upstream.load(successor(2))]);
    expect(envelopes().map((r) => `${r.version} ${r.batchSize}`).sort()).toEqual(['beta 2', 'v1.0 2']);
  });

  it('keeps at most maxConcurrentEnvelopes envelopes in flight', async () => {
    emulator.setLatency(200);
    try {
      const { upstream } = startOperation(await pipeline({ maxConcurrentEnvelopes: 2, batchSize: 2 }));
      await Promise.all(Array.from({ length: 6 }, (_, i) => upstream.load(top(i + 1))));
    } finally {
      emulator.setLatency(0);
    }
    const sent = envelopes().map((r) => r.at);
    expect(sent).toHaveLength(3);
    // The third envelope waits for one of the first two, which the emulator holds for 200 ms.
    expect(sent[2]! - sent[0]!).toBeGreaterThanOrEqual(200);
  });

  it('sends 30 identical loads of one tick once', async () => {
    const { upstream, stats } = startOperation(await pipeline());
    const responses = await Promise.all(Array.from({ length: 30 }, () => upstream.load(top(3))));
    expect(new Set(responses).size).toBe(1);
    expect(emulator.log.counted()).toHaveLength(1);
    expect(emulator.log.http()).toHaveLength(1);
    expect(stats.httpRequests).toBe(1);
  });

  it('lets 50 concurrent operations of one principal share one upstream call, then answers a repeat from cache', async () => {
    const shared = await pipeline();
    const first = Array.from({ length: 50 }, () => startOperation(shared));
    await Promise.all(first.map(({ upstream }) => upstream.load(top(7))));
    expect(emulator.log.counted()).toHaveLength(1);
    expect(first.reduce((sum, { stats }) => sum + stats.singleFlightJoins, 0)).toBe(49);

    emulator.log.clear();
    const repeat = Array.from({ length: 50 }, () => startOperation(shared));
    await Promise.all(repeat.map(({ upstream }) => upstream.load(top(7))));
    expect(emulator.log.all()).toHaveLength(0);
    const joins = repeat.reduce((sum, { stats }) => sum + stats.singleFlightJoins, 0);
    const hits = repeat.reduce((sum, { stats }) => sum + stats.cacheHits, 0);
    expect(joins + hits).toBe(50);
    expect(hits).toBeGreaterThanOrEqual(1);
  });

  it('never shares a call or a cached answer between principals', async () => {
    const shared = await pipeline();
    const alice = startOperation(shared, { principal: 'alice' });
    const bob = startOperation(shared, { principal: 'bob' });
    await Promise.all([alice.upstream.load(top(4)), bob.upstream.load(top(4))]);
    expect(emulator.log.counted()).toHaveLength(2);
    await startOperation(shared, { principal: 'carol' }).upstream.load(top(4));
    expect(emulator.log.counted()).toHaveLength(3);
    await startOperation(shared, { principal: 'alice' }).upstream.load(top(4));
    expect(emulator.log.counted()).toHaveLength(3);
  });

  it('does not keep a failure: a later load in the same operation, or another operation, asks again', async () => {
    const shared = await pipeline();
    emulator.setFaults([{ status: 500, times: 1 }]);
    const { upstream } = startOperation(shared);
    await expect(upstream.load(top(5))).rejects.toBeInstanceOf(GraphHttpError);
    await expect(upstream.load(top(5))).resolves.toMatchObject({ status: 200 });
    emulator.setFaults([{ status: 500, times: 1 }]);
    await expect(startOperation(shared).upstream.load(top(6))).rejects.toBeInstanceOf(GraphHttpError);
    await expect(startOperation(shared).upstream.load(top(6))).resolves.toMatchObject({ status: 200 });
    expect(emulator.log.counted().map((r) => r.status)).toEqual([500, 200, 500, 200]);
  });

  it('in naive mode sends every load as its own plain call, nothing batched, shared or cached', async () => {
    const naive = await pipeline({ dedupe: false });
    const { upstream, stats } = startOperation(naive);
    await Promise.all([upstream.load(top(2)), upstream.load(top(2)), upstream.load(top(3))]);
    await startOperation(naive).upstream.load(top(2));
    expect(envelopes()).toHaveLength(0);
    expect(emulator.log.http().map((r) => r.query.$top).sort()).toEqual(['2', '2', '2', '3']);
    expect(stats).toMatchObject({ httpRequests: 3, innerRequests: 3, batches: 0, cacheHits: 0, singleFlightJoins: 0 });
  });

  it('sends the token, Prefer and a fresh client-request-id on every envelope and inner request', async () => {
    const { upstream } = startOperation(await pipeline(), { getToken: async () => 'token-123' });
    await Promise.all([upstream.load(top(1)), upstream.load(top(2)), upstream.load(top(3))]);
    const records = emulator.log.all();
    expect(records).toHaveLength(4);
    for (const record of records) {
      expect(record.headers.authorization).toBe('Bearer token-123');
      expect(record.headers.prefer).toBe('include-unknown-enum-members');
      expect(record.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(records.map((r) => r.headers['client-request-id'])).size).toBe(4);
  });

  it('sends no Authorization header when the token provider has none', async () => {
    await startOperation(await pipeline()).upstream.load(top(1));
    expect(emulator.log.all()[0]?.headers.authorization).toBeUndefined();
  });

  it('refuses a URL outside the version root without calling upstream', async () => {
    const { upstream } = startOperation(await pipeline());
    for (const url of ['https://evil.example/beta/x', '//evil.example/x', '/../v2/x']) {
      await expect(upstream.load({ method: 'GET', version: 'beta', url })).rejects.toBeInstanceOf(GraphRefusedRequestError);
    }
    expect(emulator.log.all()).toHaveLength(0);
  });

  it('creates with one POST and never retries it, not even on 503', async () => {
    const { upstream, stats } = startOperation(await pipeline());
    const usage: GraphRequest = {
      method: 'POST',
      version: 'beta',
      url: '/reports/userCredentialUsageDetails',
      body: { userPrincipalName: 'new@contoso.com', feature: 'registration', isSuccess: true, authMethod: 'email', eventDateTime: '2026-01-01T00:00:00Z' },
    };
    await expect(upstream.send(usage)).resolves.toMatchObject({ status: 201, body: { userPrincipalName: 'new@contoso.com' } });
    emulator.setFaults([{ status: 503, retryAfter: '0', match: { method: 'POST' } }]);
    await expect(upstream.send(usage)).rejects.toBeInstanceOf(GraphUnavailableError);
    expect(emulator.log.http().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201', 'POST 503']);
    expect(stats.retries).toBe(0);
  });
});
