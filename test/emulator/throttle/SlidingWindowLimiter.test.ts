import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { SlidingWindowLimiter } from '../../../src/emulator/faults';
import { call } from '../support/call';

describe('SlidingWindowLimiter', () => {
  it('admits `requests` per window and reports the whole seconds until the oldest slot frees', () => {
    const limiter = new SlidingWindowLimiter({ requests: 2, windowSeconds: 10 });
    expect([limiter.tryAdmit(0), limiter.tryAdmit(1000)]).toEqual([null, null]);
    expect(limiter.tryAdmit(2500)).toBe(8);
    expect(limiter.tryAdmit(9999)).toBe(1);
    expect(limiter.tryAdmit(10000)).toBeNull();
    expect(limiter.tryAdmit(10500)).toBe(1);
    expect(limiter.tryAdmit(11000)).toBeNull();
  });

  it('admits everything when off, and follows a changed limit', () => {
    const limiter = new SlidingWindowLimiter(null);
    expect(Array.from({ length: 50 }, (_, i) => limiter.tryAdmit(i))).toEqual(Array(50).fill(null));
    limiter.setLimit({ requests: 1, windowSeconds: 1 });
    expect([limiter.tryAdmit(100), limiter.tryAdmit(200)]).toEqual([null, 1]);
  });
});

describe('the rate limit over HTTP', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ users: 10, rateLimit: { requests: 5, windowSeconds: 10 } });
  });
  afterAll(() => emulator.stop());

  it('counts each inner request, so a 6-request batch under 5/10s gets exactly one 429 inside', async () => {
    const requests = Array.from({ length: 6 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/reports/getCredentialUserRegistrationCount' }));
    const reply = await call(`${emulator.url}/beta/$batch`, { json: { requests } });
    expect(reply.status).toBe(200);
    const throttled = (reply.body.responses as any[]).filter((r) => r.status === 429);
    expect(throttled.map((r) => r.id)).toEqual(['6']);
    expect(Number(throttled[0].headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(Number(throttled[0].headers['Retry-After'])).toBeLessThanOrEqual(10);
    expect(throttled[0].body.error.code).toBe('TooManyRequests');
    expect(emulator.log.counted()).toHaveLength(6);
    expect(emulator.log.http()).toHaveLength(1);

    const plain = await call(`${emulator.url}/beta/reports/getCredentialUserRegistrationCount`);
    expect(plain.status).toBe(429);
    expect(Number(plain.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    emulator.setRateLimit(null);
    expect((await call(`${emulator.url}/beta/reports/getCredentialUserRegistrationCount`)).status).toBe(200);
  });
});
