import { laneOf, SocketBulkhead } from '../../../src/graph/bulkhead';
import { HttpFailure } from '../../../src/graph/http';

const get = (version: 'beta' | 'v1.0', url: string) => laneOf({ method: 'GET', version, url });

describe('laneOf', () => {
  it('names the report: version and leading name segments, whatever the id, query or function parameters', () => {
    expect(get('beta', "/reports/credentialUserRegistrationDetails?$filter=x eq 'a/b'&$top=5")).toBe('beta/reports/credentialUserRegistrationDetails');
    expect(get('beta', '/reports/credentialUserRegistrationDetails/8c5a5e6b-9f43-4c1e-9b6d-1f2a3b4c5d6e')).toBe('beta/reports/credentialUserRegistrationDetails');
    expect(get('v1.0', '/reports/authenticationMethods/userRegistrationDetails/a%2Fb')).toBe('v1.0/reports/authenticationMethods/userRegistrationDetails');
    expect(get('beta', "/reports/getCredentialUsageSummary(period='D30')?$filter=feature eq 'registration'")).toBe('beta/reports/getCredentialUsageSummary');
    expect(get('v1.0', '/reports/credentialUserRegistrationDetails')).not.toBe(get('beta', '/reports/credentialUserRegistrationDetails'));
  });
});

describe('SocketBulkhead', () => {
  const never = () => new Promise<never>(() => undefined);

  it('lets `perLane` requests of one report run at once; the next waits for a place, first come first served', async () => {
    const bulkhead = new SocketBulkhead(2);
    const order: string[] = [];
    const releases: (() => void)[] = [];
    const hold = (name: string) => () => new Promise<void>((resolve) => {
      order.push(name);
      releases.push(resolve);
    });
    const signal = new AbortController().signal;
    const runs = ['a', 'b', 'c', 'd'].map((name) => bulkhead.run(['hung'], signal, hold(name)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a', 'b']);
    expect(bulkhead.load('hung')).toEqual({ active: 2, waiting: 2 });
    // Another report is not held up by the full lane.
    await expect(bulkhead.run(['other'], signal, async () => 'served')).resolves.toBe('served');
    releases[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a', 'b', 'c']);
    releases.slice(1).forEach((release) => release());
    await new Promise((resolve) => setImmediate(resolve));
    releases.forEach((release) => release());
    await Promise.all(runs);
    expect(bulkhead.load('hung')).toEqual({ active: 0, waiting: 0 });
  });

  it('fails a waiting request as a timeout when its signal fires, leaving its place in line to no one', async () => {
    const bulkhead = new SocketBulkhead(1);
    const first = bulkhead.run(['r'], new AbortController().signal, never);
    const giveUp = new AbortController();
    const waiting = bulkhead.run(['r'], giveUp.signal, async () => 'never runs');
    expect(bulkhead.load('r')).toEqual({ active: 1, waiting: 1 });
    giveUp.abort();
    await expect(waiting).rejects.toEqual(new HttpFailure('timeout'));
    expect(bulkhead.load('r')).toEqual({ active: 1, waiting: 0 });
    await expect(bulkhead.run(['r'], AbortSignal.abort(), async () => 'x')).rejects.toBeInstanceOf(HttpFailure);
    void first;
  });

  it('holds a place in every lane an envelope reads, taken in one order so envelopes never wait on each other', async () => {
    const bulkhead = new SocketBulkhead(1);
    const signal = new AbortController().signal;
    let releaseAB!: () => void;
    const ab = bulkhead.run(['b', 'a'], signal, () => new Promise<void>((resolve) => (releaseAB = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    expect([bulkhead.load('a').active, bulkhead.load('b').active]).toEqual([1, 1]);
    const ba = bulkhead.run(['a', 'b'], signal, async () => 'ran');
    expect(bulkhead.load('a').waiting).toBe(1);
    releaseAB();
    await ab;
    await expect(ba).resolves.toBe('ran');
    expect([bulkhead.load('a'), bulkhead.load('b')]).toEqual([{ active: 0, waiting: 0 }, { active: 0, waiting: 0 }]);
  });
});
