import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { type DocumentNode, getNamedType, type GraphQLArgument, GraphQLError, type GraphQLInputField, GraphQLScalarType, type GraphQLSchema, isEnumType, isInputObjectType, isObjectType, Kind, parse, Source, valueFromAST } from 'graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { enumResolvers } from '../enums';
import type { Resolvers } from '../generated/resolvers-types';

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

/**
 * `SafeInt` with graphql-scalars' coercion (integers up to 2^53-1 as JSON numbers). Built anew, with name and
 * coercion only, because buildSubgraphSchema copies every own property of a scalar resolver onto the type and
 * would replace the schema's description and @specifiedBy URL with the library's.
 */
export const safeIntScalar = new GraphQLScalarType<number, number>({
  name: 'SafeInt',
  serialize: (value) => SafeIntResolver.serialize(value) as number,
  parseValue: (value) => SafeIntResolver.parseValue(value) as number,
  parseLiteral: (ast, variables) => SafeIntResolver.parseLiteral(ast, variables) as number,
});

/** The resolvers of the schema's custom scalars, for buildSubgraphSchema. */
export const scalarResolvers: { readonly DateTime: GraphQLScalarType; readonly SafeInt: GraphQLScalarType } = {
  DateTime: dateTimeScalar,
  SafeInt: safeIntScalar,
};

/** `schema/` at the repository root, from both `src/schema` (tsx) and `dist/schema` (build). */
const SCHEMA_DIR = resolve(__dirname, '..', '..', 'schema');

/** Files only code generators read (declarations of directives that @link already brings at runtime). */
const CODEGEN_ONLY = /\.codegen\.graphql$/;

function parseFile(path: string): DocumentNode {
  try {
    return parse(new Source(readFileSync(path, 'utf8'), path));
  } catch (error) {
    const where = error instanceof GraphQLError && error.locations?.[0];
    const at = where ? `:${where.line}:${where.column}` : '';
    throw new Error(`schema file must be valid GraphQL SDL, but ${path}${at} is not: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * The subgraph's SDL for buildSubgraphSchema: every runtime `schema/*.graphql`, in name order so the printed
 * `_service { sdl }` is the same on every start, parsed into one document. Each definition keeps its file
 * path as its source name, so later schema errors point at the right file too.
 */
export function loadTypeDefs(schemaDir: string = SCHEMA_DIR): DocumentNode {
  const files = readdirSync(schemaDir)
    .filter((name) => name.endsWith('.graphql') && !CODEGEN_ONLY.test(name))
    .sort();
  if (files.length === 0) {
    throw new Error(`schema directory must hold at least one .graphql file, but got none in: ${schemaDir}`);
  }
  const definitions = files.flatMap((name) => parseFile(join(schemaDir, name)).definitions);
  return { kind: Kind.DOCUMENT, definitions };
}

function recoerce(input: GraphQLArgument | GraphQLInputField): void {
  const literal = input.astNode?.defaultValue;
  if (!literal) return;
  const named = getNamedType(input.type);
  if (!isEnumType(named) && !isInputObjectType(named)) return;
  const value = valueFromAST(literal, input.type);
  if (value === undefined) {
    throw new Error(`default value of ${input.name} must be valid for ${String(input.type)}, but got: ${literal.kind}`);
  }
  // Arguments and input fields are plain objects inside graphql-js types; replacing the coerced default is safe.
  (input as { defaultValue: unknown }).defaultValue = value;
}

/**
 * Re-coerces every argument and input-field default from its SDL literal, in place, and returns the schema.
 *
 * buildSubgraphSchema coerces defaults while the enums still map each name to itself, and only afterwards
 * applies enum resolvers (internal values). Without this, `includedUserTypes: IncludedUserTypes = ALL` would
 * reach resolvers as `'ALL'` instead of Graph's `'all'`, and introspection would show no default at all.
 */
export function recoerceEnumDefaults(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) field.args.forEach(recoerce);
    } else if (isInputObjectType(type)) {
      Object.values(type.getFields()).forEach(recoerce);
    }
  }
  return schema;
}

/**
 * The executable subgraph schema: the SDL of `schema/` with the enum and scalar resolvers and the given
 * field resolvers, enum defaults re-coerced to internal values. The one way to build it, so every server
 * and test hands resolvers Graph's spellings. Field resolvers win over the built-in ones for the same type.
 */
export function buildGatewaySchema(fieldResolvers: Resolvers = {}, schemaDir?: string): GraphQLSchema {
  // The generated Resolvers type is stricter than Apollo's resolver map; the shapes agree at runtime.
  const resolvers = { ...enumResolvers(), ...scalarResolvers, ...fieldResolvers } as GraphQLResolverMap<unknown>;
  return recoerceEnumDefaults(buildSubgraphSchema({ typeDefs: loadTypeDefs(schemaDir), resolvers }));
}
