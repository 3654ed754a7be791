import { tenantSummariesFilter } from '../../filters/tenantSummariesFilter';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { credentialUserRegistrationsSummaries as spec } from '../../graph/reports/credentialUserRegistrationsSummaries';

export const credentialUserRegistrationsSummaries: QueryResolvers['credentialUserRegistrationsSummaries'] = (_root, args, ctx) =>
  ctx.reports.list({ spec, filter: tenantSummariesFilter(args.filter), first: args.first ?? 50, after: args.after });
