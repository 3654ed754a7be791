import { batchGet } from './batchGet';
import { callGraph } from './callGraph';
import type { GraphPage } from './GraphPage';
import { odataString } from './odataString';

/**
 * The keyed reads a hand-written client makes for the budget scenarios, the way Graph documents them:
 * one request per key, in `$batch` envelopes of 20 (each inner request counting against the budget).
 */

const byUpn = (path: string, upn: string, top: number): string => `${path}?$filter=${encodeURIComponent(`userPrincipalName eq ${odataString(upn)}`)}&$top=${top}`;

/** A page of usage events, each with its user's registration (one read per distinct user). */
export async function usageWithRegistration(betaRoot: string, top: number): Promise<unknown[]> {
  const { value } = (await callGraph(`${betaRoot}/reports/userCredentialUsageDetails?$top=${top}`)) as GraphPage;
  const users = [...new Set(value.map((row) => String(row['userPrincipalName'])))];
  const pages = (await batchGet(betaRoot, users.map((upn) => byUpn('/reports/credentialUserRegistrationDetails', upn, 1)))) as GraphPage[];
  const registrations = new Map(users.map((upn, i) => [upn, pages[i]?.value[0] ?? null]));
  return value.map((row) => ({ ...row, registration: registrations.get(String(row['userPrincipalName'])) ?? null }));
}

/** The successor report's rows by Entra object id, `GET …/{id}` each; an unknown id is null. */
export async function directoryByIds(v1Root: string, ids: readonly string[]): Promise<unknown[]> {
  return batchGet(v1Root, ids.map((id) => `/reports/authenticationMethods/userRegistrationDetails/${encodeURIComponent(id)}`));
}

/**
 * A users page as a backend-for-frontend builds it from ids: each user's directory row (for the principal
 * name and the successor registration), then the legacy registration and the first `events` usage events.
 */
export async function usersPage(betaRoot: string, v1Root: string, ids: readonly string[], events: number): Promise<unknown[]> {
  const directory = (await directoryByIds(v1Root, ids)) as ({ userPrincipalName?: string } | null)[];
  const upns = directory.map((row) => row?.userPrincipalName ?? '');
  const [registrations, usage] = await Promise.all([
    batchGet(betaRoot, upns.map((upn) => byUpn('/reports/credentialUserRegistrationDetails', upn, 1))) as Promise<GraphPage[]>,
    batchGet(betaRoot, upns.map((upn) => byUpn('/reports/userCredentialUsageDetails', upn, events))) as Promise<GraphPage[]>,
  ]);
  return ids.map((id, i) => ({
    id,
    userPrincipalName: upns[i],
    authenticationRegistration: directory[i],
    credentialRegistration: registrations[i]?.value[0] ?? null,
    credentialUsageEvents: usage[i]?.value ?? [],
  }));
}
