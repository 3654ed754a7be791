import { normaliseEnumValue } from '../../enums/normaliseEnumValue';
import type { UserCredentialUsageDetailsResolvers } from '../../generated/resolvers-types';
import type { CredentialUserRegistrationDetailsRecord } from '../../graph/model/CredentialUserRegistrationDetailsRecord';
import type { UserCredentialUsageDetailsRecord } from '../../graph/model/UserCredentialUsageDetailsRecord';
import { credentialUserRegistrationDetails as registrations } from '../../graph/reports/credentialUserRegistrationDetails';
import { userCredentialUsageDetails as usage } from '../../graph/reports/userCredentialUsageDetails';
import { entityId } from './entityId';

export const UserCredentialUsageDetails: UserCredentialUsageDetailsResolvers = {
  __resolveReference: (ref, ctx) => {
    const id = entityId(ref.id);
    return id === null ? null : ctx.reports.byId<UserCredentialUsageDetailsRecord>(usage, id);
  },
  feature: (parent, _args, ctx) => normaliseEnumValue('featureType', parent.feature, ctx.onUnknownEnum) ?? 'unknownFutureValue',
  authMethod: (parent, _args, ctx) => normaliseEnumValue('usageAuthMethod', parent.authMethod, ctx.onUnknownEnum) ?? 'unknownFutureValue',
  // Events of one user share one request (identical URLs are de-duplicated); users share envelopes.
  registration: (parent, _args, ctx) => ctx.links.firstOf<CredentialUserRegistrationDetailsRecord>(parent.userPrincipalName, registrations),
};
