import {
  getNamedType,
  GraphQLBoolean,
  GraphQLNonNull,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { buildGatewaySchema } from '../../src/apollo/schema';
import { startEmulator, type Emulator } from '../../src/emulator/emulator';
import { GraphEnums, toGraphQLEnumName } from '../../src/enums';
import { readCsdl, type CsdlProperty } from './csdl';
import type { ServedMetadata, Version } from './extractGraphMetadata';
import fixture from './graph-metadata.json';

/**
 * Graph's own service description is the judge (README "Graph's metadata: which fields may be null"):
 * the checked-in extract of msgraph-metadata holds the GraphQL schema and the emulator's `$metadata` to it.
 * Every check collects drifts as sentences naming version, type and property, so a re-sync of the extract
 * shows each one.
 */
const extract = fixture as unknown as Record<Version, ServedMetadata>;
const VERSIONS: readonly Version[] = ['v1.0', 'beta'];

/** The GraphQL name of a Graph type or enum: its short name with a capital first letter. */
function graphQLName(qualified: string): string {
  const short = qualified.slice(qualified.lastIndexOf('.') + 1);
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/** Where the schema exposes a property under another name (DESIGN: the seed's names for tenant summaries). */
const RENAMED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'microsoft.graph.managedTenants.credentialUserRegistrationsSummary': { tenantId: 'organizationId', tenantDisplayName: 'organizationDisplayName' },
};

const SCALARS: Readonly<Record<string, readonly string[]>> = {
  'Edm.String': ['String', 'ID'],
  'Edm.Boolean': ['Boolean'],
  'Edm.Int32': ['Int'],
  'Edm.Int64': ['SafeInt'],
  'Edm.DateTimeOffset': ['DateTime'],
};

function showGraph(property: CsdlProperty): string {
  return `${property.type}${property.nullable ? '' : ' Nullable="false"'}`;
}

/** What one Graph property demands of the GraphQL field that carries it; each broken demand is a sentence. */
function fieldDrifts(where: string, property: CsdlProperty, type: GraphQLOutputType): string[] {
  const drifts: string[] = [];
  const collection = /^Collection\((.*)\)$/.exec(property.type);
  const elementType = collection?.[1] ?? property.type;
  const outer = isNonNullType(type) ? type.ofType : type;
  if (property.nullable && isNonNullType(type)) {
    drifts.push(`${where}: Graph declares it nullable (${showGraph(property)}), the schema says ${type.toString()}`);
  }
  if (isListType(outer) !== (collection !== null)) {
    drifts.push(`${where}: Graph declares ${property.type}, the schema says ${type.toString()}`);
  }
  const expected = SCALARS[elementType] ?? [graphQLName(elementType)];
  if (!expected.includes(getNamedType(type).name)) {
    drifts.push(`${where}: Graph declares ${property.type}, the schema says ${type.toString()} (expected ${expected.join(' or ')})`);
  }
  return drifts;
}

function schemaDrifts(schema: GraphQLSchema, version: Version): string[] {
  const drifts: string[] = [];
  for (const [qualified, type] of Object.entries(extract[version].types)) {
    const name = graphQLName(qualified);
    const object = schema.getType(name);
    if (!isObjectType(object)) {
      drifts.push(`${version} ${qualified}: the schema has no object type ${name}`);
      continue;
    }
    const fields = object.getFields();
    for (const [property, declared] of Object.entries(type.properties)) {
      const fieldName = RENAMED[qualified]?.[property] ?? property;
      const field = fields[fieldName];
      const where = `${version} ${name}.${fieldName}`;
      if (field === undefined) drifts.push(`${where}: Graph declares ${showGraph(declared)}, the schema lacks the field`);
      else drifts.push(...fieldDrifts(where, declared, field.type));
    }
  }
  return drifts;
}

/**
 * The enums a version uses only as function parameters (`aggregationPeriod`): GraphQL inputs, so without the
 * `unknownFutureValue` sentinel that no client can mean.
 */
function inputOnly(version: Version, qualified: string): boolean {
  const mentions = (type: string): boolean => type === qualified || type === `Collection(${qualified})`;
  const inTypes = Object.values(extract[version].types).some((type) => Object.values(type.properties).some((p) => mentions(p.type)));
  return !inTypes && extract[version].functions.some((fn) => fn.parameters.some((p) => mentions(p.type)));
}

function enumDrifts(schema: GraphQLSchema, version: Version): string[] {
  const drifts: string[] = [];
  for (const [qualified, declared] of Object.entries(extract[version].enums)) {
    const name = graphQLName(qualified);
    const type = schema.getType(name);
    const members = inputOnly(version, qualified) ? declared.filter((m) => m !== 'unknownFutureValue') : declared;
    const expected = members.map(toGraphQLEnumName);
    if (!isEnumType(type)) drifts.push(`${version} ${qualified}: the schema has no enum ${name}`);
    else if (type.getValues().map((v) => v.name).join(' ') !== expected.join(' ')) {
      drifts.push(`${version} enum ${name}: Graph's members in order are ${expected.join(', ')}, the schema has ${type.getValues().map((v) => v.name).join(', ')}`);
    }
    const short = qualified.slice(qualified.lastIndexOf('.') + 1);
    const internal: readonly string[] | undefined = (GraphEnums as Record<string, readonly string[]>)[short];
    if (internal !== undefined && internal.join(' ') !== declared.join(' ')) {
      drifts.push(`${version} enum ${short}: Graph's members are ${declared.join(', ')}, src/enums.ts has ${internal.join(', ')}`);
    }
  }
  return drifts;
}

const show = (property: CsdlProperty | undefined): string => (property === undefined ? 'nothing' : showGraph(property));

/** The emulator's `$metadata` against the extract: same types, properties, nullability, enums and overloads. */
function metadataDrifts(xml: string, version: Version): string[] {
  const served = readCsdl(xml);
  const expected = extract[version];
  const where = `${version} $metadata`;
  const drifts: string[] = [];
  for (const [name, type] of Object.entries(expected.types)) {
    const actual = served.types[name];
    if (actual === undefined) {
      drifts.push(`${where}: Graph declares ${name}, the emulator does not`);
      continue;
    }
    if (actual.kind !== type.kind) drifts.push(`${where} ${name}: Graph declares an ${type.kind}, the emulator an ${actual.kind}`);
    if (actual.openType !== type.openType) drifts.push(`${where} ${name}: Graph says OpenType=${type.openType}, the emulator OpenType=${actual.openType}`);
    for (const property of new Set([...Object.keys(type.properties), ...Object.keys(actual.properties)])) {
      const want = type.properties[property];
      const got = actual.properties[property];
      if (want?.type !== got?.type || want?.nullable !== got?.nullable) {
        drifts.push(`${where} ${name}.${property}: Graph declares ${show(want)}, the emulator ${show(got)}`);
      }
    }
  }
  // The emulator may declare containers (reportRoot, managedTenant…), but no data type Graph lacks.
  for (const [name, type] of Object.entries(served.types)) {
    if (expected.types[name] === undefined && Object.keys(type.properties).some((p) => p !== 'id')) {
      drifts.push(`${where}: the emulator declares ${name} with properties, Graph's ${version} extract does not`);
    }
  }
  for (const name of new Set([...Object.keys(expected.enums), ...Object.keys(served.enums)])) {
    const want = expected.enums[name]?.join(', ') ?? 'nothing';
    const got = served.enums[name]?.join(', ') ?? 'nothing';
    if (want !== got) drifts.push(`${where} enum ${name}: Graph declares ${want}, the emulator ${got}`);
  }
  const overload = (fn: ServedMetadata['functions'][number]): string =>
    `${fn.name}(${[fn.binding, ...fn.parameters.map((p) => `${p.name}: ${show(p)}`)].join(', ')}): ${show(fn.returns)}`;
  const wanted = new Set(expected.functions.map(overload));
  const got = new Set(served.functions.map(overload));
  for (const fn of wanted) if (!got.has(fn)) drifts.push(`${where}: Graph declares the overload ${fn}, the emulator does not`);
  for (const fn of got) if (!wanted.has(fn)) drifts.push(`${where}: the emulator declares the overload ${fn}, Graph does not`);
  return drifts;
}

describe("Graph's metadata as the judge", () => {
  const schema = buildGatewaySchema();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ users: 1 });
  });
  afterAll(() => emulator.stop());

  it('the extract names its source and holds both versions', () => {
    expect(fixture.source).toMatchObject({ repository: 'microsoftgraph/msgraph-metadata', commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    for (const version of VERSIONS) {
      expect(Object.keys(extract[version].types).length).toBeGreaterThan(4);
      expect(extract[version].functions.length).toBeGreaterThan(3);
    }
  });

  it.each(VERSIONS)('every %s property is a field of the schema, nullable wherever Graph allows null', (version) => {
    expect(schemaDrifts(schema, version)).toEqual([]);
  });

  it.each(VERSIONS)('every %s enum is a schema enum with exactly Graph\'s members, in order', (version) => {
    expect(enumDrifts(schema, version)).toEqual([]);
  });

  it.each(VERSIONS)("the emulator's %s $metadata declares what Graph declares", async (version) => {
    const reply = await fetch(`${emulator.url}/${version}/$metadata`);
    expect(reply.status).toBe(200);
    expect(metadataDrifts(await reply.text(), version)).toEqual([]);
  });

  it('a drift is named: one nullability turned back fails with the property', async () => {
    // Guards the checks above against passing because they compare nothing.
    expect(fieldDrifts('v1.0 UserRegistrationDetails.isAdmin', { type: 'Edm.Boolean', nullable: true }, new GraphQLNonNull(GraphQLBoolean)))
      .toEqual(['v1.0 UserRegistrationDetails.isAdmin: Graph declares it nullable (Edm.Boolean), the schema says Boolean!']);
    const xml = await (await fetch(`${emulator.url}/v1.0/$metadata`)).text();
    const strict = xml.replace(/(<Property Name="isAdmin" Type="Edm.Boolean")/, '$1 Nullable="false"');
    expect(strict).not.toBe(xml);
    expect(metadataDrifts(strict, 'v1.0')).toEqual([
      'v1.0 $metadata microsoft.graph.userRegistrationDetails.isAdmin: Graph declares Edm.Boolean, the emulator Edm.Boolean Nullable="false"',
    ]);
  });
});
