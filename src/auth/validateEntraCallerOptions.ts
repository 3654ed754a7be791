import { AuthConfigError } from './AuthConfigError';
import type { CallerAuthOptions } from './CallerAuthOptions';
import type { EntraCallerSettings } from './EntraCallerSettings';
import { isGraphAudience } from './isGraphAudience';
import { normalizeAuthorityHost } from './normalizeAuthorityHost';
import { publicAuthorityHost } from './publicAuthorityHost';
import { tenantIdPattern } from './tenantIdPattern';

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;
const MAX_CLOCK_TOLERANCE_SECONDS = 300;

/** Checks every `entra` setting and reports all problems at once (AuthConfigError). */
export function validateEntraCallerOptions(options: CallerAuthOptions): EntraCallerSettings {
  const problems: string[] = [];
  const tenantId = options.tenantId ?? '';
  if (!tenantIdPattern.test(tenantId)) {
    problems.push(`AZURE_TENANT_ID must be a tenant GUID with GATEWAY_AUTH=entra (multi-tenant names such as 'common' are not accepted), but got: '${tenantId}'`);
  }
  const authorityHost = normalizeAuthorityHost(options.authorityHost);
  if (authorityHost === undefined) {
    problems.push(`AZURE_AUTHORITY_HOST must be an https origin such as ${publicAuthorityHost}, but got: '${options.authorityHost}'`);
  }
  const audiences = options.audiences.map((a) => a.trim()).filter((a) => a !== '');
  if (audiences.length === 0) problems.push('GATEWAY_AUDIENCE must name at least one audience with GATEWAY_AUTH=entra, but got none');
  const graph = audiences.filter(isGraphAudience);
  if (graph.length > 0) {
    problems.push(`GATEWAY_AUDIENCE must be this gateway's own app, never Microsoft Graph's, but got: ${graph.join(', ')}`);
  }
  const tolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_CLOCK_TOLERANCE_SECONDS) {
    problems.push(`the clock tolerance must be a whole number of seconds between 0 and ${MAX_CLOCK_TOLERANCE_SECONDS}, but got: ${tolerance}`);
  }
  if (problems.length > 0 || authorityHost === undefined) throw new AuthConfigError(problems);
  const tenant = tenantId.toLowerCase();
  const v2Issuer = `${authorityHost}/${tenant}/v2.0`;
  return {
    tenantId: tenant,
    authorityHost,
    // v1 tokens (the default when an API's manifest leaves accessTokenAcceptedVersion unset) carry
    // the sts.windows.net issuer; that issuer belongs to the public cloud only.
    issuers: authorityHost === publicAuthorityHost ? [v2Issuer, `https://sts.windows.net/${tenant}/`] : [v2Issuer],
    metadataIssuer: v2Issuer,
    audiences,
    requiredRoles: options.requiredRoles.map((r) => r.trim()).filter((r) => r !== ''),
    clockToleranceSeconds: tolerance,
    ...(options.httpsAgent === undefined ? {} : { httpsAgent: options.httpsAgent }),
  };
}
