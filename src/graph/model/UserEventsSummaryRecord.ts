import type { UserCredentialUsageDetailsRecord } from './UserCredentialUsageDetailsRecord';

/**
 * One event of `/beta/reports/authenticationMethods/userEventsSummary` as Graph sends it: the
 * successor has exactly the legacy usage event's shape.
 */
export type UserEventsSummaryRecord = UserCredentialUsageDetailsRecord;
