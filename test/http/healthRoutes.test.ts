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

describe('health and readiness', () => {
  it('GET /health is alive and GET /ready is ready when no upstream token is needed', async () => {
    const gw = await startGateway({ emulator: { users: 1 } });
    try {
      const health = await fetch(new URL('/health', gw.url));
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await fetch(new URL('/ready', gw.url));
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    } finally {
      await gw.stop();
    }
  });

  it('GET /ready is 503 while no upstream token can be obtained, and 200 once one can', async () => {
    const idp = await startOidcProvider();
    const env = { GRAPH_AUTH: 'app', AZURE_TENANT_ID: idp.tenantId, AZURE_CLIENT_ID: idp.clientId, AZURE_CLIENT_SECRET: idp.clientSecret };
    const broken = await startGateway({ emulator: { users: 1 }, httpsAgent: idp.httpsAgent, env: { ...env, AZURE_AUTHORITY_HOST: `https://localhost:${await closedPort()}` } });
    const working = await startGateway({ emulator: { users: 1 }, httpsAgent: idp.httpsAgent, env: { ...env, AZURE_AUTHORITY_HOST: idp.authorityHost } });
    try {
      expect((await fetch(new URL('/ready', broken.url))).status).toBe(503);
      expect((await fetch(new URL('/health', broken.url))).status).toBe(200);
      expect((await fetch(new URL('/ready', working.url))).status).toBe(200);
      expect(idp.counts().clientCredentials).toBe(1);
    } finally {
      await broken.stop();
      await working.stop();
      await idp.close();
    }
  });
});
