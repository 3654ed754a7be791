import type { UserRegistrationCountRecord } from './UserRegistrationCountRecord';

/** One item of `/beta/reports/getCredentialUserRegistrationCount` as Graph sends it. */
export interface CredentialUserRegistrationCountRecord {
  readonly id: string;
  /** Edm.Int64. */
  readonly totalUserCount: number;
  readonly userRegistrationCounts: readonly UserRegistrationCountRecord[];
}
