import type { QueryResolvers } from '../../generated/resolvers-types';
import { credentialUserRegistrationCount as spec } from '../../graph/reports/credentialUserRegistrationCount';

export const credentialUserRegistrationCount: QueryResolvers['credentialUserRegistrationCount'] = (_root, _args, ctx) =>
  ctx.reports.all(spec);
