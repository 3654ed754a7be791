import type { UserRegistrationMethodCountRecord } from './UserRegistrationMethodCountRecord';

/** The answer of `/v1.0/reports/authenticationMethods/usersRegisteredByMethod(…)` as Graph sends it. */
export interface UserRegistrationMethodSummaryRecord {
  /** Edm.Int64. */
  readonly totalUserCount: number;
  readonly userRegistrationMethodCounts: readonly UserRegistrationMethodCountRecord[];
  /** An `includedUserRoles` member. */
  readonly userRoles?: string | null;
  /** An `includedUserTypes` member. */
  readonly userTypes?: string | null;
}
