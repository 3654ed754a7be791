import type { EntityDef } from '../EntityDef';
import { userCredentialUsageDetailsEntity } from './userCredentialUsageDetailsEntity';

/** The successor of usage events: the same shape and query support under a new type name. */
export const userEventsSummaryEntity: EntityDef = {
  name: 'userEventsSummary',
  namespace: 'microsoft.graph',
  properties: userCredentialUsageDetailsEntity.properties,
};
