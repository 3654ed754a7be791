import { orderTerms } from '../../filters/orderTerms';
import { usageDetailsFilter } from '../../filters/usageDetailsFilter';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { userCredentialUsageDetails as spec } from '../../graph/reports/userCredentialUsageDetails';

export const userCredentialUsageDetails: QueryResolvers['userCredentialUsageDetails'] = (_root, args, ctx) =>
  ctx.reports.list({ spec, filter: usageDetailsFilter(args.filter), orderBy: orderTerms(args.orderBy), first: args.first ?? 50, after: args.after });
