import type { ContenderId } from '../contenders/ContenderId';
import type { Api } from './Api';
import type { ApiOperations } from './ApiOperations';
import { graphqlData } from './graphqlData';
import { graphqlRequest } from './graphqlRequest';
import { orderingFor } from './orderingFor';
import type { Scenario } from './Scenario';

const PAGE = 50;
const EVENTS = 50;
const EVENT_FIELDS = 'id feature isSuccess authMethod eventDateTime';
const SINCE_BASE_MS = Date.UTC(2000, 0, 1);

/** A lower bound on event dates before every seeded event, distinct per operation so no two inner URLs match. */
function sinceFor(index: number): string {
  return new Date(SINCE_BASE_MS + (index % 86_400) * 1000).toISOString().replace('.000Z', 'Z');
}

export interface UsageEventsOptions {
  readonly id: string;
  readonly title: string;
  readonly mode: Scenario['mode'];
  readonly contenders: readonly ContenderId[];
  readonly env?: Scenario['env'];
  readonly faults?: Scenario['faults'];
  readonly budget?: boolean;
  /** Whether upstream requests per operation are a target here (not when retries add to them). */
  readonly target: boolean;
}

/** 50 registrations, each with its usage events (the link): 1 list call plus 50 per-user reads. */
export function usageEventsScenario(options: UsageEventsOptions): Scenario {
  const rowsOk = (rows: unknown, events: (row: any) => unknown): boolean =>
    Array.isArray(rows) && rows.length === PAGE && rows.every((row) => Array.isArray(events(row)));
  const operations = (api: Api): ApiOperations => {
    switch (api) {
      case 'gateway':
        return {
          operation: (i) =>
            graphqlRequest(
              `query($o: [CredentialUserRegistrationDetailsOrder!], $since: DateTime!) { credentialUserRegistrationDetails(first: ${PAGE}, orderBy: $o) { nodes { id userPrincipalName usageEvents(first: ${EVENTS}, filter: { eventDateTime: { ge: $since } }) { nodes { ${EVENT_FIELDS} } } } } }`,
              { o: orderingFor(i).graphql, since: sinceFor(i) },
            ),
          check: (body) => rowsOk(graphqlData(body)?.['credentialUserRegistrationDetails']?.nodes, (row) => row.usageEvents?.nodes),
        };
      case 'mesh':
        return {
          operation: (i) =>
            graphqlRequest(`query($q: QueryOptions, $u: QueryOptions) { reports { credentialUserRegistrationDetails(queryOptions: $q) { id userPrincipalName usageEvents(queryOptions: $u) { ${EVENT_FIELDS} } } } }`, {
              q: { top: PAGE, orderby: orderingFor(i).odata },
              u: { top: EVENTS, filter: `eventDateTime ge ${sinceFor(i)}` },
            }),
          check: (body) => rowsOk(graphqlData(body)?.['reports']?.credentialUserRegistrationDetails, (row) => row.usageEvents),
        };
      case 'rest':
        return {
          operation: (i) => ({ method: 'GET', path: `/registrations/with-usage?top=${PAGE}&eventsTop=${EVENTS}&orderby=${encodeURIComponent(orderingFor(i).odata)}&since=${sinceFor(i)}` }),
          check: (body) => rowsOk((body as { value?: unknown }).value, (row) => row.usageEvents),
        };
    }
  };
  return {
    id: options.id,
    title: options.title,
    mode: options.mode,
    tenant: 'main',
    contenders: options.contenders,
    ...(options.env ? { env: options.env } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.budget ? { budget: true } : {}),
    ...(options.target ? { minimumHttpPerOp: 1 + Math.ceil(PAGE / 20) } : {}),
    operations,
  };
}
