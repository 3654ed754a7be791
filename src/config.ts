import type { Config } from './config/Config';
import { ConfigError } from './config/ConfigError';
import { EnvReader } from './config/EnvReader';
import {
  DEFAULT_BATCH_SIZE, DEFAULT_CACHE_MAX_ENTRIES, DEFAULT_CACHE_TTL_MS, DEFAULT_MAX_CONCURRENT_ENVELOPES,
  DEFAULT_MAX_RETRIES, DEFAULT_MAX_THROTTLE_RETRIES, DEFAULT_TIMEOUT_MS, MAX_BATCH_SIZE, MAX_RETRIES_LIMIT,
  MAX_THROTTLE_RETRIES_LIMIT,
} from './graph/graphDefaults';

export const DEFAULT_PORT = 4000;
export const DEFAULT_DEADLINE_MS = 60_000;
/** Graph's documented limit for the identity reports: about 5 requests per 10 s per app per tenant. */
export const DEFAULT_RATE_LIMIT = '5/10s';
export const DEFAULT_MAX_PAGES_PER_PAGE = 10;
export const DEFAULT_BODY_LIMIT_BYTES = 100_000;
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
const PUBLIC_AUTHORITY = 'https://login.microsoftonline.com';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Reads the environment once; throws `ConfigError` listing every invalid variable. The result is frozen. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const r = new EnvReader(env);
  const production = r.raw('NODE_ENV') === 'production';

  const graphUrl = readGraphUrl(r, production);
  const loopback = graphUrl === 'emulator' || LOOPBACK_HOSTS.has(new URL(graphUrl).hostname);
  const graphAuth = r.choice('GRAPH_AUTH', ['app', 'obo', 'none'] as const, loopback ? 'none' : 'app');
  if (graphAuth === 'none' && !loopback) {
    r.problems.push(`GRAPH_AUTH must be \`app\` or \`obo\` when GRAPH_URL is not the emulator or a loopback address, but got: "none"`);
  }
  const gatewayAuth = r.choice('GATEWAY_AUTH', ['entra', 'none'] as const, production ? 'entra' : 'none');
  if (graphAuth === 'obo' && gatewayAuth !== 'entra') {
    r.problems.push(`GATEWAY_AUTH must be \`entra\` when GRAPH_AUTH is \`obo\` (the caller's token is what is exchanged), but got: "${gatewayAuth}"`);
  }
  const audiences = r.list('GATEWAY_AUDIENCE') ?? [];
  if (gatewayAuth === 'entra' && audiences.length === 0) {
    r.problems.push('GATEWAY_AUDIENCE must list the accepted `aud` values (comma-separated) when GATEWAY_AUTH is `entra`, but got: nothing');
  }
  const tenantId = r.optional('AZURE_TENANT_ID');
  if ((gatewayAuth === 'entra' || graphAuth === 'obo') && tenantId === null) {
    r.problems.push('AZURE_TENANT_ID must be the Entra tenant id when GATEWAY_AUTH is `entra` or GRAPH_AUTH is `obo`, but got: nothing');
  }
  const authorityHost = readHttpsUrl(r, 'AZURE_AUTHORITY_HOST', PUBLIC_AUTHORITY);
  const cors = r.list('GATEWAY_CORS_ORIGINS');
  const cursorSecret = r.optional('GATEWAY_CURSOR_SECRET');
  if (cursorSecret !== null && cursorSecret.length < 32) {
    r.problems.push(`GATEWAY_CURSOR_SECRET must be at least 32 characters, but got: ${cursorSecret.length} characters`);
  }

  const config: Config = {
    production,
    port: r.integer('PORT', DEFAULT_PORT, 0, 65_535),
    host: r.string('HOST', 'localhost'),
    graph: {
      url: graphUrl,
      auth: graphAuth,
      rateLimit: readRateLimit(r, loopback ? 'off' : DEFAULT_RATE_LIMIT),
      timeoutMs: r.integer('GRAPH_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 100, 600_000),
      batchSize: r.integer('GRAPH_BATCH_SIZE', DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE),
      maxRetries: r.integer('GRAPH_MAX_RETRIES', DEFAULT_MAX_RETRIES, 0, MAX_RETRIES_LIMIT),
      maxThrottleRetries: r.integer('GRAPH_MAX_THROTTLE_RETRIES', DEFAULT_MAX_THROTTLE_RETRIES, 0, MAX_THROTTLE_RETRIES_LIMIT),
      maxConcurrentEnvelopes: r.integer('GRAPH_MAX_CONCURRENT_BATCHES', DEFAULT_MAX_CONCURRENT_ENVELOPES, 1, 64),
      singleRequest: r.choice('GRAPH_SINGLE_REQUEST', ['plain', 'batch'] as const, 'plain'),
      linkPlan: r.choice('GRAPH_LINK_PLAN', ['batch', 'coalesce'] as const, 'batch'),
      maxPagesPerPage: r.integer('GRAPH_MAX_PAGES_PER_PAGE', DEFAULT_MAX_PAGES_PER_PAGE, 1, 100),
      cacheTtlMs: r.integer('GRAPH_CACHE_TTL_SECONDS', DEFAULT_CACHE_TTL_MS / 1000, 0, 86_400) * 1000,
      cacheMaxEntries: r.integer('GRAPH_CACHE_MAX_ENTRIES', DEFAULT_CACHE_MAX_ENTRIES, 1, 10_000_000),
      redisUrl: readRedisUrl(r),
      dedupe: r.choice('GRAPH_DEDUPE', ['on', 'off'] as const, 'on') === 'on',
    },
    gateway: {
      auth: gatewayAuth,
      audiences,
      requiredRoles: r.list('GATEWAY_REQUIRED_ROLES') ?? [],
      corsOrigins: cors === undefined ? (production ? [] : '*') : cors.includes('*') ? '*' : cors,
      deadlineMs: r.integer('GATEWAY_DEADLINE_MS', DEFAULT_DEADLINE_MS, 1000, 600_000),
      cursorSecret,
      bodyLimitBytes: r.integer('GATEWAY_BODY_LIMIT_BYTES', DEFAULT_BODY_LIMIT_BYTES, 1000, 10_000_000),
      maxDepth: r.integer('GATEWAY_MAX_DEPTH', 10, 1, 100),
      maxAliases: r.integer('GATEWAY_MAX_ALIASES', 50, 0, 1000),
      maxTokens: r.integer('GATEWAY_MAX_TOKENS', 5000, 100, 100_000),
      maxRootFields: r.integer('GATEWAY_MAX_ROOT_FIELDS', 50, 1, 1000),
      maxCost: r.integer('GATEWAY_MAX_COST', 1000, 1, 1_000_000),
      shutdownGraceMs: r.integer('GATEWAY_SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS, 0, 600_000),
    },
    azure: {
      authorityHost,
      tenantId,
      clientId: r.optional('AZURE_CLIENT_ID'),
      clientSecret: r.optional('AZURE_CLIENT_SECRET'),
      clientCertificatePath: r.optional('AZURE_CLIENT_CERTIFICATE_PATH'),
    },
    emulator: {
      users: r.integer('EMULATOR_USERS', 200, 1, 1_000_000),
      latencyMs: r.integer('EMULATOR_LATENCY_MS', 0, 0, 60_000),
    },
    logLevel: r.choice('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return deepFreeze(config);
}

function readGraphUrl(r: EnvReader, production: boolean): string {
  const value = r.raw('GRAPH_URL') ?? (production ? 'https://graph.microsoft.com' : 'emulator');
  if (value === 'emulator') return value;
  const accepted = '`emulator`, an https URL without path (e.g. https://graph.microsoft.us), or an http loopback URL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    r.fail('GRAPH_URL', accepted, value);
    return 'emulator';
  }
  const httpLoopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  if (!(url.protocol === 'https:' || httpLoopback) || !bare) {
    r.fail('GRAPH_URL', accepted, value);
    return 'emulator';
  }
  return url.origin;
}

function readHttpsUrl(r: EnvReader, name: string, fallback: string): string {
  const value = r.raw(name);
  if (value === undefined) return fallback;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return url.origin;
  } catch {
    // reported below
  }
  r.fail(name, 'an https URL such as https://login.microsoftonline.com', value);
  return fallback;
}

function readRateLimit(r: EnvReader, fallback: string): Config['graph']['rateLimit'] {
  const value = r.raw('GRAPH_RATE_LIMIT') ?? fallback;
  if (value === 'off') return null;
  const match = /^(\d{1,6})\/(\d{1,5})s$/.exec(value);
  const requests = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (match && requests >= 1 && seconds >= 1) return { requests, windowMs: seconds * 1000 };
  r.fail('GRAPH_RATE_LIMIT', '`<requests>/<seconds>s` such as `5/10s`, or `off`', value);
  return null;
}

function readRedisUrl(r: EnvReader): string | null {
  const value = r.raw('REDIS_URL');
  if (value === undefined) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return value;
  } catch {
    // reported below
  }
  // The URL may carry a password: echo only its scheme.
  r.fail('REDIS_URL', 'a redis:// or rediss:// URL', `${value.split(':')[0]}:…`);
  return null;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
