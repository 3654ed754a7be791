import { BadUserInputError } from '../../errors/BadUserInputError';
import type { QueryResolvers } from '../../generated/resolvers-types';
import type { UserRegistrationFeatureSummaryRecord } from '../../graph/model/UserRegistrationFeatureSummaryRecord';
import { usersRegisteredByFeature as spec } from '../../graph/reports/usersRegisteredByFeature';

/** The enum's sentinel is an answer Graph may give, never a choice it accepts (it answers 400). */
function audience(name: string, value: string | null | undefined): string {
  if (value === 'unknownFutureValue') {
    throw new BadUserInputError(`\`${name}\` must be ALL or a named audience, but got: UNKNOWN_FUTURE_VALUE`, name);
  }
  return value ?? 'all';
}

export const usersRegisteredByFeature: QueryResolvers['usersRegisteredByFeature'] = (_root, args, ctx) =>
  ctx.reports.single<UserRegistrationFeatureSummaryRecord>(spec, {
    includedUserTypes: audience('includedUserTypes', args.includedUserTypes),
    includedUserRoles: audience('includedUserRoles', args.includedUserRoles),
  });
