import { Prng } from '../data/Prng';

/**
 * Graph answers a `$batch` in any order; the emulator makes that visible with a seeded shuffle that
 * never returns the request order (it falls back to reversing).
 */
export function shuffleResponses<T>(items: readonly T[], seed: number): T[] {
  const shuffled = [...items];
  const prng = new Prng(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled.every((item, index) => item === items[index]) ? [...items].reverse() : shuffled;
}
