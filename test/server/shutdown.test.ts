import { once } from 'node:events';
import { startGatewayProcess } from '../support/startGatewayProcess';

const QUERY = JSON.stringify({ query: '{ credentialUserRegistrationDetails(first: 2) { nodes { id } } }' });

/** The exit code, or `'still running'` when the process outlives `guardMs` (a hang guard, not a speed test). */
async function exitWithin(child: import('node:child_process').ChildProcess, guardMs: number): Promise<number | string | null> {
  const guard = new Promise<string>((resolve) => setTimeout(() => resolve('still running'), guardMs).unref());
  return Promise.race([once(child, 'exit').then(([code]) => code as number | null), guard]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

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
      expect(output().trim().split('\n').every((line) => line.startsWith('{'))).toBe(true);
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

  // The grace is a minute, the guard 20 s: a stop that waited for the grace, as `npm start` did, fails these.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal} with nothing in flight (an idle keep-alive connection open) exits 0 at once, not after the grace period`, async () => {
      const gateway = await startGatewayProcess({ GATEWAY_SHUTDOWN_GRACE_MS: '60000' });
      try {
        const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
        expect(res.status).toBe(200);
        await res.text();
        gateway.child.kill(signal);
        expect(await exitWithin(gateway.child, 20_000)).toBe(0);
        // Start-up and shutdown lines are JSON log lines like the rest.
        const lines = gateway.lines();
        expect(gateway.output().trim().split('\n')).toHaveLength(lines.length);
        expect(lines.map((l) => l.msg)).toEqual([
          expect.stringMatching(/^graph-reports-gateway ready at http:\/\/127\.0\.0\.1:\d+\/ \(Apollo Sandbox: open it in a browser; offline: GraphiQL at http:\/\/127\.0\.0\.1:\d+\/explorer\/\)$/),
          'operation',
          `${signal}: finishing in-flight operations (at most 60000 ms)`,
          'stopped',
        ]);
      } finally {
        if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
      }
    }, 40_000);
  }

  it('`npm start` delivers SIGTERM to the gateway: it exits with npm, leaving no orphan serving', async () => {
    const gateway = await startGatewayProcess({ GATEWAY_SHUTDOWN_GRACE_MS: '60000' }, ['npm', 'start', '--silent']);
    try {
      expect(gateway.pid).not.toBe(gateway.child.pid);
      gateway.child.kill('SIGTERM');
      expect(await exitWithin(gateway.child, 20_000)).toBe(0);
      expect(isRunning(gateway.pid)).toBe(false);
      expect(gateway.lines().map((l) => l.msg)).toContain('stopped');
    } finally {
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
      if (isRunning(gateway.pid)) process.kill(gateway.pid, 'SIGKILL');
    }
  }, 60_000);

  it('`npm start` with an operation in flight on SIGTERM: the operation completes, then the gateway and npm exit', async () => {
    const gateway = await startGatewayProcess({ EMULATOR_LATENCY_MS: '1500', GRAPH_CACHE_TTL_SECONDS: '0' }, ['npm', 'start', '--silent']);
    try {
      const inFlight = fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: any } }));
      await new Promise((r) => setTimeout(r, 300));
      gateway.child.kill('SIGTERM');
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.data.credentialUserRegistrationDetails.nodes).toHaveLength(2);
      expect(await exitWithin(gateway.child, 20_000)).toBe(0);
      expect(isRunning(gateway.pid)).toBe(false);
    } finally {
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
      if (isRunning(gateway.pid)) process.kill(gateway.pid, 'SIGKILL');
    }
  }, 60_000);
});
