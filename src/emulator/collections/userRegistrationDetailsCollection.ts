import { userRegistrationDetailsEntity } from '../schema/entities/userRegistrationDetailsEntity';
import type { CollectionDef } from './CollectionDef';

export const userRegistrationDetailsCollection: CollectionDef = {
  name: 'userRegistrationDetails',
  contextPath: 'reports/authenticationMethods/userRegistrationDetails',
  entity: userRegistrationDetailsEntity,
  rows: (data) => data.userRegistrationDetails,
};
