import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kind, parse, Source, type DocumentNode } from 'graphql';

/** `schema/` at the repository root, from both `src/schema` (tsx) and `dist/schema` (build). */
const SCHEMA_DIR = resolve(__dirname, '..', '..', 'schema');

/** Files only code generators read (declarations of directives that @link already brings at runtime). */
const CODEGEN_ONLY = /\.codegen\.graphql$/;

/**
 * The subgraph's SDL for buildSubgraphSchema: every runtime `schema/*.graphql`, in name order so the printed
 * `_service { sdl }` is the same on every start, parsed into one document. Each definition keeps its file
 * name as the parse source, so SDL errors point at the right file.
 */
export function loadTypeDefs(schemaDir: string = SCHEMA_DIR): DocumentNode {
  const files = readdirSync(schemaDir)
    .filter((name) => name.endsWith('.graphql') && !CODEGEN_ONLY.test(name))
    .sort();
  if (files.length === 0) {
    throw new Error(`schema directory must hold at least one .graphql file, but got none in: ${schemaDir}`);
  }
  const definitions = files.flatMap((name) => {
    const path = join(schemaDir, name);
    return parse(new Source(readFileSync(path, 'utf8'), path)).definitions;
  });
  return { kind: Kind.DOCUMENT, definitions };
}
