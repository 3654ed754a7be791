import { introspectContract } from './introspectContract';

const { result, type, signatures } = introspectContract();
const PAGE = 'first: Int = 50, after: String';

describe('the root fields of the contract (README: The GraphQL API)', () => {
  it('builds as a federated subgraph and introspects without errors', () => {
    expect(result.errors).toBeUndefined();
  });

  it('has exactly the root query fields of the contract, with their arguments, defaults and nullable types', () => {
    expect(signatures('Query').sort()).toEqual([
      '_entities(representations: [_Any!]!): [_Entity]!',
      '_service: _Service!',
      `credentialUsageSummary(period: CredentialUsagePeriod!, filter: CredentialUsageSummaryFilter): [CredentialUsageSummary!]`,
      `credentialUserRegistrationCount: [CredentialUserRegistrationCount!]`,
      `credentialUserRegistrationDetails(filter: CredentialUserRegistrationDetailsFilter, orderBy: [CredentialUserRegistrationDetailsOrder!], ${PAGE}): CredentialUserRegistrationDetailsConnection`,
      `credentialUserRegistrationsSummaries(filter: CredentialUserRegistrationsSummaryFilter, ${PAGE}): CredentialUserRegistrationsSummaryConnection`,
      `userCredentialUsageDetails(filter: UserCredentialUsageDetailsFilter, orderBy: [UserCredentialUsageDetailsOrder!], ${PAGE}): UserCredentialUsageDetailsConnection`,
      `userEventsSummary(filter: UserCredentialUsageDetailsFilter, orderBy: [UserCredentialUsageDetailsOrder!], ${PAGE}): UserEventsSummaryConnection`,
      `userRegistrationActivity(period: AggregationPeriod!, filter: UserRegistrationActivityFilter): [UserRegistrationActivitySummary!]`,
      `userRegistrationDetails(filter: UserRegistrationDetailsFilter, orderBy: [UserRegistrationDetailsOrder!], ${PAGE}): UserRegistrationDetailsConnection`,
      'usersRegisteredByFeature(includedUserTypes: IncludedUserTypes = ALL, includedUserRoles: IncludedUserRoles = ALL): UserRegistrationFeatureSummary',
      'usersRegisteredByMethod(includedUserTypes: IncludedUserTypes = ALL, includedUserRoles: IncludedUserRoles = ALL): UserRegistrationMethodSummary',
    ]);
  });

  it('has the three create mutations, each taking its <Type>Input and returning the created type', () => {
    expect(signatures('Mutation').sort()).toEqual([
      'createCredentialUserRegistrationDetails(input: CredentialUserRegistrationDetailsInput!): CredentialUserRegistrationDetails!',
      'createCredentialUserRegistrationsSummary(input: CredentialUserRegistrationsSummaryInput!): CredentialUserRegistrationsSummary!',
      'createUserCredentialUsageDetails(input: UserCredentialUsageDetailsInput!): UserCredentialUsageDetails!',
    ]);
  });

  it('deprecates the four legacy report fields, naming the successor in the reason and the description', () => {
    const successors: Record<string, string> = {
      credentialUserRegistrationDetails: 'userRegistrationDetails',
      userCredentialUsageDetails: 'userEventsSummary',
      credentialUsageSummary: 'userRegistrationActivity',
      credentialUserRegistrationCount: 'usersRegisteredByFeature',
    };
    const deprecated = (type('Query').fields ?? []).filter((f) => f.isDeprecated);
    expect(deprecated.map((f) => f.name).sort()).toEqual(Object.keys(successors).sort());
    for (const field of deprecated) {
      const successor = successors[field.name] as string;
      expect(field.deprecationReason).toMatch(new RegExp(`use ${successor}$`));
      const description = (field.description ?? '').replace(/\s+/g, ' ');
      expect(description).toContain(`successor is \`${successor}\``);
      expect(description).toContain('Microsoft has deprecated this beta report');
    }
  });

  it('keeps the report fields and links nullable, so one failing upstream call nulls only its own field', () => {
    const costly = [
      ...(type('Query').fields ?? []).filter((f) => !f.name.startsWith('_')),
      ...(type('User').fields ?? []).filter((f) => !['id', 'userPrincipalName'].includes(f.name)),
      ...(type('CredentialUserRegistrationDetails').fields ?? []).filter((f) => f.name === 'usageEvents'),
      ...(type('UserCredentialUsageDetails').fields ?? []).filter((f) => f.name === 'registration'),
      ...(type('UserRegistrationDetails').fields ?? []).filter((f) => f.name === 'defaultMfaMethod'),
    ];
    expect(costly).toHaveLength(10 + 3 + 3);
    for (const field of costly) expect([field.name, field.type.kind]).not.toEqual([field.name, 'NON_NULL']);
  });
});
