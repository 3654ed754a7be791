import { OperationStats } from '../../src/operation/upstream';

describe('OperationStats', () => {
  it('keeps at most its cap of call records and counts the rest as dropped', () => {
    const stats = new OperationStats(2);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      stats.recordCall({ method: 'GET', url: '/beta/reports/x?$top', status: 200, clientRequestId: `c${attempt}`, attempt });
    }
    expect(stats.calls.map((c) => c.clientRequestId)).toEqual(['c1', 'c2']);
    expect(stats.droppedCalls).toBe(3);
  });

  it('serialises every counter and the records', () => {
    const stats = new OperationStats();
    stats.httpRequests = 2;
    stats.innerRequests = 21;
    stats.batches = 2;
    expect(JSON.parse(JSON.stringify(stats))).toEqual({
      httpRequests: 2,
      innerRequests: 21,
      batches: 2,
      retries: 0,
      cacheHits: 0,
      staleHits: 0,
      cacheAgeMs: null,
      singleFlightJoins: 0,
      budgetWaits: 0,
      budgetWaitMs: 0,
      budgetSlots: 0,
      estimate: null,
      droppedCalls: 0,
      plans: [],
      calls: [],
    });
  });
});
