import { credentialUserRegistrationDetailsEntity } from '../schema/entities/credentialUserRegistrationDetailsEntity';
import type { CollectionDef } from './CollectionDef';

export const registrationDetailsCollection: CollectionDef = {
  name: 'credentialUserRegistrationDetails',
  contextPath: 'reports/credentialUserRegistrationDetails',
  entity: credentialUserRegistrationDetailsEntity,
  rows: (data) => data.registrationDetails,
};
