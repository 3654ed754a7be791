import type { Agent } from 'node:https';

/** TokenProviderOptions after validation: normalized and complete for their mode. */
export interface TokenProviderSettings {
  readonly mode: 'none' | 'app' | 'obo';
  /** `${graphRoot}/.default` */
  readonly scope: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly clientCertificatePath?: string;
  /** A bare https origin. */
  readonly authorityHost: string;
  /** True for any authority but the public cloud's, whose instance metadata a private host does not serve. */
  readonly disableInstanceDiscovery: boolean;
  readonly oboCacheSize: number;
  readonly httpsAgent?: Agent;
}
