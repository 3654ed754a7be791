import { introspectContract } from './introspectContract';

const { type, inputFields } = introspectContract();

describe('the inputs and gateway enums of the contract', () => {
  it.each([
    ['StringFilter', ['eq: String', 'startsWith: String']],
    ['DateTimeFilter', ['gt: DateTime', 'ge: DateTime', 'lt: DateTime', 'le: DateTime']],
    ['StringListFilter', ['any: [String!]']],
    ['RegistrationAuthMethodFilter', ['any: [RegistrationAuthMethod!]']],
    ['CredentialUserRegistrationDetailsFilter', [
      'userDisplayName: StringFilter', 'userPrincipalName: StringFilter', 'authMethods: RegistrationAuthMethodFilter',
      'isRegistered: Boolean', 'isEnabled: Boolean', 'isCapable: Boolean', 'isMfaRegistered: Boolean',
    ]],
    ['UserCredentialUsageDetailsFilter', [
      'userDisplayName: StringFilter', 'userPrincipalName: StringFilter', 'failureReason: StringFilter',
      'feature: FeatureType', 'isSuccess: Boolean', 'authMethod: UsageAuthMethod', 'eventDateTime: DateTimeFilter',
    ]],
    ['CredentialUsageSummaryFilter', ['feature: FeatureType']],
    ['CredentialUserRegistrationsSummaryFilter', [
      'organizationId: StringFilter', 'organizationDisplayName: StringFilter',
    ]],
    ['CredentialUserRegistrationDetailsOrder', [
      'field: CredentialUserRegistrationDetailsOrderField!', 'direction: OrderDirection = ASC',
    ]],
    ['UserCredentialUsageDetailsOrder', [
      'field: UserCredentialUsageDetailsOrderField!', 'direction: OrderDirection = ASC',
    ]],
    ['UserRegistrationDetailsFilter', [
      'userPrincipalName: StringFilter', 'userDisplayName: StringFilter', 'isMfaCapable: Boolean',
      'isMfaRegistered: Boolean', 'isPasswordlessCapable: Boolean', 'isSsprCapable: Boolean', 'isSsprEnabled: Boolean',
      'isSsprRegistered: Boolean', 'isSystemPreferredAuthenticationMethodEnabled: Boolean',
      'methodsRegistered: StringListFilter', 'systemPreferredAuthenticationMethods: StringListFilter',
    ]],
    ['UserRegistrationDetailsOrder', ['field: UserRegistrationDetailsOrderField!', 'direction: OrderDirection = ASC']],
    ['UserRegistrationActivityFilter', ['feature: FeatureType', 'authMethod: UsageAuthMethod']],
    ['CredentialUserRegistrationDetailsInput', [
      'id: ID', 'userPrincipalName: String!', 'userDisplayName: String!', 'authMethods: [RegistrationAuthMethod!]!',
      'isRegistered: Boolean!', 'isEnabled: Boolean!', 'isCapable: Boolean!', 'isMfaRegistered: Boolean!',
    ]],
    ['UserCredentialUsageDetailsInput', [
      'id: ID', 'feature: FeatureType!', 'userPrincipalName: String!', 'userDisplayName: String', 'isSuccess: Boolean!',
      'authMethod: UsageAuthMethod!', 'failureReason: String', 'eventDateTime: DateTime!',
    ]],
    ['CredentialUserRegistrationsSummaryInput', [
      'id: String', 'organizationId: String!', 'organizationDisplayName: String!', 'mfaAndSsprCapableUserCount: Int',
      'mfaConditionalAccessPolicyState: String', 'mfaExcludedUserCount: Int', 'mfaRegisteredUserCount: Int',
      'securityDefaultsEnabled: Boolean', 'ssprEnabledUserCount: Int', 'ssprRegisteredUserCount: Int',
      'totalUserCount: Int', 'tenantLicenseType: String', 'lastRefreshedDateTime: DateTime',
    ]],
  ])('defines the input %s with exactly the fields of the contract', (name, fields) => {
    expect(type(name).kind).toBe('INPUT_OBJECT');
    expect(inputFields(name)).toEqual(fields);
  });

  it.each([
    ['OrderDirection', ['ASC', 'DESC']],
    ['CredentialUsagePeriod', ['D1', 'D7', 'D30']],
    ['AggregationPeriod', ['D1', 'D7', 'D30']],
    ['CredentialUserRegistrationDetailsOrderField', [
      'USER_DISPLAY_NAME', 'USER_PRINCIPAL_NAME', 'IS_REGISTERED', 'IS_ENABLED', 'IS_CAPABLE', 'IS_MFA_REGISTERED',
    ]],
    ['UserCredentialUsageDetailsOrderField', [
      'USER_DISPLAY_NAME', 'USER_PRINCIPAL_NAME', 'EVENT_DATE_TIME', 'FEATURE', 'IS_SUCCESS', 'AUTH_METHOD',
    ]],
    ['UserRegistrationDetailsOrderField', ['USER_PRINCIPAL_NAME', 'USER_DISPLAY_NAME']],
    ['SignInUserType', ['MEMBER', 'GUEST', 'UNKNOWN_FUTURE_VALUE']],
    ['IncludedUserTypes', ['ALL', 'MEMBER', 'GUEST', 'UNKNOWN_FUTURE_VALUE']],
    ['IncludedUserRoles', ['ALL', 'PRIVILEGED_ADMIN', 'ADMIN', 'USER', 'UNKNOWN_FUTURE_VALUE']],
  ])('defines the enum %s with exactly the values of the contract', (name, values) => {
    expect((type(name).enumValues ?? []).map((v) => v.name)).toEqual(values);
  });
});
