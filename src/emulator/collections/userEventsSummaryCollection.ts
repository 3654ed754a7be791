import { userEventsSummaryEntity } from '../schema/entities/userEventsSummaryEntity';
import type { CollectionDef } from './CollectionDef';

export const userEventsSummaryCollection: CollectionDef = {
  name: 'userEventsSummary',
  contextPath: 'reports/authenticationMethods/userEventsSummary',
  entity: userEventsSummaryEntity,
  rows: (data) => data.userEventsSummary,
};
