import { composeServices } from '@apollo/composition';
import { graphqlSync, parse } from 'graphql';
import { buildGatewaySchema } from '../../src/apollo/schema';
import { loadTypeDefs } from '../../src/apollo/schema';

const sdl = (() => {
  const result = graphqlSync({ schema: buildGatewaySchema(), source: '{ _service { sdl } }' });
  return (result.data as { _service: { sdl: string } } | null)?._service.sdl ?? '';
})();

// A neighbouring subgraph that owns User and also declares the shared PageInfo and scalars.
const users = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])
  scalar DateTime
  # The Relay connection spec's PageInfo, as other subgraphs declare it.
  type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type User @key(fields: "id") @key(fields: "userPrincipalName") {
    id: ID!
    userPrincipalName: String!
    displayName: String
    createdDateTime: DateTime
  }
  type UserConnection { nodes: [User!]! pageInfo: PageInfo! }
  type Query { users(first: Int = 50, after: String): UserConnection }
`);

describe('the subgraph as federation sees it', () => {
  it('serves its SDL through _service, linked to Federation 2.5', () => {
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])');
  });

  it.each(['CredentialUserRegistrationDetails', 'UserCredentialUsageDetails', 'UserRegistrationDetails'])(
    'keys %s by id in the served SDL',
    (name) => {
      expect(sdl).toMatch(new RegExp(`type ${name}\\s+@key\\(fields: "id"\\)\\s*\\{`));
    },
  );

  it('contributes User under both keys, and marks PageInfo shareable', () => {
    expect(sdl).toMatch(/type User\s+@key\(fields: "userPrincipalName"\)\s+@key\(fields: "id"\)\s*\{/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable\s*\{/);
  });

  it('serves the deprecations in its SDL, so a router shows them to clients', () => {
    expect(sdl.match(/@deprecated\(reason: "[^"]*use \w+"\)/g)).toHaveLength(4);
  });

  it('composes into a supergraph with a users subgraph that shares User, PageInfo and DateTime', () => {
    const result = composeServices([
      { name: 'credential-reports', url: 'http://127.0.0.1:4001/', typeDefs: loadTypeDefs() },
      { name: 'users', url: 'http://127.0.0.1:4002/', typeDefs: users },
    ]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    expect(result.supergraphSdl).toContain('credentialRegistration: CredentialUserRegistrationDetails');
  });

  it('fails composition when PageInfo lost @shareable, proving the composition check has teeth', () => {
    const unshared = parse(loadTypeDefsText().replace('type PageInfo @shareable', 'type PageInfo'));
    const result = composeServices([
      { name: 'credential-reports', url: 'http://127.0.0.1:4001/', typeDefs: unshared },
      { name: 'users', url: 'http://127.0.0.1:4002/', typeDefs: users },
    ]);
    expect(result.errors?.map((e) => e.message).join('\n')).toMatch(/PageInfo\.(hasNextPage|endCursor)/);
  });
});

function loadTypeDefsText(): string {
  return loadTypeDefs()
    .definitions.map((d) => d.loc?.source.body ?? '')
    .filter((body, i, all) => all.indexOf(body) === i)
    .join('\n');
}
