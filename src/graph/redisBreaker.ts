import Redis from 'ioredis';
import type { Clock, GraphCallEvent } from './types';

/**
 * Consecutive failed commands (timeouts, errors) on a connection that ioredis still calls ready before the
 * breaker opens. A dead connection needs none: ioredis' own `close` event opens it (see RedisBreaker).
 */
export const REDIS_BREAKER_FAILURES = 3;

/** One connection attempt (at start-up, and each reconnection while the breaker is open). */
const REDIS_CONNECT_TIMEOUT_MS = 5_000;

/** What the gateway asks Redis for; named in the log when a command fails. */
export type RedisOperation = Extract<GraphCallEvent, { type: 'redisError' }>['operation'];

/** How the shared store is reached and when it is given up on (README: Degraded modes). */
export interface RedisSettings {
  readonly url: string;
  /** Longest wait for one command; a hung Redis costs an operation at most this, and only until the breaker opens. */
  readonly commandTimeoutMs: number;
  /** How long the breaker stays open after failed commands, and the longest pause between reconnection attempts. */
  readonly retryMs: number;
}

/**
 * Connects at start-up, so that a wrong REDIS_URL fails there and not on the first read. The client never
 * queues commands while disconnected (`enableOfflineQueue: false`): a command on a connection that is not
 * ready fails at once instead of waiting for a reconnect that may never come. It reconnects by itself,
 * pausing at most `retryMs` between attempts, forever.
 */
export async function connectRedis(settings: RedisSettings): Promise<Redis> {
  const redis = new Redis(settings.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: settings.commandTimeoutMs,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, settings.retryMs),
  });
  // Failures are reported by the breaker (events `redis` and `redisError`); an unhandled 'error' would be printed by ioredis itself.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const where = new URL(settings.url);
    throw new Error(`REDIS_URL must point at a reachable Redis, but ${where.host} did not answer`, { cause: error });
  }
  return redis;
}

/**
 * A circuit breaker in front of the shared Redis: while it is open, the budget and the cache use their
 * in-process twins at once, and no operation waits on a dead or hung connection.
 *
 * It opens on two signals. ioredis' `close` event says the connection is gone (Redis killed, restarted,
 * network reset): every later command goes local without being tried, and ioredis' `ready` event, after it
 * has reconnected on its own, closes the breaker again. A connection that stays open but stops answering
 * (Redis paused, a silent network) gives no event: commands time out after `commandTimeoutMs`, and after
 * REDIS_BREAKER_FAILURES of them in a row the breaker opens for `retryMs`; then commands are tried again and
 * the first failure reopens it (half-open), the first success closes it.
 *
 * Whatever went to the local budget while the breaker was open is not copied to Redis: for one window after
 * Redis returns, a process may send up to its local window on top of the shared one (README: Degraded modes).
 */
export class RedisBreaker {
  private failures = 0;
  private openUntil = 0;
  /** The state last logged, so that each move is logged once whichever signal came first. */
  private open: boolean;

  constructor(
    readonly redis: Redis,
    private readonly retryMs: number,
    private readonly clock: Clock,
    private readonly log: (event: GraphCallEvent) => void,
  ) {
    this.open = redis.status !== 'ready';
    redis.on('ready', () => {
      this.failures = 0;
      this.openUntil = 0;
      this.move(false, 'ready');
    });
    redis.on('close', () => this.move(true, 'connectionClosed'));
  }

  /** Whether commands are sent to Redis now; false sends the caller to its local twin. */
  get closed(): boolean {
    return this.redis.status === 'ready' && this.clock.now() >= this.openUntil;
  }

  /**
   * Runs one Redis command unless the breaker is open. Resolves `undefined` when Redis is not used (open
   * breaker, or the command failed): the caller then answers from its local twin. Never rejects.
   */
  async call<T>(operation: RedisOperation, command: (redis: Redis) => Promise<T>): Promise<T | undefined> {
    if (!this.closed) return undefined;
    try {
      const result = await command(this.redis);
      this.failures = 0;
      this.move(false, 'commandsAnswered');
      return result;
    } catch (error) {
      this.failures += 1;
      this.log({ type: 'redisError', operation, errorName: error instanceof Error ? error.name : 'unknown' });
      if (this.failures >= REDIS_BREAKER_FAILURES && this.clock.now() >= this.openUntil) {
        this.openUntil = this.clock.now() + this.retryMs;
        this.move(true, 'commandsFailed');
      }
      return undefined;
    }
  }

  private move(open: boolean, reason: Extract<GraphCallEvent, { type: 'redis' }>['reason']): void {
    if (this.open === open) return;
    this.open = open;
    this.log({ type: 'redis', state: open ? 'open' : 'closed', reason });
  }
}
