import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGatewaySchema } from '../../src/apollo/schema';
import { reportSpecs, resolvers } from '../../src/reports';
import { REPO_ROOT } from '../support/readme';

/**
 * The README's permission table is the reports' own declaration (`permissions` in each family's spec),
 * printed: when they disagree this test fails and shows the table to paste.
 */
function expectedTable(): string {
  const query = buildGatewaySchema(resolvers).getQueryType()!.getFields();
  const cell = (permission: string | null): string => (permission === null ? 'not supported by Graph: `FORBIDDEN`' : `\`${permission}\``);
  const rows = reportSpecs.map((spec) => {
    const field = query[spec.name];
    if (!field) throw new Error(`report spec ${spec.name} names no root field`);
    const label = `\`${spec.name}\`${field.deprecationReason ? ' *(legacy)*' : ''}`;
    return `| ${label} | \`GET /${spec.version}${spec.path}\` | ${cell(spec.permissions.application)} | ${cell(spec.permissions.delegated)} |`;
  });
  return [
    '| Root field | Upstream | `GRAPH_AUTH=app` (application permission) | `GRAPH_AUTH=obo` (delegated permission) |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

describe("the README's permission table", () => {
  it('is exactly what the report specs declare', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const table = /<!-- permissions:begin[^>]*-->\n([^]*?)\n<!-- permissions:end -->/.exec(readme)?.[1];
    expect(table).toBe(expectedTable());
  });
});
