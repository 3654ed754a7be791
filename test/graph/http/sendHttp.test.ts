import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { createAgent } from '../../../src/graph/http';
import { HttpFailure } from '../../../src/graph/http';
import { sendHttp } from '../../../src/graph/http';

// Shapes the emulator never sends (oversize, gzip, a body that stalls, broken JSON), served by a real server.
const routes: Record<string, (res: http.ServerResponse) => void> = {
  '/json': (res) => res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'r1' }).end('{"value":[1,2]}'),
  '/gzip': (res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(JSON.stringify({ value: 'x'.repeat(1000) }))),
  '/text': (res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>'),
  '/empty': (res) => res.writeHead(204).end(),
  '/declared-big': (res) => res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)),
  '/streamed-big': (res) => {
    res.writeHead(200);
    for (let i = 0; i < 50; i += 1) res.write('y'.repeat(100));
    res.end();
  },
  '/stall': (res) => res.writeHead(200).write('{'),
};

let server: http.Server;
let base: string;
const agent = createAgent(new URL('http://127.0.0.1'), 8);

beforeAll(async () => {
  server = http.createServer((req, res) => (routes[req.url ?? ''] ?? ((r) => r.writeHead(404).end()))(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  agent.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function call(path: string, maxBytes = 1_000, signal = AbortSignal.timeout(5_000)) {
  return sendHttp({ method: 'GET', url: new URL(base + path), headers: {}, agent, signal, maxBytes });
}

describe('sendHttp', () => {
  it('parses a JSON body and lower-cases header names', async () => {
    await expect(call('/json')).resolves.toEqual({
      status: 200,
      headers: expect.objectContaining({ 'request-id': 'r1' }),
      body: { value: [1, 2] },
      bodyKind: 'json',
    });
  });

  it('inflates a gzip body before parsing it', async () => {
    const result = await call('/gzip', 2_000);
    expect((result.body as { value: string }).value).toHaveLength(1000);
  });

  it('reports a body that is not JSON without keeping its text', async () => {
    await expect(call('/text')).resolves.toMatchObject({ status: 502, body: undefined, bodyKind: 'other' });
  });

  it('reports an empty body as empty', async () => {
    await expect(call('/empty')).resolves.toMatchObject({ status: 204, body: undefined, bodyKind: 'empty' });
  });

  it('refuses a body whose declared length exceeds the cap, and one that grows past it while streaming', async () => {
    for (const path of ['/declared-big', '/streamed-big']) {
      const failure = await call(path, 1_000).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(HttpFailure);
      expect((failure as HttpFailure).failure).toBe('tooLarge');
    }
  });

  it('reports a call cut by its signal as a timeout', async () => {
    const failure = await call('/stall', 1_000, AbortSignal.timeout(100)).catch((error: unknown) => error);
    expect((failure as HttpFailure).failure).toBe('timeout');
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await sendHttp({
      method: 'GET', url: new URL(`http://127.0.0.1:${port}/x`), headers: {}, agent, signal: AbortSignal.timeout(5_000), maxBytes: 10,
    }).catch((error: unknown) => error);
    expect((failure as HttpFailure).failure).toBe('network');
  });
});
