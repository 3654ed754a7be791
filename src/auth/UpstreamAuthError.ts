/**
 * No Graph token could be had from Entra (or the configured credential chain). The message names the
 * credential, the scope and Entra's OAuth error code at most; Entra's description, the response body,
 * secrets and tokens stay out of it. The original error is kept as `cause` for the server log only.
 */
export class UpstreamAuthError extends Error {
  constructor(
    /**
     * `refused`: the authority refused the request (bad secret, consent missing, assertion rejected);
     * `unavailable`: no credential applies, the authority cannot be reached, or it failed for now.
     */
    readonly reason: 'unavailable' | 'refused',
    message: string,
    /** Entra's OAuth `error` code (`invalid_client`, `invalid_grant`, …) when it sent one. */
    readonly oauthError?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpstreamAuthError';
  }
}
