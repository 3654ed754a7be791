import type { Agent } from 'node:https';

export interface CallerAuthOptions {
  /** `GATEWAY_AUTH`: `none` lets every request in as anonymous; `entra` demands a valid bearer JWT. */
  readonly mode: 'none' | 'entra';
  /** `AZURE_TENANT_ID`, a tenant GUID: the only issuer accepted. Required for `entra`. */
  readonly tenantId?: string;
  /** `GATEWAY_AUDIENCE`: accepted `aud` values. At least one for `entra`; Graph's are refused. */
  readonly audiences: readonly string[];
  /** `GATEWAY_REQUIRED_ROLES`: the caller must hold one of these as an app role or a scope; empty = any. */
  readonly requiredRoles: readonly string[];
  /** `AZURE_AUTHORITY_HOST`, e.g. `https://login.microsoftonline.com` or `https://localhost:1234`. */
  readonly authorityHost: string;
  /** Slack for `exp`, `nbf` and `iat` against this host's clock. @default 60 (seconds) */
  readonly clockToleranceSeconds?: number;
  /**
   * Trust for the authority's TLS when Node's own store is not enough. Unset in production, where
   * Node's store (plus `NODE_EXTRA_CA_CERTS`) applies; tests pass an agent trusting their local CA.
   */
  readonly httpsAgent?: Agent;
}
