import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { EXAMPLE_OPERATION } from '../../src/apollo/explorer';
import { pointAt, readmeBlocks, REPO_ROOT } from '../support/readme';
import { runRecipe } from '../support/runRecipe';
import { startGateway, type TestGateway } from '../support/startGateway';

/**
 * Every block the README presents as runnable, run as pasted against a started gateway (the marking rule
 * is in the README's "Tests"): GraphQL blocks answer without errors, shell recipes exit 0 and write what
 * they claim. Blocks other helpers add later are picked up by the same rule.
 */
const SHELL = new Set(['sh', 'bash', 'shell']);
const blocks = readmeBlocks().filter((b) => b.runBy === null);
const graphqlBlocks = blocks.filter((b) => b.language === 'graphql');
const shellBlocks = blocks.filter((b) => SHELL.has(b.language));

jest.setTimeout(240_000);

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ emulator: { users: 200 } });
});
afterAll(async () => {
  await gw?.stop();
});

describe('the README, as pasted', () => {
  it('presents GraphQL blocks and shell recipes to run (the test reads what it means to)', () => {
    expect(graphqlBlocks.length).toBeGreaterThanOrEqual(3);
    expect(shellBlocks.length).toBeGreaterThanOrEqual(3);
  });

  it("opens the Quick start with the explorers' own example", () => {
    const example = EXAMPLE_OPERATION.split('\n').filter((line) => !line.startsWith('#')).join('\n').trim();
    expect(graphqlBlocks[0]!.body.trim()).toBe(example);
  });

  it.each(graphqlBlocks.map((b) => [`README.md:${b.line}`, b] as const))('%s: every operation answers without errors', async (_where, block) => {
    const operations = parse(block.body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(0);
    // One anonymous operation alone, or named operations only: what a pasted block must be to run.
    if (operations.length > 1) expect(operations.filter((o) => !o.name).map((o) => o.loc?.startToken.line)).toEqual([]);
    for (const operation of operations) {
      const named = operation.name ? await postNamed(block.body, operation.name.value) : await gw.query(block.body);
      expect({ operation: operation.name?.value ?? 'anonymous', errors: named.body.errors ?? [] }).toEqual({ operation: operation.name?.value ?? 'anonymous', errors: [] });
      expect(named.body.data).toBeTruthy();
    }
  });

  it.each(shellBlocks.map((b) => [`README.md:${b.line}`, b] as const))('%s: the recipe exits 0 and produces what it claims', async (_where, block) => {
    const run = await runRecipe(pointAt(block.body, gw.url));
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr.slice(-2000) }).toEqual({ code: 0, stderr: '' });
    // A JSON answer on stdout is a GraphQL response: data, no errors.
    const out = run.stdout.trim();
    if (out.startsWith('{')) {
      const answer = JSON.parse(out) as { data?: unknown; errors?: unknown[] };
      expect(answer.errors ?? []).toEqual([]);
      expect(answer.data).toBeTruthy();
    }
    // Every file the recipe writes with `>` exists and holds something; a .graphql file parses.
    for (const [, target] of block.body.matchAll(/(?:^|[^\d&>])>\s*([^\s;&|)]+)/g)) {
      const file = join(REPO_ROOT, target!);
      expect({ file: target, written: existsSync(file) && statSync(file).size > 0 }).toEqual({ file: target, written: true });
      if (file.endsWith('.graphql')) expect(() => parse(readFileSync(file, 'utf8'))).not.toThrow();
    }
  });

  it('hands each remaining runnable block to a test that reads it', () => {
    const handed = readmeBlocks().filter((b) => b.runBy !== null);
    for (const block of handed) {
      const test = join(REPO_ROOT, block.runBy!);
      expect({ block: block.line, test: block.runBy, reads: existsSync(test) && readFileSync(test, 'utf8').includes(`blockRunBy('${block.runBy}')`) }).toEqual({
        block: block.line,
        test: block.runBy,
        reads: true,
      });
    }
  });
});

async function postNamed(document: string, operationName: string) {
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, operationName }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}
