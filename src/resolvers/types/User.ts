import { usageDetailsFilter } from '../../filters/usageDetailsFilter';
import type { UserResolvers } from '../../generated/resolvers-types';
import type { CredentialUserRegistrationDetailsRecord } from '../../graph/model/CredentialUserRegistrationDetailsRecord';
import { credentialUserRegistrationDetails as registrations } from '../../graph/reports/credentialUserRegistrationDetails';
import { userCredentialUsageDetails as usage } from '../../graph/reports/userCredentialUsageDetails';

/** This subgraph's contributions to the supergraph's `User`; the reference is all it knows of the user. */
export const User: UserResolvers = {
  __resolveReference: (ref) => ref,
  credentialRegistration: (user, _args, ctx) =>
    user.userPrincipalName
      ? ctx.links.firstOf<CredentialUserRegistrationDetailsRecord>(user.userPrincipalName, registrations)
      : null,
  credentialUsageEvents: (user, args, ctx) =>
    user.userPrincipalName
      ? ctx.links.rowsOf(
          user.userPrincipalName,
          { spec: usage, filter: usageDetailsFilter(args.filter, 'credentialUsageEvents.filter'), first: args.first ?? 50, after: args.after },
          'credentialUsageEvents.',
        )
      : null,
};
