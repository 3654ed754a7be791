import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockRunBy, REPO_ROOT } from '../support/readme';
import { runRecipe } from '../support/runRecipe';
import { startGateway, type TestGateway } from '../support/startGateway';

// Code generation and two TypeScript compilations: seconds each on an idle machine, more on a busy one.
jest.setTimeout(240_000);

const GENERATED = join(REPO_ROOT, 'test/examples/client/generated/graphql.ts');
const BROKEN = join(REPO_ROOT, 'test/examples/client/broken.check.ts');

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ emulator: { users: 40 } });
});
afterAll(async () => {
  rmSync(BROKEN, { force: true });
  await gw?.stop();
});

describe("the README's typed-client recipe (graphql-codegen's client preset)", () => {
  it('generates typed documents from the served schema, and the example operation type-checks', async () => {
    const recipe = blockRunBy('test/clients/typedClient.test.ts');
    const run = await runRecipe(recipe.body);
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const generated = readFileSync(GENERATED, 'utf8');
    expect(generated).toContain('export const MfaGapsDocument');
    expect(generated).toMatch(/export type MfaGapsQuery = \{ userRegistrationDetails: \{ nodes: Array<\{ id: string, userPrincipalName: string\b/);
  });

  it('the type check has teeth: reading a field the operation did not select is a compile error', async () => {
    expect(existsSync(GENERATED)).toBe(true);
    writeFileSync(
      BROKEN,
      "import type { MfaGapsQuery } from './generated/graphql';\nexport const admin = (q: MfaGapsQuery) => q.userRegistrationDetails?.nodes[0]?.isAdmin;\n",
    );
    try {
      const run = await runRecipe('npx tsc -p test/examples/client');
      expect(run.code).not.toBe(0);
      expect(run.stdout).toMatch(/broken\.check\.ts.*Property 'isAdmin' does not exist/);
    } finally {
      rmSync(BROKEN, { force: true });
    }
  });

  it('the typed example runs against the gateway and pages through every user without MFA', async () => {
    const run = await runRecipe(`npx tsx test/examples/client/mfaGaps.ts ${gw.url}`);
    expect(run.code).toBe(0);
    const expected = gw.emulator.data.userRegistrationDetails
      .filter((u) => u.isMfaRegistered === false)
      .map((u) => u.userPrincipalName)
      .sort();
    const printed = run.stdout.trim().split('\n').map((line) => line.slice(0, line.lastIndexOf(': ')));
    expect(printed).toEqual(expected);
  });
});
