import { startEmulator } from '../../src/emulator/emulator';
import { call } from './support/call';

describe('RequestLog', () => {
  it('tells what hit the socket from what counts against the budget, in arrival order', async () => {
    const emulator = await startEmulator({ users: 5 });
    try {
      await call(`${emulator.url}/beta/reports/credentialUserRegistrationDetails?$filter=isRegistered%20eq%20true&$top=2`, { headers: { 'Client-Request-Id': 'c-1' } });
      await call(`${emulator.url}/beta/$batch`, {
        json: { requests: [{ id: 'x', method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }, { id: 'y', method: 'GET', url: '/reports/nope' }] },
      });
      await call(`${emulator.url}/v1.0/reports/authenticationMethods/usersRegisteredByMethod`);

      const all = emulator.log.all();
      expect(all.map((r) => [r.seq, r.method, r.path, r.status])).toEqual([
        [1, 'GET', '/reports/credentialUserRegistrationDetails', 200],
        [2, 'POST', '/$batch', 200],
        [3, 'GET', '/reports/getCredentialUserRegistrationCount', 200],
        [4, 'GET', '/reports/nope', 400],
        [5, 'GET', '/reports/authenticationMethods/usersRegisteredByMethod', 200],
      ]);
      expect(emulator.log.http().map((r) => r.seq)).toEqual([1, 2, 5]);
      expect(emulator.log.counted().map((r) => r.seq)).toEqual([1, 3, 4, 5]);
      const [first] = all;
      expect(first).toMatchObject({
        version: 'beta',
        rawUrl: '/beta/reports/credentialUserRegistrationDetails?$filter=isRegistered%20eq%20true&$top=2',
        query: { $filter: 'isRegistered eq true', $top: '2' },
      });
      expect(first?.headers['client-request-id']).toBe('c-1');
      expect(all[1]?.body).toEqual({ requests: expect.any(Array) });
      expect(all[2]?.batch).toEqual({ envelopeSeq: 2, id: 'x' });
      expect(all.every((r, i) => i === 0 || r.at >= (all[i - 1]?.at ?? 0))).toBe(true);

      emulator.log.clear();
      expect(emulator.log.all()).toEqual([]);
      await call(`${emulator.url}/beta/reports/getCredentialUserRegistrationCount`);
      expect(emulator.log.all().map((r) => r.seq)).toEqual([6]);
    } finally {
      await emulator.stop();
    }
  });

  it('keeps only the last `logLimit` records, oldest dropped first, and says how many it dropped', async () => {
    const emulator = await startEmulator({ users: 5, logLimit: 3 });
    try {
      for (let i = 1; i <= 4; i += 1) await call(`${emulator.url}/beta/reports/credentialUserRegistrationDetails?$top=${i}`);
      await call(`${emulator.url}/beta/$batch`, {
        json: { requests: [{ id: 'a', method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }, { id: 'b', method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }] },
      });
      // 4 plain requests, 1 envelope, 2 inner requests: 7 records, the last 3 kept.
      expect(emulator.log.all().map((r) => r.seq)).toEqual([5, 6, 7]);
      expect(emulator.log.dropped).toBe(4);
      expect(emulator.log.counted().map((r) => r.seq)).toEqual([6, 7]);
      expect(emulator.log.http().map((r) => r.seq)).toEqual([5]);
      for (let i = 0; i < 10; i += 1) await call(`${emulator.url}/beta/reports/getCredentialUserRegistrationCount`);
      expect(emulator.log.all().map((r) => r.seq)).toEqual([15, 16, 17]);
      expect(emulator.log.dropped).toBe(14);
      emulator.log.clear();
      expect([emulator.log.all(), emulator.log.dropped]).toEqual([[], 0]);
    } finally {
      await emulator.stop();
    }
  });

  it('keeps 10 000 records by default', async () => {
    const emulator = await startEmulator({ users: 5 });
    try {
      expect(emulator.log.limit).toBe(10_000);
    } finally {
      await emulator.stop();
    }
  });
});
