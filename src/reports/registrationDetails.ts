import { GraphEnums, normaliseEnumList } from '../enums';
import type { CredentialUserRegistrationDetailsFilter, Resolvers } from '../generated/resolvers-types';
import { stringProperty, type FilterExpression, type ReportSpec } from '../graph/odata';
import { entityId } from '../operation/connections';
import { FilterBuilder, orderTerms, withoutNulls } from '../operation/filters';

/** The legacy registration report (beta), deprecated for `userRegistrationDetails`; rows are keyed by principal name. */
export const credentialUserRegistrationDetails: ReportSpec = {
  name: 'credentialUserRegistrationDetails',
  version: 'beta',
  path: '/reports/credentialUserRegistrationDetails',
  filterable: {
    userDisplayName: stringProperty,
    userPrincipalName: stringProperty,
    authMethods: { type: 'enumCollection', members: GraphEnums.registrationAuthMethod },
    isRegistered: { type: 'boolean' },
    isEnabled: { type: 'boolean' },
    isCapable: { type: 'boolean' },
    isMfaRegistered: { type: 'boolean' },
  },
  orderable: ['userDisplayName', 'userPrincipalName', 'isRegistered', 'isEnabled', 'isCapable', 'isMfaRegistered'],
  addressableById: true,
  /** Graph's API page: Reports.Read.All, delegated and application. */
  permissions: { delegated: 'Reports.Read.All', application: 'Reports.Read.All' },
};

/**
 * One row of `/beta/reports/credentialUserRegistrationDetails` as Graph sends it. Enum members are plain
 * strings: upstream may send members newer than the gateway, which resolvers normalise.
 */
export interface CredentialUserRegistrationDetailsRecord {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly userDisplayName: string;
  /** `registrationAuthMethod` members. */
  readonly authMethods: readonly string[];
  readonly isRegistered: boolean;
  readonly isEnabled: boolean;
  readonly isCapable: boolean;
  readonly isMfaRegistered: boolean;
}

export function registrationDetailsFilter(
  filter: CredentialUserRegistrationDetailsFilter | null | undefined,
  argument = 'filter',
): FilterExpression | undefined {
  return new FilterBuilder(argument)
    .string('userDisplayName', filter?.userDisplayName)
    .string('userPrincipalName', filter?.userPrincipalName)
    .any('authMethods', filter?.authMethods, 'enum')
    .boolean('isRegistered', filter?.isRegistered)
    .boolean('isEnabled', filter?.isEnabled)
    .boolean('isCapable', filter?.isCapable)
    .boolean('isMfaRegistered', filter?.isMfaRegistered)
    .build();
}

/**
 * The resolvers that read this report: its root field, its create, its entity, and the link from a usage
 * event to its user's registration (a link lives with the report it reads).
 */
export const registrationDetailsResolvers = {
  Query: {
    credentialUserRegistrationDetails: (_root, args, ctx) =>
      ctx.reports.list({
        spec: credentialUserRegistrationDetails,
        filter: registrationDetailsFilter(args.filter),
        orderBy: orderTerms(args.orderBy),
        first: args.first,
        after: args.after,
      }),
  },
  Mutation: {
    createCredentialUserRegistrationDetails: (_root, { input }, ctx) =>
      ctx.reports.create<CredentialUserRegistrationDetailsRecord>(credentialUserRegistrationDetails, withoutNulls(input)),
  },
  CredentialUserRegistrationDetails: {
    __resolveReference: (ref, ctx) => {
      const id = entityId(ref.id);
      return id === null ? null : ctx.links.byKey<CredentialUserRegistrationDetailsRecord>(credentialUserRegistrationDetails, 'id', id);
    },
    authMethods: (parent, _args, ctx) => normaliseEnumList('registrationAuthMethod', parent.authMethods, ctx.onUnknownEnum) ?? [],
  },
  UserCredentialUsageDetails: {
    // Events of one user share one request (identical URLs are de-duplicated); users share envelopes.
    registration: (parent, _args, ctx) =>
      ctx.links.firstOf<CredentialUserRegistrationDetailsRecord>(parent.userPrincipalName, credentialUserRegistrationDetails),
  },
} satisfies Resolvers;
