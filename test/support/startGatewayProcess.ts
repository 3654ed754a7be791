import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** The gateway's own pid, from its start-up line (differs from `child.pid` when a command such as npm wraps it). */
  readonly pid: number;
  output(): string;
  /** The JSON log lines written so far, parsed. */
  lines(): Record<string, any>[];
  stop(): Promise<void>;
}

/**
 * A real gateway process with only the given environment; resolves once its start-up line is out. By default
 * `npm start`'s entry run by node itself; `command` runs another way of starting it (`npm start`).
 */
export async function startGatewayProcess(env: Record<string, string>, command: readonly string[] = [process.execPath, '--import', 'tsx', join(ROOT, 'src', 'main.ts')]): Promise<GatewayProcess> {
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A worker that dies or forgets to stop it takes its gateway with it.
  const kill = (): void => void (child.exitCode === null && child.kill('SIGKILL'));
  process.once('exit', kill);
  child.once('exit', () => process.removeListener('exit', kill));
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const lines = () => out.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, any>);
  const deadline = Date.now() + 30_000;
  let started: Record<string, any> | undefined;
  while ((started = lines().find((line) => typeof line.msg === 'string' && line.msg.includes('ready at'))) === undefined) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`gateway did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    url: started.url as string,
    pid: started.pid as number,
    output: () => out,
    lines,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
