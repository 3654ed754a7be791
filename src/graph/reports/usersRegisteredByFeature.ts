import type { ReportSpec } from './ReportSpec';

/** A function returning one summary object; its parameters are `includedUserTypes` and `includedUserRoles`. */
export const usersRegisteredByFeature: ReportSpec = {
  name: 'usersRegisteredByFeature',
  version: 'v1.0',
  path: '/reports/authenticationMethods/usersRegisteredByFeature',
  filterable: {},
  orderable: [],
  addressableById: false,
};
