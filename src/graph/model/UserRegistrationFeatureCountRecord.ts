/** One element of a userRegistrationFeatureSummary's `userRegistrationFeatureCounts`, as Graph sends it. */
export interface UserRegistrationFeatureCountRecord {
  /** An `authenticationMethodFeature` member. */
  readonly feature: string;
  /** Edm.Int64. */
  readonly userCount: number;
}
