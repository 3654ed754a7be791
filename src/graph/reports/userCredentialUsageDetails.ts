import { GraphEnums } from './GraphEnums';
import type { ReportSpec } from './ReportSpec';

const names = { type: 'string', operators: ['eq', 'startsWith'] } as const;

export const userCredentialUsageDetails: ReportSpec = {
  name: 'userCredentialUsageDetails',
  version: 'beta',
  path: '/reports/userCredentialUsageDetails',
  filterable: {
    userDisplayName: names,
    userPrincipalName: names,
    failureReason: names,
    feature: { type: 'enum', members: GraphEnums.featureType },
    isSuccess: { type: 'boolean' },
    authMethod: { type: 'enum', members: GraphEnums.usageAuthMethod },
    eventDateTime: { type: 'dateTime', operators: ['gt', 'ge', 'lt', 'le'] },
  },
  orderable: ['userDisplayName', 'userPrincipalName', 'eventDateTime', 'feature', 'isSuccess', 'authMethod'],
  addressableById: true,
};
