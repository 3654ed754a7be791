import { orderTerms } from '../../filters/orderTerms';
import { userRegistrationDetailsFilter } from '../../filters/userRegistrationDetailsFilter';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { userRegistrationDetails as v1 } from '../../graph/reports/userRegistrationDetails';
import { userRegistrationDetailsBeta as beta } from '../../graph/reports/userRegistrationDetailsBeta';
import { selectsField } from '../selectsField';

/** `defaultMfaMethod` exists only on beta, so the page is read from beta exactly when it is selected. */
export const userRegistrationDetails: QueryResolvers['userRegistrationDetails'] = (_root, args, ctx, info) =>
  ctx.reports.list({
    spec: selectsField(info, 'defaultMfaMethod') ? beta : v1,
    filter: userRegistrationDetailsFilter(args.filter),
    orderBy: orderTerms(args.orderBy),
    first: args.first ?? 50,
    after: args.after,
  });
