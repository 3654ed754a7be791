import { buildSubgraphSchema } from '@apollo/subgraph';
import { isEnumType, type GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { enumResolvers } from '../../src/enums';
import { gatewayEnumValues } from '../../src/enums';
import { graphQLEnumTypeName } from '../../src/enums';
import { toGraphQLEnumName } from '../../src/enums';
import { GraphEnums, type GraphEnumName } from '../../src/enums';
import { loadTypeDefs } from '../../src/apollo/schema';

const graphEnumNames = Object.keys(GraphEnums) as GraphEnumName[];

function schemaEnums(schema: GraphQLSchema): GraphQLEnumType[] {
  // Introspection enums (`__TypeKind`) and federation's `link__Purpose` belong to the machinery, not the contract.
  return Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLEnumType => isEnumType(type) && !type.name.includes('__'),
  );
}

describe('enumResolvers', () => {
  const resolvers = enumResolvers();
  const schema = buildSubgraphSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });

  it('gives every GraphQL enum of the schema a resolver with exactly its values, and nothing else', () => {
    const enums = schemaEnums(schema);
    expect(enums.map((e) => e.name).sort()).toEqual(Object.keys(resolvers).sort());
    for (const type of enums) {
      expect([type.name, Object.keys(resolvers[type.name] ?? {}).sort()]).toEqual([
        type.name,
        type.getValues().map((v) => v.name).sort(),
      ]);
    }
  });

  it.each(graphEnumNames)('carries Graph %s as a GraphQL enum holding exactly its members, in order', (graphName) => {
    const type = schema.getType(graphQLEnumTypeName(graphName));
    expect(isEnumType(type)).toBe(true);
    const values = (type as GraphQLEnumType).getValues();
    expect(values.map((v) => v.name)).toEqual(GraphEnums[graphName].map(toGraphQLEnumName));
    expect(values.map((v) => v.value)).toEqual([...GraphEnums[graphName]]);
  });

  it('maps the documented examples to Graph spellings', () => {
    const usage = schema.getType('UsageAuthMethod') as GraphQLEnumType;
    expect(usage.getValue('MOBILE_SMS')?.value).toBe('mobileSMS');
    expect(usage.getValue('FIDO2_SECURITY_KEY')?.value).toBe('fido2SecurityKey');
    expect(usage.getValue('MAC_OS_SECURE_ENCLAVE_KEY')?.value).toBe('macOsSecureEnclaveKey');
    expect(usage.serialize('passKeyDeviceBoundWindowsHello')).toBe('PASS_KEY_DEVICE_BOUND_WINDOWS_HELLO');
  });

  it('maps order fields to upstream property names and directions to OData keywords', () => {
    const field = schema.getType('CredentialUserRegistrationDetailsOrderField') as GraphQLEnumType;
    expect(field.getValues().map((v) => [v.name, v.value])).toEqual([
      ['USER_DISPLAY_NAME', 'userDisplayName'],
      ['USER_PRINCIPAL_NAME', 'userPrincipalName'],
      ['IS_REGISTERED', 'isRegistered'],
      ['IS_ENABLED', 'isEnabled'],
      ['IS_CAPABLE', 'isCapable'],
      ['IS_MFA_REGISTERED', 'isMfaRegistered'],
    ]);
    const usage = schema.getType('UserCredentialUsageDetailsOrderField') as GraphQLEnumType;
    expect(usage.getValues().map((v) => v.value)).toEqual([
      'userDisplayName', 'userPrincipalName', 'eventDateTime', 'feature', 'isSuccess', 'authMethod',
    ]);
    const successor = schema.getType('UserRegistrationDetailsOrderField') as GraphQLEnumType;
    expect(successor.getValues().map((v) => [v.name, v.value])).toEqual([
      ['USER_PRINCIPAL_NAME', 'userPrincipalName'],
      ['USER_DISPLAY_NAME', 'userDisplayName'],
    ]);
    const direction = schema.getType('OrderDirection') as GraphQLEnumType;
    expect(direction.getValues().map((v) => [v.name, v.value])).toEqual([
      ['ASC', 'asc'],
      ['DESC', 'desc'],
    ]);
  });

  it('spells the legacy period in upper case and the successor period in lower case, as each upstream wants', () => {
    const legacy = schema.getType('CredentialUsagePeriod') as GraphQLEnumType;
    const successor = schema.getType('AggregationPeriod') as GraphQLEnumType;
    expect(legacy.getValues().map((v) => [v.name, v.value])).toEqual([
      ['D1', 'D1'],
      ['D7', 'D7'],
      ['D30', 'D30'],
    ]);
    expect(successor.getValues().map((v) => [v.name, v.value])).toEqual([
      ['D1', 'd1'],
      ['D7', 'd7'],
      ['D30', 'd30'],
    ]);
  });

  it('covers every gateway-owned enum and no Graph enum twice', () => {
    const graphTypeNames = graphEnumNames.map(graphQLEnumTypeName);
    for (const name of Object.keys(gatewayEnumValues)) {
      expect(graphTypeNames).not.toContain(name);
      expect(isEnumType(schema.getType(name))).toBe(true);
    }
    expect(new Set(graphTypeNames).size).toBe(graphTypeNames.length);
  });

  it('returns a fresh object each call, so a caller cannot corrupt another schema', () => {
    const first = enumResolvers();
    (first['OrderDirection'] as Record<string, string>)['ASC'] = 'x';
    expect(enumResolvers()['OrderDirection']).toEqual({ ASC: 'asc', DESC: 'desc' });
    expect(gatewayEnumValues.OrderDirection.ASC).toBe('asc');
  });
});
