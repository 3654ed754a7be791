import type { ReportSpec } from './ReportSpec';

const names = { type: 'string', operators: ['eq', 'startsWith'] } as const;
const flag = { type: 'boolean' } as const;

/** The successor of credentialUserRegistrationDetails (v1.0); the id is the Entra user object id. */
export const userRegistrationDetails: ReportSpec = {
  name: 'userRegistrationDetails',
  version: 'v1.0',
  path: '/reports/authenticationMethods/userRegistrationDetails',
  filterable: {
    userPrincipalName: names,
    userDisplayName: names,
    isMfaCapable: flag,
    isMfaRegistered: flag,
    isPasswordlessCapable: flag,
    isSsprCapable: flag,
    isSsprEnabled: flag,
    isSsprRegistered: flag,
    isSystemPreferredAuthenticationMethodEnabled: flag,
    methodsRegistered: { type: 'stringCollection' },
    systemPreferredAuthenticationMethods: { type: 'stringCollection' },
  },
  orderable: ['userPrincipalName', 'userDisplayName'],
  addressableById: true,
};
