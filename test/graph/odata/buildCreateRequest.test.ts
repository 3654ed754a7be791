import { buildCreateRequest } from '../../../src/graph/odata';
import { userCredentialUsageDetails as usage } from '../../../src/reports/usageDetails';

describe('buildCreateRequest', () => {
  it('POSTs the body to the report collection in its version', () => {
    const body = { userPrincipalName: 'a@b.com', feature: 'registration' };
    const request = buildCreateRequest(usage, body);
    expect(request).toEqual({ method: 'POST', version: 'beta', url: '/reports/userCredentialUsageDetails', body });
    expect(request.body).toBe(body);
  });

  it('refuses a body that is not a JSON object', () => {
    expect(() => buildCreateRequest(usage, [] as object)).toThrow(
      'a create on userCredentialUsageDetails accepts a JSON object body, but got: a list',
    );
    expect(() => buildCreateRequest(usage, null as unknown as object)).toThrow('but got: null');
  });
});
