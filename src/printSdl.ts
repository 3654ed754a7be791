import { graphqlSync, printSchema } from 'graphql';
import { buildGatewaySchema } from './apollo/schema';
import { resolvers } from './reports';

/**
 * The subgraph SDL exactly as a router receives it from `{ _service { sdl } }` (with the federation
 * `@link` and directive definitions), so a file written by `npm run sdl` composes the same way as the
 * running gateway. It is asked of the same schema the server builds rather than re-printed, because
 * `printSubgraphSchema` prints a different (if equivalent) text.
 */
export function printSdl(): string {
  const result = graphqlSync({ schema: buildGatewaySchema(resolvers), source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (result.errors?.length || typeof sdl !== 'string') {
    throw new Error(`the schema must answer { _service { sdl } } with a string, but got: ${JSON.stringify(result.errors ?? result.data)}`);
  }
  return sdl;
}

/**
 * The schema as clients see it (what introspection answers, printed as SDL): the input of client code
 * generators and of Relay's compiler, which do not read a subgraph's federation `@link` header.
 */
export function printClientSchema(): string {
  return printSchema(buildGatewaySchema(resolvers));
}

// `npm run sdl` (`--client`: `npm run schema`): print and exit; importing this module (tests) has no side effect.
if (require.main === module) process.stdout.write(`${(process.argv.includes('--client') ? printClientSchema() : printSdl()).trimEnd()}\n`);
