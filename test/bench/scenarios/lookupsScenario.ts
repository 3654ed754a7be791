import type { Tenant } from '../emulator/Tenant';
import type { Api } from './Api';
import type { ApiOperations } from './ApiOperations';
import { consecutiveRows } from './consecutiveRows';
import { graphqlData } from './graphqlData';
import { graphqlRequest } from './graphqlRequest';
import type { Scenario } from './Scenario';

const COUNT = 21;
const FIELDS = 'id userPrincipalName isMfaRegistered';

/** 21 registration details by id, one more than a `$batch` envelope holds; each operation asks other users. */
export function lookupsScenario(): Scenario {
  const operations = (api: Api, tenant: Tenant): ApiOperations => {
    const positions = new Map(tenant.ids.map((id, i) => [id, i]));
    const idsFor = (index: number): string[] => Array.from({ length: COUNT }, (_, k) => tenant.ids[(index * COUNT + k) % tenant.ids.length]!);
    const answered = (rows: unknown): boolean => consecutiveRows(rows, COUNT, tenant.ids, positions, (row) => row?.id);
    switch (api) {
      case 'gateway':
        return {
          operation: (i) =>
            graphqlRequest(`query($r: [_Any!]!) { _entities(representations: $r) { ... on CredentialUserRegistrationDetails { ${FIELDS} } } }`, {
              r: idsFor(i).map((id) => ({ __typename: 'CredentialUserRegistrationDetails', id })),
            }),
          check: (body) => answered(graphqlData(body)?.['_entities']),
        };
      case 'mesh':
        return {
          operation: (i) => graphqlRequest(`{ reports { ${idsFor(i).map((id, k) => `r${k}: credentialUserRegistrationDetailsById(id: ${JSON.stringify(id)}) { ${FIELDS} }`).join(' ')} } }`, {}),
          check: (body) => {
            const reports = graphqlData(body)?.['reports'];
            return reports ? answered(Array.from({ length: COUNT }, (_, k) => reports[`r${k}`])) : false;
          },
        };
      case 'rest':
        return {
          operation: (i) => ({ method: 'GET', path: `/registrations/by-id?ids=${idsFor(i).join(',')}` }),
          check: (body) => answered((body as { value?: unknown }).value),
        };
    }
  };
  return { id: 'lookups', title: `${COUNT} lookups by id`, mode: 'throughput', tenant: 'main', contenders: ['gateway', 'naive', 'rest', 'mesh'], minimumHttpPerOp: Math.ceil(COUNT / 20), operations };
}
