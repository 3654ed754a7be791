import type { EntityDef } from '../EntityDef';

const name = { type: 'string', filter: ['eq', 'ne', 'startswith'], orderable: true } as const;
const flag = { type: 'boolean', filter: ['eq', 'ne'], orderable: true } as const;

/** Legacy registration details: filter and order support as the beta list page documents it. */
export const credentialUserRegistrationDetailsEntity: EntityDef = {
  name: 'credentialUserRegistrationDetails',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    userPrincipalName: name,
    userDisplayName: name,
    authMethods: { type: 'enumCollection', enumName: 'registrationAuthMethod', filter: ['any'] },
    isRegistered: flag,
    isEnabled: flag,
    isCapable: flag,
    isMfaRegistered: flag,
  },
  required: ['userPrincipalName', 'userDisplayName', 'authMethods', 'isRegistered', 'isEnabled', 'isCapable', 'isMfaRegistered'],
};
