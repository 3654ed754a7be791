/**
 * Graph's enum members, camelCase as Graph spells them, in `$metadata` order (the evolvable members after
 * `unknownFutureValue` included). The GraphQL enums and the OData whitelist are both derived from these.
 */
export const GraphEnums = {
  registrationAuthMethod: [
    'email', 'mobilePhone', 'officePhone', 'securityQuestion', 'appNotification', 'appCode',
    'alternateMobilePhone', 'fido', 'appPassword', 'unknownFutureValue', 'externalAuthMethod',
  ],
  usageAuthMethod: [
    'email', 'mobileSMS', 'mobileCall', 'officePhone', 'securityQuestion', 'appNotification', 'appCode',
    'alternateMobileCall', 'fido', 'appPassword', 'unknownFutureValue', 'externalAuthMethod',
    'hardwareOneTimePasscode', 'windowsHelloForBusiness', 'microsoftAuthenticatorPasswordless',
    'temporaryAccessPass', 'macOsSecureEnclaveKey', 'passKeyDeviceBound', 'passKeyDeviceBoundAuthenticator',
    'passKeyDeviceBoundWindowsHello', 'softwareOneTimePasscode', 'microsoftAuthenticatorPush', 'mobilePhone',
    'sms', 'alternateMobilePhone', 'fido2SecurityKey', 'oneTimePasscode', 'passKeySynced', 'qrCode',
  ],
  featureType: ['registration', 'reset', 'unknownFutureValue'],
  registrationStatusType: ['registered', 'enabled', 'capable', 'mfaRegistered', 'unknownFutureValue'],
  // Successors (v1.0 `userRegistrationDetails` and the authentication-methods summaries; beta for defaultMfaMethodType).
  signInUserType: ['member', 'guest', 'unknownFutureValue'],
  userDefaultAuthenticationMethod: [
    'push', 'oath', 'voiceMobile', 'voiceAlternateMobile', 'voiceOffice', 'sms', 'none', 'unknownFutureValue',
  ],
  defaultMfaMethodType: [
    'none', 'mobilePhone', 'alternateMobilePhone', 'officePhone', 'microsoftAuthenticatorPush',
    'softwareOneTimePasscode', 'unknownFutureValue',
  ],
  authenticationMethodFeature: [
    'ssprRegistered', 'ssprEnabled', 'ssprCapable', 'passwordlessCapable', 'mfaCapable', 'unknownFutureValue',
  ],
  includedUserRoles: ['all', 'privilegedAdmin', 'admin', 'user', 'unknownFutureValue'],
  includedUserTypes: ['all', 'member', 'guest', 'unknownFutureValue'],
} as const satisfies Record<string, readonly string[]>;

export type GraphEnumName = keyof typeof GraphEnums;

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

/** A member of one Graph enum, as Graph spells it: the internal value of the matching GraphQL enum. */
export type GraphEnumValue<N extends GraphEnumName> = (typeof GraphEnums)[N][number];

/** The internal value of one of the gateway's own GraphQL enums, e.g. `'asc'` for `OrderDirection.ASC`. */
export type GatewayEnumValue<E extends keyof typeof gatewayEnumValues> =
  (typeof gatewayEnumValues)[E][keyof (typeof gatewayEnumValues)[E]];

/** Internal value of the GraphQL enum `RegistrationAuthMethod`: Graph's `registrationAuthMethod` member, as Graph spells it. */
export type RegistrationAuthMethodValue = GraphEnumValue<'registrationAuthMethod'>;

/** Internal value of the GraphQL enum `UsageAuthMethod`: Graph's `usageAuthMethod` member, as Graph spells it. */
export type UsageAuthMethodValue = GraphEnumValue<'usageAuthMethod'>;

/** Internal value of the GraphQL enum `FeatureType`: Graph's `featureType` member, as Graph spells it. */
export type FeatureTypeValue = GraphEnumValue<'featureType'>;

/** Internal value of the GraphQL enum `RegistrationStatusType`: Graph's `registrationStatusType` member, as Graph spells it. */
export type RegistrationStatusTypeValue = GraphEnumValue<'registrationStatusType'>;

/** Internal value of the GraphQL enum `SignInUserType`: Graph's `signInUserType` member, as Graph spells it. */
export type SignInUserTypeValue = GraphEnumValue<'signInUserType'>;

/** Internal value of the GraphQL enum `UserDefaultAuthenticationMethod`: Graph's `userDefaultAuthenticationMethod` member, as Graph spells it. */
export type UserDefaultAuthenticationMethodValue = GraphEnumValue<'userDefaultAuthenticationMethod'>;

/** Internal value of the GraphQL enum `DefaultMfaMethodType`: Graph's `defaultMfaMethodType` member, as Graph spells it. */
export type DefaultMfaMethodTypeValue = GraphEnumValue<'defaultMfaMethodType'>;

/** Internal value of the GraphQL enum `AuthenticationMethodFeature`: Graph's `authenticationMethodFeature` member, as Graph spells it. */
export type AuthenticationMethodFeatureValue = GraphEnumValue<'authenticationMethodFeature'>;

/** Internal value of the GraphQL enum `IncludedUserRoles`: Graph's `includedUserRoles` member, as Graph spells it. */
export type IncludedUserRolesValue = GraphEnumValue<'includedUserRoles'>;

/** Internal value of the GraphQL enum `IncludedUserTypes`: Graph's `includedUserTypes` member, as Graph spells it. */
export type IncludedUserTypesValue = GraphEnumValue<'includedUserTypes'>;

/** Internal value of the GraphQL enum `OrderDirection`: the upstream `$orderby` direction. */
export type OrderDirectionValue = GatewayEnumValue<'OrderDirection'>;

/** Internal value of the GraphQL enum `CredentialUsagePeriod`: the legacy `period` parameter (`D30`). */
export type CredentialUsagePeriodValue = GatewayEnumValue<'CredentialUsagePeriod'>;

/** Internal value of the GraphQL enum `AggregationPeriod`: the successor `period` parameter (`d30`). */
export type AggregationPeriodValue = GatewayEnumValue<'AggregationPeriod'>;

/** Internal value of the GraphQL enum `CredentialUserRegistrationDetailsOrderField`: the upstream property ordered by. */
export type CredentialUserRegistrationDetailsOrderFieldValue = GatewayEnumValue<'CredentialUserRegistrationDetailsOrderField'>;

/** Internal value of the GraphQL enum `UserCredentialUsageDetailsOrderField`: the upstream property ordered by. */
export type UserCredentialUsageDetailsOrderFieldValue = GatewayEnumValue<'UserCredentialUsageDetailsOrderField'>;

/** Internal value of the GraphQL enum `UserRegistrationDetailsOrderField`: the upstream property ordered by. */
export type UserRegistrationDetailsOrderFieldValue = GatewayEnumValue<'UserRegistrationDetailsOrderField'>;

const CAMEL_CASE_IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Graph's camelCase enum member as a GraphQL enum value: split at every lower-case letter or digit followed
 * by an upper-case letter, join with `_`, upper-case. Digits stay with the word before them, and a run of
 * capitals stays one word: `mobileSMS` → `MOBILE_SMS`, `fido2SecurityKey` → `FIDO2_SECURITY_KEY`.
 */
export function toGraphQLEnumName(member: string): string {
  if (!CAMEL_CASE_IDENTIFIER.test(member)) {
    throw new TypeError(`a Graph enum member must be a camelCase identifier, but got: ${JSON.stringify(member)}`);
  }
  return member.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The GraphQL enum type that carries a Graph enum: Graph's type name with a capital first letter. */
export function graphQLEnumTypeName(graphEnumName: GraphEnumName): string {
  return graphEnumName.charAt(0).toUpperCase() + graphEnumName.slice(1);
}

/**
 * Apollo enum resolvers for every enum of the schema: `{ UsageAuthMethod: { MOBILE_SMS: 'mobileSMS', … }, … }`.
 * With them, resolvers receive arguments and return fields in Graph's spelling; GraphQL names exist only on
 * the wire. Graph enums are derived from GraphEnums, so a member added there reaches the schema's resolvers
 * and the drift test at once.
 */
export function enumResolvers(): Record<string, Record<string, string>> {
  const resolvers: Record<string, Record<string, string>> = {};
  for (const graphEnumName of Object.keys(GraphEnums) as GraphEnumName[]) {
    const values: Record<string, string> = {};
    for (const member of GraphEnums[graphEnumName]) {
      values[toGraphQLEnumName(member)] = member;
    }
    resolvers[graphQLEnumTypeName(graphEnumName)] = values;
  }
  for (const [enumName, values] of Object.entries(gatewayEnumValues)) {
    resolvers[enumName] = { ...values };
  }
  return resolvers;
}

const UNKNOWN_FUTURE_VALUE = 'unknownFutureValue';

/**
 * An upstream enum value made safe to return: a member of the Graph enum stays as it is; anything else
 * (a member newer than this gateway, a typo, a non-string) becomes `unknownFutureValue` and is reported to
 * `onUnknown`, so an evolving upstream never fails a query. null, undefined and `""` are no value and
 * answer null: Graph sends `""` for a user without a default method, which is not a new member.
 */
export function normaliseEnumValue<N extends GraphEnumName>(
  enumName: N,
  raw: unknown,
  onUnknown: (enumName: string, value: string) => void,
): GraphEnumValue<N> | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const members: readonly string[] = GraphEnums[enumName];
  if (typeof raw === 'string' && members.includes(raw)) return raw as GraphEnumValue<N>;
  onUnknown(enumName, typeof raw === 'string' ? raw : JSON.stringify(raw));
  return UNKNOWN_FUTURE_VALUE as GraphEnumValue<N>;
}

/**
 * A collection of upstream enum values made safe to return, member by member (see normaliseEnumValue);
 * null and `""` elements are dropped because the schema's lists hold non-null members, and a lone value where a
 * collection was expected counts as a one-member collection. A missing collection is null.
 */
export function normaliseEnumList<N extends GraphEnumName>(
  enumName: N,
  raw: unknown,
  onUnknown: (enumName: string, value: string) => void,
): GraphEnumValue<N>[] | null {
  if (raw === null || raw === undefined) return null;
  const items: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const values: GraphEnumValue<N>[] = [];
  for (const item of items) {
    const value = normaliseEnumValue(enumName, item, onUnknown);
    if (value !== null) values.push(value);
  }
  return values;
}
