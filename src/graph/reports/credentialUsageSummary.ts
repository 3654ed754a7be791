import { GraphEnums } from './GraphEnums';
import type { ReportSpec } from './ReportSpec';

/** A function: the period is a parameter in the path, `getCredentialUsageSummary(period='D30')`. */
export const credentialUsageSummary: ReportSpec = {
  name: 'credentialUsageSummary',
  version: 'beta',
  path: '/reports/getCredentialUsageSummary',
  filterable: { feature: { type: 'enum', members: GraphEnums.featureType } },
  orderable: [],
  addressableById: false,
};
