// `npm run bench`: every scenario against every contender, in one run on one machine (README: Benchmarks).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { renderBudgetSection, runBudgetBench } from './budget/runBudgetBench';
import { buildMesh } from './contenders/buildMesh';
import type { MeshBuild } from './contenders/MeshBuild';
import { startEmulatorChild } from './emulator/startEmulatorChild';
import { renderResults } from './report/renderResults';
import type { ResultRow } from './report/ResultRow';
import { runScenarioRounds } from './runScenarioRounds';
import { allScenarios } from './scenarios/allScenarios';
import { readBenchSettings } from './settings/readBenchSettings';
import { installPackages } from './setup/installPackages';

const CONTENDER_NOTES = [
  'gateway: `NODE_ENV=production` (as Mesh) with `GATEWAY_AUTH=none` (no caller tokens here), defaults otherwise except `GRAPH_RATE_LIMIT=off` and `GRAPH_CACHE_TTL_SECONDS=0` (the throttled rows set the budget, the repeat row keeps the default cache); naive: also `GRAPH_DEDUPE=off`.',
  'plain REST: hand-written endpoints over fetch (test/bench/rest), links in `$batch` envelopes of 20, lookups as parallel GETs, Graph SDK retry rules (429/503/504, 3 retries, Retry-After).',
  "GraphQL Mesh: `mesh start` on test/bench/mesh/meshrc.yml; `batch` left at none; the `reports` singleton answered in Mesh's own fetch (singletonFetch.js); the usage link hand-written (usageEventsResolvers.js).",
  'Each operation differs from the one before (ordering, event date bound, ids), so concurrent operations never share a URL: throughput rows measure the pipeline, not single-flight.',
];

async function main(): Promise<void> {
  const started = performance.now();
  const settings = readBenchSettings(process.env);
  const loadAtStart = loadavg()[0] ?? 0;
  const log = (line: string): void => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  log(installPackages('tools'));
  if (settings.mesh) log(installPackages('mesh'));

  const emulator = await startEmulatorChild({ users: settings.users, latencyMs: settings.latencyMs });
  const tenant = await emulator.tenant();
  let mesh: MeshBuild = { ok: false, reason: 'turned off (BENCH_MESH=off)' };
  if (settings.mesh) mesh = buildMesh(emulator.url);
  log(mesh.ok ? 'Mesh built against the emulator $metadata' : `Mesh: ${mesh.reason}`);

  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const runs = (id: string): boolean => settings.scenarios === null || settings.scenarios.includes(id);
  // The budget section first: each of its runs starts a cold contender and waits for a quiet window.
  const budgetWindow = { requests: 5, windowSeconds: settings.budgetWindowSeconds };
  const budgetSection = runs('budget') ? renderBudgetSection(await runBudgetBench(emulator, tenant, mesh, budgetWindow, log), budgetWindow) : null;
  const selected = allScenarios(settings).filter((s) => runs(s.id));
  for (const scenario of selected) {
    const walk = scenario.tenant === 'walk' ? await startEmulatorChild({ users: settings.walkRows, latencyMs: settings.latencyMs, maxPageSize: settings.walkPageCap }) : null;
    if (walk) notes.push(`The walk's emulator generated its ${settings.walkRows.toLocaleString('en')}-user tenant in ${await walk.startMs()} ms.`);
    const target = walk ?? emulator;
    const context = { settings, emulator: target, tenant: walk ? { ids: [], upns: [], directoryIds: [] } : tenant, mesh };
    const logRow = (row: ResultRow): void => {
      const o = row.outcome;
      log(`${scenario.id} / ${row.contender}: ${o.kind === 'measured' ? `${o.measurement.opsPerSecond.toFixed(1)} ops/s, ${o.httpPerOp.toFixed(2)} HTTP/op, ${o.measurement.failed} failed` : o.reason}`);
    };
    rows.push(...(await runScenarioRounds(scenario, context, settings.rounds, logRow)));
    await walk?.stop();
  }
  await emulator.stop();

  const cpu = cpus();
  const { latencyMs, connections, durationSeconds, warmupSeconds, rounds, users, sequentialOps, walkPageCap } = settings;
  const markdown = renderResults(
    rows,
    {
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      cores: `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'})`,
      settingsLine: `Emulator latency ${latencyMs} ms per upstream HTTP request; autocannon ${connections} connections, ${durationSeconds} s after ${warmupSeconds} s warm-up, best of ${rounds} interleaved runs; ${users} users; ${sequentialOps} sequential ops; walk page cap ${walkPageCap}; all on 127.0.0.1, each server in its own process`,
      toolsLine: 'autocannon 8.0.0; @graphql-mesh/cli 0.82.35 with @graphql-mesh/odata 0.22.18 (test/bench/mesh)',
      notes: [...notes, ...CONTENDER_NOTES, `Load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end (other processes share this machine).`, `Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s, installs included.`],
    },
    connections,
  );
  const report = budgetSection === null ? markdown : `${markdown.trimEnd()}\n\n${budgetSection}`;
  // A partial run (BENCH_SCENARIOS) prints its tables only: RESULTS.md holds whole runs.
  if (settings.scenarios === null) writeFileSync(resolve(__dirname, 'RESULTS.md'), report);
  console.log(report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
