/** Time as the pipeline sees it; injected so budget and retry tests run on a fake clock. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}
