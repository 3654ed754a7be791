import { graphQLEnumTypeName } from '../../src/enums';

describe('graphQLEnumTypeName', () => {
  it.each([
    ['registrationAuthMethod', 'RegistrationAuthMethod'],
    ['usageAuthMethod', 'UsageAuthMethod'],
    ['signInUserType', 'SignInUserType'],
    ['includedUserRoles', 'IncludedUserRoles'],
  ] as const)('names the GraphQL enum of Graph %s as %s', (graphName, expected) => {
    expect(graphQLEnumTypeName(graphName)).toBe(expected);
  });
});
