import { reportOf } from '../../src/graph/urls';

describe('reportOf', () => {
  it('names the report below its containers, whatever the query', () => {
    expect(reportOf("/reports/credentialUserRegistrationDetails?$filter=userPrincipalName%20eq%20'ann'&$top=5")).toBe('credentialUserRegistrationDetails');
    expect(reportOf('/reports/authenticationMethods/userRegistrationDetails')).toBe('userRegistrationDetails');
    expect(reportOf('/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries?$top=1')).toBe('credentialUserRegistrationsSummaries');
  });

  it('drops function arguments and entity ids, which would make the label unbounded', () => {
    expect(reportOf("/reports/getCredentialUsageSummary(period='D30')?$filter=feature%20eq%20'registration'")).toBe('getCredentialUsageSummary');
    expect(reportOf("/reports/authenticationMethods/userRegistrationActivity(period='d7')")).toBe('userRegistrationActivity');
    expect(reportOf('/reports/credentialUserRegistrationDetails/5f1c2b7e-0000-4000-8000-000000000001')).toBe('credentialUserRegistrationDetails');
  });

  it('names an envelope $batch', () => {
    expect(reportOf('/$batch')).toBe('$batch');
  });
});
