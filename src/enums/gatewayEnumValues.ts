/**
 * The internal values of the gateway's own enums (those that are not Graph enums): each GraphQL value mapped
 * to what the graph layer needs, so resolvers receive upstream spellings and never translate.
 */
export const gatewayEnumValues = {
  OrderDirection: { ASC: 'asc', DESC: 'desc' },
  // Graph's legacy function takes upper case (`period='D30'`), the successor lower case (`period='d30'`).
  CredentialUsagePeriod: { D1: 'D1', D7: 'D7', D30: 'D30' },
  AggregationPeriod: { D1: 'd1', D7: 'd7', D30: 'd30' },
  CredentialUserRegistrationDetailsOrderField: {
    USER_DISPLAY_NAME: 'userDisplayName',
    USER_PRINCIPAL_NAME: 'userPrincipalName',
    IS_REGISTERED: 'isRegistered',
    IS_ENABLED: 'isEnabled',
    IS_CAPABLE: 'isCapable',
    IS_MFA_REGISTERED: 'isMfaRegistered',
  },
  UserCredentialUsageDetailsOrderField: {
    USER_DISPLAY_NAME: 'userDisplayName',
    USER_PRINCIPAL_NAME: 'userPrincipalName',
    EVENT_DATE_TIME: 'eventDateTime',
    FEATURE: 'feature',
    IS_SUCCESS: 'isSuccess',
    AUTH_METHOD: 'authMethod',
  },
  UserRegistrationDetailsOrderField: {
    USER_PRINCIPAL_NAME: 'userPrincipalName',
    USER_DISPLAY_NAME: 'userDisplayName',
  },
} as const satisfies Record<string, Readonly<Record<string, string>>>;
