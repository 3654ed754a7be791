import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

// Graph's DateTimeOffset is always UTC; a value written without a zone is read as UTC rather than refused.
const WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

function isRfc3339(value: string): boolean {
  try {
    DateTimeResolver.parseValue(value);
    return true;
  } catch {
    return false;
  }
}

function validated(value: unknown): string {
  if (typeof value === 'string' && isRfc3339(value)) return value;
  throw new GraphQLError(
    `DateTime must be an RFC 3339 date-time with a time zone, such as 2024-01-01T00:00:00Z, but got: ${JSON.stringify(value)}`,
  );
}

/**
 * `DateTime`: ISO 8601 strings both ways. Output passes Graph's string through unchanged (graphql-scalars'
 * own DateTime would re-format it through a JS Date and drop Graph's seven fractional digits); a JS Date is
 * written with toISOString. Input is validated and handed to resolvers as the client's string, which is
 * what the OData compiler writes into `$filter`.
 */
export const dateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' && WITHOUT_ZONE.test(value)) return validated(`${value}Z`);
    return validated(value);
  },
  parseValue: validated,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError(`DateTime must be a string, but got a ${ast.kind} literal`, { nodes: ast });
    }
    return validated(ast.value);
  },
});
