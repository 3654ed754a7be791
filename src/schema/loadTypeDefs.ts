import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GraphQLError, Kind, parse, Source, type DocumentNode } from 'graphql';

/** `schema/` at the repository root, from both `src/schema` (tsx) and `dist/schema` (build). */
const SCHEMA_DIR = resolve(__dirname, '..', '..', 'schema');

/** Files only code generators read (declarations of directives that @link already brings at runtime). */
const CODEGEN_ONLY = /\.codegen\.graphql$/;

function parseFile(path: string): DocumentNode {
  try {
    return parse(new Source(readFileSync(path, 'utf8'), path));
  } catch (error) {
    const where = error instanceof GraphQLError && error.locations?.[0];
    const at = where ? `:${where.line}:${where.column}` : '';
    throw new Error(`schema file must be valid GraphQL SDL, but ${path}${at} is not: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * The subgraph's SDL for buildSubgraphSchema: every runtime `schema/*.graphql`, in name order so the printed
 * `_service { sdl }` is the same on every start, parsed into one document. Each definition keeps its file
 * path as its source name, so later schema errors point at the right file too.
 */
export function loadTypeDefs(schemaDir: string = SCHEMA_DIR): DocumentNode {
  const files = readdirSync(schemaDir)
    .filter((name) => name.endsWith('.graphql') && !CODEGEN_ONLY.test(name))
    .sort();
  if (files.length === 0) {
    throw new Error(`schema directory must hold at least one .graphql file, but got none in: ${schemaDir}`);
  }
  const definitions = files.flatMap((name) => parseFile(join(schemaDir, name)).definitions);
  return { kind: Kind.DOCUMENT, definitions };
}
