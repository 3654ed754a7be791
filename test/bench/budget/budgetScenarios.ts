import type { ContenderId } from '../contenders/ContenderId';
import type { Tenant } from '../emulator/Tenant';
import type { Api } from '../scenarios/Api';
import { graphqlData } from '../scenarios/graphqlData';
import { graphqlRequest } from '../scenarios/graphqlRequest';
import type { HttpOperation } from '../scenarios/HttpOperation';

/**
 * The operations of the "under Graph's budget" section (README: Benchmarks): what a user waits for when
 * every request counts against 5 per window. One operation each, on a cold contender.
 */
export interface BudgetScenario {
  readonly id: string;
  readonly title: string;
  /** The operation in one API, or why the contender cannot express it. */
  operation(api: Api, tenant: Tenant): { readonly request: HttpOperation; check(body: unknown): boolean } | { readonly skipped: string };
}

const NOT_A_SUBGRAPH = 'not a federation subgraph';
const NO_KEYED_LOOKUPS = "its OData source reads one entity per query: a router's batch is not expressible";

const rowsOf = (body: unknown, field: string): any[] | null => {
  const rows = graphqlData(body)?.[field];
  return Array.isArray(rows) ? rows : null;
};
const restRows = (body: unknown): any[] | null => {
  const rows = (body as { value?: unknown } | null)?.value;
  return Array.isArray(rows) ? rows : null;
};

const USER_FIELDS = `authenticationRegistration { isMfaRegistered methodsRegistered }
  credentialRegistration { isMfaRegistered authMethods }
  credentialUsageEvents(first: 3) { nodes { feature isSuccess } }`;

export const budgetScenarios: readonly BudgetScenario[] = [
  {
    id: 'first-page',
    title: 'first page of 50 registrations',
    operation(api) {
      if (api === 'rest') return { request: { method: 'GET', path: '/registrations?top=50' }, check: (b) => restRows(b)?.length === 50 };
      if (api === 'mesh') {
        return {
          request: graphqlRequest('query($q: QueryOptions) { reports { credentialUserRegistrationDetails(queryOptions: $q) { id userPrincipalName } } }', { q: { top: 50 } }),
          check: (b) => graphqlData(b)?.['reports']?.credentialUserRegistrationDetails?.length === 50,
        };
      }
      return {
        request: graphqlRequest('{ credentialUserRegistrationDetails(first: 50) { nodes { id userPrincipalName } } }', {}),
        check: (b) => graphqlData(b)?.['credentialUserRegistrationDetails']?.nodes?.length === 50,
      };
    },
  },
  {
    id: 'usage-events',
    title: '50 registrations with `usageEvents(first: 5)`',
    operation(api) {
      const ok = (rows: any[] | undefined, events: (row: any) => unknown) => Array.isArray(rows) && rows.length === 50 && rows.every((r) => Array.isArray(events(r)));
      if (api === 'rest') return { request: { method: 'GET', path: '/registrations/with-usage?top=50&eventsTop=5' }, check: (b) => ok(restRows(b) ?? undefined, (r) => r.usageEvents) };
      if (api === 'mesh') {
        return {
          request: graphqlRequest('query($q: QueryOptions, $u: QueryOptions) { reports { credentialUserRegistrationDetails(queryOptions: $q) { id usageEvents(queryOptions: $u) { id } } } }', { q: { top: 50 }, u: { top: 5 } }),
          check: (b) => ok(graphqlData(b)?.['reports']?.credentialUserRegistrationDetails, (r) => r.usageEvents),
        };
      }
      return {
        request: graphqlRequest('{ credentialUserRegistrationDetails(first: 50) { nodes { id usageEvents(first: 5) { nodes { id } } } } }', {}),
        check: (b) => ok(graphqlData(b)?.['credentialUserRegistrationDetails']?.nodes, (r) => r.usageEvents?.nodes),
      };
    },
  },
  {
    id: 'registration',
    title: '60 usage events with `registration`',
    operation(api) {
      if (api === 'mesh') return { skipped: 'no link from an event to its registration in the OData source' };
      if (api === 'rest') return { request: { method: 'GET', path: '/usage/with-registration?top=60' }, check: (b) => restRows(b)?.length === 60 && restRows(b)!.every((r) => r.registration !== null) };
      return {
        request: graphqlRequest('{ userCredentialUsageDetails(first: 60) { nodes { id registration { id userPrincipalName } } } }', {}),
        check: (b) => {
          const nodes = graphqlData(b)?.['userCredentialUsageDetails']?.nodes;
          return Array.isArray(nodes) && nodes.length === 60 && nodes.every((n: any) => n.registration !== null);
        },
      };
    },
  },
  {
    id: 'entities',
    title: '100 `_entities` of `UserRegistrationDetails` by id',
    operation(api, tenant) {
      const ids = tenant.directoryIds.slice(0, 100);
      if (api === 'mesh') return { skipped: NO_KEYED_LOOKUPS };
      if (api === 'rest') return { request: { method: 'GET', path: `/directory/by-id?ids=${ids.join(',')}` }, check: (b) => restRows(b)?.length === 100 };
      return {
        request: graphqlRequest('query($r: [_Any!]!) { _entities(representations: $r) { ... on UserRegistrationDetails { id isMfaRegistered } } }', { r: ids.map((id) => ({ __typename: 'UserRegistrationDetails', id })) }),
        check: (b) => {
          const found = rowsOf(b, '_entities');
          return found !== null && found.length === 100 && found.every((e, i) => e?.id === ids[i]);
        },
      };
    },
  },
  {
    id: 'users-page',
    title: "a router's users page: 100 `User` by id with three report fields",
    operation(api, tenant) {
      const ids = tenant.directoryIds.slice(0, 100);
      if (api === 'mesh') return { skipped: NOT_A_SUBGRAPH };
      if (api === 'rest') return { request: { method: 'GET', path: `/users-page?events=3&ids=${ids.join(',')}` }, check: (b) => restRows(b)?.length === 100 };
      return {
        request: graphqlRequest(`query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id ${USER_FIELDS} } } }`, { r: ids.map((id) => ({ __typename: 'User', id })) }),
        check: (b) => {
          const found = rowsOf(b, '_entities');
          return found !== null && found.length === 100 && found.every((e, i) => e?.id === ids[i] && e.authenticationRegistration !== null);
        },
      };
    },
  },
];

export const BUDGET_CONTENDERS: readonly ContenderId[] = ['gateway', 'naive', 'rest', 'mesh'];
