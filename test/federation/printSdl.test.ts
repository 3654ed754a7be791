import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGateway, type TestGateway } from '../support/startGateway';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** `npm run sdl` (src/printSdl.ts): the subgraph SDL, exactly what routers read, and nothing else. */
describe('npm run sdl', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulator: { users: 5 }, env: { LOG_LEVEL: 'warn' } });
  });
  afterAll(() => gw?.stop());

  it("prints the running gateway's { _service { sdl } } to stdout, followed by one newline", async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'sdl'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test' } });
    const served = await gw.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(stdout).toBe(`${served.body.data!._service.sdl.trimEnd()}\n`);
    expect(stdout).toContain('@link(url: "https://specs.apollo.dev/federation/v2.5"');
    expect(stdout.startsWith('schema')).toBe(true);
  }, 60_000);

  it('does nothing on import: the SDL is only printed when the file is run', () => {
    const write = jest.spyOn(process.stdout, 'write');
    try {
      jest.isolateModules(() => {
        const { printSdl } = require('../../src/printSdl') as typeof import('../../src/printSdl');
        expect(printSdl()).toMatch(/type User\s+@key\(fields: "userPrincipalName"\)\s+@key\(fields: "id"\)/);
      });
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });
});
