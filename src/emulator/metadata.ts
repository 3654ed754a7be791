import { credentialUsageSummaryEntity, credentialUserRegistrationDetailsEntity, credentialUserRegistrationsSummaryEntity, type EntityDef, graphEnums, type PropertyDef, userCredentialUsageDetailsEntity, userEventsSummaryEntity, userRegistrationActivitySummaryEntity, userRegistrationDetailsEntity } from './entities';
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

/** The CSDL type of a property: `Edm.*` primitives, `microsoft.graph.<enum>` for enums. */
export function edmType(def: PropertyDef): string {
  if (def.type === 'enum') return `microsoft.graph.${def.enumName ?? ''}`;
  if (def.type === 'enumCollection') return `Collection(microsoft.graph.${def.enumName ?? ''})`;
  return PRIMITIVES[def.type] ?? 'Edm.String';
}

/** `<EnumType>` with members valued in declaration order, as Graph's `$metadata` lists them. */
export function renderEnumType(name: string, members: readonly string[]): string {
  const lines = members.map((member, value) => `        <Member Name="${member}" Value="${value}"/>`);
  return [`      <EnumType Name="${name}">`, ...lines, '      </EnumType>'].join('\n');
}

/** `<ComplexType>` from `[name, type]` pairs; complex values have no key, so no id. */
export function renderComplexType(name: string, properties: readonly (readonly [string, string])[]): string {
  const lines = properties.map(([property, type]) => `        <Property Name="${property}" Type="${type}"/>`);
  return [`      <ComplexType Name="${name}">`, ...lines, '      </ComplexType>'].join('\n');
}

/** `<EntityType>` of an entity served on `version`, deriving from `microsoft.graph.entity` for its id. */
export function renderEntityType(entity: EntityDef, version: 'beta' | 'v1.0'): string {
  const properties = Object.entries(entity.properties)
    .filter(([name, def]) => name !== 'id' && (version === 'beta' || !def.betaOnly))
    .map(([name, def]) => {
      const nullable = def.nullable || def.type === 'string' || def.type === 'dateTime' ? '' : ' Nullable="false"';
      return `        <Property Name="${name}" Type="${edmType(def)}"${nullable}/>`;
    });
  return [`      <EntityType Name="${entity.name}" BaseType="microsoft.graph.entity">`, ...properties, '      </EntityType>'].join('\n');
}

const G = 'microsoft.graph';
const nav = (name: string, type: string): string => `        <NavigationProperty Name="${name}" Type="${type}" ContainsTarget="true"/>`;
const fn = (name: string, binding: string, params: readonly string[], returns: string): string =>
  [`      <Function Name="${name}" IsBound="true">`, `        <Parameter Name="bindingParameter" Type="${binding}"/>`,
    ...params.map((param) => `        <Parameter Name="${param.split(':')[0] ?? ''}" Type="${param.split(':')[1] ?? ''}" Nullable="false"/>`),
    `        <ReturnType Type="${returns}"/>`, '      </Function>'].join('\n');
const entityType = (name: string, body: readonly string[], base = true): string =>
  [`      <EntityType Name="${name}"${base ? ` BaseType="${G}.entity"` : ''}>`, ...body, '      </EntityType>'].join('\n');

/**
 * The CSDL document of `GET /{version}/$metadata`, describing what the emulator serves the way Graph
 * does: singletons `reports` (and on beta `tenantRelationships`) with contained collections and bound
 * functions, enums in declaration order, evolvable members included.
 */
export function renderCsdl(version: 'beta' | 'v1.0'): string {
  const beta = version === 'beta';
  const scope = ['includedUserTypes:' + G + '.includedUserTypes', 'includedUserRoles:' + G + '.includedUserRoles'];
  const graph = [
    ...Object.entries(graphEnums).map(([name, members]) => renderEnumType(name, members)),
    renderEnumType('aggregationPeriod', ['d1', 'd7', 'd30', 'unknownFutureValue']),
    entityType('entity', ['        <Key><PropertyRef Name="id"/></Key>', '        <Property Name="id" Type="Edm.String" Nullable="false"/>'], false),
    renderEntityType(userRegistrationDetailsEntity, version),
    renderComplexType('userRegistrationFeatureCount', [['feature', `${G}.authenticationMethodFeature`], ['userCount', 'Edm.Int64']]),
    renderComplexType('userRegistrationMethodCount', [['authenticationMethod', 'Edm.String'], ['userCount', 'Edm.Int64']]),
    ...['Feature', 'Method'].map((kind) => renderComplexType(`userRegistration${kind}Summary`, [
      ['totalUserCount', 'Edm.Int64'], [`userRegistration${kind}Counts`, `Collection(${G}.userRegistration${kind}Count)`],
      ['userRoles', `${G}.includedUserRoles`], ['userTypes', `${G}.includedUserTypes`]])),
    entityType('authenticationMethodsRoot', [nav('userRegistrationDetails', `Collection(${G}.userRegistrationDetails)`),
      ...(beta ? [nav('userEventsSummary', `Collection(${G}.userEventsSummary)`)] : [])]),
    entityType('reportRoot', [nav('authenticationMethods', `${G}.authenticationMethodsRoot`), ...(beta ? [
      nav('credentialUserRegistrationDetails', `Collection(${G}.credentialUserRegistrationDetails)`),
      nav('userCredentialUsageDetails', `Collection(${G}.userCredentialUsageDetails)`)] : [])]),
    ...['Feature', 'Method'].flatMap((kind) => [
      fn(`usersRegisteredBy${kind}`, `${G}.authenticationMethodsRoot`, [], `${G}.userRegistration${kind}Summary`),
      fn(`usersRegisteredBy${kind}`, `${G}.authenticationMethodsRoot`, scope, `${G}.userRegistration${kind}Summary`)]),
  ];
  if (beta) {
    graph.push(
      renderEntityType(credentialUserRegistrationDetailsEntity, version),
      renderEntityType(userCredentialUsageDetailsEntity, version),
      renderEntityType(userEventsSummaryEntity, version),
      renderEntityType(credentialUsageSummaryEntity, version),
      renderEntityType(userRegistrationActivitySummaryEntity, version),
      renderComplexType('userRegistrationCount', [['registrationStatus', `${G}.registrationStatusType`], ['registrationCount', 'Edm.Int64']]),
      entityType('credentialUserRegistrationCount', ['        <Property Name="totalUserCount" Type="Edm.Int64" Nullable="false"/>',
        `        <Property Name="userRegistrationCounts" Type="Collection(${G}.userRegistrationCount)"/>`]),
      entityType('tenantRelationship', [nav('managedTenants', `${G}.managedTenants.managedTenant`)]),
      fn('getCredentialUsageSummary', `${G}.reportRoot`, ['period:Edm.String'], `Collection(${G}.credentialUsageSummary)`),
      fn('getCredentialUserRegistrationCount', `${G}.reportRoot`, [], `Collection(${G}.credentialUserRegistrationCount)`),
      fn('userRegistrationActivity', `${G}.authenticationMethodsRoot`, [`period:${G}.aggregationPeriod`], `Collection(${G}.userRegistrationActivitySummary)`),
    );
  }
  const container = [
    '      <EntityContainer Name="GraphService">',
    `        <Singleton Name="reports" Type="${G}.reportRoot"/>`,
    ...(beta ? [`        <Singleton Name="tenantRelationships" Type="${G}.tenantRelationship"/>`] : []),
    '      </EntityContainer>',
  ];
  const managedTenants = beta
    ? ['    <Schema Namespace="microsoft.graph.managedTenants" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
      renderEntityType(credentialUserRegistrationsSummaryEntity, version),
      entityType('managedTenant', [nav('credentialUserRegistrationsSummaries', 'Collection(microsoft.graph.managedTenants.credentialUserRegistrationsSummary)')]),
      '    </Schema>']
    : [];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '  <edmx:DataServices>',
    `    <Schema Namespace="${G}" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    ...graph, ...container,
    '    </Schema>',
    ...managedTenants,
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
