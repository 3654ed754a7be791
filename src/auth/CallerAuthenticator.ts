import type { Caller } from './Caller';

export interface CallerAuthenticator {
  /**
   * Turns a request's Authorization header into a Caller. Rejects with CallerAuthError (401) or
   * CallerForbiddenError (403), and never calls a token endpoint.
   */
  authenticate(authorizationHeader: string | undefined): Promise<Caller>;
}
