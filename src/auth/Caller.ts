/**
 * Who sent a request. `anonymous` only when caller authentication is off (`GATEWAY_AUTH=none`).
 * `token` is the raw bearer, kept for the on-behalf-of exchange alone: never log or echo it.
 */
export type Caller =
  | { readonly kind: 'anonymous' }
  | {
      /** `app` for an app-only token (`idtyp: app`, or no `scp`), else `user`. */
      readonly kind: 'user' | 'app';
      /** The `oid` claim, or `sub` when a token has no `oid`. */
      readonly subject: string;
      /** The `tid` claim, which always equals the configured tenant. */
      readonly tenantId: string;
      readonly token: string;
      /** sha256 of `token`, lower-case hex: safe to use in cache keys and logs. */
      readonly tokenHash: string;
      /** App roles from the `roles` claim. */
      readonly roles: readonly string[];
      /** Delegated scopes from the space-separated `scp` claim. */
      readonly scopes: readonly string[];
      /** When the token expires, in epoch milliseconds (the `exp` claim × 1000). */
      readonly expiresAt: number;
    };
