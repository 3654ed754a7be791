/** Polls `condition` every 5 ms for up to 10 s: for a test that must act once the emulator has seen something. */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('the condition never held');
}
