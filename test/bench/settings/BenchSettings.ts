/** What one `npm run bench` measures and how hard; every field has an env variable (see readBenchSettings). */
export interface BenchSettings {
  /** Delay the emulator adds to every outer HTTP request, to model Graph's own latency. */
  readonly latencyMs: number;
  /** Concurrent connections of each throughput run. */
  readonly connections: number;
  readonly durationSeconds: number;
  /** Throughput runs per contender, interleaved; the table keeps the best (other processes share the machine). */
  readonly rounds: number;
  /** Load before each measured run, so JIT and connection pools are warm; its calls are not counted. */
  readonly warmupSeconds: number;
  /** Users in the tenant of every scenario but the walk. */
  readonly users: number;
  /** Sequential operations of the throttled and the evolvable-enum scenarios. */
  readonly sequentialOps: number;
  readonly walkRows: number;
  /** Rows the emulator returns per page at most during the walk (Graph's own page cap). */
  readonly walkPageCap: number;
  /** The throttled scenario's budget: Graph's 5 per 10 s, sped up so a run fits in seconds. */
  readonly throttleBudget: { readonly requests: number; readonly windowSeconds: number };
  readonly mesh: boolean;
  /** Scenario ids to run (BENCH_SCENARIOS, comma-separated); null runs all (`budget` names the "under Graph's budget" section) and rewrites RESULTS.md. */
  readonly scenarios: readonly string[] | null;
  /** The budget section's window: Graph's 5 requests per 10 s, time scaled to this many seconds. */
  readonly budgetWindowSeconds: number;
}
