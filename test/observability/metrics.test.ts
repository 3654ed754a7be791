import parsePrometheus, { type MetricFamily } from 'parse-prometheus-text-format';
import { startGateway, type TestGateway } from '../support/startGateway';

/** The samples of one metric family whose labels include `where`, summed (`count` for histograms). */
function total(families: readonly MetricFamily[], name: string, where: Record<string, string | RegExp> = {}): number {
  // A histogram read as untyped series comes back as one family per run of lines: take them all.
  const samples = families.filter((f) => f.name === name).flatMap((f) => f.metrics);
  if (samples.length === 0) throw new Error(`no metric ${name} in the scrape`);
  return samples
    .filter((sample) => Object.entries(where).every(([label, wanted]) => {
      const value = sample.labels?.[label] ?? '';
      return typeof wanted === 'string' ? value === wanted : wanted.test(value);
    }))
    .reduce((sum, sample) => sum + Number(sample.value ?? 0), 0);
}

/**
 * The exposition parsed. parse-prometheus-text-format folds a histogram's labelled series into one sample,
 * so histograms are read as what they are on the wire: three series `_bucket`, `_sum` and `_count`.
 */
function parse(text: string): MetricFamily[] {
  return parsePrometheus(text.replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped'));
}

async function scrape(url: string): Promise<{ m: MetricFamily[]; text: string }> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return { m: parse(text), text };
}

const LINKED = `query Linked { credentialUserRegistrationDetails(first: 8) {
  nodes { userPrincipalName usageEvents(first: 2) { nodes { id } } } } }`;

describe('GET /metrics', () => {
  let gw: TestGateway;
  afterEach(() => gw?.stop());

  it('counts what the emulator received: requests, inner requests, 429s and retries, budget slots and waits, cache hits and joins, operations', async () => {
    // Envelopes of at most 5 under a 5-per-second budget, and every 4th inner request throttled once with Retry-After: 0;
    // the per-key plan, forced, so that the 8 links are 8 inner requests for the faults to throttle.
    gw = await startGateway({ emulator: { users: 20 }, env: { GRAPH_RATE_LIMIT: '5/1s', GRAPH_LINK_PLAN: 'batch' } });
    gw.emulator.setFaults([{ status: 429, retryAfter: '0', every: 4, match: { inner: true } }]);
    const first = await gw.query(LINKED, undefined, { 'x-gateway-stats': 'true' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(8);
    gw.emulator.setFaults([]);
    const repeat = await gw.query(LINKED, undefined, { 'x-gateway-stats': 'true' });
    const stats = first.body.extensions!.upstream;
    const repeatStats = repeat.body.extensions!.upstream;

    const log = gw.emulator.log;
    const throttled = log.counted().filter((r) => r.status === 429).length;
    expect(throttled).toBeGreaterThan(0);
    expect(stats.budgetWaits).toBeGreaterThan(0);
    expect(repeatStats).toMatchObject({ httpRequests: 0, cacheHits: 9 });

    const { m } = await scrape(new URL('/metrics', gw.url).href);
    const upstream = 'gateway_upstream_requests_total';
    // What hit the socket (plain requests and envelopes), and what counts against Graph's budget (plain and inner).
    expect(total(m, upstream, { kind: /^(plain|envelope)$/ })).toBe(log.http().length);
    expect(total(m, upstream, { kind: /^(plain|inner)$/ })).toBe(log.counted().length);
    expect(total(m, upstream, { kind: 'envelope', report: '$batch', status: '200' })).toBe(log.http().filter((r) => r.path === '/$batch').length);
    expect(total(m, upstream, { kind: 'plain', report: 'credentialUserRegistrationDetails', version: 'beta', status: '200' })).toBe(1);
    expect(total(m, upstream, { kind: 'inner', report: 'userCredentialUsageDetails', status: '429' })).toBe(throttled);
    expect(total(m, 'gateway_upstream_throttled_total')).toBe(throttled);
    // Every throttled inner request was re-sent once; the stats header says the same.
    expect(total(m, 'gateway_upstream_retries_total', { status: '429' })).toBe(throttled);
    expect(stats.retries).toBe(throttled);
    // Every budgeted request took one slot of the anonymous callers' tenant.
    expect(total(m, 'gateway_budget_slots_total', { tenant: 'default' })).toBe(log.counted().length);
    expect(total(m, 'gateway_budget_waits_total', { tenant: 'default' })).toBe(stats.budgetWaits);
    expect(total(m, 'gateway_budget_wait_seconds_total', { tenant: 'default' })).toBeCloseTo(stats.budgetWaitMs / 1000, 3);
    // The first operation missed the cache 9 times (1 list, 8 links); the repeat hit it 9 times.
    expect(total(m, 'gateway_response_cache_lookups_total', { result: 'miss' })).toBe(9);
    expect(total(m, 'gateway_response_cache_lookups_total', { result: 'hit' })).toBe(repeatStats.cacheHits);
    expect(total(m, 'gateway_upstream_request_duration_seconds_count', { kind: /^(plain|envelope)$/ })).toBe(log.http().length);
    expect(total(m, 'gateway_operation_duration_seconds_count', { operation: 'Linked', type: 'query', outcome: 'ok' })).toBe(2);
    // Node's own series come along.
    expect(total(m, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  }, 30_000);

  it('counts single-flight joins, failed and refused operations, and never a filter value in a label', async () => {
    gw = await startGateway({ emulator: { users: 20, latencyMs: 300 } });
    const query = '{ credentialUserRegistrationDetails(first: 3, filter: { userPrincipalName: { startsWith: "secret-prefix" } }) { nodes { id } } }';
    const answers = await Promise.all([gw.query(query, undefined, { 'x-gateway-stats': 'true' }), gw.query(query, undefined, { 'x-gateway-stats': 'true' })]);
    const joins = answers.reduce((sum, a) => sum + a.body.extensions!.upstream.singleFlightJoins, 0);
    expect(joins).toBe(1);
    expect(gw.emulator.log.counted()).toHaveLength(1);
    await gw.query('{ credentialUserRegistrationDetails(first: 5000) { nodes { id } } }');
    const refused = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(refused.status).toBe(400);

    const { m, text } = await scrape(new URL('/metrics', gw.url).href);
    expect(total(m, 'gateway_single_flight_joins_total')).toBe(1);
    expect(total(m, 'gateway_operation_duration_seconds_count', { operation: '(anonymous)', outcome: 'ok' })).toBe(2);
    expect(total(m, 'gateway_operation_duration_seconds_count', { operation: '(anonymous)', outcome: 'failed' })).toBe(1);
    expect(total(m, 'gateway_operation_duration_seconds_count', { operation: '(unknown)', outcome: 'refused' })).toBe(1);
    expect(total(m, 'gateway_operation_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(text).not.toContain('secret-prefix');
    expect(text).not.toMatch(/\$filter|userPrincipalName/);
  });

  it('counts batches of keyed reads by the plan the read planner chose: coalesced, then the next plan once upstream refused the `or` filter', async () => {
    gw = await startGateway({ emulator: { users: 20 }, env: { GRAPH_LINK_PLAN: 'coalesce', GRAPH_CACHE_TTL_SECONDS: '0' } });
    const coalescedReads = () => gw.emulator.log.counted().filter((r) => / or /.test(r.query['$filter'] ?? '')).length;
    expect((await gw.query(LINKED)).body.errors).toBeUndefined();
    expect(coalescedReads()).toBe(1);
    let { m } = await scrape(new URL('/metrics', gw.url).href);
    expect(total(m, 'gateway_link_plan_batches_total', { plan: 'coalesced' })).toBe(1);

    gw.emulator.setFaults([{ status: 400, match: { pathIncludes: ' or userPrincipalName' } }]);
    expect((await gw.query(LINKED)).body.errors).toBeUndefined();
    ({ m } = await scrape(new URL('/metrics', gw.url).href));
    // Tried again (refused, and learned), then answered by the next plan: a scan of the report or one read per user.
    expect(total(m, 'gateway_link_plan_batches_total', { plan: 'coalesced' })).toBe(2);
    expect(total(m, 'gateway_link_plan_batches_total', { plan: 'scan' }) + total(m, 'gateway_link_plan_batches_total', { plan: 'perKey' })).toBe(1);
  });

  it('moves to a port of its own with GATEWAY_METRICS_PORT, and is gone with GATEWAY_METRICS=off', async () => {
    gw = await startGateway({ emulator: { users: 1 }, env: { GATEWAY_METRICS_PORT: '0' } });
    const metricsUrl = gw.server.metricsUrl!;
    expect(new URL(metricsUrl).port).not.toBe(new URL(gw.url).port);
    expect((await fetch(metricsUrl)).status).toBe(200);
    expect((await fetch(new URL('/metrics', gw.url))).status).toBe(404);
    expect((await fetch(new URL('/health', metricsUrl))).status).toBe(404);
    await gw.stop();

    gw = await startGateway({ emulator: { users: 1 }, env: { GATEWAY_METRICS: 'off' } });
    expect(gw.server.metricsUrl).toBeNull();
    expect((await fetch(new URL('/metrics', gw.url))).status).toBe(404);
  });
});
