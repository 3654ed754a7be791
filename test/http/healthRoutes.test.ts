import { createServer as createNetServer } from 'node:net';
import { startOidcProvider } from '../support/oidc/startOidcProvider';
import { startGateway } from '../support/startGateway';

async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** The gateway's log lines that report a readiness verdict. */
function readinessLines(logs: readonly string[]): Record<string, any>[] {
  return logs.map((line) => JSON.parse(line) as Record<string, any>).filter((line) => line.readiness !== undefined);
}

const ALL_OK = { configuration: { ok: true }, tokenEndpoint: { ok: true }, upstream: { ok: true }, serving: { ok: true } };

describe('health and readiness', () => {
  it('GET and HEAD on /health and /ready: alive, and ready with every check named', async () => {
    const gw = await startGateway({ emulator: { users: 1 } });
    try {
      const health = await fetch(new URL('/health', gw.url));
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await fetch(new URL('/ready', gw.url));
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', failed: [], checks: ALL_OK }]);
      for (const path of ['/health', '/ready']) {
        const head = await fetch(new URL(path, gw.url), { method: 'HEAD' });
        expect([path, head.status, await head.text()]).toEqual([path, 200, '']);
      }
      expect(readinessLines(gw.logs).map((l) => l.msg)).toEqual(['ready: every readiness check passes']);
    } finally {
      await gw.stop();
    }
  });

  it('with an unreachable token endpoint, /ready is 503 naming tokenEndpoint, within its time bound, and logs it once', async () => {
    const idp = await startOidcProvider();
    const env = {
      GRAPH_AUTH: 'app', AZURE_TENANT_ID: idp.tenantId, AZURE_CLIENT_ID: idp.clientId, AZURE_CLIENT_SECRET: idp.clientSecret,
      AZURE_AUTHORITY_HOST: `https://localhost:${await closedPort()}`, GATEWAY_READY_TIMEOUT_MS: '500',
    };
    const broken = await startGateway({ emulator: { users: 1 }, httpsAgent: idp.httpsAgent, env });
    try {
      for (let probe = 0; probe < 3; probe++) {
        const ready = await fetch(new URL('/ready', broken.url));
        const text = await ready.text();
        expect(ready.status).toBe(503);
        const body = JSON.parse(text);
        expect(body).toMatchObject({ status: 'not ready', failed: ['tokenEndpoint'], checks: { configuration: { ok: true }, upstream: { ok: true } } });
        expect(body.checks.tokenEndpoint.reason).toBe('the token endpoint gave no token within 500 ms');
        expect(text).not.toContain(idp.clientSecret);
      }
      expect((await fetch(new URL('/health', broken.url))).status).toBe(200);
      const lines = readinessLines(broken.logs);
      expect(lines.map((l) => [l.level, l.msg])).toEqual([[40, 'not ready: tokenEndpoint failed']]);
      expect(JSON.stringify(lines)).not.toContain(idp.clientSecret);
    } finally {
      await broken.stop();
      await idp.close();
    }
  });

  it('names configuration when Entra refuses the credentials, and 200 once a token can be had', async () => {
    const idp = await startOidcProvider();
    const env = { GRAPH_AUTH: 'app', AZURE_TENANT_ID: idp.tenantId, AZURE_CLIENT_ID: idp.clientId, AZURE_AUTHORITY_HOST: idp.authorityHost };
    const refused = await startGateway({ emulator: { users: 1 }, httpsAgent: idp.httpsAgent, env: { ...env, AZURE_CLIENT_SECRET: 'not-the-secret' } });
    const working = await startGateway({ emulator: { users: 1 }, httpsAgent: idp.httpsAgent, env: { ...env, AZURE_CLIENT_SECRET: idp.clientSecret } });
    try {
      const ready = await fetch(new URL('/ready', refused.url));
      const body = (await ready.json()) as any;
      expect([ready.status, body.failed]).toEqual([503, ['configuration']]);
      expect(body.checks.configuration.reason).toMatch(/ClientSecretCredential: the authority answered invalid_client$/);
      expect(JSON.stringify(body)).not.toContain('not-the-secret');
      expect((await fetch(new URL('/ready', working.url))).status).toBe(200);
    } finally {
      await refused.stop();
      await working.stop();
      await idp.close();
    }
  });

  it('names upstream when Graph cannot be reached', async () => {
    const gw = await startGateway({ emulator: { users: 1 }, env: { GRAPH_URL: `http://127.0.0.1:${await closedPort()}` } });
    try {
      const ready = await fetch(new URL('/ready', gw.url));
      const body = (await ready.json()) as any;
      expect([ready.status, body.failed]).toEqual([503, ['upstream']]);
      expect(body.checks.upstream.reason).toMatch(/^Graph at http:\/\/127\.0\.0\.1:\d+ could not be connected to$/);
    } finally {
      await gw.stop();
    }
  });
});

describe('the HTTP surface', () => {
  it('answers 404 on any path it does not serve; the CSRF check stays on the GraphQL endpoint', async () => {
    const gw = await startGateway({ emulator: { users: 1 }, env: { GATEWAY_METRICS: 'off' } });
    try {
      for (const [method, path] of [['GET', '/healthz'], ['GET', '/graphql'], ['POST', '/graphql'], ['GET', '/metrics'], ['HEAD', '/nope'], ['OPTIONS', '/x']] as const) {
        const res = await fetch(new URL(path, gw.url), { method, ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' } : {}) });
        expect([method, path, res.status]).toEqual([method, path, 404]);
      }
      const notFound = (await (await fetch(new URL('/healthz', gw.url))).json()) as any;
      expect(notFound).toEqual({ status: 'not found', message: 'No such path: this port serves / (GraphQL), /health, /ready, /explorer/' });
      // A GET of the GraphQL endpoint without a preflight header is still Apollo's CSRF refusal.
      const csrf = await fetch(new URL('/?query=%7B__typename%7D', gw.url));
      expect(csrf.status).toBe(400);
      expect(gw.emulator.log.all()).toHaveLength(0);
    } finally {
      await gw.stop();
    }
  });
});
