import type { MutationResolvers } from '../../generated/resolvers-types';
import type { CredentialUserRegistrationDetailsRecord } from '../../graph/model/CredentialUserRegistrationDetailsRecord';
import { credentialUserRegistrationDetails as spec } from '../../graph/reports/credentialUserRegistrationDetails';
import { withoutNulls } from './withoutNulls';

export const createCredentialUserRegistrationDetails: MutationResolvers['createCredentialUserRegistrationDetails'] = (_root, { input }, ctx) =>
  ctx.reports.create<CredentialUserRegistrationDetailsRecord>(spec, withoutNulls(input));
