import type { EntityDef } from '../EntityDef';

const name = { type: 'string', filter: ['eq', 'ne', 'startswith'], orderable: true } as const;
const flag = { type: 'boolean', filter: ['eq', 'ne'] } as const;

/** The successor of registration details: seven filterable booleans, two `any` collections, names. */
export const userRegistrationDetailsEntity: EntityDef = {
  name: 'userRegistrationDetails',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    userPrincipalName: name,
    userDisplayName: name,
    userType: { type: 'enum', enumName: 'signInUserType' },
    isAdmin: { type: 'boolean' },
    isMfaCapable: flag,
    isMfaRegistered: flag,
    isPasswordlessCapable: flag,
    isSsprCapable: flag,
    isSsprEnabled: flag,
    isSsprRegistered: flag,
    isSystemPreferredAuthenticationMethodEnabled: flag,
    lastUpdatedDateTime: { type: 'dateTime' },
    methodsRegistered: { type: 'stringCollection', filter: ['any'] },
    systemPreferredAuthenticationMethods: { type: 'stringCollection', filter: ['any'] },
    userPreferredMethodForSecondaryAuthentication: { type: 'enum', enumName: 'userDefaultAuthenticationMethod' },
    defaultMfaMethod: { type: 'enum', enumName: 'defaultMfaMethodType', betaOnly: true },
  },
};
