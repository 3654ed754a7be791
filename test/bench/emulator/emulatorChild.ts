// Child process: the Graph emulator, apart from the load generator so neither steals the other's event loop.
import type { EmulatorOptions } from '../../../src/emulator/config';
import type { FaultRule } from '../../../src/emulator/faults';
import { startEmulator } from '../../../src/emulator/emulator';
import { childMain } from '../process/childMain';

childMain(async () => {
  const options = JSON.parse(process.env['BENCH_EMULATOR_OPTIONS'] ?? '{}') as EmulatorOptions;
  const started = performance.now();
  // The counts below read the log: keep every request of a run (a measured run makes well under a million).
  const emulator = await startEmulator({ logLimit: 5_000_000, ...options });
  const startMs = Math.round(performance.now() - started);
  return {
    url: emulator.url,
    handlers: {
      counts: () => {
        if (emulator.log.dropped > 0) throw new Error(`the emulator log dropped ${emulator.log.dropped} records: the counts would be short`);
        return {
        http: emulator.log.http().length,
        counted: emulator.log.counted().length,
        throttled: emulator.log.all().filter((record) => record.status === 429).length,
        };
      },
      clear: () => emulator.log.clear(),
      faults: (rules) => emulator.setFaults(rules as FaultRule[]),
      rateLimit: (limit) => emulator.setRateLimit(limit as { requests: number; windowSeconds: number } | null),
      tenant: () => ({
        ids: emulator.data.registrationDetails.map((row) => row.id),
        upns: emulator.data.registrationDetails.map((row) => row.userPrincipalName),
        directoryIds: emulator.data.userRegistrationDetails.map((row) => row.id),
      }),
      startMs: () => startMs,
    },
    stop: () => emulator.stop(),
  };
});
