import type { Caller } from './Caller';

export interface TokenProvider {
  /**
   * The bearer token to send to Graph for this caller, or null in `none` mode. Rejects with
   * UpstreamAuthError when Entra gives none, and in `obo` mode with CallerAuthError (anonymous or
   * expired caller) or CallerForbiddenError (app-only caller). Concurrent calls share one request.
   */
  getToken(caller: Caller): Promise<string | null>;
  /**
   * Whose data an upstream answer is: the partition for response caches and single-flight.
   * `none` and `app`: one identity for every caller. `obo`: `obo:<sha256 of the caller's token>`,
   * so no two tokens ever share an answer, not even one user's renewed token: that costs a cold
   * cache once an hour and rules out serving data granted to an older token.
   */
  principalOf(caller: Caller): string;
  /** Resolves when the configuration can work: `app` obtains a token once; `none` and `obo` check settings only. */
  ready(): Promise<void>;
}
