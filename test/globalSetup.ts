import { obtainSystemTools, recordMissing, SYSTEM_TOOLS } from './support/systemTools';

/**
 * Runs once before any suite (package.json "jest.globalSetup"): obtains the programs npm cannot install,
 * so that `npm ci && npm test` on a fresh Debian machine needs nothing by hand (README, "Tests").
 */
export default function globalSetup(): void {
  const failures = obtainSystemTools(Object.values(SYSTEM_TOOLS), (line) => process.stderr.write(`${line}\n`));
  for (const reason of failures.values()) process.stderr.write(`tests: ${reason}\n`);
  recordMissing(failures);
}
