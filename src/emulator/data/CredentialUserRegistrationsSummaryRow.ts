/** `microsoft.graph.managedTenants.credentialUserRegistrationsSummary` (beta), as served. */
export interface CredentialUserRegistrationsSummaryRow {
  id: string;
  tenantId: string;
  tenantDisplayName: string;
  lastRefreshedDateTime: string | null;
  mfaAndSsprCapableUserCount: number | null;
  mfaConditionalAccessPolicyState: string | null;
  mfaExcludedUserCount: number | null;
  mfaRegisteredUserCount: number | null;
  securityDefaultsEnabled: boolean | null;
  ssprEnabledUserCount: number | null;
  ssprRegisteredUserCount: number | null;
  /** e.g. `AADFree`, `AADPremium1`, `AADPremium2`. */
  tenantLicenseType: string | null;
  totalUserCount: number | null;
}
