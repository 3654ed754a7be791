import { loadConfig } from '../src/config';
import { ConfigError } from '../src/config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to the embedded emulator, no auth and no rate limit outside production', () => {
    const config = loadConfig({});
    expect(config.graph.url).toBe('emulator');
    expect(config.graph.auth).toBe('none');
    expect(config.gateway.auth).toBe('none');
    expect(config.graph.rateLimit).toBeNull();
    expect(config.port).toBe(4000);
    expect(config.host).toBe('localhost');
    expect(config.gateway.corsOrigins).toBe('*');
    expect(config.graph.batchSize).toBe(20);
    expect(config.graph.maxRetries).toBe(3);
  });

  it('in production points at Microsoft Graph with app tokens, caller auth, the 5/10s budget and no CORS origins', () => {
    const config = loadConfig({ NODE_ENV: 'production', GATEWAY_AUDIENCE: 'api://gw', AZURE_TENANT_ID: 't' });
    expect(config.graph.url).toBe('https://graph.microsoft.com');
    expect(config.graph.auth).toBe('app');
    expect(config.gateway.auth).toBe('entra');
    expect(config.graph.rateLimit).toEqual({ requests: 5, windowMs: 10_000 });
    expect(config.gateway.corsOrigins).toEqual([]);
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.graph)).toBe(true);
    expect(Object.isFrozen(config.gateway.audiences)).toBe(true);
  });

  it('reports every invalid variable at once, naming it, what is accepted and what was given', () => {
    const problems = problemsOf({ PORT: 'eighty', GRAPH_BATCH_SIZE: '21', GRAPH_RATE_LIMIT: '5 per 10s', GRAPH_AUTH: 'magic' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be an integer from 0 to 65535, but got: "eighty"',
        'GRAPH_BATCH_SIZE must be an integer from 1 to 20, but got: "21"',
        'GRAPH_RATE_LIMIT must be `<requests>/<seconds>s` such as `5/10s`, or `off`, but got: "5 per 10s"',
        'GRAPH_AUTH must be `app`, `obo`, `none`, but got: "magic"',
      ]),
    );
  });

  it('reads the degraded-mode, cursor and stats settings with their defaults and limits', () => {
    const defaults = loadConfig({});
    expect([defaults.graph.redisTimeoutMs, defaults.graph.redisRetryMs, defaults.graph.maxSocketsPerReport]).toEqual([1_000, 5_000, 16]);
    expect([defaults.gateway.cursorTtlSeconds, defaults.gateway.statsRoles]).toEqual([86_400, []]);
    const set = loadConfig({
      REDIS_TIMEOUT_MS: '250', REDIS_RETRY_MS: '2000', GRAPH_MAX_SOCKETS_PER_REPORT: '8',
      GATEWAY_CURSOR_TTL_SECONDS: '3600', GATEWAY_STATS_ROLES: 'Gateway.Diagnostics, Ops',
    });
    expect([set.graph.redisTimeoutMs, set.graph.redisRetryMs, set.graph.maxSocketsPerReport]).toEqual([250, 2_000, 8]);
    expect([set.gateway.cursorTtlSeconds, set.gateway.statsRoles]).toEqual([3_600, ['Gateway.Diagnostics', 'Ops']]);
    expect(problemsOf({ REDIS_TIMEOUT_MS: '5', REDIS_RETRY_MS: 'soon', GRAPH_MAX_SOCKETS_PER_REPORT: '65', GATEWAY_CURSOR_TTL_SECONDS: '59' })).toEqual([
      'GRAPH_MAX_SOCKETS_PER_REPORT must be an integer from 1 to 64, but got: "65"',
      'REDIS_TIMEOUT_MS must be an integer from 10 to 60000, but got: "5"',
      'REDIS_RETRY_MS must be an integer from 100 to 600000, but got: "soon"',
      'GATEWAY_CURSOR_TTL_SECONDS must be an integer from 60 to 31536000, but got: "59"',
    ]);
  });

  it('bounds fragment spreads and `_entities` representations, with defaults and checked values', () => {
    expect(loadConfig({}).gateway).toMatchObject({ maxCost: 1000, maxFragmentSpreads: 500, maxRepresentations: 1000 });
    expect(loadConfig({ GATEWAY_MAX_FRAGMENT_SPREADS: '50', GATEWAY_MAX_REPRESENTATIONS: '100' }).gateway).toMatchObject({ maxFragmentSpreads: 50, maxRepresentations: 100 });
    expect(problemsOf({ GATEWAY_MAX_FRAGMENT_SPREADS: '0', GATEWAY_MAX_REPRESENTATIONS: 'all' })).toEqual([
      'GATEWAY_MAX_FRAGMENT_SPREADS must be an integer from 1 to 1000000, but got: "0"',
      'GATEWAY_MAX_REPRESENTATIONS must be an integer from 1 to 100000, but got: "all"',
    ]);
  });

  it('plans keyed reads by budget by default, with a scan bound, a byte-bounded cache and a stale bound', () => {
    const { graph } = loadConfig({});
    expect(graph).toMatchObject({
      linkPlan: 'auto',
      scanMaxRows: 5000,
      scanMaxBytes: 16 * 1024 * 1024,
      cacheMaxBytes: 64 * 1024 * 1024,
      cacheStaleMs: 600_000,
    });
    expect(loadConfig({ GRAPH_LINK_PLAN: 'scan', GRAPH_SCAN_MAX_ROWS: '0', GRAPH_CACHE_STALE_SECONDS: '0' }).graph).toMatchObject({ linkPlan: 'scan', scanMaxRows: 0, cacheStaleMs: 0 });
    expect(problemsOf({ GRAPH_LINK_PLAN: 'fastest', GRAPH_SCAN_MAX_ROWS: '200000', GRAPH_CACHE_MAX_BYTES: '10', GRAPH_CACHE_STALE_SECONDS: '-1' })).toEqual(
      expect.arrayContaining([
        'GRAPH_LINK_PLAN must be `auto`, `batch`, `coalesce`, `scan`, but got: "fastest"',
        'GRAPH_SCAN_MAX_ROWS must be an integer from 0 to 100000, but got: "200000"',
        'GRAPH_CACHE_MAX_BYTES must be an integer from 1024 to 8589934592, but got: "10"',
        'GRAPH_CACHE_STALE_SECONDS must be an integer from 0 to 86400, but got: "-1"',
      ]),
    );
  });

  it('refuses a GRAPH_URL with a path, plain http to a remote host, or garbage', () => {
    expect(problemsOf({ GRAPH_URL: 'https://graph.microsoft.com/beta' })[0]).toMatch(/^GRAPH_URL must be .* but got: "https:\/\/graph.microsoft.com\/beta"$/);
    expect(problemsOf({ GRAPH_URL: 'http://graph.example.com', GRAPH_AUTH: 'app' })[0]).toMatch(/^GRAPH_URL must be/);
    expect(problemsOf({ GRAPH_URL: 'not a url' })[0]).toMatch(/^GRAPH_URL must be/);
  });

  it('accepts national clouds and loopback upstreams, and derives auth and budget from them', () => {
    const us = loadConfig({ GRAPH_URL: 'https://graph.microsoft.us' });
    expect(us.graph.auth).toBe('app');
    expect(us.graph.rateLimit).toEqual({ requests: 5, windowMs: 10_000 });
    const local = loadConfig({ GRAPH_URL: 'http://127.0.0.1:4010' });
    expect(local.graph.url).toBe('http://127.0.0.1:4010');
    expect(local.graph.auth).toBe('none');
    expect(local.graph.rateLimit).toBeNull();
  });

  it('refuses GRAPH_AUTH=none against a real Graph root', () => {
    expect(problemsOf({ GRAPH_URL: 'https://graph.microsoft.com', GRAPH_AUTH: 'none' })).toEqual([
      'GRAPH_AUTH must be `app` or `obo` when GRAPH_URL is not the emulator or a loopback address, but got: "none"',
    ]);
  });

  it('requires caller authentication, an audience and a tenant for on-behalf-of tokens', () => {
    const problems = problemsOf({ GRAPH_AUTH: 'obo' });
    expect(problems).toContain('GATEWAY_AUTH must be `entra` when GRAPH_AUTH is `obo` (the caller\'s token is what is exchanged), but got: "none"');
    expect(problems).toContain('AZURE_TENANT_ID must be the Entra tenant id when GATEWAY_AUTH is `entra` or GRAPH_AUTH is `obo`, but got: nothing');
    expect(problemsOf({ GATEWAY_AUTH: 'entra', AZURE_TENANT_ID: 't' })).toEqual([
      'GATEWAY_AUDIENCE must list the accepted `aud` values (comma-separated) when GATEWAY_AUTH is `entra`, but got: nothing',
    ]);
  });

  it('never echoes secrets: a short cursor secret is reported by length, a bad REDIS_URL by scheme', () => {
    const problems = problemsOf({ GATEWAY_CURSOR_SECRET: 'hunter2', REDIS_URL: 'http://:hunter2@cache:6379' });
    expect(problems).toContain('GATEWAY_CURSOR_SECRET must be at least 32 characters, but got: 7 characters');
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('reads the operability settings: metrics (on the gateway port, a port of their own, or off), readiness bound, log format', () => {
    const defaults = loadConfig({});
    expect([defaults.gateway.metrics, defaults.gateway.readyTimeoutMs, defaults.logFormat]).toEqual([{ enabled: true, port: null }, 2000, 'json']);
    const set = loadConfig({ GATEWAY_METRICS_PORT: '9464', GATEWAY_READY_TIMEOUT_MS: '5000', LOG_FORMAT: 'pretty' });
    expect([set.gateway.metrics, set.gateway.readyTimeoutMs, set.logFormat]).toEqual([{ enabled: true, port: 9464 }, 5000, 'pretty']);
    expect(loadConfig({ GATEWAY_METRICS: 'off', GATEWAY_METRICS_PORT: '9464' }).gateway.metrics).toEqual({ enabled: false });
    expect(problemsOf({ GATEWAY_METRICS: 'yes', GATEWAY_METRICS_PORT: '99999', GATEWAY_READY_TIMEOUT_MS: '5', LOG_FORMAT: 'text' })).toEqual([
      'GATEWAY_READY_TIMEOUT_MS must be an integer from 100 to 60000, but got: "5"',
      'GATEWAY_METRICS must be `on`, `off`, but got: "yes"',
      'GATEWAY_METRICS_PORT must be an integer from 0 to 65535, but got: "99999"',
      'LOG_FORMAT must be `json`, `pretty`, but got: "text"',
    ]);
    expect(problemsOf({ PORT: '9464', GATEWAY_METRICS_PORT: '9464' })).toEqual([
      "GATEWAY_METRICS_PORT must differ from PORT (leave it unset to serve /metrics on the gateway's port), but got: 9464",
    ]);
  });

  it('parses lists, the rate limit, off switches and the CORS allow-list', () => {
    const config = loadConfig({
      GATEWAY_CORS_ORIGINS: 'https://a.example, https://b.example',
      GRAPH_RATE_LIMIT: '20/60s',
      GRAPH_CACHE_TTL_SECONDS: '0',
      GATEWAY_REQUIRED_ROLES: 'Reports.Read, Admin',
    });
    expect(config.gateway.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.graph.rateLimit).toEqual({ requests: 20, windowMs: 60_000 });
    expect(config.graph.cacheTtlMs).toBe(0);
    expect(config.gateway.requiredRoles).toEqual(['Reports.Read', 'Admin']);
  });
});
