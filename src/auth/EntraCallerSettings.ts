import type { Agent } from 'node:https';

/** CallerAuthOptions for `entra` mode after validation: normalized and complete. */
export interface EntraCallerSettings {
  /** Lower-case GUID. */
  readonly tenantId: string;
  /** A bare https origin. */
  readonly authorityHost: string;
  /** The issuers accepted: always the v2 one; the v1 one only on the public cloud. */
  readonly issuers: readonly string[];
  /** The v2 issuer, which the tenant's OpenID metadata must name. */
  readonly metadataIssuer: string;
  readonly audiences: readonly string[];
  readonly requiredRoles: readonly string[];
  readonly clockToleranceSeconds: number;
  readonly httpsAgent?: Agent;
}
