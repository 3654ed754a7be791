import { userCredentialUsageDetailsEntity } from '../schema/entities/userCredentialUsageDetailsEntity';
import type { CollectionDef } from './CollectionDef';

export const usageDetailsCollection: CollectionDef = {
  name: 'userCredentialUsageDetails',
  contextPath: 'reports/userCredentialUsageDetails',
  entity: userCredentialUsageDetailsEntity,
  rows: (data) => data.usageDetails,
};
