import {
  ClientCertificateCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  type TokenCredential,
} from '@azure/identity';
import type { TokenProviderSettings } from './TokenProviderSettings';

/**
 * The app-only credential: the one the AZURE_* settings name (secret, then certificate), otherwise
 * DefaultAzureCredential's chain (workload identity, managed identity, developer sign-ins).
 */
export function createAppCredential(settings: TokenProviderSettings): { credential: TokenCredential; name: string } {
  const common = {
    authorityHost: settings.authorityHost,
    disableInstanceDiscovery: settings.disableInstanceDiscovery,
    ...(settings.httpsAgent === undefined ? {} : { agent: settings.httpsAgent }),
  };
  const { tenantId, clientId } = settings;
  if (tenantId !== undefined && clientId !== undefined && settings.clientSecret !== undefined) {
    return { credential: new ClientSecretCredential(tenantId, clientId, settings.clientSecret, common), name: 'ClientSecretCredential' };
  }
  if (tenantId !== undefined && clientId !== undefined && settings.clientCertificatePath !== undefined) {
    const credential = new ClientCertificateCredential(tenantId, clientId, { certificatePath: settings.clientCertificatePath }, common);
    return { credential, name: 'ClientCertificateCredential' };
  }
  const credential = new DefaultAzureCredential({
    ...common,
    ...(tenantId === undefined ? {} : { tenantId }),
    ...(clientId === undefined ? {} : { managedIdentityClientId: clientId }),
  });
  return { credential, name: 'DefaultAzureCredential' };
}
