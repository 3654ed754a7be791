import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs an entry point to its exit with only `env`; what it printed, line by line. */
async function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', entry)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(guard);
  return { code, lines: out.split('\n').filter((line) => line.trim() !== '') };
}

describe('clean failures at start', () => {
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise((r) => busy.close(r)));

  it('a busy port: the gateway exits 2 with one JSON line naming PORT and HOST, no stack trace', async () => {
    const { code, lines } = await run('main.ts', { PORT: String(port), HOST: '127.0.0.1' });
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 60, code: 'EADDRINUSE', msg: `PORT=${port} on HOST=127.0.0.1 is already in use: stop what holds it or choose another`,
    });
  }, 40_000);

  it('a busy metrics port names GATEWAY_METRICS_PORT', async () => {
    const { code, lines } = await run('main.ts', { PORT: '0', HOST: '127.0.0.1', GATEWAY_METRICS_PORT: String(port) });
    expect(code).toBe(2);
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([`GATEWAY_METRICS_PORT=${port} on HOST=127.0.0.1 is already in use: stop what holds it or choose another`]);
  }, 40_000);

  it('invalid settings: exit 2 with one JSON line listing every problem', async () => {
    const { code, lines } = await run('main.ts', { PORT: 'eighty', LOG_FORMAT: 'xml' });
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 60,
      msg: 'invalid configuration: the gateway did not start',
      problems: ['PORT must be an integer from 0 to 65535, but got: "eighty"', 'LOG_FORMAT must be `json`, `pretty`, but got: "xml"'],
    });
  }, 40_000);

  it('a busy port: the emulator exits 2 with one line naming EMULATOR_PORT and EMULATOR_HOST', async () => {
    const { code, lines } = await run(join('emulator', 'main.ts'), { EMULATOR_PORT: String(port), EMULATOR_HOST: '127.0.0.1' });
    expect(code).toBe(2);
    expect(lines).toEqual([`EMULATOR_PORT=${port} on EMULATOR_HOST=127.0.0.1 is already in use: stop what holds it or choose another`]);
  }, 40_000);
});
