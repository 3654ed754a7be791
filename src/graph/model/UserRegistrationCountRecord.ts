/** One element of a credentialUserRegistrationCount's `userRegistrationCounts`, as Graph sends it. */
export interface UserRegistrationCountRecord {
  /** A `registrationStatusType` member. */
  readonly registrationStatus: string;
  /** Edm.Int64. */
  readonly registrationCount: number;
}
