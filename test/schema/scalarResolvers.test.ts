import { buildSubgraphSchema } from '@apollo/subgraph';
import { isScalarType } from 'graphql';
import { loadTypeDefs } from '../../src/apollo/schema';
import { scalarResolvers } from '../../src/apollo/schema';

describe('scalarResolvers', () => {
  const schema = buildSubgraphSchema({ typeDefs: loadTypeDefs(), resolvers: scalarResolvers as never });

  it('resolves every custom scalar of the schema', () => {
    const custom = Object.values(schema.getTypeMap())
      .filter((t) => isScalarType(t) && !t.name.startsWith('_') && !t.name.includes('__'))
      .filter((t) => !['String', 'Boolean', 'Int', 'Float', 'ID'].includes(t.name))
      .map((t) => t.name);
    expect(custom.sort()).toEqual(Object.keys(scalarResolvers).sort());
  });

  it('keeps the descriptions and @specifiedBy URLs the schema gives the scalars', () => {
    const dateTime = schema.getType('DateTime');
    const safeInt = schema.getType('SafeInt');
    expect(dateTime?.description).toMatch(/^An instant in time, ISO 8601/);
    expect(isScalarType(safeInt) && safeInt.specifiedByURL).toBe(
      'https://the-guild.dev/graphql/scalars/docs/scalars/safe-int',
    );
    expect(safeInt?.description).toMatch(/^An integer between -\(2\^53-1\) and 2\^53-1/);
  });

  it('installs the coercion of the resolvers', () => {
    const dateTime = schema.getType('DateTime');
    expect(isScalarType(dateTime) && dateTime.serialize('2024-03-01T08:30:00')).toBe('2024-03-01T08:30:00Z');
  });
});
