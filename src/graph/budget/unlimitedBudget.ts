import type { RateBudget } from './RateBudget';

/** No budget (`rateLimit: null`, e.g. against the emulator): every slot is free at once. */
export const unlimitedBudget: RateBudget = {
  maxSlots: Number.POSITIVE_INFINITY,
  acquire: async () => 0,
};
