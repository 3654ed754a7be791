import { GraphEnums } from './GraphEnums';
import type { ReportSpec } from './ReportSpec';

const names = { type: 'string', operators: ['eq', 'startsWith'] } as const;

export const credentialUserRegistrationDetails: ReportSpec = {
  name: 'credentialUserRegistrationDetails',
  version: 'beta',
  path: '/reports/credentialUserRegistrationDetails',
  filterable: {
    userDisplayName: names,
    userPrincipalName: names,
    authMethods: { type: 'enumCollection', members: GraphEnums.registrationAuthMethod },
    isRegistered: { type: 'boolean' },
    isEnabled: { type: 'boolean' },
    isCapable: { type: 'boolean' },
    isMfaRegistered: { type: 'boolean' },
  },
  orderable: ['userDisplayName', 'userPrincipalName', 'isRegistered', 'isEnabled', 'isCapable', 'isMfaRegistered'],
  addressableById: true,
};
