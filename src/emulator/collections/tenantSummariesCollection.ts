import { credentialUserRegistrationsSummaryEntity } from '../schema/entities/credentialUserRegistrationsSummaryEntity';
import type { CollectionDef } from './CollectionDef';

export const tenantSummariesCollection: CollectionDef = {
  name: 'credentialUserRegistrationsSummaries',
  contextPath: 'tenantRelationships/managedTenants/credentialUserRegistrationsSummaries',
  entity: credentialUserRegistrationsSummaryEntity,
  rows: (data) => data.tenantSummaries,
  fullOData: true,
};
