/**
 * When `slots` more requests fit into a sliding window of `windowMs` holding at most `limit`, given the
 * times already taken (ascending). The window at time t is (t - windowMs, t].
 *
 * Never earlier than the last slot taken: slots are handed out in arrival order (FIFO), so a small request
 * cannot overtake a big one that is already waiting. Because of that, only slots up to the answer matter,
 * and a single jump (to when the k-th oldest slot leaves the window) is always enough.
 */
export function earliestSlotTime(
  taken: readonly number[],
  now: number,
  windowMs: number,
  limit: number,
  slots: number,
): number {
  if (slots > limit) throw new RangeError(`slots must be at most the window's ${limit}, but got: ${slots}`);
  const start = Math.max(now, taken[taken.length - 1] ?? now);
  let first = 0;
  while (first < taken.length && (taken[first] as number) <= start - windowMs) first += 1;
  const overflow = taken.length - first + slots - limit;
  if (overflow <= 0) return start;
  return (taken[first + overflow - 1] as number) + windowMs;
}
