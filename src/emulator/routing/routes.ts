import { registrationDetailsCollection } from '../collections/registrationDetailsCollection';
import { tenantSummariesCollection } from '../collections/tenantSummariesCollection';
import { usageDetailsCollection } from '../collections/usageDetailsCollection';
import { userEventsSummaryCollection } from '../collections/userEventsSummaryCollection';
import { userRegistrationDetailsCollection } from '../collections/userRegistrationDetailsCollection';
import { activityReport } from '../handlers/activityReport';
import { createEntity } from '../handlers/createEntity';
import { credentialUserRegistrationCount } from '../handlers/credentialUserRegistrationCount';
import { getEntity } from '../handlers/getEntity';
import { listCollection } from '../handlers/listCollection';
import { metadataDocument } from '../handlers/metadataDocument';
import { usersRegisteredByFeature } from '../handlers/usersRegisteredByFeature';
import { usersRegisteredByMethod } from '../handlers/usersRegisteredByMethod';
import { credentialUsageSummaryEntity } from '../schema/entities/credentialUsageSummaryEntity';
import { userRegistrationActivitySummaryEntity } from '../schema/entities/userRegistrationActivitySummaryEntity';
import type { Route } from './Route';

const BETA = ['beta'] as const;
const BOTH = ['beta', 'v1.0'] as const;
const TENANTS = ['tenantRelationships', 'managedTenants', 'credentialUserRegistrationsSummaries'];
const METHODS_ROOT = ['reports', 'authenticationMethods'];

/** Every resource the emulator serves: DESIGN.md section 1 on beta, the successors of section 2b. */
export const routes: readonly Route[] = [
  { path: ['reports', 'credentialUserRegistrationDetails'], versions: BETA, methods: { GET: listCollection(registrationDetailsCollection), POST: createEntity(registrationDetailsCollection) } },
  { path: ['reports', 'credentialUserRegistrationDetails', '{key}'], versions: BETA, methods: { GET: getEntity(registrationDetailsCollection) } },
  { path: ['reports', 'userCredentialUsageDetails'], versions: BETA, methods: { GET: listCollection(usageDetailsCollection), POST: createEntity(usageDetailsCollection) } },
  { path: ['reports', 'userCredentialUsageDetails', '{key}'], versions: BETA, methods: { GET: getEntity(usageDetailsCollection) } },
  { path: ['reports', 'getCredentialUsageSummary()'], versions: BETA, methods: { GET: activityReport(credentialUsageSummaryEntity, true) } },
  { path: ['reports', 'getCredentialUserRegistrationCount()'], versions: BETA, methods: { GET: credentialUserRegistrationCount } },
  { path: TENANTS, versions: BETA, methods: { GET: listCollection(tenantSummariesCollection), POST: createEntity(tenantSummariesCollection) } },
  { path: [...TENANTS, '{key}'], versions: BETA, methods: { GET: getEntity(tenantSummariesCollection) } },
  { path: [...METHODS_ROOT, 'userRegistrationDetails'], versions: BOTH, methods: { GET: listCollection(userRegistrationDetailsCollection) } },
  { path: [...METHODS_ROOT, 'userRegistrationDetails', '{key}'], versions: BOTH, methods: { GET: getEntity(userRegistrationDetailsCollection) } },
  { path: [...METHODS_ROOT, 'usersRegisteredByFeature()'], versions: BOTH, methods: { GET: usersRegisteredByFeature } },
  { path: [...METHODS_ROOT, 'usersRegisteredByMethod()'], versions: BOTH, methods: { GET: usersRegisteredByMethod } },
  { path: [...METHODS_ROOT, 'userEventsSummary'], versions: BETA, methods: { GET: listCollection(userEventsSummaryCollection) } },
  { path: [...METHODS_ROOT, 'userRegistrationActivity()'], versions: BETA, methods: { GET: activityReport(userRegistrationActivitySummaryEntity, false) } },
  { path: ['$metadata'], versions: BOTH, methods: { GET: metadataDocument } },
];
