import { AuthConfigError } from './AuthConfigError';
import { normalizeAuthorityHost } from './normalizeAuthorityHost';
import { publicAuthorityHost } from './publicAuthorityHost';
import type { TokenProviderOptions } from './TokenProviderOptions';
import type { TokenProviderSettings } from './TokenProviderSettings';

const DEFAULT_OBO_CACHE_SIZE = 1000;
const MAX_OBO_CACHE_SIZE = 1_000_000;

/** Checks the settings the mode needs and reports all problems at once (AuthConfigError); secrets are never echoed. */
export function validateTokenProviderOptions(options: TokenProviderOptions): TokenProviderSettings {
  const problems: string[] = [];
  const graphRoot = options.graphRoot.replace(/\/+$/, '');
  if (!URL.canParse(graphRoot)) problems.push(`GRAPH_URL must be a URL such as https://graph.microsoft.com, but got: '${options.graphRoot}'`);
  const authorityHost = normalizeAuthorityHost(options.authorityHost);
  if (authorityHost === undefined) {
    problems.push(`AZURE_AUTHORITY_HOST must be an https origin such as ${publicAuthorityHost}, but got: '${options.authorityHost}'`);
  }
  const tenantId = present(options.tenantId);
  const clientId = present(options.clientId);
  const clientSecret = present(options.clientSecret);
  const clientCertificatePath = present(options.clientCertificatePath);
  const specific = clientSecret !== undefined || clientCertificatePath !== undefined;
  if (options.mode === 'obo' || (options.mode === 'app' && specific)) {
    const why = options.mode === 'obo' ? 'GRAPH_AUTH=obo' : 'a client secret or certificate';
    if (tenantId === undefined) problems.push(`AZURE_TENANT_ID is required with ${why}, but is empty`);
    if (clientId === undefined) problems.push(`AZURE_CLIENT_ID is required with ${why}, but is empty`);
  }
  if (options.mode === 'obo' && !specific) {
    problems.push('GRAPH_AUTH=obo needs AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, but both are empty');
  }
  if (clientSecret !== undefined && clientCertificatePath !== undefined) {
    problems.push('AZURE_CLIENT_SECRET and AZURE_CLIENT_CERTIFICATE_PATH must not both be set, but both are');
  }
  const oboCacheSize = options.oboCacheSize ?? DEFAULT_OBO_CACHE_SIZE;
  if (!Number.isInteger(oboCacheSize) || oboCacheSize < 1 || oboCacheSize > MAX_OBO_CACHE_SIZE) {
    problems.push(`the on-behalf-of cache size must be a whole number between 1 and ${MAX_OBO_CACHE_SIZE}, but got: ${oboCacheSize}`);
  }
  if (problems.length > 0 || authorityHost === undefined) throw new AuthConfigError(problems);
  return {
    mode: options.mode,
    scope: `${graphRoot}/.default`,
    ...(tenantId === undefined ? {} : { tenantId }),
    ...(clientId === undefined ? {} : { clientId }),
    ...(clientSecret === undefined ? {} : { clientSecret }),
    ...(clientCertificatePath === undefined ? {} : { clientCertificatePath }),
    authorityHost,
    disableInstanceDiscovery: authorityHost !== publicAuthorityHost,
    oboCacheSize,
    ...(options.httpsAgent === undefined ? {} : { httpsAgent: options.httpsAgent }),
  };
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
