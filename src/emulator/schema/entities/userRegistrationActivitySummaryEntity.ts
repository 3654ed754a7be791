import type { EntityDef } from '../EntityDef';

/** The rows of `userRegistrationActivity(period)`: `$filter` on feature and method. */
export const userRegistrationActivitySummaryEntity: EntityDef = {
  name: 'userRegistrationActivitySummary',
  namespace: 'microsoft.graph',
  properties: {
    id: { type: 'string' },
    feature: { type: 'enum', enumName: 'featureType', filter: ['eq'] },
    successfulActivityCount: { type: 'int64' },
    failureActivityCount: { type: 'int64' },
    authMethod: { type: 'enum', enumName: 'usageAuthMethod', filter: ['eq'] },
  },
};
