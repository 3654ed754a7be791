import { normaliseEnumList } from '../../enums/normaliseEnumList';
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
  // Every parent of the page asks in the same tick, so the plan sees them all at once.
  usageEvents: (parent, args, ctx) =>
    ctx.links.rowsOf(
      parent.userPrincipalName,
      { spec: usage, filter: usageDetailsFilter(args.filter, 'usageEvents.filter'), first: args.first ?? 50, after: args.after },
      'usageEvents.',
    ),
};
