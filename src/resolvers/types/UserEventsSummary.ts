import type { UserEventsSummaryResolvers } from '../../generated/resolvers-types';
import { eventEnums } from './eventEnums';

export const UserEventsSummary: UserEventsSummaryResolvers = {
  ...eventEnums,
};
