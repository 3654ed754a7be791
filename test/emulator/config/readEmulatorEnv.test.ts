import { readEmulatorEnv } from '../../../src/emulator/config';

describe('readEmulatorEnv', () => {
  it('defaults to port 4010 on loopback, 200 users, seed 1, no latency, pages of 100, no rate limit', () => {
    expect(readEmulatorEnv({})).toEqual({ host: '127.0.0.1', port: 4010, users: 200, seed: 1, latencyMs: 0, maxPageSize: 100, rateLimit: null, logLimit: 10_000 });
  });

  it('reads every variable', () => {
    const env = {
      EMULATOR_PORT: '0', EMULATOR_HOST: '0.0.0.0', EMULATOR_USERS: '100000', EMULATOR_SEED: '42',
      EMULATOR_LATENCY_MS: '25', EMULATOR_MAX_PAGE_SIZE: '999', EMULATOR_RATE_LIMIT: '5/10s',
      EMULATOR_LOG_LIMIT: '500',
    };
    expect(readEmulatorEnv(env)).toEqual({ host: '0.0.0.0', port: 0, users: 100000, seed: 42, latencyMs: 25, maxPageSize: 999, rateLimit: { requests: 5, windowSeconds: 10 }, logLimit: 500 });
    expect(readEmulatorEnv({ EMULATOR_RATE_LIMIT: 'off' }).rateLimit).toBeNull();
  });

  it('reports every problem at once, naming the variable, the accepted values and what was given', () => {
    const attempt = (): unknown => readEmulatorEnv({ EMULATOR_PORT: '70000', EMULATOR_USERS: 'many', EMULATOR_RATE_LIMIT: '5 per 10s', EMULATOR_MAX_PAGE_SIZE: '0' });
    expect(attempt).toThrow('EMULATOR_PORT must be an integer from 0 to 65535, but got: 70000');
    expect(attempt).toThrow('EMULATOR_USERS must be an integer from 0 to 1000000, but got: many');
    expect(attempt).toThrow('EMULATOR_RATE_LIMIT must be <requests>/<seconds>s (e.g. 5/10s) or off, but got: 5 per 10s');
    expect(attempt).toThrow('EMULATOR_MAX_PAGE_SIZE must be an integer from 1 to 100000, but got: 0');
  });
});
