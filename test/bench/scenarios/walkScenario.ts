import type { Api } from './Api';
import type { ApiOperations } from './ApiOperations';
import { graphqlData } from './graphqlData';
import { graphqlRequest } from './graphqlRequest';
import { registrationFields } from './registrationFields';
import type { Scenario } from './Scenario';

const PAGE = 1000;

/** Every row of a large tenant, page after page of `first: 1000`, following the cursor (nextLink for REST). */
export function walkScenario(rows: number, pageCap: number): Scenario {
  const operations = (api: Api): ApiOperations => {
    const seen = new Set<string>();
    const keep = (nodes: unknown): boolean => {
      if (!Array.isArray(nodes) || nodes.length === 0) return false;
      for (const node of nodes as { id: string }[]) seen.add(node.id);
      return true;
    };
    const complete = (): boolean => seen.size === rows;
    if (api === 'rest') {
      return {
        operation: (i, previous) => {
          const next = (previous as { next?: string | null } | undefined)?.next;
          if (i > 0 && !next) return null;
          return { method: 'GET', path: `/registrations?top=${PAGE}${next ? `&next=${encodeURIComponent(next)}` : ''}` };
        },
        check: (body) => keep((body as { value?: unknown }).value),
        complete,
      };
    }
    return {
      operation: (i, previous) => {
        const pageInfo = graphqlData(previous)?.['credentialUserRegistrationDetails']?.pageInfo;
        if (i > 0 && !pageInfo?.hasNextPage) return null;
        return graphqlRequest(`query($after: String) { credentialUserRegistrationDetails(first: ${PAGE}, after: $after) { nodes { ${registrationFields} } pageInfo { hasNextPage endCursor } } }`, {
          after: i > 0 ? pageInfo.endCursor : null,
        });
      },
      check: (body) => keep(graphqlData(body)?.['credentialUserRegistrationDetails']?.nodes),
      complete,
    };
  };
  return {
    id: 'walk',
    title: `full walk of ${rows.toLocaleString('en')} rows, \`first: ${PAGE}\``,
    mode: 'sequential',
    tenant: 'walk',
    contenders: ['gateway', 'naive', 'rest'],
    skipped: {
      mesh: "cannot express: Mesh's OData source returns a collection as a plain list and drops `@odata.nextLink`, and Graph has no `$skip` on this report, so only the first page is reachable",
    },
    minimumHttpPerOp: Math.ceil(PAGE / Math.min(PAGE, pageCap)),
    operations,
  };
}
