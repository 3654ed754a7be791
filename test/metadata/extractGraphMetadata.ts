/**
 * Re-sync tool for test/metadata/graph-metadata.json: reads Graph's service descriptions
 * (`schemas/v1.0-Prod.csdl` and `schemas/beta-Prod.csdl` of microsoftgraph/msgraph-metadata) and prints the
 * part this gateway serves: the types below, every enum they or the functions name, and every overload
 * of the functions. After a re-sync, test/metadata/graphMetadata.test.ts names each drift.
 *
 *   npx tsx test/metadata/extractGraphMetadata.ts <commit> <v1.0-Prod.csdl> <beta-Prod.csdl> > test/metadata/graph-metadata.json
 *
 * (README "Graph's metadata: which fields may be null" shows it with a clone of the repository.)
 */
import { readFileSync } from 'node:fs';
import { readCsdl, type CsdlFunction, type CsdlModel, type CsdlType } from './csdl';

const G = 'microsoft.graph';

/** Served on both versions: the successor of the registration report and its two summaries. */
const V1_TYPES = [
  `${G}.userRegistrationDetails`,
  `${G}.userRegistrationFeatureSummary`,
  `${G}.userRegistrationFeatureCount`,
  `${G}.userRegistrationMethodSummary`,
  `${G}.userRegistrationMethodCount`,
];
const V1_FUNCTIONS = [`${G}.usersRegisteredByFeature`, `${G}.usersRegisteredByMethod`];

export const SERVED = {
  'v1.0': { types: V1_TYPES, functions: V1_FUNCTIONS },
  beta: {
    types: [
      ...V1_TYPES,
      `${G}.credentialUserRegistrationDetails`,
      `${G}.userCredentialUsageDetails`,
      `${G}.userEventsSummary`,
      `${G}.credentialUsageSummary`,
      `${G}.credentialUserRegistrationCount`,
      `${G}.userRegistrationCount`,
      `${G}.userRegistrationActivitySummary`,
      `${G}.managedTenants.credentialUserRegistrationsSummary`,
    ],
    functions: [...V1_FUNCTIONS, `${G}.getCredentialUsageSummary`, `${G}.getCredentialUserRegistrationCount`, `${G}.userRegistrationActivity`],
  },
} as const;

export type Version = keyof typeof SERVED;

/** The served part of one version's description; the fixture holds one per version. */
export interface ServedMetadata {
  readonly enums: Readonly<Record<string, readonly string[]>>;
  readonly types: Readonly<Record<string, CsdlType>>;
  readonly functions: readonly CsdlFunction[];
}

const elementType = (type: string): string => /^Collection\((.*)\)$/.exec(type)?.[1] ?? type;

/** Cuts a whole description down to what `version` serves; a served name the description lacks throws. */
export function servedPart(model: CsdlModel, version: Version): ServedMetadata {
  const types: Record<string, CsdlType> = {};
  for (const name of SERVED[version].types) {
    const type = model.types[name];
    if (type === undefined) throw new Error(`${version} declares no type ${name}`);
    types[name] = { ...type, properties: Object.fromEntries(Object.entries(type.properties).sort(([a], [b]) => a.localeCompare(b))) };
  }
  const functions = model.functions.filter((fn) => (SERVED[version].functions as readonly string[]).includes(fn.name));
  for (const name of SERVED[version].functions) {
    if (!functions.some((fn) => fn.name === name)) throw new Error(`${version} declares no function ${name}`);
  }
  const referenced = new Set<string>([
    ...Object.values(types).flatMap((type) => Object.values(type.properties).map((p) => elementType(p.type))),
    ...functions.flatMap((fn) => [...fn.parameters.map((p) => elementType(p.type)), elementType(fn.returns.type)]),
  ]);
  const enums = Object.fromEntries(Object.entries(model.enums).filter(([name]) => referenced.has(name)).sort(([a], [b]) => a.localeCompare(b)));
  return { enums, types, functions };
}

if (require.main === module) {
  const [commit, v1Path, betaPath] = process.argv.slice(2);
  if (commit === undefined || v1Path === undefined || betaPath === undefined) {
    console.error('usage: extractGraphMetadata.ts <commit> <v1.0-Prod.csdl> <beta-Prod.csdl>');
    process.exit(2);
  }
  const fixture = {
    source: {
      repository: 'microsoftgraph/msgraph-metadata',
      commit,
      files: { 'v1.0': 'schemas/v1.0-Prod.csdl', beta: 'schemas/beta-Prod.csdl' },
    },
    'v1.0': servedPart(readCsdl(readFileSync(v1Path, 'utf8')), 'v1.0'),
    beta: servedPart(readCsdl(readFileSync(betaPath, 'utf8')), 'beta'),
  };
  // Objects and arrays of plain values on one line each, so that a re-sync's diff names the property that moved.
  const text = JSON.stringify(fixture, null, 2).replace(/[[{][^[\]{}]*[\]}]/g, (flat) => flat.replace(/\s*\n\s*/g, ' '));
  process.stdout.write(`${text}\n`);
}
