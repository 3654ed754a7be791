import {
  credentialUsageSummaryEntity, credentialUserRegistrationDetailsEntity, credentialUserRegistrationsSummaryEntity, type EntityDef, graphEnums,
  type PropertyDef, userCredentialUsageDetailsEntity, userEventsSummaryEntity, userRegistrationActivitySummaryEntity, userRegistrationDetailsEntity,
} from './entities';
import { readQueryOptions } from './http';
import type { Handler } from './routes';

const PRIMITIVES: Readonly<Record<string, string>> = {
  string: 'Edm.String',
  boolean: 'Edm.Boolean',
  int32: 'Edm.Int32',
  int64: 'Edm.Int64',
  dateTime: 'Edm.DateTimeOffset',
  stringCollection: 'Collection(Edm.String)',
};

const G = 'microsoft.graph';

/** The CSDL type of a property: `Edm.*` primitives, `microsoft.graph.<enum>` for enums. */
export function edmType(def: PropertyDef): string {
  if (def.type === 'enum') return `${G}.${def.enumName ?? ''}`;
  if (def.type === 'enumCollection') return `Collection(${G}.${def.enumName ?? ''})`;
  return PRIMITIVES[def.type] ?? 'Edm.String';
}

/** A structural property or parameter as CSDL writes it: CSDL's default is nullable, so only `false` is spelled. */
interface Declared {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

/** A served type or function, before rendering; the enums a document declares are those its members name. */
type Declaration =
  | {
    readonly kind: 'EntityType' | 'ComplexType';
    readonly name: string;
    readonly openType?: boolean;
    readonly properties: readonly Declared[];
    readonly navigation?: readonly Declared[];
  }
  | { readonly kind: 'Function'; readonly name: string; readonly binding: string; readonly parameters: readonly Declared[]; readonly returns: string };

const nullability = (nullable: boolean): string => (nullable ? '' : ' Nullable="false"');
const property = (name: string, type: string, nullable = false): Declared => ({ name, type, nullable });

function renderDeclaration(declaration: Declaration): string {
  if (declaration.kind === 'Function') {
    const parameters = declaration.parameters.map((p) => `        <Parameter Name="${p.name}" Type="${p.type}"${nullability(p.nullable)}/>`);
    return [`      <Function Name="${declaration.name}" IsBound="true" IsComposable="true">`,
      `        <Parameter Name="bindingParameter" Type="${declaration.binding}"/>`, ...parameters,
      `        <ReturnType Type="${declaration.returns}" Nullable="false"/>`, '      </Function>'].join('\n');
  }
  // Every entity derives its key `id` from microsoft.graph.entity, as Graph's do.
  const attributes = `${declaration.kind === 'EntityType' ? ` BaseType="${G}.entity"` : ''}${declaration.openType ? ' OpenType="true"' : ''}`;
  return [`      <${declaration.kind} Name="${declaration.name}"${attributes}>`,
    ...declaration.properties.map((p) => `        <Property Name="${p.name}" Type="${p.type}"${nullability(p.nullable)}/>`),
    ...(declaration.navigation ?? []).map((n) => `        <NavigationProperty Name="${n.name}" Type="${n.type}" ContainsTarget="true"/>`),
    `      </${declaration.kind}>`].join('\n');
}

/** An entity the emulator serves, as `version` shows it (beta-only properties dropped on v1.0). */
function entityDeclaration(entity: EntityDef, version: 'beta' | 'v1.0'): Declaration {
  const properties = Object.entries(entity.properties)
    .filter(([name, def]) => name !== 'id' && (version === 'beta' || !def.betaOnly))
    .map(([name, def]) => property(name, edmType(def), def.nullable === true));
  return { kind: 'EntityType', name: entity.name, openType: entity.openType === true, properties };
}

/** `<EnumType>` with members valued in declaration order, as Graph's `$metadata` lists them. */
function renderEnumType(name: string, members: readonly string[]): string {
  const lines = members.map((member, value) => `        <Member Name="${member}" Value="${value}"/>`);
  return [`      <EnumType Name="${name}">`, ...lines, '      </EnumType>'].join('\n');
}

/** The Graph enums a set of declarations names, in graphEnums order: a version declares no enum it does not use. */
function enumsNamed(declarations: readonly Declaration[]): string[] {
  const types = declarations.flatMap((d) => (d.kind === 'Function' ? [...d.parameters.map((p) => p.type), d.returns] : d.properties.map((p) => p.type)));
  return Object.keys(graphEnums).filter((name) => types.some((type) => type === `${G}.${name}` || type === `Collection(${G}.${name})`));
}

const nav = (name: string, type: string): Declared => property(name, type, true);
const container = (name: string, navigation: readonly Declared[]): Declaration => ({ kind: 'EntityType', name, properties: [], navigation });
const complex = (name: string, properties: readonly Declared[]): Declaration => ({ kind: 'ComplexType', name, properties });

/**
 * The types and functions `version` serves, as Graph declares them: only `Nullable="false"` where Graph
 * says so, the report functions with exactly Graph's overloads (README "Graph's metadata: which fields
 * may be null").
 */
function declarations(version: 'beta' | 'v1.0'): Declaration[] {
  const beta = version === 'beta';
  const root = `${G}.authenticationMethodsRoot`;
  // Graph's two overloads: no parameters, or both (each nullable, i.e. optional in the URL).
  const scope = [property('includedUserTypes', `${G}.includedUserTypes`, true), property('includedUserRoles', `${G}.includedUserRoles`, true)];
  const list: Declaration[] = [
    entityDeclaration(userRegistrationDetailsEntity, version),
    complex('userRegistrationFeatureCount', [property('feature', `${G}.authenticationMethodFeature`), property('userCount', 'Edm.Int64')]),
    complex('userRegistrationMethodCount', [property('authenticationMethod', 'Edm.String'), property('userCount', 'Edm.Int64')]),
    ...['Feature', 'Method'].map((kind) => complex(`userRegistration${kind}Summary`, [
      property('totalUserCount', 'Edm.Int64'), property(`userRegistration${kind}Counts`, `Collection(${G}.userRegistration${kind}Count)`),
      property('userRoles', `${G}.includedUserRoles`, true), property('userTypes', `${G}.includedUserTypes`, true)])),
    container('authenticationMethodsRoot', [nav('userRegistrationDetails', `Collection(${G}.userRegistrationDetails)`),
      ...(beta ? [nav('userEventsSummary', `Collection(${G}.userEventsSummary)`)] : [])]),
    container('reportRoot', [nav('authenticationMethods', root), ...(beta ? [
      nav('credentialUserRegistrationDetails', `Collection(${G}.credentialUserRegistrationDetails)`),
      nav('userCredentialUsageDetails', `Collection(${G}.userCredentialUsageDetails)`)] : [])]),
    ...['Feature', 'Method'].flatMap((kind): Declaration[] => [
      { kind: 'Function', name: `usersRegisteredBy${kind}`, binding: root, parameters: [], returns: `${G}.userRegistration${kind}Summary` },
      { kind: 'Function', name: `usersRegisteredBy${kind}`, binding: root, parameters: scope, returns: `${G}.userRegistration${kind}Summary` }]),
  ];
  if (!beta) return list;
  return [
    ...list,
    ...[credentialUserRegistrationDetailsEntity, userCredentialUsageDetailsEntity, userEventsSummaryEntity, credentialUsageSummaryEntity,
      userRegistrationActivitySummaryEntity].map((entity) => entityDeclaration(entity, version)),
    complex('userRegistrationCount', [property('registrationStatus', `${G}.registrationStatusType`), property('registrationCount', 'Edm.Int64')]),
    { kind: 'EntityType', name: 'credentialUserRegistrationCount', properties: [
      property('totalUserCount', 'Edm.Int64'), property('userRegistrationCounts', `Collection(${G}.userRegistrationCount)`)] },
    container('tenantRelationship', [nav('managedTenants', `${G}.managedTenants.managedTenant`)]),
    { kind: 'Function', name: 'getCredentialUsageSummary', binding: `${G}.reportRoot`, parameters: [property('period', 'Edm.String')],
      returns: `Collection(${G}.credentialUsageSummary)` },
    { kind: 'Function', name: 'getCredentialUserRegistrationCount', binding: `${G}.reportRoot`, parameters: [],
      returns: `Collection(${G}.credentialUserRegistrationCount)` },
    { kind: 'Function', name: 'userRegistrationActivity', binding: root, parameters: [property('period', `${G}.aggregationPeriod`)],
      returns: `Collection(${G}.userRegistrationActivitySummary)` },
  ];
}

/**
 * The CSDL document of `GET /{version}/$metadata`, describing what the emulator serves the way Graph
 * does: singletons `reports` (and on beta `tenantRelationships`) with contained collections and bound
 * functions, enums in declaration order, evolvable members included.
 */
export function renderCsdl(version: 'beta' | 'v1.0'): string {
  const beta = version === 'beta';
  const graph = declarations(version);
  const managedTenants: Declaration[] = beta
    ? [entityDeclaration(credentialUserRegistrationsSummaryEntity, version),
      container('managedTenant', [nav('credentialUserRegistrationsSummaries', `Collection(${G}.managedTenants.credentialUserRegistrationsSummary)`)])]
    : [];
  const entity = ['      <EntityType Name="entity" Abstract="true">', '        <Key><PropertyRef Name="id"/></Key>',
    '        <Property Name="id" Type="Edm.String" Nullable="false"/>', '      </EntityType>'].join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '  <edmx:DataServices>',
    `    <Schema Namespace="${G}" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    ...enumsNamed([...graph, ...managedTenants]).map((name) => renderEnumType(name, graphEnums[name as keyof typeof graphEnums])),
    entity,
    ...graph.map(renderDeclaration),
    '      <EntityContainer Name="GraphService">',
    `        <Singleton Name="reports" Type="${G}.reportRoot"/>`,
    ...(beta ? [`        <Singleton Name="tenantRelationships" Type="${G}.tenantRelationship"/>`] : []),
    '      </EntityContainer>',
    '    </Schema>',
    ...(beta ? ['    <Schema Namespace="microsoft.graph.managedTenants" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
      ...managedTenants.map(renderDeclaration), '    </Schema>'] : []),
    '  </edmx:DataServices>',
    '</edmx:Edmx>',
    '',
  ].join('\n');
}

/** Process-wide and bounded: at most one document per version. */
const documents = new Map<string, string>();

/** `GET /{version}/$metadata`: the CSDL XML, rendered once per version. */
export const metadataDocument: Handler = (context) => {
  readQueryOptions(context.unit, []);
  let text = documents.get(context.version);
  if (text === undefined) {
    text = renderCsdl(context.version);
    documents.set(context.version, text);
  }
  return { status: 200, headers: { 'content-type': 'application/xml' }, text };
};
