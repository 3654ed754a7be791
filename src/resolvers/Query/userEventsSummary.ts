import { orderTerms } from '../../filters/orderTerms';
import { usageDetailsFilter } from '../../filters/usageDetailsFilter';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { userEventsSummary as spec } from '../../graph/reports/userEventsSummary';

export const userEventsSummary: QueryResolvers['userEventsSummary'] = (_root, args, ctx) =>
  ctx.reports.list({ spec, filter: usageDetailsFilter(args.filter), orderBy: orderTerms(args.orderBy), first: args.first ?? 50, after: args.after });
