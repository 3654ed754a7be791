import { CallerAuthError } from '../../../src/auth/callers';
import type { CallerAuthOptions } from '../../../src/config';
import { createCallerAuthenticator } from '../../../src/auth/callers';
import type { OidcProvider } from '../../support/oidc/OidcProvider';
import { startOidcProvider } from '../../support/oidc/startOidcProvider';

/**
 * A local OpenID provider for the test file that calls this (started before its tests, closed after),
 * with an entra-mode authenticator factory pointed at it.
 */
export function entraFixture() {
  let started: OidcProvider | undefined;
  beforeAll(async () => {
    started = await startOidcProvider();
  });
  afterAll(() => started?.close());
  const fixture = {
    get provider(): OidcProvider {
      if (!started) throw new Error('the provider starts in beforeAll');
      return started;
    },
    now: (): number => Math.floor(Date.now() / 1000),
    entra: (overrides: Partial<CallerAuthOptions> = {}) =>
      createCallerAuthenticator({
        mode: 'entra',
        tenantId: fixture.provider.tenantId,
        audiences: [fixture.provider.apiAudience, fixture.provider.clientId],
        requiredRoles: [],
        authorityHost: fixture.provider.authorityHost,
        httpsAgent: fixture.provider.httpsAgent,
        ...overrides,
      }),
    refusal: async (promise: Promise<unknown>): Promise<CallerAuthError> => {
      const error = await promise.then(() => undefined, (e: unknown) => e);
      if (!(error instanceof CallerAuthError)) throw new Error(`expected a CallerAuthError, got: ${String(error)}`);
      return error;
    },
  };
  return fixture;
}
