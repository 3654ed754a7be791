import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kind, print, type DefinitionNode } from 'graphql';
import { loadTypeDefs } from '../../src/apollo/schema';

function names(definitions: readonly DefinitionNode[]): string[] {
  return definitions.map((d) => ('name' in d && d.name ? d.name.value : d.kind));
}

describe('loadTypeDefs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'typedefs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every .graphql file of the directory in name order into one document', () => {
    writeFileSync(join(dir, 'b.graphql'), 'type B { b: Int }');
    writeFileSync(join(dir, 'a.graphql'), 'type A { a: Int }\ntype Query { a: A }');
    writeFileSync(join(dir, 'notes.md'), 'type Ignored { x: Int }');
    const document = loadTypeDefs(dir);
    expect(document.kind).toBe(Kind.DOCUMENT);
    expect(names(document.definitions)).toEqual(['A', 'Query', 'B']);
  });

  it('skips codegen-only files, whose directive declarations @link already brings at runtime', () => {
    writeFileSync(join(dir, 'root.graphql'), 'type Query { a: Int }');
    writeFileSync(join(dir, 'federation-directives.codegen.graphql'), 'directive @shareable on OBJECT');
    expect(names(loadTypeDefs(dir).definitions)).toEqual(['Query']);
  });

  it('names the file in the error when a file does not parse', () => {
    writeFileSync(join(dir, 'broken.graphql'), 'type {');
    expect(() => loadTypeDefs(dir)).toThrow(
      `schema file must be valid GraphQL SDL, but ${join(dir, 'broken.graphql')}:1:6 is not: Syntax Error: Expected Name, found "{".`,
    );
  });

  it('refuses a directory without schema files and echoes it', () => {
    expect(() => loadTypeDefs(dir)).toThrow(`schema directory must hold at least one .graphql file, but got none in: ${dir}`);
  });

  it('loads the repository schema by default: one report family per file plus the root', () => {
    const repoSchema = resolve(__dirname, '..', '..', 'schema');
    const files = readdirSync(repoSchema).filter((f) => f.endsWith('.graphql') && !f.endsWith('.codegen.graphql'));
    expect(files).toContain('root.graphql');
    const sources = new Set(loadTypeDefs().definitions.map((d) => d.loc?.source.name));
    expect([...sources].map((s) => s?.split('/').pop()).sort()).toEqual(files.sort());
    expect(print(loadTypeDefs())).toBe(print(loadTypeDefs(repoSchema)));
  });
});
