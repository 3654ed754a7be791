import type { QueryResolvers } from '../../generated/resolvers-types';
import type { UserRegistrationFeatureSummaryRecord } from '../../graph/model/UserRegistrationFeatureSummaryRecord';
import { usersRegisteredByFeature as spec } from '../../graph/reports/usersRegisteredByFeature';

export const usersRegisteredByFeature: QueryResolvers['usersRegisteredByFeature'] = (_root, args, ctx) =>
  ctx.reports.single<UserRegistrationFeatureSummaryRecord>(spec, {
    includedUserTypes: args.includedUserTypes ?? 'all',
    includedUserRoles: args.includedUserRoles ?? 'all',
  });
