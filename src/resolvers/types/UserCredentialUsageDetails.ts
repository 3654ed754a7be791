import type { UserCredentialUsageDetailsResolvers } from '../../generated/resolvers-types';
import type { CredentialUserRegistrationDetailsRecord } from '../../graph/model/CredentialUserRegistrationDetailsRecord';
import type { UserCredentialUsageDetailsRecord } from '../../graph/model/UserCredentialUsageDetailsRecord';
import { credentialUserRegistrationDetails as registrations } from '../../graph/reports/credentialUserRegistrationDetails';
import { userCredentialUsageDetails as usage } from '../../graph/reports/userCredentialUsageDetails';
import { entityId } from './entityId';
import { eventEnums } from './eventEnums';

export const UserCredentialUsageDetails: UserCredentialUsageDetailsResolvers = {
  __resolveReference: (ref, ctx) => {
    const id = entityId(ref.id);
    return id === null ? null : ctx.reports.byId<UserCredentialUsageDetailsRecord>(usage, id);
  },
  ...eventEnums,
  // Events of one user share one request (identical URLs are de-duplicated); users share envelopes.
  registration: (parent, _args, ctx) => ctx.links.firstOf<CredentialUserRegistrationDetailsRecord>(parent.userPrincipalName, registrations),
};
