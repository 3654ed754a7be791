import type { Agent } from 'node:https';
import type { JWTPayload, KeyLike } from 'jose';
import type { OidcCallCounts } from './OidcCallCounts';

export interface SignCallerTokenOptions {
  /** @default 'RS256'. 'none' makes an unsecured token; 'HS256' needs `secret`. */
  readonly alg?: 'RS256' | 'HS256' | 'none';
  /** @default the kid of the key chosen by `key` */
  readonly kid?: string;
  /** 'published' (default) and 'next' are in the JWKS (as during key rollover); 'stranger' never is. */
  readonly key?: 'published' | 'next' | 'stranger' | KeyLike;
  /** The HMAC secret for 'HS256'. */
  readonly secret?: Uint8Array;
}

/** A local Entra-like OpenID provider on https://localhost:<port>, for tests. */
export interface OidcProvider {
  /** `https://localhost:<port>`: what `AZURE_AUTHORITY_HOST` would be. */
  readonly authorityHost: string;
  readonly tenantId: string;
  /** `${authorityHost}/${tenantId}/v2.0`, the issuer of every token it signs. */
  readonly issuer: string;
  /** The confidential client registered with it (the gateway's own app). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The client's registered certificate and its private key, one PEM text (AZURE_CLIENT_CERTIFICATE_PATH's format). */
  readonly clientCertificatePem: string;
  /** The audience of the caller tokens it mints by default: `api://<clientId>`. */
  readonly apiAudience: string;
  /** PEM of its self-signed TLS certificate: the one trust anchor a client needs. */
  readonly caPem: string;
  /** An HTTPS agent that trusts `caPem` (and nothing else). */
  readonly httpsAgent: Agent;
  /** The kid of the key it signs with by default. */
  readonly publishedKid: string;
  /** SPKI PEM of the published signing key, for the HS256 key-confusion attack. */
  readonly publicKeyPem: string;
  /** Valid caller-token claims (a user with scope `Reports.Read`, one hour left), with `overrides` merged. */
  callerClaims(overrides?: JWTPayload): JWTPayload;
  signCallerToken(claims: JWTPayload, options?: SignCallerTokenOptions): Promise<string>;
  counts(): OidcCallCounts;
  close(): Promise<void>;
}
