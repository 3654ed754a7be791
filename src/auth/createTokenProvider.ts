import { createAppCredential } from './createAppCredential';
import { createOboTokenProvider } from './createOboTokenProvider';
import { requestGraphToken } from './requestGraphToken';
import { singleFlight } from './singleFlight';
import type { TokenProvider } from './TokenProvider';
import type { TokenProviderOptions } from './TokenProviderOptions';
import { validateTokenProviderOptions } from './validateTokenProviderOptions';

/**
 * How the gateway authenticates to Graph (`GRAPH_AUTH`). Invalid options throw AuthConfigError here,
 * at start-up; no credential makes a network call before the first getToken (or ready).
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const settings = validateTokenProviderOptions(options);
  switch (settings.mode) {
    case 'none':
      return { getToken: async () => null, principalOf: () => 'none', ready: async () => undefined };
    case 'app': {
      const { credential, name } = createAppCredential(settings);
      // @azure/identity caches the token and renews it before it expires; this only joins concurrent first calls.
      const getGraphToken = singleFlight(() => requestGraphToken(credential, settings.scope, name));
      return {
        getToken: () => getGraphToken(),
        principalOf: () => 'app',
        ready: async () => {
          await getGraphToken();
        },
      };
    }
    case 'obo':
      return createOboTokenProvider(settings);
  }
}
