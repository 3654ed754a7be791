import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('LOG_FORMAT=pretty', () => {
  it('writes readable lines instead of JSON, start-up and shutdown included', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'pretty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const exited = once(child, 'exit');
    try {
      for (const deadline = Date.now() + 30_000; !out.includes('ready at'); ) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`gateway did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
      const lines = out.trim().split('\n');
      expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
      expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: graph-reports-gateway ready at http:\/\/127\.0\.0\.1:\d+\//);
      expect(out).toMatch(/INFO: SIGTERM: finishing in-flight operations/);
      expect(out).toMatch(/INFO: stopped/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 40_000);
});
