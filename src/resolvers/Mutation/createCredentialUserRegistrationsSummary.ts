import type { MutationResolvers } from '../../generated/resolvers-types';
import type { CredentialUserRegistrationsSummaryRecord } from '../../graph/model/CredentialUserRegistrationsSummaryRecord';
import { credentialUserRegistrationsSummaries as spec } from '../../graph/reports/credentialUserRegistrationsSummaries';
import { withoutNulls } from './withoutNulls';

/** The schema says organization, upstream says tenant. */
export const createCredentialUserRegistrationsSummary: MutationResolvers['createCredentialUserRegistrationsSummary'] = (_root, { input }, ctx) => {
  const { organizationId, organizationDisplayName, ...rest } = input;
  return ctx.reports.create<CredentialUserRegistrationsSummaryRecord>(spec, withoutNulls({ tenantId: organizationId, tenantDisplayName: organizationDisplayName, ...rest }));
};
