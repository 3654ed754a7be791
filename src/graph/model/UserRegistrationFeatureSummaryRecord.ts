import type { UserRegistrationFeatureCountRecord } from './UserRegistrationFeatureCountRecord';

/** The answer of `/v1.0/reports/authenticationMethods/usersRegisteredByFeature(…)` as Graph sends it. */
export interface UserRegistrationFeatureSummaryRecord {
  /** Edm.Int64. */
  readonly totalUserCount: number;
  readonly userRegistrationFeatureCounts: readonly UserRegistrationFeatureCountRecord[];
  /** An `includedUserRoles` member. */
  readonly userRoles?: string | null;
  /** An `includedUserTypes` member. */
  readonly userTypes?: string | null;
}
