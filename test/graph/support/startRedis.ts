import { spawn } from 'node:child_process';
import net from 'node:net';
import { requireSystemTool, SYSTEM_TOOLS } from '../../support/systemTools';

/** Longest a test's redis-server may take to start, and longest it may live: a stuck run ends by itself. */
const START_TIMEOUT_MS = 10_000;
const MAX_LIFETIME_MS = 10 * 60_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** The redis-server process, for tests that kill (SIGKILL) or pause (SIGSTOP) exactly this one. */
  readonly pid: number;
  /** Resolves when the process has exited, however it was stopped. */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * A throwaway redis-server on loopback, without persistence; `stop` kills exactly this process. `port`
 * restarts one where a killed one listened, so that clients reconnect to it by themselves. Without
 * redis-server it throws at once with what to install (test/support/systemTools.ts).
 */
export async function startRedis(options: { port?: number } = {}): Promise<TestRedis> {
  const command = requireSystemTool(SYSTEM_TOOLS.redis);
  const port = options.port ?? (await freePort());
  const child = spawn(command, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  // A worker that dies or forgets to stop it takes its redis-server with it.
  process.once('exit', kill);
  const lifetime = setTimeout(kill, MAX_LIFETIME_MS).unref();
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within ${START_TIMEOUT_MS} ms: ${output.slice(-500)}`)), START_TIMEOUT_MS);
      const settle = (error?: Error): void => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) settle();
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', (error) => settle(new Error(`redis-server could not be started: ${error.message}`)));
      child.once('exit', (code) => settle(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`)));
    });
  } catch (error) {
    clearTimeout(lifetime);
    kill();
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    exited,
    stop: async () => {
      clearTimeout(lifetime);
      process.removeListener('exit', kill);
      if (child.exitCode === null && child.signalCode === null) {
        // A test may have paused it (SIGSTOP); a paused process does not act on SIGTERM until resumed.
        child.kill('SIGCONT');
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}
