import type { EmulatorData } from '../EmulatorData';
import type { CredentialUserRegistrationDetailsRow } from './CredentialUserRegistrationDetailsRow';
import { seedTenantSummaries } from './seedTenantSummaries';
import { seedUsageEvents } from './seedUsageEvents';
import { seedUser } from './seedUser';
import type { UserCredentialUsageDetailsRow } from './UserCredentialUsageDetailsRow';
import type { UserRegistrationDetailsRow } from './UserRegistrationDetailsRow';

/** Fixed, so that the same seed gives the same data on any day; periods reach back from here. */
const REFERENCE_DATE_TIME = '2025-06-30T12:00:00Z';

/** The seeded tenant: `users` users (each with both registration views and 0–5 events), 25 managed tenants. */
export function createEmulatorData(seed: number, users: number): EmulatorData {
  const referenceMs = Date.parse(REFERENCE_DATE_TIME);
  const registrationDetails: CredentialUserRegistrationDetailsRow[] = new Array(users);
  const userRegistrationDetails: UserRegistrationDetailsRow[] = new Array(users);
  const usageDetails: UserCredentialUsageDetailsRow[] = [];
  for (let index = 0; index < users; index++) {
    const { registration, details, prng } = seedUser(seed, index, referenceMs);
    registrationDetails[index] = registration;
    userRegistrationDetails[index] = details;
    for (const event of seedUsageEvents(registration, index, prng, referenceMs)) usageDetails.push(event);
  }
  return {
    referenceDateTime: REFERENCE_DATE_TIME,
    registrationDetails,
    usageDetails,
    tenantSummaries: seedTenantSummaries(seed, referenceMs),
    userRegistrationDetails,
    userEventsSummary: usageDetails,
  };
}
