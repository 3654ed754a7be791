import { FilterBuilder } from '../../filters/FilterBuilder';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { userRegistrationActivity as spec } from '../../graph/reports/userRegistrationActivity';

export const userRegistrationActivity: QueryResolvers['userRegistrationActivity'] = (_root, args, ctx) =>
  ctx.reports.all(spec, {
    functionParameters: { period: args.period },
    filter: new FilterBuilder('filter').enum('feature', args.filter?.feature).enum('authMethod', args.filter?.authMethod).build(),
  });
