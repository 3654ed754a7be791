import { graphqlSync } from 'graphql';
import type { Resolvers } from '../../src/generated/resolvers-types';
import type { CredentialUserRegistrationDetailsRecord } from '../../src/reports/registrationDetails';
import { buildGatewaySchema } from '../../src/apollo/schema';

const alice: CredentialUserRegistrationDetailsRecord = {
  id: 'r1', userPrincipalName: 'alice@contoso.com', userDisplayName: 'Alice', authMethods: ['email', 'fido'],
  isRegistered: true, isEnabled: true, isCapable: false, isMfaRegistered: true,
};

describe('buildGatewaySchema', () => {
  const seen: unknown[] = [];
  // Typed with the generated Resolvers: this file compiling proves the generated types fit real resolvers.
  const resolvers: Resolvers = {
    Query: {
      usersRegisteredByFeature: (_, args) => {
        seen.push(args);
        return { totalUserCount: 2 ** 40, userRegistrationFeatureCounts: [{ feature: 'mfaCapable', userCount: 3 }], userRoles: 'all', userTypes: 'member' };
      },
      credentialUserRegistrationDetails: (_, args) => {
        seen.push(args);
        return { edges: [{ cursor: 'c1', node: alice }], nodes: [alice], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c1' } };
      },
      userRegistrationActivity: (_, args) => (seen.push(args), []),
      credentialUsageSummary: (_, args) => (seen.push(args), []),
    },
    UserRegistrationFeatureCount: { feature: (parent) => (parent.feature === 'mfaCapable' ? 'mfaCapable' : 'unknownFutureValue') },
    CredentialUserRegistrationDetails: { authMethods: (parent) => parent.authMethods.filter((m) => m === 'email' || m === 'fido') as ('email' | 'fido')[] },
  };
  const schema = buildGatewaySchema(resolvers);

  beforeEach(() => void seen.splice(0));

  it('hands resolvers Graph spellings for enum defaults, and writes GraphQL names on the wire', () => {
    const result = graphqlSync({
      schema,
      source: '{ usersRegisteredByFeature { totalUserCount userRoles userTypes userRegistrationFeatureCounts { feature userCount } } }',
    });
    expect(result).toEqual({
      data: {
        usersRegisteredByFeature: {
          totalUserCount: 2 ** 40, userRoles: 'ALL', userTypes: 'MEMBER',
          userRegistrationFeatureCounts: [{ feature: 'MFA_CAPABLE', userCount: 3 }],
        },
      },
    });
    expect(seen).toEqual([{ includedUserTypes: 'all', includedUserRoles: 'all' }]);
  });

  it('hands resolvers upstream property names for order fields, OData directions and typed filters', () => {
    const result = graphqlSync({
      schema,
      source: `{ credentialUserRegistrationDetails(
        filter: { authMethods: { any: [MOBILE_PHONE, EXTERNAL_AUTH_METHOD] }, userPrincipalName: { startsWith: "al" } }
        orderBy: [{ field: IS_MFA_REGISTERED, direction: DESC }, { field: USER_DISPLAY_NAME }]
      ) { nodes { userPrincipalName authMethods } pageInfo { hasNextPage endCursor } } }`,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      credentialUserRegistrationDetails: {
        nodes: [{ userPrincipalName: 'alice@contoso.com', authMethods: ['EMAIL', 'FIDO'] }],
        pageInfo: { hasNextPage: false, endCursor: 'c1' },
      },
    });
    expect(seen).toEqual([{
      filter: { authMethods: { any: ['mobilePhone', 'externalAuthMethod'] }, userPrincipalName: { startsWith: 'al' } },
      orderBy: [{ field: 'isMfaRegistered', direction: 'desc' }, { field: 'userDisplayName', direction: 'asc' }],
      first: 50,
    }]);
  });

  it('spells each period as its upstream wants it', () => {
    graphqlSync({ schema, source: '{ credentialUsageSummary(period: D30) { id } userRegistrationActivity(period: D7) { id } }' });
    expect(seen).toEqual([{ period: 'D30' }, { period: 'd7' }]);
  });

  it('builds without field resolvers, answering null for report fields', () => {
    const result = graphqlSync({ schema: buildGatewaySchema(), source: '{ credentialUserRegistrationCount { id } }' });
    expect(result).toEqual({ data: { credentialUserRegistrationCount: null } });
  });
});
