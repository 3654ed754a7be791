import type { Agent } from 'node:https';

export interface TokenProviderOptions {
  /** `GRAPH_AUTH`: `none` sends no token (emulator); `app` an app-only token; `obo` one on behalf of each caller. */
  readonly mode: 'none' | 'app' | 'obo';
  /** `GRAPH_URL`, e.g. `https://graph.microsoft.com`: tokens are asked for `${graphRoot}/.default`. */
  readonly graphRoot: string;
  /** `AZURE_TENANT_ID`. Required for `obo` and for a secret or certificate in `app`. */
  readonly tenantId?: string;
  /** `AZURE_CLIENT_ID`. In `app` mode without a secret or certificate it picks a user-assigned managed identity. */
  readonly clientId?: string;
  /** `AZURE_CLIENT_SECRET`: never logged, never echoed. */
  readonly clientSecret?: string;
  /** `AZURE_CLIENT_CERTIFICATE_PATH`: a PEM file holding the certificate and its private key. */
  readonly clientCertificatePath?: string;
  /** `AZURE_AUTHORITY_HOST`; anything but the public cloud's turns instance discovery off. */
  readonly authorityHost: string;
  /** How many callers' on-behalf-of credentials are kept (least recently used goes first). @default 1000 */
  readonly oboCacheSize?: number;
  /**
   * Trust for the authority's TLS when Node's own store is not enough. Unset in production, where
   * Node's store (plus `NODE_EXTRA_CA_CERTS`) applies; tests pass an agent trusting their local CA.
   */
  readonly httpsAgent?: Agent;
}
