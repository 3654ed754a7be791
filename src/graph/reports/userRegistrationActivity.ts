import { GraphEnums } from './GraphEnums';
import type { ReportSpec } from './ReportSpec';

/** The successor of getCredentialUsageSummary: a function of `period` (`d1`, `d7`, `d30`). */
export const userRegistrationActivity: ReportSpec = {
  name: 'userRegistrationActivity',
  version: 'beta',
  path: '/reports/authenticationMethods/userRegistrationActivity',
  filterable: {
    feature: { type: 'enum', members: GraphEnums.featureType },
    authMethod: { type: 'enum', members: GraphEnums.usageAuthMethod },
  },
  orderable: [],
  addressableById: false,
};
