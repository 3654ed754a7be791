import { BadUserInputError } from '../../errors/BadUserInputError';
import type { QueryResolvers } from '../../generated/resolvers-types';
import type { UserRegistrationMethodSummaryRecord } from '../../graph/model/UserRegistrationMethodSummaryRecord';
import { usersRegisteredByMethod as spec } from '../../graph/reports/usersRegisteredByMethod';

/** The enum's sentinel is an answer Graph may give, never a choice it accepts (it answers 400). */
function audience(name: string, value: string | null | undefined): string {
  if (value === 'unknownFutureValue') {
    throw new BadUserInputError(`\`${name}\` must be ALL or a named audience, but got: UNKNOWN_FUTURE_VALUE`, name);
  }
  return value ?? 'all';
}

export const usersRegisteredByMethod: QueryResolvers['usersRegisteredByMethod'] = (_root, args, ctx) =>
  ctx.reports.single<UserRegistrationMethodSummaryRecord>(spec, {
    includedUserTypes: audience('includedUserTypes', args.includedUserTypes),
    includedUserRoles: audience('includedUserRoles', args.includedUserRoles),
  });
