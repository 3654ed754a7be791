import { introspectContract } from './introspectContract';

const { signatures } = introspectContract();
const PAGE = 'first: Int = 50, after: String';

describe('the object types of the contract', () => {
  it.each([
    ['CredentialUserRegistrationDetails', [
      'id: ID!', 'userPrincipalName: String!', 'userDisplayName: String!', 'authMethods: [RegistrationAuthMethod!]!',
      'isRegistered: Boolean!', 'isEnabled: Boolean!', 'isCapable: Boolean!', 'isMfaRegistered: Boolean!',
      `usageEvents(filter: UserCredentialUsageDetailsFilter, ${PAGE}): UserCredentialUsageDetailsConnection`,
    ]],
    ['UserCredentialUsageDetails', [
      'id: ID!', 'feature: FeatureType!', 'userPrincipalName: String!', 'userDisplayName: String', 'isSuccess: Boolean!',
      'authMethod: UsageAuthMethod!', 'failureReason: String', 'eventDateTime: DateTime!',
      'registration: CredentialUserRegistrationDetails',
    ]],
    ['CredentialUsageSummary', [
      'id: String!', 'feature: FeatureType!', 'authMethod: UsageAuthMethod!', 'successfulActivityCount: SafeInt!',
      'failureActivityCount: SafeInt!',
    ]],
    ['CredentialUserRegistrationCount', [
      'id: String!', 'totalUserCount: SafeInt!', 'userRegistrationCounts: [UserRegistrationCount!]!',
    ]],
    ['UserRegistrationCount', ['registrationStatus: RegistrationStatusType!', 'registrationCount: SafeInt!']],
    ['CredentialUserRegistrationsSummary', [
      'id: String!', 'organizationId: String', 'organizationDisplayName: String', 'mfaAndSsprCapableUserCount: Int',
      'mfaConditionalAccessPolicyState: String', 'mfaExcludedUserCount: Int', 'mfaRegisteredUserCount: Int',
      'securityDefaultsEnabled: Boolean', 'ssprEnabledUserCount: Int', 'ssprRegisteredUserCount: Int',
      'totalUserCount: Int', 'tenantLicenseType: String', 'lastRefreshedDateTime: DateTime',
    ]],
    ['User', [
      'id: ID!', 'userPrincipalName: String!', 'credentialRegistration: CredentialUserRegistrationDetails',
      `credentialUsageEvents(filter: UserCredentialUsageDetailsFilter, ${PAGE}): UserCredentialUsageDetailsConnection`,
      'authenticationRegistration: UserRegistrationDetails',
    ]],
    ['UserRegistrationDetails', [
      'id: ID!', 'userPrincipalName: String!', 'userDisplayName: String', 'userType: SignInUserType', 'isAdmin: Boolean',
      'isMfaCapable: Boolean!', 'isMfaRegistered: Boolean!', 'isPasswordlessCapable: Boolean!', 'isSsprCapable: Boolean!',
      'isSsprEnabled: Boolean!', 'isSsprRegistered: Boolean!', 'isSystemPreferredAuthenticationMethodEnabled: Boolean',
      'lastUpdatedDateTime: DateTime', 'methodsRegistered: [String!]', 'systemPreferredAuthenticationMethods: [String!]',
      'userPreferredMethodForSecondaryAuthentication: UserDefaultAuthenticationMethod',
      'defaultMfaMethod: DefaultMfaMethodType',
    ]],
    ['UserRegistrationFeatureSummary', [
      'totalUserCount: SafeInt!', 'userRegistrationFeatureCounts: [UserRegistrationFeatureCount!]!',
      'userRoles: IncludedUserRoles', 'userTypes: IncludedUserTypes',
    ]],
    ['UserRegistrationFeatureCount', ['feature: AuthenticationMethodFeature!', 'userCount: SafeInt!']],
    ['UserRegistrationMethodSummary', [
      'totalUserCount: SafeInt!', 'userRegistrationMethodCounts: [UserRegistrationMethodCount!]!',
      'userRoles: IncludedUserRoles', 'userTypes: IncludedUserTypes',
    ]],
    ['UserRegistrationMethodCount', ['authenticationMethod: String!', 'userCount: SafeInt!']],
    ['UserEventsSummary', [
      'id: String!', 'feature: FeatureType!', 'userPrincipalName: String!', 'userDisplayName: String', 'isSuccess: Boolean!',
      'authMethod: UsageAuthMethod!', 'failureReason: String', 'eventDateTime: DateTime!',
    ]],
    ['UserRegistrationActivitySummary', [
      'id: String!', 'feature: FeatureType!', 'authMethod: UsageAuthMethod!', 'successfulActivityCount: SafeInt!',
      'failureActivityCount: SafeInt!',
    ]],
    ['PageInfo', ['hasNextPage: Boolean!', 'hasPreviousPage: Boolean!', 'startCursor: String', 'endCursor: String']],
  ])('defines the object type %s with exactly the fields of the contract', (name, fields) => {
    expect(signatures(name)).toEqual(fields);
  });

  it.each([
    'CredentialUserRegistrationDetails', 'UserCredentialUsageDetails', 'CredentialUserRegistrationsSummary',
    'UserRegistrationDetails', 'UserEventsSummary',
  ])('pages %s through a Relay connection with non-null lists and a cursor on every edge', (node) => {
    expect(signatures(`${node}Connection`)).toEqual([
      `edges: [${node}Edge!]!`, `nodes: [${node}!]!`, 'pageInfo: PageInfo!',
    ]);
    expect(signatures(`${node}Edge`)).toEqual(['cursor: String!', `node: ${node}!`]);
  });
});
