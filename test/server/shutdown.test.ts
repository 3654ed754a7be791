import { once } from 'node:events';
import { startGatewayProcess } from '../support/startGatewayProcess';

describe('graceful shutdown', () => {
  it('on SIGTERM answers all 20 operations in flight, refuses new ones, then exits 0', async () => {
    const { child, url, output } = await startGatewayProcess({
      EMULATOR_LATENCY_MS: '700', GRAPH_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn',
    });
    const exited = once(child, 'exit');
    try {
      const inFlight = Array.from({ length: 20 }, (_, i) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ credentialUserRegistrationDetails(first: ${i + 1}) { nodes { id } } }` }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: any } })),
      );
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      const late = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then((r) => r.status, () => 'refused');
      const answers = await Promise.all(inFlight);
      answers.forEach((a, i) => {
        expect(a.status).toBe(200);
        expect(a.body.data.credentialUserRegistrationDetails.nodes).toHaveLength(i + 1);
      });
      expect([503, 'refused']).toContain(late);
      const [code] = await exited;
      expect(code).toBe(0);
      expect(output()).toContain('SIGTERM: finishing in-flight operations');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 40_000);

  it('gives an operation in flight the whole GATEWAY_SHUTDOWN_GRACE_MS, also beyond Apollo\'s own 10 s drain default', async () => {
    // Each upstream answer takes 11 s: longer than the drain plugin's default, shorter than the grace.
    const { child, url } = await startGatewayProcess({
      EMULATOR_LATENCY_MS: '11000', GATEWAY_SHUTDOWN_GRACE_MS: '20000', GRAPH_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn',
    });
    const exited = once(child, 'exit');
    try {
      const inFlight = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ credentialUserRegistrationDetails(first: 3) { nodes { id } } }' }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: any } }), (error: Error) => ({ status: 0, body: { error: error.message } as any }));
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGTERM');
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.data.credentialUserRegistrationDetails.nodes).toHaveLength(3);
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 40_000);
});
