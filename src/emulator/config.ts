import type { FaultRule } from './faults';
import { DEFAULT_LOG_LIMIT } from './log';

/** How to start the Graph reports emulator; every option has a default suitable for tests. */
export interface EmulatorOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Seed of the deterministic tenant: same seed and size give identical data. @default 1 */
  seed?: number;
  /** Number of users in the seeded tenant. @default 200 */
  users?: number;
  /** The server's own page cap: no `$top`, or a larger one, yields pages of this size. @default 100 */
  maxPageSize?: number;
  /** When true every page holds maxPageSize rows whatever `$top` asks (Graph sometimes does). @default false */
  ignoreTop?: boolean;
  /** Delay added before answering each outer HTTP request, in milliseconds. @default 0 */
  latencyMs?: number;
  /**
   * Graph's per-app-per-tenant budget, a sliding window in which every plain request and every inner
   * `$batch` request counts; excess requests get 429 with `Retry-After`. `null` disables it. @default null
   */
  rateLimit?: { requests: number; windowSeconds: number } | null;
  /** @default [] */
  faults?: FaultRule[];
  /** Requests the log keeps, the oldest dropped first (`EMULATOR_LOG_LIMIT`). @default 10000 */
  logLimit?: number;
}

const DEFAULT_PORT = 4010;
const DEFAULT_HOST = '127.0.0.1';

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, min: number, max: number, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, but got: ${raw}`);
    return fallback;
  }
  return value;
}

function rateLimit(env: Env, problems: string[]): EmulatorOptions['rateLimit'] {
  const raw = env['EMULATOR_RATE_LIMIT'];
  if (raw === undefined || raw.trim() === '' || raw.trim().toLowerCase() === 'off') return null;
  const match = /^(\d+)\/(\d+(?:\.\d+)?)s$/.exec(raw.trim());
  const requests = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (match === null || requests < 1 || !(windowSeconds > 0)) {
    problems.push(`EMULATOR_RATE_LIMIT must be <requests>/<seconds>s (e.g. 5/10s) or off, but got: ${raw}`);
    return null;
  }
  return { requests, windowSeconds };
}

/**
 * The standalone emulator's settings from the environment, every problem reported at once in one
 * error whose lines name the variable, the accepted values and what was given.
 */
export function readEmulatorEnv(env: Env): EmulatorOptions & { host: string; port: number } {
  const problems: string[] = [];
  const host = env['EMULATOR_HOST']?.trim() || DEFAULT_HOST;
  const options = {
    host,
    port: integer(env, 'EMULATOR_PORT', 0, 65535, DEFAULT_PORT, problems),
    users: integer(env, 'EMULATOR_USERS', 0, 1_000_000, 200, problems),
    seed: integer(env, 'EMULATOR_SEED', -2147483648, 2147483647, 1, problems),
    latencyMs: integer(env, 'EMULATOR_LATENCY_MS', 0, 600_000, 0, problems),
    maxPageSize: integer(env, 'EMULATOR_MAX_PAGE_SIZE', 1, 100_000, 100, problems),
    rateLimit: rateLimit(env, problems),
    logLimit: integer(env, 'EMULATOR_LOG_LIMIT', 0, 10_000_000, DEFAULT_LOG_LIMIT, problems),
  };
  if (problems.length > 0) throw new Error(`Invalid emulator configuration:\n  ${problems.join('\n  ')}`);
  return options;
}
