import { spawn } from 'node:child_process';
import { childEnv } from '../process/childEnv';
import { freePort } from '../process/freePort';
import type { RunningServer } from '../process/RunningServer';
import { meshCli } from './meshCli';

const READY_TIMEOUT_MS = 60_000;

/** `mesh start` on the built artifacts, one process (no fork), ready once it answers `{ __typename }`. */
export async function startMesh(workDir: string, graphRoot: string): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [meshCli, 'start', '--dir', workDir, '--port', String(port)], {
    cwd: workDir,
    env: childEnv({ BENCH_GRAPH_BETA: `${graphRoot}/beta`, NODE_ENV: 'production', DEBUG: null }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Mesh has no IPC channel to notice the bench going away: take it down with the bench.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-2000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mesh start exited with ${child.exitCode}: ${output.replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n').slice(-2).join(' / ')}`);
    const ready = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`mesh start did not answer within ${READY_TIMEOUT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid ?? -1,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
