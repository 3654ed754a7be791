import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulatorData } from './data/createEmulatorData';
import type { Emulator } from './Emulator';
import type { EmulatorOptions } from './EmulatorOptions';
import { EmulatorState } from './EmulatorState';
import { createRequestListener } from './http/createRequestListener';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_USERS = 200;
const DEFAULT_MAX_PAGE_SIZE = 100;

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, but got: ${value}`);
  return value;
}

/** The URL clients use: a wildcard bind address is reached through loopback. */
function rootUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/**
 * Starts the Graph reports emulator: a real HTTP server on `host:port` serving a seeded tenant the way
 * Microsoft Graph serves the credential reports (DESIGN.md sections 1 and 2b).
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = options.seed ?? 1;
  const users = options.users ?? DEFAULT_USERS;
  if (!Number.isSafeInteger(users) || users < 0) throw new RangeError(`users must be a non-negative integer, but got: ${users}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, but got: ${seed}`);
  const rateLimit = options.rateLimit ?? null;
  if (rateLimit !== null) {
    positiveInteger('rateLimit.requests', rateLimit.requests);
    if (!(rateLimit.windowSeconds > 0)) throw new RangeError(`rateLimit.windowSeconds must be positive, but got: ${rateLimit.windowSeconds}`);
  }
  const state = new EmulatorState(
    createEmulatorData(seed, users),
    seed,
    positiveInteger('maxPageSize', options.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE),
    options.ignoreTop ?? false,
    { latencyMs: options.latencyMs ?? 0, rateLimit, faults: options.faults ?? [] },
  );
  const host = options.host ?? DEFAULT_HOST;
  let url = '';
  const server = createServer(createRequestListener(state, () => url));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = rootUrl(host, (server.address() as AddressInfo).port);
  return {
    url,
    log: state.log,
    data: state.data,
    setFaults: (rules) => state.faults.set(rules),
    setLatency: (ms) => {
      state.latencyMs = Math.max(0, ms);
    },
    setRateLimit: (limit) => state.limiter.setLimit(limit),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
