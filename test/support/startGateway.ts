import type { Agent as HttpsAgent } from 'node:https';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import type { Emulator } from '../../src/emulator/emulator';
import type { EmulatorOptions } from '../../src/emulator/config';
import { startEmulator } from '../../src/emulator/emulator';
import { createServer, type GatewayServer } from '../../src/server';

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };
}

export interface TestGateway {
  readonly url: string;
  readonly emulator: Emulator;
  readonly server: GatewayServer;
  /** JSON log lines the gateway wrote. */
  readonly logs: string[];
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/** The real gateway on 127.0.0.1:0 against a real emulator on 127.0.0.1:0, configured as a user would. */
export async function startGateway(options: { emulator?: EmulatorOptions; env?: Record<string, string>; httpsAgent?: HttpsAgent } = {}): Promise<TestGateway> {
  const emulator = await startEmulator(options.emulator);
  const config = loadConfig({ GRAPH_URL: emulator.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...options.env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const server = await createServer(config, { logDestination: sink, ...(options.httpsAgent ? { httpsAgent: options.httpsAgent } : {}) });
  return {
    url: server.url,
    emulator,
    server,
    logs,
    async query(query, variables, headers) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: JSON.parse(text) };
    },
    async stop() {
      await server.stop();
      await emulator.stop();
    },
  };
}
