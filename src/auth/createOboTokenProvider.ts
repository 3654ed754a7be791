import { OnBehalfOfCredential } from '@azure/identity';
import { LRUCache } from 'lru-cache';
import { CallerAuthError } from './CallerAuthError';
import { CallerForbiddenError } from './CallerForbiddenError';
import { requestGraphToken } from './requestGraphToken';
import { singleFlight } from './singleFlight';
import type { TokenProvider } from './TokenProvider';
import type { TokenProviderSettings } from './TokenProviderSettings';

/**
 * On-behalf-of tokens: one OnBehalfOfCredential per caller token, kept in a bounded LRU keyed by the
 * token's sha256 until that token expires. The credential's own cache then serves every later query
 * of the same caller without a token-endpoint call, and renews the Graph token when it runs out.
 */
export function createOboTokenProvider(settings: TokenProviderSettings): TokenProvider {
  const { tenantId, clientId, clientSecret, clientCertificatePath } = settings;
  if (tenantId === undefined || clientId === undefined) throw new Error('validateTokenProviderOptions lets no obo settings without tenant and client through');
  // The constructor's typings omit disableInstanceDiscovery, which it passes on to MSAL all the same.
  const common = {
    tenantId,
    clientId,
    authorityHost: settings.authorityHost,
    disableInstanceDiscovery: settings.disableInstanceDiscovery,
    ...(settings.httpsAgent === undefined ? {} : { agent: settings.httpsAgent }),
  };
  const credentials = new LRUCache<string, () => Promise<string>>({ max: settings.oboCacheSize });
  const userCallerOf = (caller: Parameters<TokenProvider['getToken']>[0]) => {
    if (caller.kind === 'anonymous') {
      throw new CallerAuthError('missing', "GRAPH_AUTH=obo exchanges the caller's bearer token, but the request has none");
    }
    if (caller.kind === 'app') {
      throw new CallerForbiddenError('user_required', 'GRAPH_AUTH=obo acts on behalf of users, but the caller holds an app-only token');
    }
    return caller;
  };
  return {
    async getToken(caller) {
      const user = userCallerOf(caller);
      const ttl = user.expiresAt - Date.now();
      if (ttl <= 0) throw new CallerAuthError('expired', "the caller's token has expired, so it cannot be exchanged on behalf of the caller");
      let getGraphToken = credentials.get(user.tokenHash);
      if (getGraphToken === undefined) {
        const userAssertionToken = user.token;
        const credential =
          clientSecret !== undefined
            ? new OnBehalfOfCredential({ ...common, clientSecret, userAssertionToken })
            : new OnBehalfOfCredential({ ...common, certificatePath: clientCertificatePath ?? '', userAssertionToken });
        getGraphToken = singleFlight(() => requestGraphToken(credential, settings.scope, 'OnBehalfOfCredential'));
        credentials.set(user.tokenHash, getGraphToken, { ttl });
      }
      return getGraphToken();
    },
    principalOf: (caller) => `obo:${userCallerOf(caller).tokenHash}`,
    ready: async () => undefined,
  };
}
