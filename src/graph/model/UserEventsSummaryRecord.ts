/** One event of `/beta/reports/authenticationMethods/userEventsSummary` as Graph sends it. */
export interface UserEventsSummaryRecord {
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
