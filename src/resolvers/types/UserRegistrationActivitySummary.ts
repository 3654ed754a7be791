import type { UserRegistrationActivitySummaryResolvers } from '../../generated/resolvers-types';
import { eventEnums } from './eventEnums';

export const UserRegistrationActivitySummary: UserRegistrationActivitySummaryResolvers = {
  ...eventEnums,
};
