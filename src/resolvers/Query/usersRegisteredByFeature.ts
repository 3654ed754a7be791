import { namedMember } from '../../filters/namedMember';
import type { QueryResolvers } from '../../generated/resolvers-types';
import type { UserRegistrationFeatureSummaryRecord } from '../../graph/model/UserRegistrationFeatureSummaryRecord';
import { usersRegisteredByFeature as spec } from '../../graph/reports/usersRegisteredByFeature';

export const usersRegisteredByFeature: QueryResolvers['usersRegisteredByFeature'] = (_root, args, ctx) =>
  ctx.reports.single<UserRegistrationFeatureSummaryRecord>(spec, {
    includedUserTypes: namedMember('includedUserTypes', args.includedUserTypes ?? 'all'),
    includedUserRoles: namedMember('includedUserRoles', args.includedUserRoles ?? 'all'),
  });
