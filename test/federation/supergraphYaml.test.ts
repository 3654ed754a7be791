import { composeServices } from '@apollo/composition';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseGraphQL } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { startGateway, type TestGateway } from '../support/startGateway';

interface SupergraphConfig {
  federation_version: string;
  subgraphs: Record<string, { routing_url: string; schema: { subgraph_url?: string; file?: string } }>;
}

const config = parseYaml(readFileSync(join(__dirname, 'supergraph.yaml'), 'utf8')) as SupergraphConfig;

/** The README's `supergraph.yaml`, composed the way `rover supergraph compose` does it. */
describe('the example supergraph.yaml', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulator: { users: 5 }, env: { LOG_LEVEL: 'warn' } });
  });
  afterAll(() => gw?.stop());

  it('pins the composition version the tests compose with', () => {
    const installed = (require('@apollo/composition/package.json') as { version: string }).version;
    expect(config.federation_version).toBe(`=${installed}`);
  });

  it('composes without errors, this gateway read from its _service SDL and the users subgraph from its file', async () => {
    const services = await Promise.all(
      Object.entries(config.subgraphs).map(async ([name, { routing_url, schema }]) => {
        let sdl: string;
        if (schema.subgraph_url !== undefined) {
          // The file names the default local address; the gateway under test listens on a loopback port.
          expect(schema.subgraph_url).toBe('http://localhost:4000/');
          const res = await gw.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
          sdl = res.body.data!._service.sdl;
        } else {
          sdl = readFileSync(join(__dirname, schema.file!), 'utf8');
        }
        return { name, url: routing_url, typeDefs: parseGraphQL(sdl) };
      }),
    );
    const result = composeServices(services);
    expect(result.errors).toBeUndefined();
    expect(result.supergraphSdl).toContain('@join__graph(name: "credential-reports", url: "http://localhost:4000/")');
    expect(result.supergraphSdl).toContain('@join__graph(name: "users", url: "http://localhost:4002/")');
  });
});
