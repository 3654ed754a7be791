import type { ReportSpec } from './ReportSpec';
import { userCredentialUsageDetails } from './userCredentialUsageDetails';

/** The successor of userCredentialUsageDetails: the same shape and filters, under authenticationMethods. */
export const userEventsSummary: ReportSpec = {
  ...userCredentialUsageDetails,
  name: 'userEventsSummary',
  path: '/reports/authenticationMethods/userEventsSummary',
  addressableById: false,
};
