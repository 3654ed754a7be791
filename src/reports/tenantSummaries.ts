import type { CredentialUserRegistrationsSummaryFilter, Resolvers } from '../generated/resolvers-types';
import { stringProperty, type FilterExpression, type ReportSpec } from '../graph/odata';
import { FilterBuilder, withoutNulls } from '../operation/filters';

/** Upstream names the organisation `tenantId` / `tenantDisplayName`; the GraphQL side renames them. */
export const credentialUserRegistrationsSummaries: ReportSpec = {
  name: 'credentialUserRegistrationsSummaries',
  version: 'beta',
  path: '/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries',
  filterable: { tenantId: stringProperty, tenantDisplayName: stringProperty },
  orderable: ['tenantId', 'tenantDisplayName'],
  addressableById: true,
  /** Graph's API page: Reports.Read.All delegated (with Lighthouse access); application "Not supported". */
  permissions: { delegated: 'Reports.Read.All', application: null },
};

/**
 * One tenant summary of `/beta/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries` as
 * Graph sends it. The GraphQL type exposes `tenantId` / `tenantDisplayName` as `organizationId` /
 * `organizationDisplayName`. Every property but the key is nullable in Graph's metadata, the two names
 included (README "Graph's metadata: which fields may be null").
 */
export interface CredentialUserRegistrationsSummaryRecord {
  readonly id: string;
  readonly tenantId?: string | null;
  readonly tenantDisplayName?: string | null;
  readonly mfaAndSsprCapableUserCount?: number | null;
  readonly mfaConditionalAccessPolicyState?: string | null;
  readonly mfaExcludedUserCount?: number | null;
  readonly mfaRegisteredUserCount?: number | null;
  readonly securityDefaultsEnabled?: boolean | null;
  readonly ssprEnabledUserCount?: number | null;
  readonly ssprRegisteredUserCount?: number | null;
  readonly totalUserCount?: number | null;
  readonly tenantLicenseType?: string | null;
  /** ISO 8601, as Graph writes it. */
  readonly lastRefreshedDateTime?: string | null;
}

/** The schema says organization, upstream says tenant. */
export function tenantSummariesFilter(filter: CredentialUserRegistrationsSummaryFilter | null | undefined): FilterExpression | undefined {
  return new FilterBuilder('filter')
    .string('tenantId', filter?.organizationId)
    .string('tenantDisplayName', filter?.organizationDisplayName)
    .build();
}

/** The schema keeps the seed's names (`organizationId`, `organizationDisplayName`); upstream calls the organisation a tenant. */
export const tenantSummariesResolvers = {
  Query: {
    credentialUserRegistrationsSummaries: (_root, args, ctx) =>
      ctx.reports.list({
        spec: credentialUserRegistrationsSummaries,
        filter: tenantSummariesFilter(args.filter),
        first: args.first,
        after: args.after,
      }),
  },
  Mutation: {
    createCredentialUserRegistrationsSummary: (_root, { input }, ctx) => {
      const { organizationId, organizationDisplayName, ...rest } = input;
      const body = withoutNulls({ tenantId: organizationId, tenantDisplayName: organizationDisplayName, ...rest });
      return ctx.reports.create<CredentialUserRegistrationsSummaryRecord>(credentialUserRegistrationsSummaries, body);
    },
  },
  CredentialUserRegistrationsSummary: {
    organizationId: (parent) => parent.tenantId ?? null,
    organizationDisplayName: (parent) => parent.tenantDisplayName ?? null,
  },
} satisfies Resolvers;
