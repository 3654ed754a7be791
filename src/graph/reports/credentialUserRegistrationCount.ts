import type { ReportSpec } from './ReportSpec';

export const credentialUserRegistrationCount: ReportSpec = {
  name: 'credentialUserRegistrationCount',
  version: 'beta',
  path: '/reports/getCredentialUserRegistrationCount',
  filterable: {},
  orderable: [],
  addressableById: false,
};
