import { startEmulator } from '../../src/emulator/emulator';
import { call } from './support/call';

describe('startEmulator', () => {
  it('listens on a free loopback port and gives its root without a version', async () => {
    const emulator = await startEmulator();
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.data.registrationDetails).toHaveLength(200);
      const reply = await call(`${emulator.url}/beta/reports/credentialUserRegistrationDetails`);
      expect(reply.body.value).toHaveLength(100);
      expect(reply.body['@odata.context']).toBe(`${emulator.url}/beta/$metadata#reports/credentialUserRegistrationDetails`);
    } finally {
      await emulator.stop();
    }
  });

  it('seeds the same tenant for the same seed and size, another for another seed, with stable prefixes', async () => {
    const [a, b, c, small] = await Promise.all([
      startEmulator({ seed: 11, users: 60 }),
      startEmulator({ seed: 11, users: 60 }),
      startEmulator({ seed: 12, users: 60 }),
      startEmulator({ seed: 11, users: 10 }),
    ]);
    try {
      expect(b.data).toEqual(a.data);
      expect(c.data.registrationDetails.map((r) => r.id)).not.toEqual(a.data.registrationDetails.map((r) => r.id));
      expect(small.data.registrationDetails).toEqual(a.data.registrationDetails.slice(0, 10));
      const [one, two] = await Promise.all([a, b].map((e) => call(`${e.url}/beta/reports/getCredentialUsageSummary(period='D30')`)));
      expect(one?.body.value).toEqual(two?.body.value);
    } finally {
      await Promise.all([a, b, c, small].map((e) => e.stop()));
    }
  });

  it('seeds names that need escaping, evolvable members and values outside the enums', async () => {
    const emulator = await startEmulator({ users: 6 });
    try {
      const names = emulator.data.registrationDetails.map((r) => r.userDisplayName).join('|');
      for (const ch of ["'", '%', '&', '#', '+', ' ', 'ë']) expect(names).toContain(ch);
      expect(emulator.data.registrationDetails.flatMap((r) => r.authMethods)).toEqual(expect.arrayContaining(['mobileSMS', 'externalAuthMethod']));
      expect(emulator.data.usageDetails.length).toBeGreaterThan(0);
      expect(emulator.data.userEventsSummary).toBe(emulator.data.usageDetails);
    } finally {
      await emulator.stop();
    }
  });

  it('holds a tenant of 100000 users and pages through it', async () => {
    const emulator = await startEmulator({ users: 100_000, maxPageSize: 1000 });
    try {
      expect(emulator.data.registrationDetails).toHaveLength(100_000);
      expect(new Set(emulator.data.registrationDetails.map((r) => r.userPrincipalName)).size).toBe(100_000);
      const first = await call(`${emulator.url}/beta/reports/credentialUserRegistrationDetails?$orderby=userDisplayName&$filter=isMfaRegistered eq true`);
      expect(first.body.value).toHaveLength(1000);
      const second = await call(first.body['@odata.nextLink']);
      expect(second.body.value).toHaveLength(1000);
    } finally {
      await emulator.stop();
    }
  });

  it('answers no sooner than the configured latency, changeable at run time', async () => {
    const emulator = await startEmulator({ users: 1, latencyMs: 120 });
    try {
      let started = Date.now();
      await call(`${emulator.url}/beta/reports/getCredentialUserRegistrationCount`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(115);
      emulator.setLatency(250);
      started = Date.now();
      await call(`${emulator.url}/beta/reports/getCredentialUserRegistrationCount`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(245);
    } finally {
      await emulator.stop();
    }
  });

  it('stops with keep-alive connections open and refuses connections afterwards', async () => {
    const emulator = await startEmulator({ users: 1 });
    await call(`${emulator.url}/beta/reports/getCredentialUserRegistrationCount`);
    await emulator.stop();
    await expect(fetch(`${emulator.url}/beta/reports/getCredentialUserRegistrationCount`)).rejects.toThrow();
  });

  it('refuses invalid options with a message that echoes the value', async () => {
    await expect(startEmulator({ maxPageSize: 0 })).rejects.toThrow('maxPageSize must be a positive integer, but got: 0');
    await expect(startEmulator({ users: -1 })).rejects.toThrow('users must be a non-negative integer, but got: -1');
  });
});
