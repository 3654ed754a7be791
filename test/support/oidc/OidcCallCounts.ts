/** How often each endpoint of the local provider was called, by what it was asked. */
export interface OidcCallCounts {
  readonly metadata: number;
  readonly jwks: number;
  /** Token-endpoint calls for `grant_type=client_credentials` that were answered with a token. */
  readonly clientCredentials: number;
  /** Token-endpoint calls for the on-behalf-of `jwt-bearer` grant that were answered with a token. */
  readonly onBehalfOf: number;
  /** Token-endpoint calls refused (bad client, bad assertion, unknown grant). */
  readonly tokenRefused: number;
  /** Requests for any other path, answered 400 like Entra's unknown tenant. */
  readonly unknownPath: number;
}
