import type { EntityDef } from '../EntityDef';

/** The rows of `getCredentialUsageSummary(period)`: one per feature and method, `$filter` on feature. */
export const credentialUsageSummaryEntity: EntityDef = {
  name: 'credentialUsageSummary',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    feature: { type: 'enum', enumName: 'featureType', filter: ['eq'] },
    successfulActivityCount: { type: 'int64' },
    failureActivityCount: { type: 'int64' },
    authMethod: { type: 'enum', enumName: 'usageAuthMethod' },
  },
};
