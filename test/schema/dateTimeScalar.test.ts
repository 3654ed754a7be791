import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphqlSync, Kind } from 'graphql';
import { dateTimeScalar } from '../../src/apollo/schema';

/** A schema that echoes a DateTime argument back through a DateTime field, to test both directions end to end. */
function echoSchema(output: (input: string | undefined) => unknown): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        at: {
          type: dateTimeScalar,
          args: { value: { type: dateTimeScalar } },
          resolve: (_, args: { value?: string }) => output(args.value),
        },
        inputType: {
          type: GraphQLString,
          args: { value: { type: dateTimeScalar } },
          resolve: (_, args: { value?: unknown }) => typeof args.value,
        },
      },
    }),
  });
}

describe('dateTimeScalar', () => {
  it.each([
    '2019-04-01T19:16:52.6512567Z',
    '2024-01-01T00:00:00Z',
    '2024-02-29T23:59:59+05:30',
  ])('serializes the upstream string %s unchanged, keeping Graph precision and offset', (value) => {
    expect(dateTimeScalar.serialize(value)).toBe(value);
  });

  it('reads an upstream value without a zone as UTC, as Graph documents DateTimeOffset', () => {
    expect(dateTimeScalar.serialize('2024-03-01T08:30:00')).toBe('2024-03-01T08:30:00Z');
  });

  it('serializes a Date as its ISO string', () => {
    expect(dateTimeScalar.serialize(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)))).toBe('2024-01-02T03:04:05.006Z');
  });

  it.each([['2024-13-01T00:00:00Z'], ['yesterday'], [1700000000], [new Date(Number.NaN)]])(
    'refuses to serialize %p, so a corrupt upstream value is a field error and not a wrong answer',
    (value) => {
      expect(() => dateTimeScalar.serialize(value)).toThrow(/^DateTime must be an RFC 3339 date-time with a time zone/);
    },
  );

  it('hands resolvers the validated client string, from a variable and from a literal', () => {
    const schema = echoSchema((v) => v);
    const fromVariable = graphqlSync({
      schema,
      source: 'query ($v: DateTime) { at(value: $v) inputType(value: $v) }',
      variableValues: { v: '2024-05-06T07:08:09.123+02:00' },
    });
    expect(fromVariable).toEqual({ data: { at: '2024-05-06T07:08:09.123+02:00', inputType: 'string' } });
    const fromLiteral = graphqlSync({ schema, source: '{ at(value: "2024-05-06T07:08:09Z") }' });
    expect(fromLiteral).toEqual({ data: { at: '2024-05-06T07:08:09Z' } });
  });

  it.each(['2024-05-06', '2024-05-06T07:08:09', 'not a date', '2024-02-30T00:00:00Z'])(
    'refuses the input %j, which is not a full date-time with a zone, and echoes it',
    (value) => {
      const result = graphqlSync({
        schema: echoSchema((v) => v),
        source: 'query ($v: DateTime) { at(value: $v) }',
        variableValues: { v: value },
      });
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0]?.message).toContain(
        `DateTime must be an RFC 3339 date-time with a time zone, such as 2024-01-01T00:00:00Z, but got: ${JSON.stringify(value)}`,
      );
    },
  );

  it('refuses a non-string literal', () => {
    expect(() => dateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(
      'DateTime must be a string, but got a IntValue literal',
    );
  });
});
