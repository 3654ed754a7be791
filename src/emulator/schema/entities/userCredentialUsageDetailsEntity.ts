import type { EntityDef } from '../EntityDef';

const name = { type: 'string', filter: ['eq', 'ne', 'startswith'], orderable: true } as const;

/** Legacy usage events: `eq` on feature, success and method; names with `startswith`; dates compared. */
export const userCredentialUsageDetailsEntity: EntityDef = {
  name: 'userCredentialUsageDetails',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    feature: { type: 'enum', enumName: 'featureType', filter: ['eq', 'ne'], orderable: true },
    userPrincipalName: name,
    userDisplayName: name,
    isSuccess: { type: 'boolean', filter: ['eq', 'ne'], orderable: true },
    authMethod: { type: 'enum', enumName: 'usageAuthMethod', filter: ['eq', 'ne'], orderable: true },
    failureReason: { ...name, nullable: true },
    eventDateTime: { type: 'dateTime', filter: ['gt', 'ge', 'lt', 'le'], orderable: true },
  },
  required: ['userPrincipalName', 'feature', 'isSuccess', 'authMethod', 'eventDateTime'],
};
