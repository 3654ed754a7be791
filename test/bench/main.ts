// `npm run bench`: every scenario against every contender, in one run on one machine (issue 6).
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { buildMesh } from './contenders/buildMesh';
import type { MeshBuild } from './contenders/MeshBuild';
import { startEmulatorChild } from './emulator/startEmulatorChild';
import { renderResults } from './report/renderResults';
import type { ResultRow } from './report/ResultRow';
import { runScenario } from './runScenario';
import { allScenarios } from './scenarios/allScenarios';
import { readBenchSettings } from './settings/readBenchSettings';
import { installPackages } from './setup/installPackages';

async function main(): Promise<void> {
  const started = performance.now();
  const settings = readBenchSettings(process.env);
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
  for (const scenario of allScenarios(settings)) {
    const walk = scenario.tenant === 'walk' ? await startEmulatorChild({ users: settings.walkRows, latencyMs: settings.latencyMs, maxPageSize: settings.walkPageCap }) : null;
    if (walk) notes.push(`The walk's emulator generated its ${settings.walkRows.toLocaleString('en')}-user tenant in ${await walk.startMs()} ms.`);
    const target = walk ?? emulator;
    const context = { settings, emulator: target, tenant: walk ? { ids: [], upns: [] } : tenant, mesh };
    for (const contender of ['gateway', 'naive', 'rest', 'mesh'] as const) {
      if (!scenario.contenders.includes(contender) && scenario.skipped?.[contender] === undefined) continue;
      const row = await runScenario(scenario, contender, context);
      rows.push(row);
      const o = row.outcome;
      log(`${scenario.id} / ${contender}: ${o.kind === 'measured' ? `${o.measurement.opsPerSecond.toFixed(1)} ops/s, ${o.httpPerOp.toFixed(2)} HTTP/op, ${o.measurement.failed} failed` : o.reason}`);
    }
    await walk?.stop();
  }
  await emulator.stop();

  const cpu = cpus();
  const { latencyMs, connections, durationSeconds, warmupSeconds, users, sequentialOps, walkPageCap } = settings;
  const markdown = renderResults(
    rows,
    {
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      cores: `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'})`,
      settingsLine: `Emulator latency ${latencyMs} ms per upstream HTTP request; autocannon ${connections} connections, ${durationSeconds} s after ${warmupSeconds} s warm-up; ${users} users; ${sequentialOps} sequential ops; walk page cap ${walkPageCap}; all on 127.0.0.1, each server in its own process`,
      toolsLine: 'autocannon 8.0.0; @graphql-mesh/cli 0.82.35 with @graphql-mesh/odata 0.22.18 (test/bench/mesh)',
      notes: [...notes, `Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s, installs included.`],
    },
    connections,
  );
  writeFileSync(resolve(__dirname, 'RESULTS.md'), markdown);
  console.log(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
