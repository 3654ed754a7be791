import type { Tenant } from '../emulator/Tenant';
import type { ApiOperations } from './ApiOperations';
import { consecutiveRows } from './consecutiveRows';
import { graphqlData } from './graphqlData';
import { graphqlRequest } from './graphqlRequest';
import type { Scenario } from './Scenario';

const COUNT = 100;
const NOT_A_SUBGRAPH = 'not a federation subgraph: `_entities` is what a router sends to the gateway';

/** A router resolving 100 `User` entities (by userPrincipalName) to their credential registration. */
export function entitiesScenario(): Scenario {
  const operations = (_api: unknown, tenant: Tenant): ApiOperations => {
    const positions = new Map(tenant.upns.map((upn, i) => [upn, i]));
    return {
      operation: (i) =>
        graphqlRequest(`query($r: [_Any!]!) { _entities(representations: $r) { ... on User { userPrincipalName credentialRegistration { id userPrincipalName isMfaRegistered } } } }`, {
          r: Array.from({ length: COUNT }, (_, k) => ({ __typename: 'User', userPrincipalName: tenant.upns[(i * COUNT + k) % tenant.upns.length] })),
        }),
      check: (body) => consecutiveRows(graphqlData(body)?.['_entities'], COUNT, tenant.upns, positions, (row) => row?.credentialRegistration?.userPrincipalName),
    };
  };
  return {
    id: 'entities',
    title: `${COUNT} federation entity lookups (\`_entities\`)`,
    mode: 'throughput',
    tenant: 'main',
    contenders: ['gateway', 'naive'],
    skipped: { rest: NOT_A_SUBGRAPH, mesh: NOT_A_SUBGRAPH },
    minimumHttpPerOp: Math.ceil(COUNT / 20),
    operations,
  };
}
