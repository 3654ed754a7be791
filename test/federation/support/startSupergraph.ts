import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parse } from 'graphql';

export interface RunningSupergraph {
  readonly url: string;
  readonly supergraphSdl: string;
  /** Composition hints (allowed: they are advice, not errors). */
  readonly hints: string[];
  /** Warnings and errors the gateway logged while planning and fetching. */
  readonly gatewayLog: string[];
  query(query: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, any> | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] }>;
  stop(): Promise<void>;
}

/** `{ _service { sdl } }` of a running subgraph: what rover and IntrospectAndCompose read. */
async function fetchSdl(url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`${url} must answer { _service { sdl } }, but got: ${JSON.stringify(body)}`);
  return sdl;
}

/**
 * Composes the running subgraphs from the SDL they serve (@apollo/composition, as `rover supergraph
 * compose` does) and serves the supergraph with @apollo/gateway inside Apollo Server on 127.0.0.1:0,
 * fetching from the subgraphs over loopback HTTP.
 */
export async function startSupergraph(subgraphs: readonly { name: string; url: string }[]): Promise<RunningSupergraph> {
  const services = await Promise.all(subgraphs.map(async ({ name, url }) => ({ name, url, typeDefs: parse(await fetchSdl(url)) })));
  const composed = composeServices(services);
  if (composed.errors) throw new Error(`composition must succeed, but failed with:\n${composed.errors.map((e) => e.message).join('\n')}`);
  const gatewayLog: string[] = [];
  const record = (level: string) => (message: unknown) => void gatewayLog.push(`${level}: ${String(message)}`);
  const logger = { debug: () => {}, info: () => {}, warn: record('warn'), error: record('error') };
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl, logger }), logger });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return {
    url,
    supergraphSdl: composed.supergraphSdl,
    hints: composed.hints.map((h) => h.toString()),
    gatewayLog,
    async query(query, variables) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as never;
    },
    stop: () => server.stop(),
  };
}
