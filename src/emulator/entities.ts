import type { EmulatorData } from './data';

/** Filter operators a property may document; `any` applies to collections (`prop/any(t:t eq 'x')`). */
export type FilterOperator = 'eq' | 'ne' | 'startswith' | 'gt' | 'ge' | 'lt' | 'le' | 'any';

/** One property of an entity type, as `$metadata` declares it and as the report documents its query support. */
export interface PropertyDef {
  readonly type: 'string' | 'boolean' | 'int32' | 'int64' | 'dateTime' | 'enum' | 'enumCollection' | 'stringCollection';
  /** For `enum` and `enumCollection`: which Graph enum, for literal checks and evolvable-member hiding. */
  readonly enumName?: GraphEnumName;
  /**
   * Graph may send null here: exactly where its `$metadata` has no `Nullable="false"` (checked against the
   * extract of Graph's metadata by test/metadata). Seeded rows carry null in a share of these.
   */
  readonly nullable?: boolean;
  /** Operators `$filter` accepts on it; absent means not filterable. */
  readonly filter?: readonly FilterOperator[];
  readonly orderable?: boolean;
  /** Served on beta only (the successor's `defaultMfaMethod`). */
  readonly betaOnly?: boolean;
}

/** An entity type the emulator serves: its `$metadata` name and its properties in declaration order. */
export interface EntityDef {
  /** Type name without namespace, e.g. `credentialUserRegistrationDetails`. */
  readonly name: string;
  readonly namespace: 'microsoft.graph' | 'microsoft.graph.managedTenants';
  /** Graph declares the managed tenants' types open (`OpenType="true"`): rows may carry more properties. */
  readonly openType?: boolean;
  readonly properties: Readonly<Record<string, PropertyDef>>;
  /** Properties a POST must carry (creatable entities only). */
  readonly required?: readonly string[];
}

/**
 * Graph's enum members in `$metadata` order, as the emulator knows them. Deliberately a copy, not an
 * import of the gateway's list: the emulator stands in for Graph, so a mistake in the gateway's enums
 * must show up as a mismatch instead of being mirrored here. Members after `unknownFutureValue` are the
 * evolvable ones, hidden unless the caller sends `Prefer: include-unknown-enum-members`.
 */
export const graphEnums = {
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
  aggregationPeriod: ['d1', 'd7', 'd30', 'unknownFutureValue'],
} as const satisfies Record<string, readonly string[]>;

export type GraphEnumName = keyof typeof graphEnums;

const name = { type: 'string', filter: ['eq', 'ne', 'startswith'], orderable: true } as const;
const flag = { type: 'boolean', filter: ['eq', 'ne'], orderable: true } as const;

/** Legacy registration details: filter and order support as the beta list page documents it. */
export const credentialUserRegistrationDetailsEntity: EntityDef = {
  name: 'credentialUserRegistrationDetails',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    userPrincipalName: name,
    userDisplayName: name,
    authMethods: { type: 'enumCollection', enumName: 'registrationAuthMethod', filter: ['any'] },
    isRegistered: flag,
    isEnabled: flag,
    isCapable: flag,
    isMfaRegistered: flag,
  },
  required: ['userPrincipalName', 'userDisplayName', 'authMethods', 'isRegistered', 'isEnabled', 'isCapable', 'isMfaRegistered'],
};

/** Legacy usage events: `eq` on feature, success and method; names with `startswith`; dates compared. */
export const userCredentialUsageDetailsEntity: EntityDef = {
  name: 'userCredentialUsageDetails',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    feature: { type: 'enum', enumName: 'featureType', filter: ['eq', 'ne'], orderable: true },
    userPrincipalName: name,
    userDisplayName: name,
    isSuccess: { type: 'boolean', filter: ['eq', 'ne'], orderable: true },
    authMethod: { type: 'enum', enumName: 'usageAuthMethod', filter: ['eq', 'ne'], orderable: true },
    // Graph declares it non-null: a successful event carries "" (its own example shows so).
    failureReason: name,
    eventDateTime: { type: 'dateTime', filter: ['gt', 'ge', 'lt', 'le'], orderable: true },
  },
  required: ['userPrincipalName', 'feature', 'isSuccess', 'authMethod', 'eventDateTime'],
};

/** The successor of usage events: the same shape and query support under a new type name. */
export const userEventsSummaryEntity: EntityDef = {
  name: 'userEventsSummary',
  namespace: 'microsoft.graph',
  properties: userCredentialUsageDetailsEntity.properties,
};

/** The rows of `getCredentialUsageSummary(period)`: one per feature and method, `$filter` on feature. */
export const credentialUsageSummaryEntity: EntityDef = {
  name: 'credentialUsageSummary',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    feature: { type: 'enum', enumName: 'featureType', filter: ['eq'] },
    successfulActivityCount: { type: 'int64' },
    failureActivityCount: { type: 'int64' },
    authMethod: { type: 'enum', enumName: 'usageAuthMethod' },
  },
};

/** The rows of `userRegistrationActivity(period)`: `$filter` on feature and method. */
export const userRegistrationActivitySummaryEntity: EntityDef = {
  name: 'userRegistrationActivitySummary',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    feature: { type: 'enum', enumName: 'featureType', filter: ['eq'] },
    successfulActivityCount: { type: 'int64' },
    failureActivityCount: { type: 'int64' },
    authMethod: { type: 'enum', enumName: 'usageAuthMethod', filter: ['eq'] },
  },
};

const text = { type: 'string', filter: ['eq', 'ne', 'startswith'], orderable: true, nullable: true } as const;
const count = { type: 'int32', filter: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'], orderable: true, nullable: true } as const;

/** Managed tenants' summaries support the full OData options, so every property filters and orders. */
export const credentialUserRegistrationsSummaryEntity: EntityDef = {
  name: 'credentialUserRegistrationsSummary',
  namespace: 'microsoft.graph.managedTenants',
  openType: true,
  // Every property but the key is nullable in Graph's metadata.
  properties: {
    id: { type: 'string', filter: ['eq', 'ne'], orderable: true },
    tenantId: text,
    tenantDisplayName: text,
    lastRefreshedDateTime: { type: 'dateTime', filter: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'], orderable: true, nullable: true },
    mfaAndSsprCapableUserCount: count,
    mfaConditionalAccessPolicyState: text,
    mfaExcludedUserCount: count,
    mfaRegisteredUserCount: count,
    securityDefaultsEnabled: { type: 'boolean', filter: ['eq', 'ne'], orderable: true, nullable: true },
    ssprEnabledUserCount: count,
    ssprRegisteredUserCount: count,
    tenantLicenseType: text,
    totalUserCount: count,
  },
  required: ['tenantId', 'tenantDisplayName'],
};

/** The successor's flags are filterable but, as Graph documents, not orderable. */
const filterOnlyFlag = { type: 'boolean', filter: ['eq', 'ne'] } as const;

/**
 * The successor of registration details: seven filterable booleans, two `any` collections, names. Graph
 * leaves the admin flag, the system-preferred flag, both method collections and the enums nullable.
 */
export const userRegistrationDetailsEntity: EntityDef = {
  name: 'userRegistrationDetails',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    userPrincipalName: name,
    userDisplayName: name,
    userType: { type: 'enum', enumName: 'signInUserType', nullable: true },
    isAdmin: { type: 'boolean', nullable: true },
    isMfaCapable: filterOnlyFlag,
    isMfaRegistered: filterOnlyFlag,
    isPasswordlessCapable: filterOnlyFlag,
    isSsprCapable: filterOnlyFlag,
    isSsprEnabled: filterOnlyFlag,
    isSsprRegistered: filterOnlyFlag,
    isSystemPreferredAuthenticationMethodEnabled: { ...filterOnlyFlag, nullable: true },
    lastUpdatedDateTime: { type: 'dateTime' },
    methodsRegistered: { type: 'stringCollection', filter: ['any'], nullable: true },
    systemPreferredAuthenticationMethods: { type: 'stringCollection', filter: ['any'], nullable: true },
    userPreferredMethodForSecondaryAuthentication: { type: 'enum', enumName: 'userDefaultAuthenticationMethod', nullable: true },
    defaultMfaMethod: { type: 'enum', enumName: 'defaultMfaMethodType', betaOnly: true, nullable: true },
  },
};

/** A served entity set: where its rows live in the store and how it is described to clients. */
export interface CollectionDef {
  /** Stable name, bound into skiptokens and cache keys. */
  readonly name: string;
  /** The `@odata.context` fragment after `$metadata#`, e.g. `reports/credentialUserRegistrationDetails`. */
  readonly contextPath: string;
  readonly entity: EntityDef;
  /** The live array: creates append to it. */
  rows(data: EmulatorData): object[];
  /** Managed tenants support the full OData options, `$count` included. */
  readonly fullOData?: boolean;
}

export const registrationDetailsCollection: CollectionDef = {
  name: 'credentialUserRegistrationDetails',
  contextPath: 'reports/credentialUserRegistrationDetails',
  entity: credentialUserRegistrationDetailsEntity,
  rows: (data) => data.registrationDetails,
};

export const usageDetailsCollection: CollectionDef = {
  name: 'userCredentialUsageDetails',
  contextPath: 'reports/userCredentialUsageDetails',
  entity: userCredentialUsageDetailsEntity,
  rows: (data) => data.usageDetails,
};

export const userEventsSummaryCollection: CollectionDef = {
  name: 'userEventsSummary',
  contextPath: 'reports/authenticationMethods/userEventsSummary',
  entity: userEventsSummaryEntity,
  rows: (data) => data.userEventsSummary,
};

export const tenantSummariesCollection: CollectionDef = {
  name: 'credentialUserRegistrationsSummaries',
  contextPath: 'tenantRelationships/managedTenants/credentialUserRegistrationsSummaries',
  entity: credentialUserRegistrationsSummaryEntity,
  rows: (data) => data.tenantSummaries,
  fullOData: true,
};

export const userRegistrationDetailsCollection: CollectionDef = {
  name: 'userRegistrationDetails',
  contextPath: 'reports/authenticationMethods/userRegistrationDetails',
  entity: userRegistrationDetailsEntity,
  rows: (data) => data.userRegistrationDetails,
};
