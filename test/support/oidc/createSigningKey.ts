import { exportSPKI, generateKeyPair } from 'jose';
import type { SigningKey } from './SigningKey';

export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return { kid, privateKey, publicKey, publicKeyPem: await exportSPKI(publicKey) };
}
