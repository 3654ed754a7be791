import type { KeyLike } from 'jose';

/** An RS256 key pair of the local provider, named by the `kid` its tokens carry. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
  /** The public key as SPKI PEM: the "secret" of the HS256 key-confusion attack. */
  readonly publicKeyPem: string;
}
