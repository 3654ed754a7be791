import type { GraphCallContext } from '../GraphCallContext';
import type { ExecutionParts } from './ExecutionParts';

/** Takes `slots` budget slots for the operation's tenant, counting and logging any wait. */
export async function takeBudget(parts: ExecutionParts, context: GraphCallContext, slots: number): Promise<void> {
  const waitedMs = await parts.budget.acquire(context.tenant, slots, context.deadline);
  if (waitedMs > 0) {
    context.stats.budgetWaits += 1;
    context.stats.budgetWaitMs += waitedMs;
    parts.log({ type: 'budgetWait', tenant: context.tenant, slots, waitMs: waitedMs });
  }
}
