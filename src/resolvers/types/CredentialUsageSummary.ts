import type { CredentialUsageSummaryResolvers } from '../../generated/resolvers-types';
import { eventEnums } from './eventEnums';

export const CredentialUsageSummary: CredentialUsageSummaryResolvers = {
  ...eventEnums,
};
