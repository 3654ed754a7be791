import type { BenchSettings } from './BenchSettings';

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the BENCH_* variables, reporting every invalid one at once. */
export function readBenchSettings(env: Env): BenchSettings {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be an integer from ${min} to ${max}, but got: ${JSON.stringify(raw)}`);
    return fallback;
  };
  const meshRaw = env['BENCH_MESH']?.trim() || 'on';
  if (meshRaw !== 'on' && meshRaw !== 'off') problems.push(`BENCH_MESH must be \`on\` or \`off\`, but got: ${JSON.stringify(meshRaw)}`);
  const settings: BenchSettings = {
    latencyMs: integer('BENCH_LATENCY_MS', 20, 0, 1000),
    connections: integer('BENCH_CONNECTIONS', 10, 1, 200),
    durationSeconds: integer('BENCH_DURATION_SECONDS', 4, 1, 120),
    rounds: integer('BENCH_ROUNDS', 2, 1, 10),
    warmupSeconds: integer('BENCH_WARMUP_SECONDS', 1, 0, 30),
    users: integer('BENCH_USERS', 1000, 200, 100_000),
    sequentialOps: integer('BENCH_SEQUENTIAL_OPS', 4, 1, 1000),
    walkRows: integer('BENCH_WALK_ROWS', 100_000, 1000, 1_000_000),
    walkPageCap: integer('BENCH_WALK_PAGE_CAP', 1000, 100, 100_000),
    throttleBudget: { requests: integer('BENCH_THROTTLE_REQUESTS_PER_SECOND', 20, 5, 10_000), windowSeconds: 1 },
    mesh: meshRaw !== 'off',
    scenarios: env['BENCH_SCENARIOS']?.trim() ? env['BENCH_SCENARIOS'].split(',').map((id) => id.trim()).filter((id) => id !== '') : null,
    budgetWindowSeconds: integer('BENCH_BUDGET_WINDOW_SECONDS', 1, 1, 10),
  };
  if (problems.length > 0) throw new Error(`Invalid benchmark settings:\n  ${problems.join('\n  ')}`);
  return settings;
}
