import { callGraph } from './callGraph';

/** Registration details by id: one GET each, all at once (what a hand-written client does for a handful). */
export function lookupByIds(betaRoot: string, ids: readonly string[]): Promise<unknown[]> {
  return Promise.all(ids.map((id) => callGraph(`${betaRoot}/reports/credentialUserRegistrationDetails/${encodeURIComponent(id)}`)));
}
