import { FilterBuilder } from '../../filters/FilterBuilder';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { credentialUsageSummary as spec } from '../../graph/reports/credentialUsageSummary';

export const credentialUsageSummary: QueryResolvers['credentialUsageSummary'] = (_root, args, ctx) =>
  ctx.reports.all(spec, {
    functionParameters: { period: args.period },
    filter: new FilterBuilder('filter').enum('feature', args.filter?.feature).build(),
  });
