import type { ReportSpec } from './ReportSpec';

const names = { type: 'string', operators: ['eq', 'startsWith'] } as const;

/** Upstream names the organisation `tenantId` / `tenantDisplayName`; the GraphQL side renames them. */
export const credentialUserRegistrationsSummaries: ReportSpec = {
  name: 'credentialUserRegistrationsSummaries',
  version: 'beta',
  path: '/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries',
  filterable: { tenantId: names, tenantDisplayName: names },
  orderable: ['tenantId', 'tenantDisplayName'],
  addressableById: true,
};
