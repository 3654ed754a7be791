import type { CredentialUserRegistrationsSummaryResolvers } from '../../generated/resolvers-types';

/** The schema keeps the seed's names; upstream calls the organisation a tenant. */
export const CredentialUserRegistrationsSummary: CredentialUserRegistrationsSummaryResolvers = {
  organizationId: (parent) => parent.tenantId,
  organizationDisplayName: (parent) => parent.tenantDisplayName,
};
