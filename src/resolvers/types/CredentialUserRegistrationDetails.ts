import { normaliseEnumList } from '../../enums/normaliseEnumList';
import { principalNameEquals } from '../../filters/principalNameEquals';
import { usageDetailsFilter } from '../../filters/usageDetailsFilter';
import type { CredentialUserRegistrationDetailsResolvers } from '../../generated/resolvers-types';
import type { CredentialUserRegistrationDetailsRecord } from '../../graph/model/CredentialUserRegistrationDetailsRecord';
import { credentialUserRegistrationDetails as registrations } from '../../graph/reports/credentialUserRegistrationDetails';
import { userCredentialUsageDetails as usage } from '../../graph/reports/userCredentialUsageDetails';
import { entityId } from './entityId';

export const CredentialUserRegistrationDetails: CredentialUserRegistrationDetailsResolvers = {
  __resolveReference: (ref, ctx) => {
    const id = entityId(ref.id);
    return id === null ? null : ctx.reports.byId<CredentialUserRegistrationDetailsRecord>(registrations, id);
  },
  authMethods: (parent, _args, ctx) => normaliseEnumList('registrationAuthMethod', parent.authMethods, ctx.onUnknownEnum) ?? [],
  // Every parent of the page asks in the same tick, so these requests leave together in `$batch` envelopes.
  usageEvents: (parent, args, ctx) =>
    ctx.reports.list(
      {
        spec: usage,
        filter: usageDetailsFilter(args.filter, 'usageEvents.filter', principalNameEquals(parent.userPrincipalName)),
        first: args.first ?? 50,
        after: args.after,
      },
      'usageEvents.',
    ),
};
