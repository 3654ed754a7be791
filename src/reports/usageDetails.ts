import { type FeatureTypeValue, GraphEnums, normaliseEnumValue, type UsageAuthMethodValue } from '../enums';
import type { Resolvers, UserCredentialUsageDetailsFilter } from '../generated/resolvers-types';
import { stringProperty, type FilterExpression, type ReportSpec } from '../graph/odata';
import type { GatewayContext } from '../operation/context';
import { entityId } from '../operation/connections';
import { FilterBuilder, orderTerms, withoutNulls } from '../operation/filters';

/** The legacy usage events report (beta), deprecated for `userEventsSummary`. */
export const userCredentialUsageDetails: ReportSpec = {
  name: 'userCredentialUsageDetails',
  version: 'beta',
  path: '/reports/userCredentialUsageDetails',
  filterable: {
    userDisplayName: stringProperty,
    userPrincipalName: stringProperty,
    failureReason: stringProperty,
    feature: { type: 'enum', members: GraphEnums.featureType },
    isSuccess: { type: 'boolean' },
    authMethod: { type: 'enum', members: GraphEnums.usageAuthMethod },
    eventDateTime: { type: 'dateTime', operators: ['gt', 'ge', 'lt', 'le'] },
  },
  orderable: ['userDisplayName', 'userPrincipalName', 'eventDateTime', 'feature', 'isSuccess', 'authMethod'],
  addressableById: true,
  /** Graph's API page: Reports.Read.All, delegated and application. */
  permissions: { delegated: 'Reports.Read.All', application: 'Reports.Read.All' },
};

/** The successor of userCredentialUsageDetails: the same shape and filters, under authenticationMethods. */
export const userEventsSummary: ReportSpec = {
  ...userCredentialUsageDetails,
  name: 'userEventsSummary',
  path: '/reports/authenticationMethods/userEventsSummary',
  addressableById: false,
  /** Graph's API page: AuditLog.Read.All, delegated and application. */
  permissions: { delegated: 'AuditLog.Read.All', application: 'AuditLog.Read.All' },
};

/** One event of `/beta/reports/userCredentialUsageDetails` as Graph sends it; enum members are plain strings. */
export interface UserCredentialUsageDetailsRecord {
  readonly id: string;
  /** A `featureType` member. */
  readonly feature: string;
  readonly userPrincipalName: string;
  readonly userDisplayName?: string | null;
  readonly isSuccess: boolean;
  /** A `usageAuthMethod` member. */
  readonly authMethod: string;
  readonly failureReason?: string | null;
  /** ISO 8601, as Graph writes it. */
  readonly eventDateTime: string;
}

/**
 * One event of `/beta/reports/authenticationMethods/userEventsSummary` as Graph sends it: the
 * successor has exactly the legacy usage event's shape.
 */
export type UserEventsSummaryRecord = UserCredentialUsageDetailsRecord;

/** Usage events, and the successor `userEventsSummary`, which takes the same filter upstream. */
export function usageDetailsFilter(
  filter: UserCredentialUsageDetailsFilter | null | undefined,
  argument = 'filter',
): FilterExpression | undefined {
  return new FilterBuilder(argument)
    .string('userDisplayName', filter?.userDisplayName)
    .string('userPrincipalName', filter?.userPrincipalName)
    .string('failureReason', filter?.failureReason)
    .enum('feature', filter?.feature)
    .boolean('isSuccess', filter?.isSuccess)
    .enum('authMethod', filter?.authMethod)
    .dateTime('eventDateTime', filter?.eventDateTime)
    .build();
}

type Parent = { readonly feature?: unknown; readonly authMethod?: unknown };

/**
 * `feature` and `authMethod`, shared by every usage-shaped type (events, their successor, both
 * summaries): a member this schema does not know yet is served as UNKNOWN_FUTURE_VALUE.
 */
export const eventEnums = {
  feature: (parent: Parent, _args: unknown, ctx: GatewayContext): FeatureTypeValue =>
    normaliseEnumValue('featureType', parent.feature, ctx.onUnknownEnum) ?? 'unknownFutureValue',
  authMethod: (parent: Parent, _args: unknown, ctx: GatewayContext): UsageAuthMethodValue =>
    normaliseEnumValue('usageAuthMethod', parent.authMethod, ctx.onUnknownEnum) ?? 'unknownFutureValue',
};

/**
 * The resolvers that read these two reports: their root fields, the create, the event entity, and the
 * link from a registration to its user's events (a link lives with the report it reads).
 */
export const usageDetailsResolvers = {
  Query: {
    userCredentialUsageDetails: (_root, args, ctx) =>
      ctx.reports.list({
        spec: userCredentialUsageDetails,
        filter: usageDetailsFilter(args.filter),
        orderBy: orderTerms(args.orderBy),
        first: args.first,
        after: args.after,
      }),
    userEventsSummary: (_root, args, ctx) =>
      ctx.reports.list({
        spec: userEventsSummary,
        filter: usageDetailsFilter(args.filter),
        orderBy: orderTerms(args.orderBy),
        first: args.first,
        after: args.after,
      }),
  },
  Mutation: {
    createUserCredentialUsageDetails: (_root, { input }, ctx) =>
      ctx.reports.create<UserCredentialUsageDetailsRecord>(userCredentialUsageDetails, withoutNulls(input)),
  },
  UserCredentialUsageDetails: {
    __resolveReference: (ref, ctx) => {
      const id = entityId(ref.id);
      return id === null ? null : ctx.links.byKey<UserCredentialUsageDetailsRecord>(userCredentialUsageDetails, 'id', id);
    },
    ...eventEnums,
  },
  UserEventsSummary: { ...eventEnums },
  CredentialUserRegistrationDetails: {
    // Every parent of the page asks in the same tick, so the plan sees them all at once.
    usageEvents: (parent, args, ctx) =>
      ctx.links.rowsOf(
        parent.userPrincipalName,
        { spec: userCredentialUsageDetails, filter: usageDetailsFilter(args.filter, 'usageEvents.filter'), first: args.first, after: args.after },
        'usageEvents.',
      ),
  },
} satisfies Resolvers;
