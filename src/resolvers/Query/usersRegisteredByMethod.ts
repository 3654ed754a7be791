import { namedMember } from '../../filters/namedMember';
import type { QueryResolvers } from '../../generated/resolvers-types';
import type { UserRegistrationMethodSummaryRecord } from '../../graph/model/UserRegistrationMethodSummaryRecord';
import { usersRegisteredByMethod as spec } from '../../graph/reports/usersRegisteredByMethod';

export const usersRegisteredByMethod: QueryResolvers['usersRegisteredByMethod'] = (_root, args, ctx) =>
  ctx.reports.single<UserRegistrationMethodSummaryRecord>(spec, {
    includedUserTypes: namedMember('includedUserTypes', args.includedUserTypes ?? 'all'),
    includedUserRoles: namedMember('includedUserRoles', args.includedUserRoles ?? 'all'),
  });
