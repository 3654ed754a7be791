import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print, visit } from 'graphql';
import { blockRunBy, REPO_ROOT } from '../support/readme';
import { runRecipe } from '../support/runRecipe';

jest.setTimeout(120_000);

const SCHEMA = join(REPO_ROOT, 'test/examples/relay/schema.graphql');

describe("Relay's own compiler on a fragment that pages a report with @connection", () => {
  it("accepts the example fragment against the served schema (the README's Relay recipe)", async () => {
    const run = await runRecipe(blockRunBy('test/clients/relayCompiler.test.ts').body);
    expect({ code: run.code, out: run.code === 0 ? '' : run.stdout + run.stderr }).toEqual({ code: 0, out: '' });
    const fragment = readFileSync(join(REPO_ROOT, 'test/examples/relay/__generated__/MfaGapsList_query.graphql.ts'), 'utf8');
    expect(fragment).toContain('"name": "__MfaGapsList_userRegistrationDetails_connection"');
    const pagination = readFileSync(join(REPO_ROOT, 'test/examples/relay/__generated__/MfaGapsListPaginationQuery.graphql.ts'), 'utf8');
    expect(pagination).toContain('"handle": "connection"');
  });

  it('refuses the same fragment when PageInfo lacks hasPreviousPage and startCursor, as it did before they were added', async () => {
    const served = readFileSync(SCHEMA, 'utf8');
    const partial = visit(parse(served), {
      ObjectTypeDefinition(node) {
        if (node.name.value !== 'PageInfo') return undefined;
        return { ...node, fields: node.fields?.filter((f) => !['hasPreviousPage', 'startCursor'].includes(f.name.value)) };
      },
    });
    writeFileSync(SCHEMA, print(partial));
    try {
      const run = await runRecipe('cd test/examples/relay && npx relay-compiler');
      expect(run.code).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/@connection used on invalid field 'userRegistrationDetails'.*pageInfo \{ (startCursor|hasPreviousPage) \}/);
    } finally {
      writeFileSync(SCHEMA, served);
    }
  });
});
