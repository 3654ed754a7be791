import type { Agent } from 'node:https';

/** The gateway's whole configuration: read once from the environment by `loadConfig`, validated, frozen. */
export interface Config {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly graph: {
    /** `emulator` starts the embedded Graph emulator in-process; otherwise the Graph root without version. */
    readonly url: 'emulator' | string;
    readonly auth: 'app' | 'obo' | 'none';
    readonly rateLimit: { readonly requests: number; readonly windowMs: number } | null;
    readonly timeoutMs: number;
    readonly batchSize: number;
    readonly maxRetries: number;
    readonly maxThrottleRetries: number;
    readonly maxConcurrentEnvelopes: number;
    readonly maxSocketsPerReport: number;
    readonly singleRequest: 'plain' | 'batch';
    /** `auto` lets the read planner choose per batch; the others force one plan (README: The read planner). */
    readonly linkPlan: 'auto' | 'batch' | 'coalesce' | 'scan';
    /** The most rows, and bytes of JSON, a report scan may read; past either it is never chosen. */
    readonly scanMaxRows: number;
    readonly scanMaxBytes: number;
    /** Upstream pages one connection page may read to fill `first` rows. */
    readonly maxPagesPerPage: number;
    readonly cacheTtlMs: number;
    readonly cacheMaxEntries: number;
    readonly cacheMaxBytes: number;
    readonly cacheStaleMs: number;
    readonly redisUrl: string | null;
    /** One Redis command at most; then it counts as failed (README: Degraded modes). */
    readonly redisTimeoutMs: number;
    /** How long the Redis breaker stays open after failed commands; the longest pause between reconnections. */
    readonly redisRetryMs: number;
    /** `false` is the benchmark's naive mode: one plain call per field, no batching, no cache. */
    readonly dedupe: boolean;
  };
  readonly gateway: {
    readonly auth: 'entra' | 'none';
    readonly audiences: readonly string[];
    readonly requiredRoles: readonly string[];
    /** In production, the roles or scopes (any one) a caller needs to receive `x-gateway-stats`; empty = nobody. */
    readonly statsRoles: readonly string[];
    readonly corsOrigins: readonly string[] | '*';
    readonly deadlineMs: number;
    readonly cursorSecret: string | null;
    /** How long a cursor stays valid after it is issued. */
    readonly cursorTtlSeconds: number;
    readonly bodyLimitBytes: number;
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxTokens: number;
    readonly maxRootFields: number;
    readonly maxCost: number;
    /** Fragment spreads an operation may expand to (a spread counts each time its fragment is spread). */
    readonly maxFragmentSpreads: number;
    /** `_entities` representations one operation may carry. */
    readonly maxRepresentations: number;
    readonly shutdownGraceMs: number;
    /** Bound on each readiness check (`/ready`). */
    readonly readyTimeoutMs: number;
    /** Prometheus metrics: off, or on `/metrics` of the gateway's port (`port: null`) or of a port of their own. */
    readonly metrics: { readonly enabled: false } | { readonly enabled: true; readonly port: number | null };
  };
  readonly azure: {
    readonly authorityHost: string;
    readonly tenantId: string | null;
    readonly clientId: string | null;
    readonly clientSecret: string | null;
    readonly clientCertificatePath: string | null;
  };
  readonly emulator: { readonly users: number; readonly latencyMs: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `json` lines (production, log shippers), or `pretty` coloured lines for a developer's terminal. */
  readonly logFormat: 'json' | 'pretty';
}

/** Start-up refusal listing every invalid variable at once, so an operator fixes them in one round. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads environment variables and collects every problem instead of stopping at the first,
 * each message naming the variable, what is accepted and what was given.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optional(name: string): string | null {
    return this.raw(name) ?? null;
  }

  choice<T extends string>(name: string, accepted: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((accepted as readonly string[]).includes(value)) return value as T;
    this.fail(name, accepted.map((a) => `\`${a}\``).join(', '), value);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
    this.fail(name, `an integer from ${min} to ${max}`, value);
    return fallback;
  }

  list(name: string): string[] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  }

  fail(name: string, accepted: string, given: string): void {
    this.problems.push(`${name} must be ${accepted}, but got: ${JSON.stringify(given)}`);
  }
}

/*
 * Defaults and limits of every setting, with units in the names: the only copy. loadConfig validates against
 * them, and the graph pipeline receives complete, validated options built from them.
 */

/** Graph's `$batch` accepts at most 20 inner requests; more is a 400 for the whole envelope. */
export const MAX_BATCH_SIZE = 20;
export const DEFAULT_BATCH_SIZE = 20;

/** Graph's SDKs retry 3 times; more rarely helps against a 5-per-10-seconds budget. */
export const DEFAULT_MAX_RETRIES = 3;
export const MAX_RETRIES_LIMIT = 10;

/**
 * Retries of a 429 that says when to come back (Retry-After): Graph's answer to a busy tenant, not a
 * fault, so it gets its own, larger allowance; the operation deadline bounds the total wait anyway.
 */
export const DEFAULT_MAX_THROTTLE_RETRIES = 10;
export const MAX_THROTTLE_RETRIES_LIMIT = 50;

/** One attempt (not the whole operation); Graph's own gateway gives up at about 30 s too. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Backoff when upstream sends no Retry-After: full jitter, delay = random(0, min(cap, base * 2^(retry-1))).
 * Graph's SDK waits a fixed 3, 5, 7 s; fixed delays make throttled clients retry in lockstep, full jitter
 * spreads them, and 429s (the common case) carry Retry-After anyway, which always wins.
 */
export const DEFAULT_BACKOFF_BASE_MS = 1_000;
export const DEFAULT_BACKOFF_CAP_MS = 30_000;

/**
 * Sockets the requests of one report may hold at once: a quarter of the 64-socket pool, so a report that
 * upstream does not answer leaves three quarters to the others.
 */
export const DEFAULT_MAX_SOCKETS_PER_REPORT = 16;
/** Sockets per upstream origin in the shared keep-alive agent. */
export const MAX_SOCKETS = 64;

/** Envelopes one operation keeps in flight at once. */
export const DEFAULT_MAX_CONCURRENT_ENVELOPES = 4;
export const MAX_CONCURRENT_ENVELOPES_LIMIT = 64;

/** Reports refresh slowly (Graph recomputes them every few hours), so a minute of staleness is harmless. */
export const DEFAULT_CACHE_TTL_MS = 60_000;
export const DEFAULT_CACHE_MAX_ENTRIES = 1_000;
/** Bodies of the memory cache, as JSON: 64 MiB holds a scanned tenant of 50,000 users several times over. */
export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/**
 * How long past its TTL an answer may still be served while one refresh goes upstream. Graph recomputes
 * these reports a few times a day, so ten more minutes of age add little to data hours old, while a user
 * who waits for budget windows gets the answer at once.
 */
export const DEFAULT_CACHE_STALE_MS = 600_000;
/**
 * A report scan reads at most this many rows: five pages of Graph's largest page, one budget window. A
 * scan longer than a window rarely beats reading only the keys asked for, and it holds memory.
 */
export const DEFAULT_SCAN_MAX_ROWS = 5_000;
/** And at most this many bytes of JSON (about 3 KB a row at the row bound). */
export const DEFAULT_SCAN_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Redis answers in well under a millisecond on a healthy network, so a command that takes a second is a
 * hung Redis: better the process's own budget and cache than an operation that waits. Reconnection is
 * tried at least every 5 s, and a breaker opened by failed commands retries after as long.
 */
export const DEFAULT_REDIS_TIMEOUT_MS = 1_000;
export const DEFAULT_REDIS_RETRY_MS = 5_000;

/** Largest upstream body accepted (after decompression); a page of 1000 report rows is far below it. */
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/* The gateway's own settings (README: Configuration). */
export const DEFAULT_PORT = 4000;
export const DEFAULT_DEADLINE_MS = 60_000;
/** Graph's documented limit for the identity reports: about 5 requests per 10 s per app per tenant. */
export const DEFAULT_RATE_LIMIT = '5/10s';
export const DEFAULT_MAX_PAGES_PER_PAGE = 10;
export const DEFAULT_BODY_LIMIT_BYTES = 100_000;
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
/** Under the 1 s that Kubernetes gives a probe by default would be too tight for a token request over the internet. */
export const DEFAULT_READY_TIMEOUT_MS = 2_000;
/** A day: long enough to page through any report by hand, short enough that a leaked cursor goes stale. */
export const DEFAULT_CURSOR_TTL_SECONDS = 86_400;
/**
 * Most budgeted requests an operation may be estimated to make, counting every page a connection may follow:
 * the users page of a federated frontend (100 users, a registration, three usage events and a successor
 * registration each) is 600 at the most, while one operation cannot queue hours of the tenant's budget.
 */
export const DEFAULT_MAX_COST = 1000;
/**
 * Fragment spreads an operation may expand to. Routers and clients spread a fragment a few times per
 * operation; fragments that spread each other in a doubling chain expand exponentially and are refused here.
 */
export const DEFAULT_MAX_FRAGMENT_SPREADS = 500;
/** `_entities` representations per operation: a router's batch for a page of 1000 users (Graph's largest page). */
export const DEFAULT_MAX_REPRESENTATIONS = 1000;
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
  const authorityHost = readHttpsUrl(r, 'AZURE_AUTHORITY_HOST', publicAuthorityHost);
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
      maxConcurrentEnvelopes: r.integer('GRAPH_MAX_CONCURRENT_BATCHES', DEFAULT_MAX_CONCURRENT_ENVELOPES, 1, MAX_CONCURRENT_ENVELOPES_LIMIT),
      maxSocketsPerReport: r.integer('GRAPH_MAX_SOCKETS_PER_REPORT', DEFAULT_MAX_SOCKETS_PER_REPORT, 1, MAX_SOCKETS),
      singleRequest: r.choice('GRAPH_SINGLE_REQUEST', ['plain', 'batch'] as const, 'plain'),
      linkPlan: r.choice('GRAPH_LINK_PLAN', ['auto', 'batch', 'coalesce', 'scan'] as const, 'auto'),
      scanMaxRows: r.integer('GRAPH_SCAN_MAX_ROWS', DEFAULT_SCAN_MAX_ROWS, 0, 100_000),
      scanMaxBytes: r.integer('GRAPH_SCAN_MAX_BYTES', DEFAULT_SCAN_MAX_BYTES, 0, MAX_RESPONSE_BYTES),
      maxPagesPerPage: r.integer('GRAPH_MAX_PAGES_PER_PAGE', DEFAULT_MAX_PAGES_PER_PAGE, 1, 100),
      cacheTtlMs: r.integer('GRAPH_CACHE_TTL_SECONDS', DEFAULT_CACHE_TTL_MS / 1000, 0, 86_400) * 1000,
      cacheMaxEntries: r.integer('GRAPH_CACHE_MAX_ENTRIES', DEFAULT_CACHE_MAX_ENTRIES, 1, 10_000_000),
      cacheMaxBytes: r.integer('GRAPH_CACHE_MAX_BYTES', DEFAULT_CACHE_MAX_BYTES, 1024, 8 * 1024 * 1024 * 1024),
      cacheStaleMs: r.integer('GRAPH_CACHE_STALE_SECONDS', DEFAULT_CACHE_STALE_MS / 1000, 0, 86_400) * 1000,
      redisUrl: readRedisUrl(r),
      redisTimeoutMs: r.integer('REDIS_TIMEOUT_MS', DEFAULT_REDIS_TIMEOUT_MS, 10, 60_000),
      redisRetryMs: r.integer('REDIS_RETRY_MS', DEFAULT_REDIS_RETRY_MS, 100, 600_000),
      dedupe: r.choice('GRAPH_DEDUPE', ['on', 'off'] as const, 'on') === 'on',
    },
    gateway: {
      auth: gatewayAuth,
      audiences,
      requiredRoles: r.list('GATEWAY_REQUIRED_ROLES') ?? [],
      statsRoles: r.list('GATEWAY_STATS_ROLES') ?? [],
      corsOrigins: cors === undefined ? (production ? [] : '*') : cors.includes('*') ? '*' : cors,
      deadlineMs: r.integer('GATEWAY_DEADLINE_MS', DEFAULT_DEADLINE_MS, 1000, 600_000),
      cursorSecret,
      cursorTtlSeconds: r.integer('GATEWAY_CURSOR_TTL_SECONDS', DEFAULT_CURSOR_TTL_SECONDS, 60, 31_536_000),
      bodyLimitBytes: r.integer('GATEWAY_BODY_LIMIT_BYTES', DEFAULT_BODY_LIMIT_BYTES, 1000, 10_000_000),
      maxDepth: r.integer('GATEWAY_MAX_DEPTH', 10, 1, 100),
      maxAliases: r.integer('GATEWAY_MAX_ALIASES', 50, 0, 1000),
      maxTokens: r.integer('GATEWAY_MAX_TOKENS', 5000, 100, 100_000),
      maxRootFields: r.integer('GATEWAY_MAX_ROOT_FIELDS', 50, 1, 1000),
      maxCost: r.integer('GATEWAY_MAX_COST', DEFAULT_MAX_COST, 1, 1_000_000),
      maxFragmentSpreads: r.integer('GATEWAY_MAX_FRAGMENT_SPREADS', DEFAULT_MAX_FRAGMENT_SPREADS, 1, 1_000_000),
      maxRepresentations: r.integer('GATEWAY_MAX_REPRESENTATIONS', DEFAULT_MAX_REPRESENTATIONS, 1, 100_000),
      shutdownGraceMs: r.integer('GATEWAY_SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS, 0, 600_000),
      readyTimeoutMs: r.integer('GATEWAY_READY_TIMEOUT_MS', DEFAULT_READY_TIMEOUT_MS, 100, 60_000),
      metrics: readMetrics(r),
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
    logFormat: r.choice('LOG_FORMAT', ['json', 'pretty'] as const, 'json'),
  };
  if (config.gateway.metrics.enabled && config.gateway.metrics.port !== null && config.gateway.metrics.port !== 0 && config.gateway.metrics.port === config.port) {
    r.problems.push(`GATEWAY_METRICS_PORT must differ from PORT (leave it unset to serve /metrics on the gateway's port), but got: ${config.port}`);
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return deepFreeze(config);
}

function readMetrics(r: EnvReader): Config['gateway']['metrics'] {
  const enabled = r.choice('GATEWAY_METRICS', ['on', 'off'] as const, 'on') === 'on';
  const port = r.raw('GATEWAY_METRICS_PORT') === undefined ? null : r.integer('GATEWAY_METRICS_PORT', 0, 0, 65_535);
  return enabled ? { enabled, port } : { enabled };
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
  r.fail(name, `an https URL such as ${publicAuthorityHost}`, value);
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

/*
 * Entra identity settings: what the caller authenticator (`GATEWAY_AUTH=entra`) and the Graph token provider
 * (`GRAPH_AUTH`) are built from. Checked here with the rest of the configuration, every problem at once; the
 * auth factories apply these same checks to the options they are given, and `npm start` exits 2 on them.
 */

/** The Entra authority of Azure's public cloud, `AZURE_AUTHORITY_HOST`'s default. */
export const publicAuthorityHost = 'https://login.microsoftonline.com';

/** A tenant (directory) id: a GUID. Names like `common`, `organizations` or a domain do not match. */
export const tenantIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `AZURE_AUTHORITY_HOST` as a bare https origin (no path, no trailing slash), or undefined when it is not one. */
export function normalizeAuthorityHost(authorityHost: string): string | undefined {
  if (!URL.canParse(authorityHost)) return undefined;
  const url = new URL(authorityHost);
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  return url.protocol === 'https:' && bare ? url.origin : undefined;
}

/**
 * Audiences of Microsoft Graph (every cloud) and Azure AD Graph, lower-case without a trailing slash.
 * A token for Graph is never a token for this gateway, whatever `GATEWAY_AUDIENCE` says: accepting
 * one would let anything that holds a caller's Graph token replay it here.
 */
export const graphAudiences: ReadonlySet<string> = new Set([
  '00000003-0000-0000-c000-000000000000',
  'https://graph.microsoft.com',
  'https://canary.graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
  '00000002-0000-0000-c000-000000000000',
  'https://graph.windows.net',
]);

export function isGraphAudience(audience: string): boolean {
  return graphAudiences.has(audience.trim().toLowerCase().replace(/\/+$/, ''));
}

/** The identity settings are unusable; every problem is listed at once, one per line. */
export class AuthConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid identity settings:\n- ${problems.join('\n- ')}`);
    this.name = 'AuthConfigError';
  }
}

/** CallerAuthOptions for `entra` mode after validation: normalized and complete. */
export interface EntraCallerSettings {
  /** Lower-case GUID. */
  readonly tenantId: string;
  /** A bare https origin. */
  readonly authorityHost: string;
  /** The issuers accepted: always the v2 one; the v1 one only on the public cloud. */
  readonly issuers: readonly string[];
  /** The v2 issuer, which the tenant's OpenID metadata must name. */
  readonly metadataIssuer: string;
  readonly audiences: readonly string[];
  readonly requiredRoles: readonly string[];
  readonly clockToleranceSeconds: number;
  readonly httpsAgent?: Agent;
}

export interface CallerAuthOptions {
  /** `GATEWAY_AUTH`: `none` lets every request in as anonymous; `entra` demands a valid bearer JWT. */
  readonly mode: 'none' | 'entra';
  /** `AZURE_TENANT_ID`, a tenant GUID: the only issuer accepted. Required for `entra`. */
  readonly tenantId?: string;
  /** `GATEWAY_AUDIENCE`: accepted `aud` values. At least one for `entra`; Graph's are refused. */
  readonly audiences: readonly string[];
  /** `GATEWAY_REQUIRED_ROLES`: the caller must hold one of these as an app role or a scope; empty = any. */
  readonly requiredRoles: readonly string[];
  /** `AZURE_AUTHORITY_HOST`, e.g. `https://login.microsoftonline.com` or `https://localhost:1234`. */
  readonly authorityHost: string;
  /** Slack for `exp`, `nbf` and `iat` against this host's clock. @default 60 (seconds) */
  readonly clockToleranceSeconds?: number;
  /**
   * Trust for the authority's TLS when Node's own store is not enough. Unset in production, where
   * Node's store (plus `NODE_EXTRA_CA_CERTS`) applies; tests pass an agent trusting their local CA.
   */
  readonly httpsAgent?: Agent;
}

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;
const MAX_CLOCK_TOLERANCE_SECONDS = 300;

/** Checks every `entra` setting and reports all problems at once (AuthConfigError). */
export function validateEntraCallerOptions(options: CallerAuthOptions): EntraCallerSettings {
  const problems: string[] = [];
  const tenantId = options.tenantId ?? '';
  if (!tenantIdPattern.test(tenantId)) {
    problems.push(`AZURE_TENANT_ID must be a tenant GUID with GATEWAY_AUTH=entra (multi-tenant names such as 'common' are not accepted), but got: '${tenantId}'`);
  }
  const authorityHost = normalizeAuthorityHost(options.authorityHost);
  if (authorityHost === undefined) {
    problems.push(`AZURE_AUTHORITY_HOST must be an https origin such as ${publicAuthorityHost}, but got: '${options.authorityHost}'`);
  }
  const audiences = options.audiences.map((a) => a.trim()).filter((a) => a !== '');
  if (audiences.length === 0) problems.push('GATEWAY_AUDIENCE must name at least one audience with GATEWAY_AUTH=entra, but got none');
  const graph = audiences.filter(isGraphAudience);
  if (graph.length > 0) {
    problems.push(`GATEWAY_AUDIENCE must be this gateway's own app, never Microsoft Graph's, but got: ${graph.join(', ')}`);
  }
  const tolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_CLOCK_TOLERANCE_SECONDS) {
    problems.push(`the clock tolerance must be a whole number of seconds between 0 and ${MAX_CLOCK_TOLERANCE_SECONDS}, but got: ${tolerance}`);
  }
  if (problems.length > 0 || authorityHost === undefined) throw new AuthConfigError(problems);
  const tenant = tenantId.toLowerCase();
  const v2Issuer = `${authorityHost}/${tenant}/v2.0`;
  return {
    tenantId: tenant,
    authorityHost,
    // v1 tokens (the default when an API's manifest leaves accessTokenAcceptedVersion unset) carry
    // the sts.windows.net issuer; that issuer belongs to the public cloud only.
    issuers: authorityHost === publicAuthorityHost ? [v2Issuer, `https://sts.windows.net/${tenant}/`] : [v2Issuer],
    metadataIssuer: v2Issuer,
    audiences,
    requiredRoles: options.requiredRoles.map((r) => r.trim()).filter((r) => r !== ''),
    clockToleranceSeconds: tolerance,
    ...(options.httpsAgent === undefined ? {} : { httpsAgent: options.httpsAgent }),
  };
}

/** TokenProviderOptions after validation: normalized and complete for their mode. */
export interface TokenProviderSettings {
  readonly mode: 'none' | 'app' | 'obo';
  /** `${graphRoot}/.default` */
  readonly scope: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly clientCertificatePath?: string;
  /** A bare https origin. */
  readonly authorityHost: string;
  /** True for any authority but the public cloud's, whose instance metadata a private host does not serve. */
  readonly disableInstanceDiscovery: boolean;
  readonly oboCacheSize: number;
  readonly httpsAgent?: Agent;
}

export interface TokenProviderOptions {
  /** `GRAPH_AUTH`: `none` sends no token (emulator); `app` an app-only token; `obo` one on behalf of each caller. */
  readonly mode: 'none' | 'app' | 'obo';
  /** `GRAPH_URL`, e.g. `https://graph.microsoft.com`: tokens are asked for `${graphRoot}/.default`. */
  readonly graphRoot: string;
  /** `AZURE_TENANT_ID`. Required for `obo` and for a secret or certificate in `app`. */
  readonly tenantId?: string;
  /** `AZURE_CLIENT_ID`. In `app` mode without a secret or certificate it picks a user-assigned managed identity. */
  readonly clientId?: string;
  /** `AZURE_CLIENT_SECRET`: never logged, never echoed. */
  readonly clientSecret?: string;
  /** `AZURE_CLIENT_CERTIFICATE_PATH`: a PEM file holding the certificate and its private key. */
  readonly clientCertificatePath?: string;
  /** `AZURE_AUTHORITY_HOST`; anything but the public cloud's turns instance discovery off. */
  readonly authorityHost: string;
  /** How many callers' on-behalf-of credentials are kept (least recently used goes first). @default 1000 */
  readonly oboCacheSize?: number;
  /**
   * Trust for the authority's TLS when Node's own store is not enough. Unset in production, where
   * Node's store (plus `NODE_EXTRA_CA_CERTS`) applies; tests pass an agent trusting their local CA.
   */
  readonly httpsAgent?: Agent;
}

const DEFAULT_OBO_CACHE_SIZE = 1000;
const MAX_OBO_CACHE_SIZE = 1_000_000;

/** Checks the settings the mode needs and reports all problems at once (AuthConfigError); secrets are never echoed. */
export function validateTokenProviderOptions(options: TokenProviderOptions): TokenProviderSettings {
  const problems: string[] = [];
  const graphRoot = options.graphRoot.replace(/\/+$/, '');
  if (!URL.canParse(graphRoot)) problems.push(`GRAPH_URL must be a URL such as https://graph.microsoft.com, but got: '${options.graphRoot}'`);
  const authorityHost = normalizeAuthorityHost(options.authorityHost);
  if (authorityHost === undefined) {
    problems.push(`AZURE_AUTHORITY_HOST must be an https origin such as ${publicAuthorityHost}, but got: '${options.authorityHost}'`);
  }
  const tenantId = present(options.tenantId);
  const clientId = present(options.clientId);
  const clientSecret = present(options.clientSecret);
  const clientCertificatePath = present(options.clientCertificatePath);
  const specific = clientSecret !== undefined || clientCertificatePath !== undefined;
  if (options.mode === 'obo' || (options.mode === 'app' && specific)) {
    const why = options.mode === 'obo' ? 'GRAPH_AUTH=obo' : 'a client secret or certificate';
    if (tenantId === undefined) problems.push(`AZURE_TENANT_ID is required with ${why}, but is empty`);
    if (clientId === undefined) problems.push(`AZURE_CLIENT_ID is required with ${why}, but is empty`);
  }
  if (options.mode === 'obo' && !specific) {
    problems.push('GRAPH_AUTH=obo needs AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, but both are empty');
  }
  if (clientSecret !== undefined && clientCertificatePath !== undefined) {
    problems.push('AZURE_CLIENT_SECRET and AZURE_CLIENT_CERTIFICATE_PATH must not both be set, but both are');
  }
  const oboCacheSize = options.oboCacheSize ?? DEFAULT_OBO_CACHE_SIZE;
  if (!Number.isInteger(oboCacheSize) || oboCacheSize < 1 || oboCacheSize > MAX_OBO_CACHE_SIZE) {
    problems.push(`the on-behalf-of cache size must be a whole number between 1 and ${MAX_OBO_CACHE_SIZE}, but got: ${oboCacheSize}`);
  }
  if (problems.length > 0 || authorityHost === undefined) throw new AuthConfigError(problems);
  return {
    mode: options.mode,
    scope: `${graphRoot}/.default`,
    ...(tenantId === undefined ? {} : { tenantId }),
    ...(clientId === undefined ? {} : { clientId }),
    ...(clientSecret === undefined ? {} : { clientSecret }),
    ...(clientCertificatePath === undefined ? {} : { clientCertificatePath }),
    authorityHost,
    disableInstanceDiscovery: authorityHost !== publicAuthorityHost,
    oboCacheSize,
    ...(options.httpsAgent === undefined ? {} : { httpsAgent: options.httpsAgent }),
  };
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
