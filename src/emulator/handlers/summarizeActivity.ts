import { Prng } from '../data/Prng';
import type { UserCredentialUsageDetailsRow } from '../data/UserCredentialUsageDetailsRow';
import { graphEnums } from '../schema/graphEnums';

/** One row of an activity summary (`credentialUsageSummary`, `userRegistrationActivitySummary`). */
type ActivityRow = {
  id: string;
  feature: string;
  successfulActivityCount: number;
  failureActivityCount: number;
  authMethod: string;
};

function rank(members: readonly string[], value: string): number {
  const index = members.indexOf(value);
  return index < 0 ? members.length : index;
}

/**
 * Successful and failed events per feature and method since `sinceMs`. Every pair that occurs anywhere
 * in the data gets a row (with zero counts when it falls outside the period), ordered by feature, then
 * method, in enum order. Ids are stable for a seed, report and period.
 */
export function summarizeActivity(
  events: readonly UserCredentialUsageDetailsRow[],
  sinceMs: number,
  idParts: readonly (string | number)[],
): ActivityRow[] {
  const rows = new Map<string, ActivityRow>();
  for (const event of events) {
    const key = `${event.feature}\u0000${event.authMethod}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { id: Prng.of(...idParts, key).guid(), feature: event.feature, successfulActivityCount: 0, failureActivityCount: 0, authMethod: event.authMethod };
      rows.set(key, row);
    }
    if (Date.parse(event.eventDateTime) < sinceMs) continue;
    if (event.isSuccess) row.successfulActivityCount++;
    else row.failureActivityCount++;
  }
  return [...rows.values()].sort(
    (a, b) =>
      rank(graphEnums.featureType, a.feature) - rank(graphEnums.featureType, b.feature) ||
      rank(graphEnums.usageAuthMethod, a.authMethod) - rank(graphEnums.usageAuthMethod, b.authMethod) ||
      (a.authMethod < b.authMethod ? -1 : a.authMethod > b.authMethod ? 1 : 0),
  );
}
