import { validateEntraCallerOptions } from '../../src/config';

const tenant = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
const base = { mode: 'entra' as const, tenantId: tenant, audiences: [' api://gateway ', ''], requiredRoles: ['Gateway.Read', ' '] };

describe('validateEntraCallerOptions', () => {
  it('accepts the v1 issuer (sts.windows.net) besides the v2 one on the public cloud only', () => {
    const publicCloud = validateEntraCallerOptions({ ...base, authorityHost: 'https://login.microsoftonline.com/' });
    expect(publicCloud.issuers).toEqual([
      'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
      'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    ]);
    const usGov = validateEntraCallerOptions({ ...base, authorityHost: 'https://login.microsoftonline.us' });
    expect(usGov.issuers).toEqual(['https://login.microsoftonline.us/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0']);
  });

  it('normalizes the tenant to lower case, trims audiences and roles, and defaults the clock tolerance to 60 s', () => {
    const settings = validateEntraCallerOptions({ ...base, authorityHost: 'https://login.microsoftonline.com' });
    expect(settings).toMatchObject({
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      metadataIssuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
      audiences: ['api://gateway'],
      requiredRoles: ['Gateway.Read'],
      clockToleranceSeconds: 60,
    });
  });

  it.each(['common', 'organizations', 'contoso.onmicrosoft.com', undefined])('refuses the tenant %p', (tenantId) => {
    expect(() => validateEntraCallerOptions({ ...base, tenantId, authorityHost: 'https://login.microsoftonline.com' })).toThrow(
      `AZURE_TENANT_ID must be a tenant GUID with GATEWAY_AUTH=entra (multi-tenant names such as 'common' are not accepted), but got: '${tenantId ?? ''}'`,
    );
  });

  it.each(['00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.us', 'HTTPS://GRAPH.MICROSOFT.COM/'])(
    "refuses Graph's audience %s even when configured",
    (audience) => {
      expect(() => validateEntraCallerOptions({ ...base, audiences: ['api://gateway', audience], authorityHost: 'https://login.microsoftonline.com' })).toThrow(
        `GATEWAY_AUDIENCE must be this gateway's own app, never Microsoft Graph's, but got: ${audience}`,
      );
    },
  );
});
