import { GatewayMetrics, MAX_LABEL_VALUES } from '../../src/observability/metrics';

describe('GatewayMetrics', () => {
  it(`keeps at most ${MAX_LABEL_VALUES} values per label and counts later newcomers as \`other\``, async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    for (let i = 0; i < MAX_LABEL_VALUES + 50; i++) metrics.recordOperation(`Op${i}`, 'query', 'ok', 0.01, []);
    metrics.recordOperation('Op0', 'query', 'ok', 0.01, []);
    const { body } = await metrics.text();
    const series = body.split('\n').filter((line) => line.startsWith('gateway_operation_duration_seconds_count'));
    expect(series).toHaveLength(MAX_LABEL_VALUES + 1);
    expect(series).toContain('gateway_operation_duration_seconds_count{operation="Op0",type="query",outcome="ok"} 2');
    expect(series).toContain('gateway_operation_duration_seconds_count{operation="other",type="query",outcome="ok"} 50');
  });

  it('turns graph events into counters: socket calls and inner requests apart, 429s, retries, budget and cache', async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    const call = { type: 'call', method: 'POST', version: 'beta', path: '/$batch', report: '$batch', attempt: 1, clientRequestId: 'c', durationMs: 20 } as const;
    metrics.record({ ...call, status: 200, innerRequests: 2 });
    metrics.record({ type: 'inner', method: 'GET', version: 'beta', report: 'x', status: 200, clientRequestId: 'i1', envelope: 'c' });
    metrics.record({ type: 'inner', method: 'GET', version: 'beta', report: 'x', status: 429, clientRequestId: 'i2', envelope: 'c' });
    metrics.record({ type: 'retry', requests: 1, status: 429, attempt: 1, delayMs: 1000 });
    metrics.record({ type: 'budget', tenant: 't', slots: 2, waitMs: 0 });
    metrics.record({ type: 'budget', tenant: 't', slots: 1, waitMs: 1500 });
    metrics.record({ type: 'cache', result: 'miss' });
    metrics.record({ type: 'cache', result: 'join' });
    const { body } = await metrics.text();
    for (const line of [
      'gateway_upstream_requests_total{report="$batch",version="beta",method="POST",kind="envelope",status="200"} 1',
      'gateway_upstream_requests_total{report="x",version="beta",method="GET",kind="inner",status="200"} 1',
      'gateway_upstream_requests_total{report="x",version="beta",method="GET",kind="inner",status="429"} 1',
      'gateway_upstream_request_duration_seconds_count{report="$batch",version="beta",kind="envelope"} 1',
      'gateway_upstream_throttled_total{kind="inner"} 1',
      'gateway_upstream_retries_total{status="429"} 1',
      'gateway_budget_slots_total{tenant="t"} 3',
      'gateway_budget_waits_total{tenant="t"} 1',
      'gateway_budget_wait_seconds_total{tenant="t"} 1.5',
      'gateway_response_cache_lookups_total{result="miss"} 1',
      'gateway_single_flight_joins_total 1',
    ]) expect(body.split('\n')).toContain(line);
  });
});
