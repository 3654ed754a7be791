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
