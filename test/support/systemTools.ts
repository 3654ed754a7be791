import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Programs some suites need that npm cannot install: a real redis-server and a headless Chromium.
 * `npm test` obtains them the way the machine allows (apt, as root or through passwordless sudo), once,
 * in Jest's global setup; where that is impossible the suites that need one fail at once with the
 * message below instead of waiting on a program that will never start (README, "Tests").
 */
export interface SystemTool {
  /** What the suites run. */
  readonly command: string;
  /** The Debian package that provides it. */
  readonly aptPackage: string;
  /** How Homebrew installs it, for the message. */
  readonly brew: string;
  /** Who needs it, for the message. */
  readonly neededBy: string;
}

export const SYSTEM_TOOLS = {
  redis: { command: 'redis-server', aptPackage: 'redis-server', brew: 'brew install redis', neededBy: 'the shared-cache tests (a real Redis on loopback)' },
  chromium: { command: 'chromium', aptPackage: 'chromium', brew: 'brew install --cask chromium', neededBy: 'the explorer test (headless Chromium on loopback)' },
  curl: { command: 'curl', aptPackage: 'curl', brew: 'brew install curl', neededBy: "the README's curl recipes" },
} as const satisfies Record<string, SystemTool>;

/** The environment variable in which global setup leaves why a tool could not be obtained. */
function missingKey(tool: SystemTool): string {
  return `GRG_TEST_MISSING_${tool.command.replace(/\W/g, '_').toUpperCase()}`;
}

export function commandPath(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

export function installHint(tool: SystemTool): string {
  return `${tool.neededBy} need \`${tool.command}\` on the PATH: install it (Debian/Ubuntu: \`apt-get install ${tool.aptPackage}\`; macOS: \`${tool.brew}\`) and run the tests again`;
}

/** How this machine can install a Debian package without asking anyone, or null. */
function aptRunner(): string[] | null {
  if (commandPath('apt-get') === null) return null;
  if (process.getuid?.() === 0) return [];
  if (commandPath('sudo') !== null && spawnSync('sudo', ['-n', 'true']).status === 0) return ['sudo', '-n'];
  return null;
}

/** Install what is missing (one `apt-get update` for all); returns the tools still missing, each with its reason. */
export function obtainSystemTools(tools: readonly SystemTool[], log: (line: string) => void): Map<SystemTool, string> {
  const missing = tools.filter((t) => commandPath(t.command) === null);
  const failures = new Map<SystemTool, string>();
  if (missing.length === 0) return failures;
  const runner = aptRunner();
  if (runner === null) {
    for (const tool of missing) failures.set(tool, `${installHint(tool)} (not found, and apt-get is not usable here without a password)`);
    return failures;
  }
  const packages = missing.map((t) => t.aptPackage);
  log(`tests: installing ${packages.join(', ')} with apt-get (missing on this machine)`);
  const [sudo, ...sudoArgs] = runner;
  const run = (args: string[]): void => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // Bounded: a stuck mirror fails the run instead of hanging it.
    if (sudo) execFileSync(sudo, [...sudoArgs, 'apt-get', ...args], { stdio: 'ignore', timeout: 600_000, env });
    else execFileSync('apt-get', args, { stdio: 'ignore', timeout: 600_000, env });
  };
  try {
    run(['update', '-qq']);
    run(['install', '-y', '-qq', ...packages]);
  } catch (error) {
    log(`tests: apt-get failed: ${(error as Error).message.split('\n')[0]}`);
  }
  for (const tool of missing) {
    if (commandPath(tool.command) === null) failures.set(tool, `${installHint(tool)} (apt-get could not install ${tool.aptPackage})`);
  }
  return failures;
}

/** Records the outcome for the test workers, which inherit global setup's environment. */
export function recordMissing(failures: Map<SystemTool, string>): void {
  for (const [tool, reason] of failures) process.env[missingKey(tool)] = reason;
}

/**
 * The path of a tool a suite needs, or one clear error at once: what to install and why. Suites call
 * it before starting anything, so a machine without the tool fails in milliseconds, not at a timeout.
 */
export function requireSystemTool(tool: SystemTool): string {
  const recorded = process.env[missingKey(tool)];
  if (recorded) throw new Error(recorded);
  const found = commandPath(tool.command);
  if (found === null) throw new Error(installHint(tool));
  return found;
}
