import { getNamedType, isObjectType } from 'graphql';
import { buildGatewaySchema } from '../../src/apollo/schema';
import { entityLookups, linkFields, resolvers } from '../../src/reports';

describe('the cost model’s link fields', () => {
  const schema = buildGatewaySchema(resolvers);

  it('name fields that exist, return one report object (not a connection) and have a resolver', () => {
    for (const entry of linkFields.keys()) {
      const [typeName = '', fieldName = ''] = entry.split('.');
      const type = schema.getType(typeName);
      expect(isObjectType(type)).toBe(true);
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      expect(field).toBeDefined();
      const named = field ? getNamedType(field.type) : undefined;
      expect(isObjectType(named) && !named.name.endsWith('Connection')).toBe(true);
      expect((resolvers as Record<string, Record<string, unknown>>)[typeName]?.[fieldName]).toBeInstanceOf(Function);
    }
  });

  it('cover every non-root field that resolves to a report entity, so none is left uncounted', () => {
    const entities = entityLookups;
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('_') || ['Query', 'Mutation'].includes(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        if (entities.has(getNamedType(field.type).name) && !type.name.endsWith('Edge') && !type.name.endsWith('Connection')) {
          found.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(found.sort()).toEqual([...linkFields.keys()].sort());
  });
});

describe('the cost model’s entity lookups', () => {
  const schema = buildGatewaySchema(resolvers);

  it('name every entity type resolved by reading it, and only those', () => {
    const readByReference = Object.entries(resolvers as Record<string, Record<string, unknown>>)
      .filter(([typeName, fields]) => typeName !== 'User' && fields.__resolveReference instanceof Function)
      .map(([typeName]) => typeName);
    expect(readByReference.sort()).toEqual([...entityLookups].sort());
    for (const typeName of entityLookups) expect(isObjectType(schema.getType(typeName))).toBe(true);
  });
});
