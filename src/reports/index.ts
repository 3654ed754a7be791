import type { Resolvers } from '../generated/resolvers-types';
import type { ReportSpec } from '../graph/odata';
import { credentialUserRegistrationDetails, registrationDetailsResolvers } from './registrationDetails';
import {
  credentialUsageSummary,
  credentialUserRegistrationCount,
  summariesResolvers,
  userRegistrationActivity,
  usersRegisteredByFeature,
  usersRegisteredByMethod,
} from './summaries';
import { credentialUserRegistrationsSummaries, tenantSummariesResolvers } from './tenantSummaries';
import { userCredentialUsageDetails, usageDetailsResolvers, userEventsSummary } from './usageDetails';
import { userResolvers } from './user';
import { userRegistrationDetails, userRegistrationDetailsResolvers } from './userRegistrationDetails';

const families: readonly Resolvers[] = [
  registrationDetailsResolvers,
  usageDetailsResolvers,
  userRegistrationDetailsResolvers,
  tenantSummariesResolvers,
  summariesResolvers,
  userResolvers,
];

/**
 * Every field resolver of the schema, gathered from the report families: each family contributes the
 * fields that read its report, and a type's fields may come from several families (a link lives with
 * the report it reads). buildGatewaySchema adds the enum and scalar resolvers.
 */
export const resolvers: Resolvers = {};
for (const family of families) {
  for (const [typeName, fields] of Object.entries(family)) {
    const merged = resolvers as Record<string, Record<string, unknown>>;
    for (const field of Object.keys(fields as object)) {
      if (merged[typeName]?.[field] !== undefined) throw new Error(`two report families resolve ${typeName}.${field}`);
    }
    merged[typeName] = { ...merged[typeName], ...(fields as Record<string, unknown>) };
  }
}

/**
 * Fields that are not connections but read a report once per parent (`Type.field`), with how they read it:
 * what the cost model counts besides connections and root fields. `first` is the first row of a filtered list
 * (a user's registration by principal name, src/operation/links.ts), `byId` a lookup by key. Listed here, beside
 * the resolver map, so a new link is declared where resolvers are gathered; a test holds this list against the
 * schema's links.
 */
export const linkFields: ReadonlyMap<string, 'first' | 'byId'> = new Map([
  ['UserCredentialUsageDetails.registration', 'first'],
  ['User.credentialRegistration', 'first'],
  ['User.authenticationRegistration', 'byId'],
] as const);

/**
 * Entity types whose `__resolveReference` reads the entity by id, one lookup per `_entities` representation. A
 * `User` is not one: its representation carries its keys (src/reports/user.ts).
 */
export const entityLookups: ReadonlySet<string> = new Set(['CredentialUserRegistrationDetails', 'UserCredentialUsageDetails', 'UserRegistrationDetails']);

/**
 * Every report the gateway reads, each under the root field of its name (the beta read of
 * `userRegistrationDetails` shares its spec's permissions): the README's permission table is checked
 * against this list.
 */
export const reportSpecs: readonly ReportSpec[] = [
  userRegistrationDetails,
  userEventsSummary,
  userRegistrationActivity,
  usersRegisteredByFeature,
  usersRegisteredByMethod,
  credentialUserRegistrationsSummaries,
  credentialUserRegistrationDetails,
  userCredentialUsageDetails,
  credentialUsageSummary,
  credentialUserRegistrationCount,
];
