import type { JWTPayload } from 'jose';
import type { Caller } from '../../../src/auth/callers';
import { createCallerAuthenticator } from '../../../src/auth/callers';
import type { OidcProvider } from './OidcProvider';

/** A Caller made the way the gateway makes one: a token signed by the provider, checked by the real authenticator. */
export async function callerFromProvider(provider: OidcProvider, overrides: JWTPayload = {}): Promise<Caller> {
  const authenticator = createCallerAuthenticator({
    mode: 'entra',
    tenantId: provider.tenantId,
    audiences: [provider.apiAudience],
    requiredRoles: [],
    authorityHost: provider.authorityHost,
    httpsAgent: provider.httpsAgent,
  });
  const token = await provider.signCallerToken(provider.callerClaims(overrides));
  return authenticator.authenticate(`Bearer ${token}`);
}
