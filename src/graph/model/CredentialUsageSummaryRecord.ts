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
