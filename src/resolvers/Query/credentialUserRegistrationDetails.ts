import { registrationDetailsFilter } from '../../filters/registrationDetailsFilter';
import { orderTerms } from '../../filters/orderTerms';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { credentialUserRegistrationDetails as spec } from '../../graph/reports/credentialUserRegistrationDetails';

export const credentialUserRegistrationDetails: QueryResolvers['credentialUserRegistrationDetails'] = (_root, args, ctx) =>
  ctx.reports.list({ spec, filter: registrationDetailsFilter(args.filter), orderBy: orderTerms(args.orderBy), first: args.first ?? 50, after: args.after });
