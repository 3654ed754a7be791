import type { Emulator } from '../../src/emulator/emulator';
import { startEmulator } from '../../src/emulator/emulator';
import { createGraphPipeline } from '../../src/graph/pipeline';
import { GraphHttpError } from '../../src/graph/errors';
import { GraphThrottledError } from '../../src/graph/errors';
import { GraphUnavailableError } from '../../src/graph/errors';
import type { GraphCallEvent } from '../../src/graph/types';
import type { GraphPipeline } from '../../src/graph/types';
import type { GraphPipelineOptions } from '../../src/graph/types';
import type { GraphRequest } from '../../src/graph/types';
import { startOperation } from './support/startOperation';
import { testPipelineOptions } from './support/testPipelineOptions';

const REGISTRATIONS = '/reports/credentialUserRegistrationDetails';
const MARKER = 'MARKER-upstream-text-7f3a';

function top(n: number): GraphRequest {
  return { method: 'GET', version: 'beta', url: `${REGISTRATIONS}?$top=${n}` };
}

let emulator: Emulator;
const pipelines: GraphPipeline[] = [];

async function pipeline(overrides: Partial<GraphPipelineOptions> = {}): Promise<GraphPipeline> {
  const created = await createGraphPipeline(testPipelineOptions(emulator.url, { cache: { ttlMs: 0, staleMs: 0, maxEntries: 1, maxBytes: 1024 }, ...overrides }));
  pipelines.push(created);
  return created;
}

/** A read's identity in the emulator log, the same whether it travelled plain or inside an envelope. */
function target(record: { path: string; query: Record<string, string> }): string {
  return `${record.path}?${JSON.stringify(record.query)}`;
}

function everything(error: unknown): string {
  const e = error as Error & { details?: unknown; cause?: unknown };
  return [e.message, JSON.stringify(e), JSON.stringify(e.details), String(e.stack), String(e.cause)].join('\n');
}

beforeAll(async () => {
  emulator = await startEmulator({ users: 60 });
});

beforeEach(() => {
  emulator.setFaults([]);
  emulator.setRateLimit(null);
  emulator.setLatency(0);
  emulator.log.clear();
});

afterAll(async () => {
  await Promise.all(pipelines.map((p) => p.close()));
  await emulator.stop();
});

describe('createGraphPipeline: retries', () => {
  it('re-sends inner requests throttled with Retry-After together, each no sooner than its Retry-After', async () => {
    emulator.setFaults([{ status: 429, retryAfter: '1', every: 3, match: { inner: true } }]);
    const { upstream, stats } = startOperation(await pipeline());
    const responses = await Promise.all(Array.from({ length: 9 }, (_, i) => upstream.load(top(i + 1))));
    expect(responses.map((r) => r.status)).toEqual(Array(9).fill(200));

    const records = emulator.log.all().filter((r) => r.path === REGISTRATIONS);
    const throttled = records.filter((r) => r.status === 429);
    // Inner requests 3, 6 and 9 of the first envelope, then the third of the three re-sent together.
    expect(throttled).toHaveLength(4);
    for (const first of throttled) {
      const again = records.find((r) => r.seq > first.seq && target(r) === target(first));
      expect(again).toBeDefined();
      expect(again!.at - first.at).toBeGreaterThanOrEqual(1_000);
    }
    // The three throttled in the first envelope travel together in the next one.
    const firstEnvelope = throttled[0]!.batch!.envelopeSeq;
    const resent = throttled
      .filter((r) => r.batch?.envelopeSeq === firstEnvelope)
      .map((r) => records.find((x) => x.seq > r.seq && target(x) === target(r))!);
    expect(resent).toHaveLength(3);
    expect(new Set(resent.map((r) => r.batch?.envelopeSeq)).size).toBe(1);
    expect(stats.retries).toBe(4);
    expect(stats.httpRequests).toBe(3);
  });

  it('gives up on a persistent 503 after 1 + maxRetries attempts while its envelope siblings succeed', async () => {
    emulator.setFaults([{ status: 503, match: { pathIncludes: '$top=2' } }]);
    const { upstream } = startOperation(await pipeline({ maxRetries: 3 }));
    const results = await Promise.allSettled([upstream.load(top(1)), upstream.load(top(2)), upstream.load(top(3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const failure = (results[1] as PromiseRejectedResult).reason as GraphUnavailableError;
    expect(failure).toBeInstanceOf(GraphUnavailableError);
    expect(failure.details.httpStatus).toBe(503);
    expect(failure.message).toBe(`Graph answered 503 to GET /beta${REGISTRATIONS}?$top after 4 attempts`);
    expect(emulator.log.counted().filter((r) => r.rawUrl.includes('$top=2'))).toHaveLength(4);
  });

  it('fails at once with the wait in seconds when Retry-After reaches past the deadline', async () => {
    emulator.setFaults([{ status: 429, retryAfter: '120' }]);
    const { upstream, stats } = startOperation(await pipeline(), { deadline: Date.now() + 10_000 });
    const failure = await upstream.load(top(1)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphThrottledError);
    expect((failure as GraphThrottledError).retryAfterSeconds).toBe(120);
    expect((failure as GraphThrottledError).details).toMatchObject({ httpStatus: 429, graphCode: 'TooManyRequests' });
    expect(emulator.log.counted()).toHaveLength(1);
    expect(stats.retries).toBe(0);
  });

  it('retries a timed-out read and reports it unavailable once the retries are spent', async () => {
    emulator.setLatency(500);
    const { upstream } = startOperation(await pipeline({ timeoutMs: 100, maxRetries: 1 }));
    await expect(upstream.load(top(1))).rejects.toThrow(
      new GraphUnavailableError(`Graph gave no answer (timeout or network failure) to GET /beta${REGISTRATIONS}?$top after 2 attempts`),
    );
    expect(emulator.log.http()).toHaveLength(2);
  });
});

describe('createGraphPipeline: errors', () => {
  it('maps an upstream error to status, Graph code and request id, never its message', async () => {
    const body = JSON.stringify({ error: { code: 'Authorization_RequestDenied', message: MARKER, innerError: { 'request-id': 'req-42' } } });
    // Inner requests and plain GETs fail; the envelope itself goes through.
    emulator.setFaults([
      { status: 403, body, match: { inner: true } },
      { status: 403, body, match: { method: 'GET' } },
    ]);
    const events: GraphCallEvent[] = [];
    const { upstream, stats } = startOperation(await pipeline({ log: (e) => events.push(e) }));
    const failures = await Promise.all([upstream.load(top(1)), upstream.load(top(2))].map((p) => p.catch((e: unknown) => e)));
    const plain = await startOperation(pipelines[pipelines.length - 1]!).upstream.load(top(3)).catch((e: unknown) => e);
    for (const failure of [...failures, plain]) {
      expect(failure).toBeInstanceOf(GraphHttpError);
      expect((failure as GraphHttpError).details).toMatchObject({ httpStatus: 403, graphCode: 'Authorization_RequestDenied' });
      // The request-id header, when present, is the one Graph's support can look up.
      expect((failure as GraphHttpError).details.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(everything(failure)).not.toContain(MARKER);
    }
    expect(JSON.stringify(stats) + JSON.stringify(events)).not.toContain(MARKER);
  });

  it('maps a body that is not JSON to its status alone', async () => {
    emulator.setFaults([{ status: 500, body: `<html>${MARKER}</html>` }]);
    const failure = await startOperation(await pipeline()).upstream.load(top(1)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphHttpError);
    expect((failure as GraphHttpError).details.httpStatus).toBe(500);
    expect((failure as GraphHttpError).details.graphCode).toBeUndefined();
    expect(everything(failure)).not.toContain(MARKER);
  });

  it('keeps query values out of log events and call records', async () => {
    const events: GraphCallEvent[] = [];
    const { upstream, stats } = startOperation(await pipeline({ log: (e) => events.push(e) }), { getToken: async () => 'secret-token' });
    const secret = "userPrincipalName%20eq%20'secret-user%40contoso.com'";
    await upstream.load({ method: 'GET', version: 'beta', url: `${REGISTRATIONS}?$filter=${secret}` });
    const logged = JSON.stringify(events) + JSON.stringify(stats);
    expect(logged).not.toContain('secret');
    expect(stats.calls.map((c) => c.url)).toEqual([`/beta${REGISTRATIONS}?$filter`]);
  });
});

describe('createGraphPipeline: budget', () => {
  it('refuses at once when the budget cannot serve a read before the deadline', async () => {
    const { upstream } = startOperation(await pipeline({ rateLimit: { requests: 2, windowMs: 10_000 } }), { deadline: Date.now() + 3_000 });
    const results = await Promise.allSettled([1, 2, 3].map((n) => upstream.load(top(n))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refusal = (results[2] as PromiseRejectedResult).reason as GraphThrottledError;
    expect(refusal).toBeInstanceOf(GraphThrottledError);
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(10);
    expect(emulator.log.counted()).toHaveLength(2);
  });

  it('keeps a burst of 12 reads within a 5 per 10 s budget, so upstream never has to throttle', async () => {
    emulator.setRateLimit({ requests: 5, windowSeconds: 10 });
    const { upstream, stats } = startOperation(await pipeline({ rateLimit: { requests: 5, windowMs: 10_000 } }), {
      deadline: Date.now() + 40_000,
    });
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => upstream.load(top(i + 1))));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(emulator.log.all().filter((r) => r.status === 429)).toHaveLength(0);
    expect(emulator.log.counted()).toHaveLength(12);
    expect(emulator.log.http().filter((r) => r.path === '/$batch').map((r) => r.batchSize)).toEqual([5, 5, 2]);
    expect(stats.budgetWaits).toBe(2);
  }, 45_000);

  it('sends the part of an envelope that fits the free slots now and the rest when slots free up', async () => {
    // The emulator's window still holds the previous test's last requests for a second: let them leave it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    emulator.setRateLimit({ requests: 5, windowSeconds: 1 });
    const { upstream, stats } = startOperation(await pipeline({ rateLimit: { requests: 5, windowMs: 1_000 } }));
    await Promise.all([1, 2, 3].map((n) => upstream.load(top(n))));
    const responses = await Promise.all([4, 5, 6, 7, 8].map((n) => upstream.load(top(n))));
    expect(responses.map((r) => r.status)).toEqual(Array(5).fill(200));
    // Two slots were free: two of the five left at once, the other three one window after the first three.
    expect(emulator.log.http().filter((r) => r.path === '/$batch').map((r) => r.batchSize)).toEqual([3, 2, 3]);
    expect(emulator.log.counted().map((r) => r.query.$top)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(emulator.log.all().filter((r) => r.status === 429)).toHaveLength(0);
    expect(stats).toMatchObject({ budgetSlots: 8, budgetWaits: 1 });
  });
});

describe('createGraphPipeline: what it reports', () => {
  it('tells every call, inner answer, budget take, cache lookup and join as an event, with the report and no query value', async () => {
    const events: GraphCallEvent[] = [];
    const shared = await pipeline({ cache: { ttlMs: 60_000, staleMs: 0, maxEntries: 10, maxBytes: 1 << 20 }, rateLimit: { requests: 100, windowMs: 1_000 }, log: (e) => events.push(e) });
    emulator.setLatency(100);
    const [first, second] = [startOperation(shared), startOperation(shared)];
    // Two reads in one envelope; the second operation joins the first's flights.
    await Promise.all([first.upstream.load(top(1)), first.upstream.load(top(2)), second.upstream.load(top(1))]);
    await startOperation(shared).upstream.load(top(2));
    const of = (type: GraphCallEvent['type']) => events.filter((e) => e.type === type);
    expect(of('call')).toEqual([expect.objectContaining({ method: 'POST', report: '$batch', path: '/$batch', status: 200, innerRequests: 2 })]);
    expect(of('inner')).toEqual([1, 2].map(() => expect.objectContaining({ method: 'GET', version: 'beta', report: 'credentialUserRegistrationDetails', status: 200 })));
    expect(of('budget')).toEqual([{ type: 'budget', tenant: 'contoso', slots: 2, waitMs: 0 }]);
    expect(of('cache').map((e) => (e as { result: string }).result).sort()).toEqual(['hit', 'join', 'miss', 'miss']);
    expect(JSON.stringify(events)).not.toMatch(/\$top=/);
  });

  it('probes the root without a token or a budget slot: any HTTP answer is reachable, a closed port is not', async () => {
    const reachable = await (await pipeline()).probe(1_000);
    expect(reachable).toEqual({ reachable: true, status: expect.any(Number) });
    expect(emulator.log.all().map((r) => [r.method, r.rawUrl, r.headers['authorization']])).toEqual([['GET', '/v1.0/', undefined]]);
    const closed = await createGraphPipeline(testPipelineOptions('http://127.0.0.1:1', {}));
    pipelines.push(closed);
    expect(await closed.probe(1_000)).toEqual({ reachable: false, failure: 'network' });
  });
});

