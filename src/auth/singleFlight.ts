/**
 * Wraps `run` so that calls made while one is under way share its promise. Nothing is remembered
 * after it settles (the credential caches tokens itself), so a failure is retried by the next call.
 */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= run().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
