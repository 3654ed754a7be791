/** One element of a userRegistrationMethodSummary's `userRegistrationMethodCounts`, as Graph sends it. */
export interface UserRegistrationMethodCountRecord {
  /** An open string upstream, such as `mobilePhone`. */
  readonly authenticationMethod: string;
  /** Edm.Int64. */
  readonly userCount: number;
}
