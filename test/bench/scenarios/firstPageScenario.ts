import type { ContenderId } from '../contenders/ContenderId';
import type { Api } from './Api';
import type { ApiOperations } from './ApiOperations';
import { graphqlData } from './graphqlData';
import { graphqlRequest } from './graphqlRequest';
import { orderingFor } from './orderingFor';
import { registrationFields } from './registrationFields';
import type { Scenario } from './Scenario';

const PAGE = 50;

export interface FirstPageOptions {
  readonly id: string;
  readonly title: string;
  readonly mode: Scenario['mode'];
  readonly contenders: readonly ContenderId[];
  readonly env?: Scenario['env'];
  readonly redis?: Scenario['redis'];
  /** Every operation identical (one ordering) instead of round-robin orderings. */
  readonly identical?: boolean;
  /** Also select `authMethods`, whose values include members the CSDL enum lacks. */
  readonly authMethods?: boolean;
  /** Whether upstream requests per operation are a target here (not when the cache or retries decide them). */
  readonly target: boolean;
}

/** The first page of registration details, 50 rows, in one of the orderings. */
export function firstPageScenario(options: FirstPageOptions): Scenario {
  const fields = options.authMethods ? `${registrationFields} authMethods` : registrationFields;
  const rowsOk = (rows: unknown): boolean =>
    Array.isArray(rows) && rows.length === PAGE && (!options.authMethods || rows.every((row: { authMethods?: unknown }) => Array.isArray(row.authMethods)));
  const operations = (api: Api): ApiOperations => {
    const ordering = (index: number) => orderingFor(options.identical ? 0 : index);
    switch (api) {
      case 'gateway':
        return {
          operation: (i) => graphqlRequest(`query($o: [CredentialUserRegistrationDetailsOrder!]) { credentialUserRegistrationDetails(first: ${PAGE}, orderBy: $o) { nodes { ${fields} } } }`, { o: ordering(i).graphql }),
          check: (body) => rowsOk(graphqlData(body)?.['credentialUserRegistrationDetails']?.nodes),
        };
      case 'mesh':
        return {
          operation: (i) => graphqlRequest(`query($q: QueryOptions) { reports { credentialUserRegistrationDetails(queryOptions: $q) { ${fields} } } }`, { q: { top: PAGE, orderby: ordering(i).odata } }),
          check: (body) => rowsOk(graphqlData(body)?.['reports']?.credentialUserRegistrationDetails),
        };
      case 'rest':
        return {
          operation: (i) => ({ method: 'GET', path: `/registrations?top=${PAGE}&orderby=${encodeURIComponent(ordering(i).odata)}` }),
          check: (body) => rowsOk((body as { value?: unknown }).value),
        };
    }
  };
  return { id: options.id, title: options.title, mode: options.mode, tenant: 'main', contenders: options.contenders, ...(options.env ? { env: options.env } : {}), ...(options.redis ? { redis: options.redis } : {}), ...(options.target ? { minimumHttpPerOp: 1 } : {}), operations };
}
