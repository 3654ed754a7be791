import { type DefinitionNode, Kind, print } from 'graphql';
import { parse } from 'graphql';
import type { EmulatorData } from '../../src/emulator/data';
import { doublingFragments } from './doublingFragments';
import { readmeBlocks } from './readme';

/** One operation shape the suite sends, with variables drawn from the emulator's tenant. */
export interface OperationShape {
  readonly name: string;
  readonly query: string;
  readonly variables?: (data: EmulatorData) => Record<string, unknown>;
}

const users = (data: EmulatorData, n: number) => data.userRegistrationDetails.slice(0, n);

/** Every operation of the README's GraphQL blocks, each alone with the block's fragments. */
function readmeShapes(): OperationShape[] {
  return readmeBlocks()
    .filter((block) => block.language === 'graphql')
    .flatMap((block) => {
      const definitions = parse(block.body).definitions;
      const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
      return definitions
        .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
        .map((operation: DefinitionNode, i) => ({
          name: `README.md:${block.line} #${i + 1}`,
          query: print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }),
        }));
    });
}

/**
 * The query shapes of the test suite and of the README, in one list: what the cost analysis must bound from
 * above (test/cost/upperBound.test.ts). A new shape in a test belongs here too; the README's are read from it.
 */
export const operationShapes: readonly OperationShape[] = [
  ...readmeShapes(),
  { name: 'first page', query: '{ credentialUserRegistrationDetails(first: 5) { nodes { id userPrincipalName } pageInfo { hasNextPage endCursor } } }' },
  {
    name: 'README quick start (links)',
    query: '{ credentialUserRegistrationDetails(first: 5) { nodes { userPrincipalName authMethods isMfaRegistered usageEvents(first: 3) { nodes { feature isSuccess authMethod eventDateTime } } } pageInfo { hasNextPage endCursor } } }',
  },
  { name: 'registrations with usage events', query: '{ credentialUserRegistrationDetails(first: 12) { edges { cursor node { id usageEvents(first: 2) { nodes { id } pageInfo { hasNextPage } } } } } }' },
  { name: 'usage events with registration', query: '{ userCredentialUsageDetails(first: 15) { nodes { id registration { id isMfaRegistered } } } }' },
  {
    name: 'filtered and ordered',
    query: '{ credentialUserRegistrationDetails(first: 7, filter: { isMfaRegistered: true, userPrincipalName: { startsWith: "a" } }, orderBy: [{ field: USER_DISPLAY_NAME, direction: DESC }]) { nodes { id } } }',
  },
  {
    name: 'variable default',
    query: 'query($f: Int = 9) { credentialUserRegistrationDetails(first: $f) { nodes { usageEvents(first: 2) { nodes { id } } } } }',
  },
  {
    name: 'aliased lists that follow nextLinks',
    query: `{ ${Array.from({ length: 10 }, (_, i) => `l${i}: userCredentialUsageDetails(first: ${5 + i}, filter: { isSuccess: ${i % 2 === 0} }) { nodes { id } }`).join(' ')} }`,
  },
  { name: 'successor page', query: '{ userRegistrationDetails(first: 6, filter: { isMfaRegistered: false }) { nodes { id userType methodsRegistered } } }' },
  { name: 'successor page from beta', query: '{ userRegistrationDetails(first: 4) { nodes { id defaultMfaMethod } } }' },
  { name: 'user events summary', query: '{ userEventsSummary(first: 8, filter: { feature: RESET }) { nodes { id failureReason } } }' },
  {
    name: 'summaries and functions',
    query: `{ credentialUsageSummary(period: D30) { feature successfulActivityCount } credentialUserRegistrationCount { totalUserCount }
      usersRegisteredByFeature { totalUserCount } usersRegisteredByMethod(includedUserTypes: MEMBER) { totalUserCount }
      userRegistrationActivity(period: D7) { feature authMethod } credentialUserRegistrationsSummaries(first: 3) { nodes { organizationId } } }`,
  },
  { name: 'doubling fragments', query: doublingFragments(26) },
  {
    name: '_entities of report rows by id',
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on CredentialUserRegistrationDetails { id isMfaRegistered }
      ... on UserCredentialUsageDetails { id feature } ... on UserRegistrationDetails { id isAdmin } } }`,
    variables: (data) => ({
      r: [
        ...data.registrationDetails.slice(0, 7).map((r) => ({ __typename: 'CredentialUserRegistrationDetails', id: r.id })),
        ...data.usageDetails.slice(0, 6).map((r) => ({ __typename: 'UserCredentialUsageDetails', id: r.id })),
        ...users(data, 5).map((r) => ({ __typename: 'UserRegistrationDetails', id: r.id })),
      ],
    }),
  },
  {
    name: "a router's users page, both keys",
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { credentialRegistration { id }
      credentialUsageEvents(first: 3) { nodes { id } } authenticationRegistration { id isAdmin } } } }`,
    variables: (data) => ({ r: users(data, 12).map((u) => ({ __typename: 'User', id: u.id, userPrincipalName: u.userPrincipalName })) }),
  },
  {
    name: "a router's users page, only id",
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { userPrincipalName credentialRegistration { id }
      credentialUsageEvents(first: 2) { nodes { id } } } } }`,
    variables: (data) => ({ r: users(data, 9).map((u) => ({ __typename: 'User', id: u.id })) }),
  },
  {
    name: "a router's users page, only the principal name",
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id authenticationRegistration { id } } } }',
    variables: (data) => ({ r: users(data, 8).map((u) => ({ __typename: 'User', userPrincipalName: u.userPrincipalName })) }),
  },
  {
    name: 'create',
    query: `mutation { createCredentialUserRegistrationsSummary(input: { organizationId: "00000000-0000-4000-8000-00000000aaaa", organizationDisplayName: "Shape" }) { organizationId } }`,
  },
];
