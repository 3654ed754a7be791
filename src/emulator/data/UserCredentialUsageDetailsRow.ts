/**
 * `microsoft.graph.userCredentialUsageDetails` (beta), as served; `userEventsSummary` has the same shape.
 * `id` identifies the event.
 */
export interface UserCredentialUsageDetailsRow {
  id: string;
  /** featureType: `registration`, `reset`. */
  feature: string;
  userPrincipalName: string;
  userDisplayName: string;
  isSuccess: boolean;
  /** usageAuthMethod, evolvable members included. */
  authMethod: string;
  failureReason: string | null;
  /** ISO 8601 UTC. */
  eventDateTime: string;
}
