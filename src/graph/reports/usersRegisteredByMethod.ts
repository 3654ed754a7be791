import type { ReportSpec } from './ReportSpec';

/** A function returning one summary object; its parameters are `includedUserTypes` and `includedUserRoles`. */
export const usersRegisteredByMethod: ReportSpec = {
  name: 'usersRegisteredByMethod',
  version: 'v1.0',
  path: '/reports/authenticationMethods/usersRegisteredByMethod',
  filterable: {},
  orderable: [],
  addressableById: false,
};
