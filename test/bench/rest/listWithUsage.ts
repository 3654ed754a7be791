import { batchGet } from './batchGet';
import type { GraphPage } from './GraphPage';
import { listRegistrations } from './listRegistrations';
import { odataString } from './odataString';

/** A page of registrations, then each user's usage events since `since`, all in `$batch` envelopes of 20. */
export async function listWithUsage(betaRoot: string, options: { top: number; orderby?: string; eventsTop: number; since: string }): Promise<unknown[]> {
  const { value } = await listRegistrations(betaRoot, options);
  const rows = value as { userPrincipalName: string }[];
  const urls = rows.map((row) => {
    const filter = `userPrincipalName eq ${odataString(row.userPrincipalName)} and eventDateTime ge ${options.since}`;
    return `/reports/userCredentialUsageDetails?$filter=${encodeURIComponent(filter)}&$top=${options.eventsTop}`;
  });
  const pages = (await batchGet(betaRoot, urls)) as GraphPage[];
  return rows.map((row, i) => ({ ...row, usageEvents: pages[i]?.value ?? [] }));
}
