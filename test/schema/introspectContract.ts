import { graphqlSync, type ExecutionResult } from 'graphql';
import { buildGatewaySchema } from '../../src/apollo/schema';

interface TypeRef { kind: string; name: string | null; ofType: TypeRef | null }
interface InputValue { name: string; description: string | null; type: TypeRef; defaultValue: string | null }
interface Field {
  name: string; description: string | null; args: InputValue[]; type: TypeRef;
  isDeprecated: boolean; deprecationReason: string | null;
}
interface FullType {
  kind: string; name: string; description: string | null; fields: Field[] | null; inputFields: InputValue[] | null;
  enumValues: { name: string; description: string | null }[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INPUT_VALUE = `name description defaultValue type { ${TYPE_REF} }`;
const INTROSPECTION = `{ __schema { types {
  kind name description
  fields(includeDeprecated: true) { name description isDeprecated deprecationReason args { ${INPUT_VALUE} } type { ${TYPE_REF} } }
  inputFields { ${INPUT_VALUE} }
  enumValues(includeDeprecated: true) { name description }
} } }`;

function print(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL') return `${print(ref.ofType as TypeRef)}!`;
  if (ref.kind === 'LIST') return `[${print(ref.ofType as TypeRef)}]`;
  return ref.name as string;
}

function withDefault(text: string, defaultValue: string | null): string {
  return defaultValue === null ? text : `${text} = ${defaultValue}`;
}

/**
 * The contract schema (SDL plus enum and scalar resolvers, no field resolvers) as a client sees it through
 * introspection, with helpers that render fields as `name(arg: Type = default): Type` so one assertion
 * checks names, types, nullability and defaults.
 */
export function introspectContract() {
  const result: ExecutionResult = graphqlSync({ schema: buildGatewaySchema(), source: INTROSPECTION });
  const all = (result.data as { __schema: { types: FullType[] } } | null | undefined)?.__schema.types ?? [];
  const types = new Map(all.map((t) => [t.name, t]));
  const type = (name: string): FullType => {
    const found = types.get(name);
    if (!found) throw new Error(`the schema must define ${name}, but it does not`);
    return found;
  };
  const signatures = (name: string): string[] =>
    (type(name).fields ?? []).map((f) => {
      const args = f.args.map((a) => withDefault(`${a.name}: ${print(a.type)}`, a.defaultValue));
      return `${f.name}${args.length ? `(${args.join(', ')})` : ''}: ${print(f.type)}`;
    });
  const inputFields = (name: string): string[] =>
    (type(name).inputFields ?? []).map((f) => withDefault(`${f.name}: ${print(f.type)}`, f.defaultValue));
  return { result, types, type, signatures, inputFields };
}
