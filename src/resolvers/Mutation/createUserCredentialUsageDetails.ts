import type { MutationResolvers } from '../../generated/resolvers-types';
import type { UserCredentialUsageDetailsRecord } from '../../graph/model/UserCredentialUsageDetailsRecord';
import { userCredentialUsageDetails as spec } from '../../graph/reports/userCredentialUsageDetails';
import { withoutNulls } from './withoutNulls';

export const createUserCredentialUsageDetails: MutationResolvers['createUserCredentialUsageDetails'] = (_root, { input }, ctx) =>
  ctx.reports.create<UserCredentialUsageDetailsRecord>(spec, withoutNulls(input));
