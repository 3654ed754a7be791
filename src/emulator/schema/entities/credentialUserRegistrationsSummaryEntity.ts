import type { EntityDef } from '../EntityDef';

const text = { type: 'string', filter: ['eq', 'ne', 'startswith'], orderable: true, nullable: true } as const;
const count = { type: 'int32', filter: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'], orderable: true, nullable: true } as const;

/** Managed tenants' summaries support the full OData options, so every property filters and orders. */
export const credentialUserRegistrationsSummaryEntity: EntityDef = {
  name: 'credentialUserRegistrationsSummary',
  namespace: 'microsoft.graph.managedTenants',
  properties: {
    id: { type: 'string', filter: ['eq', 'ne'], orderable: true },
    tenantId: { ...text, nullable: false },
    tenantDisplayName: { ...text, nullable: false },
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
