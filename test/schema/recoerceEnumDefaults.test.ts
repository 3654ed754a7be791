import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphqlSync, parse, type GraphQLSchema } from 'graphql';
import { recoerceEnumDefaults } from '../../src/apollo/schema';

const typeDefs = parse(`
  enum Scope { ALL MEMBER }
  enum Direction { ASC DESC }
  input Order { field: String!, direction: Direction = ASC }
  input Page { order: Order = { field: "name" } }
  type Query {
    count(scope: Scope = ALL, order: Order, page: Page = {}, first: Int = 50): String
  }
`);

function build(): { schema: GraphQLSchema; seen: unknown[] } {
  const seen: unknown[] = [];
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Scope: { ALL: 'all', MEMBER: 'member' },
      Direction: { ASC: 'asc', DESC: 'desc' },
      Query: { count: (_: unknown, args: unknown) => (seen.push(args), 'ok') },
    } as never,
  });
  return { schema, seen };
}

describe('recoerceEnumDefaults', () => {
  it('is needed: without it buildSubgraphSchema hands resolvers the GraphQL name of an enum default', () => {
    const { schema, seen } = build();
    graphqlSync({ schema, source: '{ count }' });
    expect(seen).toEqual([{ scope: 'ALL', page: { order: { field: 'name', direction: 'ASC' } }, first: 50 }]);
  });

  it('hands resolvers the internal value of enum defaults, in arguments and nested input fields', () => {
    const { schema, seen } = build();
    recoerceEnumDefaults(schema);
    const result = graphqlSync({ schema, source: '{ a: count(order: { field: "x" }) b: count(page: {}) }' });
    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([
      { scope: 'all', order: { field: 'x', direction: 'asc' }, page: { order: { field: 'name', direction: 'asc' } }, first: 50 },
      { scope: 'all', page: { order: { field: 'name', direction: 'asc' } }, first: 50 },
    ]);
  });

  it('lets introspection show the defaults again, under their GraphQL names', () => {
    const { schema } = build();
    recoerceEnumDefaults(schema);
    const result = graphqlSync({
      schema,
      source: '{ q: __type(name: "Query") { fields { args { name defaultValue } } } o: __type(name: "Order") { inputFields { name defaultValue } } }',
    });
    const data = result.data as {
      q: { fields: { args: { name: string; defaultValue: string | null }[] }[] };
      o: { inputFields: { name: string; defaultValue: string | null }[] };
    };
    const count = data.q.fields.find((f) => f.args.length > 0);
    expect(count?.args).toEqual([
      { name: 'scope', defaultValue: 'ALL' },
      { name: 'order', defaultValue: null },
      { name: 'page', defaultValue: '{order: {field: "name", direction: ASC}}' },
      { name: 'first', defaultValue: '50' },
    ]);
    expect(data.o.inputFields).toEqual([
      { name: 'field', defaultValue: null },
      { name: 'direction', defaultValue: 'ASC' },
    ]);
  });

  it('returns the schema it was given', () => {
    const { schema } = build();
    expect(recoerceEnumDefaults(schema)).toBe(schema);
  });
});
