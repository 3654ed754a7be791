import type { ReportSpec } from './ReportSpec';
import { userRegistrationDetails } from './userRegistrationDetails';

/**
 * The same report from beta, which adds `defaultMfaMethod`: read only when that field is selected.
 * Its own name keeps its cursors apart, since a beta skiptoken need not work on v1.0.
 */
export const userRegistrationDetailsBeta: ReportSpec = {
  ...userRegistrationDetails,
  name: 'userRegistrationDetailsBeta',
  version: 'beta',
};
