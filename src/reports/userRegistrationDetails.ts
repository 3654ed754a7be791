import type { GraphQLResolveInfo } from 'graphql';
import { normaliseEnumValue } from '../enums';
import type { Resolvers, UserRegistrationDetailsFilter } from '../generated/resolvers-types';
import { stringProperty, type FilterExpression, type ReportSpec } from '../graph/odata';
import { entityId } from '../operation/connections';
import { FilterBuilder, orderTerms } from '../operation/filters';
import { selectsField } from '../operation/selection';

const flag = { type: 'boolean' } as const;

/** The successor of credentialUserRegistrationDetails (v1.0); the id is the Entra user object id. */
export const userRegistrationDetails: ReportSpec = {
  name: 'userRegistrationDetails',
  version: 'v1.0',
  path: '/reports/authenticationMethods/userRegistrationDetails',
  filterable: {
    userPrincipalName: stringProperty,
    userDisplayName: stringProperty,
    isMfaCapable: flag,
    isMfaRegistered: flag,
    isPasswordlessCapable: flag,
    isSsprCapable: flag,
    isSsprEnabled: flag,
    isSsprRegistered: flag,
    isSystemPreferredAuthenticationMethodEnabled: flag,
    methodsRegistered: { type: 'stringCollection' },
    systemPreferredAuthenticationMethods: { type: 'stringCollection' },
  },
  orderable: ['userPrincipalName', 'userDisplayName'],
  addressableById: true,
  /** Graph's API page: AuditLog.Read.All, delegated and application. */
  permissions: { delegated: 'AuditLog.Read.All', application: 'AuditLog.Read.All' },
};

/**
 * The same report from beta, which adds `defaultMfaMethod`: read only when that field is selected.
 * Its own name keeps its cursors apart, since a beta skiptoken need not work on v1.0.
 */
export const userRegistrationDetailsBeta: ReportSpec = {
  ...userRegistrationDetails,
  name: 'userRegistrationDetailsBeta',
  version: 'beta',
};

/**
 * Which version to read for the current field: beta exactly when the operation selects `defaultMfaMethod`
 * below it (on `on`, for an `_entities` selection naming many types), since only beta has it.
 */
export function userRegistrationDetailsFor(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, on?: string): ReportSpec {
  return selectsField(info, 'defaultMfaMethod', on) ? userRegistrationDetailsBeta : userRegistrationDetails;
}

/**
 * One row of `/v1.0/reports/authenticationMethods/userRegistrationDetails` as Graph sends it; `id` is the
 * Entra user object id. Enum members are plain strings that resolvers normalise. Optional where Graph's
 * metadata allows null (README "Graph's metadata: which fields may be null").
 */
export interface UserRegistrationDetailsRecord {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly userDisplayName?: string | null;
  /** A `signInUserType` member. */
  readonly userType?: string | null;
  readonly isAdmin?: boolean | null;
  readonly isMfaCapable: boolean;
  readonly isMfaRegistered: boolean;
  readonly isPasswordlessCapable: boolean;
  readonly isSsprCapable: boolean;
  readonly isSsprEnabled: boolean;
  readonly isSsprRegistered: boolean;
  readonly isSystemPreferredAuthenticationMethodEnabled?: boolean | null;
  /** ISO 8601, as Graph writes it. */
  readonly lastUpdatedDateTime?: string | null;
  readonly methodsRegistered?: readonly (string | null)[] | null;
  readonly systemPreferredAuthenticationMethods?: readonly (string | null)[] | null;
  /** A `userDefaultAuthenticationMethod` member. */
  readonly userPreferredMethodForSecondaryAuthentication?: string | null;
  /** A `defaultMfaMethodType` member; only the beta endpoint sends it. */
  readonly defaultMfaMethod?: string | null;
}

function openStrings(values: readonly (string | null)[] | null | undefined): string[] | null {
  return values === null || values === undefined ? null : values.filter((value): value is string => typeof value === 'string');
}

export function userRegistrationDetailsFilter(filter: UserRegistrationDetailsFilter | null | undefined): FilterExpression | undefined {
  return new FilterBuilder('filter')
    .string('userPrincipalName', filter?.userPrincipalName)
    .string('userDisplayName', filter?.userDisplayName)
    .boolean('isMfaCapable', filter?.isMfaCapable)
    .boolean('isMfaRegistered', filter?.isMfaRegistered)
    .boolean('isPasswordlessCapable', filter?.isPasswordlessCapable)
    .boolean('isSsprCapable', filter?.isSsprCapable)
    .boolean('isSsprEnabled', filter?.isSsprEnabled)
    .boolean('isSsprRegistered', filter?.isSsprRegistered)
    .boolean('isSystemPreferredAuthenticationMethodEnabled', filter?.isSystemPreferredAuthenticationMethodEnabled)
    .any('methodsRegistered', filter?.methodsRegistered, 'string')
    .any('systemPreferredAuthenticationMethods', filter?.systemPreferredAuthenticationMethods, 'string')
    .build();
}

export const userRegistrationDetailsResolvers = {
  Query: {
    /** `defaultMfaMethod` exists only on beta, so the page is read from beta exactly when it is selected. */
    userRegistrationDetails: (_root, args, ctx, info) =>
      ctx.reports.list({
        spec: userRegistrationDetailsFor(info),
        filter: userRegistrationDetailsFilter(args.filter),
        orderBy: orderTerms(args.orderBy),
        first: args.first,
        after: args.after,
      }),
  },
  UserRegistrationDetails: {
    // An entity is read from the version that has what the operation selects, like the list.
    __resolveReference: (ref, ctx, info) => {
      const id = entityId(ref.id);
      return id === null ? null : ctx.links.byKey<UserRegistrationDetailsRecord>(userRegistrationDetailsFor(info, 'UserRegistrationDetails'), 'id', id);
    },
    userType: (parent, _args, ctx) => normaliseEnumValue('signInUserType', parent.userType, ctx.onUnknownEnum),
    userPreferredMethodForSecondaryAuthentication: (parent, _args, ctx) =>
      normaliseEnumValue('userDefaultAuthenticationMethod', parent.userPreferredMethodForSecondaryAuthentication, ctx.onUnknownEnum),
    defaultMfaMethod: (parent, _args, ctx) => normaliseEnumValue('defaultMfaMethodType', parent.defaultMfaMethod, ctx.onUnknownEnum),
    // Open strings upstream: passed through as sent, never mapped to an enum. A null collection stays null
    // ("unknown" is not "none"); null members are dropped, as the schema's lists hold strings.
    methodsRegistered: (parent) => openStrings(parent.methodsRegistered),
    systemPreferredAuthenticationMethods: (parent) => openStrings(parent.systemPreferredAuthenticationMethods),
  },
} satisfies Resolvers;
