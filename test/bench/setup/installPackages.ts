import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Installs a bench folder's own package.json (its lock file pins the versions) unless its node_modules
 * is already there. Returns what happened, with any install-script warnings npm printed.
 */
export function installPackages(folder: string): string {
  const dir = resolve(__dirname, '..', folder);
  if (existsSync(resolve(dir, 'node_modules'))) return `${folder}: already installed`;
  const started = performance.now();
  const run = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { encoding: 'utf8', timeout: 300_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0) throw new Error(`npm ci in test/bench/${folder} failed:\n${output.slice(-2000)}`);
  const scripts = output.split('\n').filter((line) => /script/i.test(line) && /skip|ignor|allow/i.test(line));
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  return `${folder}: installed in ${seconds} s${scripts.length > 0 ? `; npm said: ${scripts.join(' / ')}` : ''}`;
}
