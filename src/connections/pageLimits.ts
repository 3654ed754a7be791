/** `first` when a client gives none, and the most it may ask for (more is refused, not clamped). */
export const pageLimits = { defaultFirst: 50, maxFirst: 1000 } as const;
