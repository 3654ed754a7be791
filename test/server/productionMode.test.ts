import { startGateway, type TestGateway } from '../support/startGateway';

function nested(depth: number): string {
  // Each registration → usageEvents → nodes → registration hop adds depth; cut to exactly `depth` levels.
  let inner = 'id';
  let levels = 1;
  while (levels < depth) {
    inner = levels % 3 === 1 ? `nodes { ${inner} }` : levels % 3 === 2 ? `usageEvents(first: 1) { ${inner} }` : `registration { ${inner} }`;
    levels++;
  }
  return inner;
}

describe('production mode', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({
      emulator: { users: 20 },
      env: { NODE_ENV: 'production', GATEWAY_AUTH: 'none', GATEWAY_CORS_ORIGINS: 'https://app.example' },
    });
  });
  afterAll(() => gw.stop());
  beforeEach(() => gw.emulator.log.clear());

  it('warns once at start that GATEWAY_AUTH=none lets anyone who reaches the port read the reports', async () => {
    const warnings = gw.logs.map((l) => JSON.parse(l)).filter((l) => l.setting === 'GATEWAY_AUTH');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, value: 'none' });
    expect(warnings[0].msg).toMatch(/^GATEWAY_AUTH=none in production: callers are not authenticated, so anyone who reaches this port reads the tenant's credential reports/);
  });

  it('ignores x-gateway-stats from anonymous callers (the counts are for holders of GATEWAY_STATS_ROLES)', async () => {
    const res = await gw.query('{ userRegistrationDetails(first: 1) { nodes { id } } }', undefined, { 'x-gateway-stats': 'true' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions?.upstream).toBeUndefined();
  });

  it('refuses introspection', async () => {
    const res = await gw.query('{ __schema { types { name } } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.data).toBeUndefined();
  });

  it('still serves _service { sdl }, which routers compose from', async () => {
    const res = await gw.query('{ _service { sdl } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._service.sdl).toContain('@key(fields: "id")');
  });

  it('gives no field suggestions and no stack traces', async () => {
    const res = await gw.query('{ credentialUserRegistrationDetail { nodes { id } } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace/);
  });

  it('serves no Sandbox landing page and no local explorer', async () => {
    const res = await fetch(gw.url, { headers: { accept: 'text/html' } });
    const body = await res.text();
    expect(body).not.toMatch(/sandbox|<html/i);
    for (const path of ['/explorer/', '/explorer/graphiql.min.js']) {
      const explorer = await fetch(new URL(path, gw.url), { headers: { accept: 'text/html' } });
      expect(await explorer.text()).not.toMatch(/graphiql|<html/i);
    }
  });

  it('rejects a depth-12 query, 200 aliases and first: 100000 with coded errors and no upstream call', async () => {
    const deep = await gw.query(`{ credentialUserRegistrationDetails(first: 1) { ${nested(11)} } }`);
    expect(deep.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.body.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: id`).join(' ');
    const wide = await gw.query(`{ credentialUserRegistrationDetails(first: 1) { nodes { ${aliases} } } }`);
    expect(wide.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(wide.body.errors?.[0]?.message).toMatch(/alias/i);
    const huge = await gw.query('{ credentialUserRegistrationDetails(first: 100000) { nodes { id } } }');
    expect(huge.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gw.emulator.log.all()).toHaveLength(0);
  });

  it('refuses an operation whose upstream cost (pages × first × nesting) exceeds the limit, before any upstream call', async () => {
    const res = await gw.query('query($n: Int) { credentialUserRegistrationDetails(first: $n) { nodes { usageEvents(first: 5) { nodes { id } } } } }', { n: 1000 });
    expect(res.status).toBe(400);
    // 10 pages for the root list, then for the 1000 rows' links what the read planner may spend at most: a guessed
    // scan (a quarter of the 50 coalesced chunks), the 50 chunks to the page bound, then up to 6 pages per row.
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 10 + 13 + 50 * 10 + 1000 * 6, maxCost: 1000 });
    expect(gw.emulator.log.all()).toHaveLength(0);
  });

  it('bounds tokens and the body size', async () => {
    const many = await gw.query(`{ credentialUserRegistrationDetails(filter: { authMethods: { any: [${'EMAIL '.repeat(6000)}] } }) { nodes { id } } }`);
    expect(many.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const big = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(200_000)}` }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('blocks simple cross-site requests (CSRF) and answers CORS only for allowed origins', async () => {
    const simple = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(simple.status).toBe(400);
    const allowed = await fetch(gw.url, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const denied = await fetch(gw.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR with a request id, and keeps its details out', async () => {
    // Upstream answers 200 with a row that breaks the schema (no userPrincipalName): not a coded failure.
    gw.emulator.setFaults([{ status: 200, body: '{"value":[{"id":"x","authMethods":[]}]}', match: { pathIncludes: 'credentialUserRegistrationDetails' } }]);
    try {
      const res = await gw.query('{ credentialUserRegistrationDetails(first: 1) { nodes { id userPrincipalName } } }');
      const error = res.body.errors?.[0];
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: res.headers.get('x-request-id') });
      expect(error?.message).toBe('Internal server error');
      const logged = gw.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'unexpected error, masked as INTERNAL_SERVER_ERROR');
      expect(logged).toMatchObject({ requestId: error?.extensions?.requestId, level: 50 });
      expect(JSON.stringify(logged)).not.toMatch(/stack|at .*\.ts:/);
    } finally {
      gw.emulator.setFaults([]);
    }
  });
});
