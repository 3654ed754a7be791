import { GraphEnums, normaliseEnumValue } from '../enums';
import type { Resolvers } from '../generated/resolvers-types';
import type { ReportSpec } from '../graph/odata';
import { FilterBuilder, namedMember } from '../operation/filters';
import { eventEnums } from './usageDetails';

/** A function: the period is a parameter in the path, `getCredentialUsageSummary(period='D30')`. */
export const credentialUsageSummary: ReportSpec = {
  name: 'credentialUsageSummary',
  version: 'beta',
  path: '/reports/getCredentialUsageSummary',
  filterable: { feature: { type: 'enum', members: GraphEnums.featureType } },
  orderable: [],
  addressableById: false,
  /** Graph's API page: Reports.Read.All, delegated and application. */
  permissions: { delegated: 'Reports.Read.All', application: 'Reports.Read.All' },
};

export const credentialUserRegistrationCount: ReportSpec = {
  name: 'credentialUserRegistrationCount',
  version: 'beta',
  path: '/reports/getCredentialUserRegistrationCount',
  filterable: {},
  orderable: [],
  addressableById: false,
  /** Graph's API page: Reports.Read.All, delegated and application. */
  permissions: { delegated: 'Reports.Read.All', application: 'Reports.Read.All' },
};

/** The successor of getCredentialUsageSummary: a function of `period` (`d1`, `d7`, `d30`). */
export const userRegistrationActivity: ReportSpec = {
  name: 'userRegistrationActivity',
  version: 'beta',
  path: '/reports/authenticationMethods/userRegistrationActivity',
  filterable: {
    feature: { type: 'enum', members: GraphEnums.featureType },
    authMethod: { type: 'enum', members: GraphEnums.usageAuthMethod },
  },
  orderable: [],
  addressableById: false,
  /** Graph's API page: AuditLog.Read.All delegated; application "Not supported". */
  permissions: { delegated: 'AuditLog.Read.All', application: null },
};

/** A function returning one summary object; its parameters are `includedUserTypes` and `includedUserRoles`. */
export const usersRegisteredByFeature: ReportSpec = {
  name: 'usersRegisteredByFeature',
  version: 'v1.0',
  path: '/reports/authenticationMethods/usersRegisteredByFeature',
  filterable: {},
  orderable: [],
  addressableById: false,
  /** Graph's API page: AuditLog.Read.All delegated; application "Not supported". */
  permissions: { delegated: 'AuditLog.Read.All', application: null },
};

/** A function returning one summary object; its parameters are `includedUserTypes` and `includedUserRoles`. */
export const usersRegisteredByMethod: ReportSpec = {
  name: 'usersRegisteredByMethod',
  version: 'v1.0',
  path: '/reports/authenticationMethods/usersRegisteredByMethod',
  filterable: {},
  orderable: [],
  addressableById: false,
  /** Graph's API page: AuditLog.Read.All delegated; application "Not supported". */
  permissions: { delegated: 'AuditLog.Read.All', application: null },
};

/** One item of `/beta/reports/getCredentialUsageSummary(period=…)` as Graph sends it. */
export interface CredentialUsageSummaryRecord {
  readonly id: string;
  /** A `featureType` member. */
  readonly feature: string;
  /** A `usageAuthMethod` member. */
  readonly authMethod: string;
  /** Edm.Int64. */
  readonly successfulActivityCount: number;
  /** Edm.Int64. */
  readonly failureActivityCount: number;
}

/** One element of a credentialUserRegistrationCount's `userRegistrationCounts`, as Graph sends it. */
export interface UserRegistrationCountRecord {
  /** A `registrationStatusType` member. */
  readonly registrationStatus: string;
  /** Edm.Int64. */
  readonly registrationCount: number;
}

/** One item of `/beta/reports/getCredentialUserRegistrationCount` as Graph sends it. */
export interface CredentialUserRegistrationCountRecord {
  readonly id: string;
  /** Edm.Int64. */
  readonly totalUserCount: number;
  readonly userRegistrationCounts: readonly UserRegistrationCountRecord[];
}

/** One item of `/beta/reports/authenticationMethods/userRegistrationActivity(period=…)` as Graph sends it. */
export interface UserRegistrationActivitySummaryRecord {
  readonly id: string;
  /** A `featureType` member. */
  readonly feature: string;
  /** A `usageAuthMethod` member. */
  readonly authMethod: string;
  /** Edm.Int64. */
  readonly successfulActivityCount: number;
  /** Edm.Int64. */
  readonly failureActivityCount: number;
}

/** One element of a userRegistrationFeatureSummary's `userRegistrationFeatureCounts`, as Graph sends it. */
export interface UserRegistrationFeatureCountRecord {
  /** An `authenticationMethodFeature` member. */
  readonly feature: string;
  /** Edm.Int64. */
  readonly userCount: number;
}

/** The answer of `/v1.0/reports/authenticationMethods/usersRegisteredByFeature(…)` as Graph sends it. */
export interface UserRegistrationFeatureSummaryRecord {
  /** Edm.Int64. */
  readonly totalUserCount: number;
  readonly userRegistrationFeatureCounts: readonly UserRegistrationFeatureCountRecord[];
  /** An `includedUserRoles` member. */
  readonly userRoles?: string | null;
  /** An `includedUserTypes` member. */
  readonly userTypes?: string | null;
}

/** One element of a userRegistrationMethodSummary's `userRegistrationMethodCounts`, as Graph sends it. */
export interface UserRegistrationMethodCountRecord {
  /** An open string upstream, such as `mobilePhone`. */
  readonly authenticationMethod: string;
  /** Edm.Int64. */
  readonly userCount: number;
}

/** The answer of `/v1.0/reports/authenticationMethods/usersRegisteredByMethod(…)` as Graph sends it. */
export interface UserRegistrationMethodSummaryRecord {
  /** Edm.Int64. */
  readonly totalUserCount: number;
  readonly userRegistrationMethodCounts: readonly UserRegistrationMethodCountRecord[];
  /** An `includedUserRoles` member. */
  readonly userRoles?: string | null;
  /** An `includedUserTypes` member. */
  readonly userTypes?: string | null;
}

/** `includedUserTypes` / `includedUserRoles` of the two authentication-methods summary functions. */
function scopeParameters(args: { includedUserTypes?: string | null; includedUserRoles?: string | null }): Record<string, string> {
  return {
    includedUserTypes: namedMember('includedUserTypes', args.includedUserTypes ?? 'all'),
    includedUserRoles: namedMember('includedUserRoles', args.includedUserRoles ?? 'all'),
  };
}

export const summariesResolvers = {
  Query: {
    credentialUsageSummary: (_root, args, ctx) =>
      ctx.reports.all(credentialUsageSummary, {
        functionParameters: { period: args.period },
        filter: new FilterBuilder('filter').enum('feature', args.filter?.feature).build(),
      }),
    credentialUserRegistrationCount: (_root, _args, ctx) => ctx.reports.all(credentialUserRegistrationCount),
    userRegistrationActivity: (_root, args, ctx) =>
      ctx.reports.all(userRegistrationActivity, {
        functionParameters: { period: args.period },
        filter: new FilterBuilder('filter').enum('feature', args.filter?.feature).enum('authMethod', args.filter?.authMethod).build(),
      }),
    usersRegisteredByFeature: (_root, args, ctx) =>
      ctx.reports.single<UserRegistrationFeatureSummaryRecord>(usersRegisteredByFeature, scopeParameters(args)),
    usersRegisteredByMethod: (_root, args, ctx) =>
      ctx.reports.single<UserRegistrationMethodSummaryRecord>(usersRegisteredByMethod, scopeParameters(args)),
  },
  CredentialUsageSummary: { ...eventEnums },
  UserRegistrationActivitySummary: { ...eventEnums },
  UserRegistrationCount: {
    registrationStatus: (parent, _args, ctx) =>
      normaliseEnumValue('registrationStatusType', parent.registrationStatus, ctx.onUnknownEnum) ?? 'unknownFutureValue',
  },
  UserRegistrationFeatureSummary: {
    userRoles: (parent, _args, ctx) => normaliseEnumValue('includedUserRoles', parent.userRoles, ctx.onUnknownEnum),
    userTypes: (parent, _args, ctx) => normaliseEnumValue('includedUserTypes', parent.userTypes, ctx.onUnknownEnum),
  },
  UserRegistrationFeatureCount: {
    feature: (parent, _args, ctx) =>
      normaliseEnumValue('authenticationMethodFeature', parent.feature, ctx.onUnknownEnum) ?? 'unknownFutureValue',
  },
  UserRegistrationMethodSummary: {
    userRoles: (parent, _args, ctx) => normaliseEnumValue('includedUserRoles', parent.userRoles, ctx.onUnknownEnum),
    userTypes: (parent, _args, ctx) => normaliseEnumValue('includedUserTypes', parent.userTypes, ctx.onUnknownEnum),
  },
} satisfies Resolvers;
