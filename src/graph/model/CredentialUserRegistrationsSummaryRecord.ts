/**
 * One tenant summary of `/beta/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries` as
 * Graph sends it. The GraphQL type exposes `tenantId` / `tenantDisplayName` as `organizationId` /
 * `organizationDisplayName`; Graph documents every other property as optional.
 */
export interface CredentialUserRegistrationsSummaryRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly tenantDisplayName: string;
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
