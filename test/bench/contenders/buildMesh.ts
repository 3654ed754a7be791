import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MeshBuild } from './MeshBuild';
import { meshCli } from './meshCli';

const MESH_DIR = resolve(__dirname, '../mesh');
const WORK_DIR = resolve(__dirname, '../.work/mesh');

/**
 * Builds Mesh's artifacts against the emulator's `$metadata` in test/bench/.work/mesh: git-ignored, and
 * (a dot folder) outside the globs of the project's tsconfig, so its typecheck never reads them.
 */
export function buildMesh(graphRoot: string): MeshBuild {
  if (!existsSync(meshCli)) return { ok: false, reason: 'not installed (test/bench/mesh/node_modules is missing)' };
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  symlinkSync(resolve(MESH_DIR, 'node_modules'), resolve(WORK_DIR, 'node_modules'), 'dir');
  copyFileSync(resolve(MESH_DIR, 'meshrc.yml'), resolve(WORK_DIR, '.meshrc.yml'));
  for (const file of ['usageEventsResolvers.js', 'singletonFetch.js']) copyFileSync(resolve(MESH_DIR, file), resolve(WORK_DIR, file));
  const run = spawnSync(process.execPath, [meshCli, 'build', '--dir', WORK_DIR], {
    cwd: WORK_DIR,
    env: { ...process.env, BENCH_GRAPH_BETA: `${graphRoot}/beta` },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) {
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n').slice(-3).join(' / ');
    return { ok: false, reason: `\`mesh build\` failed: ${output || run.error?.message || `exit ${run.status}`}` };
  }
  // Mesh 0.82 writes the customFetch import relative to its artifacts (.mesh/), not to the config.
  copyFileSync(resolve(MESH_DIR, 'singletonFetch.js'), resolve(WORK_DIR, '.mesh', 'singletonFetch.js'));
  return { ok: true, workDir: WORK_DIR };
}
