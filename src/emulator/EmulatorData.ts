import type { CredentialUserRegistrationDetailsRow } from './data/CredentialUserRegistrationDetailsRow';
import type { CredentialUserRegistrationsSummaryRow } from './data/CredentialUserRegistrationsSummaryRow';
import type { UserCredentialUsageDetailsRow } from './data/UserCredentialUsageDetailsRow';
import type { UserRegistrationDetailsRow } from './data/UserRegistrationDetailsRow';

/**
 * The seeded tenant, as the emulator serves it (enum values as stored, i.e. what a client sending
 * `Prefer: include-unknown-enum-members` sees). Live: POST creates append here. Summaries, counts and
 * activity reports are computed from these arrays on each request.
 */
export interface EmulatorData {
  /** The instant report periods (`D1`, `D7`, `D30`) reach back from; events lie before it. */
  referenceDateTime: string;
  /** Legacy beta registration details, one per user, in user order. */
  registrationDetails: CredentialUserRegistrationDetailsRow[];
  /** Legacy beta usage events, 0–5 per user. */
  usageDetails: UserCredentialUsageDetailsRow[];
  /** Managed tenants' registration summaries. */
  tenantSummaries: CredentialUserRegistrationsSummaryRow[];
  /** The successor of registration details, one per user with the same ids (beta shape). */
  userRegistrationDetails: UserRegistrationDetailsRow[];
  /** The successor of usage events: the same array as `usageDetails`, served under its new path. */
  userEventsSummary: UserCredentialUsageDetailsRow[];
}
