import { XMLParser } from 'fast-xml-parser';

/** One structural property as CSDL declares it; `nullable` is CSDL's default (true) unless `Nullable="false"`. */
export interface CsdlProperty {
  readonly type: string;
  readonly nullable: boolean;
}

/** An entity or complex type with its own and inherited properties (`id` from `microsoft.graph.entity`). */
export interface CsdlType {
  readonly kind: 'EntityType' | 'ComplexType';
  readonly openType: boolean;
  readonly properties: Readonly<Record<string, CsdlProperty>>;
}

/** One overload of a bound function: the binding type, the other parameters in order, the return type. */
export interface CsdlFunction {
  readonly name: string;
  readonly binding: string;
  readonly parameters: readonly (CsdlProperty & { readonly name: string })[];
  readonly returns: CsdlProperty;
}

/** What a CSDL document says about types, enums and functions, every name namespace-qualified. */
export interface CsdlModel {
  readonly enums: Readonly<Record<string, readonly string[]>>;
  readonly types: Readonly<Record<string, CsdlType>>;
  readonly functions: readonly CsdlFunction[];
}

type Element = Record<string, unknown>;

const REPEATED = new Set(['Schema', 'EnumType', 'Member', 'EntityType', 'ComplexType', 'Property', 'Function', 'Parameter']);

function list(element: Element, name: string): Element[] {
  return (element[name] as Element[] | undefined) ?? [];
}

function text(element: Element, name: string): string | undefined {
  const value = element[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads a CSDL document (Graph's `schemas/*.csdl` or a `$metadata` answer). Aliases are resolved, so
 * `graph.userDefaultAuthenticationMethod` and `microsoft.graph.userDefaultAuthenticationMethod` compare
 * equal; enum members keep their declared order; base types are flattened into their derived types.
 */
export function readCsdl(xml: string): CsdlModel {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseAttributeValue: false,
    isArray: (name) => REPEATED.has(name),
  });
  const document = parser.parse(xml) as Element;
  const schemas = list((document['Edmx'] as Element)['DataServices'] as Element, 'Schema');
  const aliases = new Map<string, string>();
  for (const schema of schemas) {
    const alias = text(schema, 'Alias');
    if (alias !== undefined) aliases.set(alias, text(schema, 'Namespace') ?? '');
  }
  const qualify = (type: string): string => {
    const collection = /^Collection\((.*)\)$/.exec(type);
    if (collection) return `Collection(${qualify(collection[1] ?? '')})`;
    const dot = type.indexOf('.');
    const namespace = aliases.get(type.slice(0, dot));
    return namespace === undefined ? type : `${namespace}${type.slice(dot)}`;
  };
  const property = (element: Element): CsdlProperty => ({
    type: qualify(text(element, 'Type') ?? ''),
    nullable: text(element, 'Nullable') !== 'false',
  });

  const enums: Record<string, string[]> = {};
  const declared = new Map<string, { kind: CsdlType['kind']; base?: string; openType: boolean; own: Record<string, CsdlProperty> }>();
  const functions: CsdlFunction[] = [];
  for (const schema of schemas) {
    const namespace = text(schema, 'Namespace') ?? '';
    for (const enumType of list(schema, 'EnumType')) {
      enums[`${namespace}.${text(enumType, 'Name') ?? ''}`] = list(enumType, 'Member').map((member) => text(member, 'Name') ?? '');
    }
    for (const kind of ['EntityType', 'ComplexType'] as const) {
      for (const type of list(schema, kind)) {
        const own: Record<string, CsdlProperty> = {};
        for (const element of list(type, 'Property')) own[text(element, 'Name') ?? ''] = property(element);
        const base = text(type, 'BaseType');
        declared.set(`${namespace}.${text(type, 'Name') ?? ''}`, {
          kind,
          ...(base === undefined ? {} : { base: qualify(base) }),
          openType: text(type, 'OpenType') === 'true',
          own,
        });
      }
    }
    for (const fn of list(schema, 'Function')) {
      const [binding, ...parameters] = list(fn, 'Parameter');
      functions.push({
        name: `${namespace}.${text(fn, 'Name') ?? ''}`,
        binding: binding === undefined ? '' : qualify(text(binding, 'Type') ?? ''),
        parameters: parameters.map((parameter) => ({ name: text(parameter, 'Name') ?? '', ...property(parameter) })),
        returns: property((fn['ReturnType'] as Element | undefined) ?? {}),
      });
    }
  }

  const flatten = (name: string): Record<string, CsdlProperty> => {
    const type = declared.get(name);
    if (type === undefined) return {};
    return { ...(type.base === undefined ? {} : flatten(type.base)), ...type.own };
  };
  const types: Record<string, CsdlType> = {};
  for (const [name, type] of declared) {
    types[name] = { kind: type.kind, openType: type.openType, properties: flatten(name) };
  }
  return { enums, types, functions };
}
