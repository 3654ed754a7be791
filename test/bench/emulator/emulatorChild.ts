// Child process: the Graph emulator, apart from the load generator so neither steals the other's event loop.
import type { EmulatorOptions } from '../../../src/emulator/config';
import type { FaultRule } from '../../../src/emulator/faults';
import { startEmulator } from '../../../src/emulator/emulator';
import { childMain } from '../process/childMain';

childMain(async () => {
  const options = JSON.parse(process.env['BENCH_EMULATOR_OPTIONS'] ?? '{}') as EmulatorOptions;
  const started = performance.now();
  const emulator = await startEmulator(options);
  const startMs = Math.round(performance.now() - started);
  return {
    url: emulator.url,
    handlers: {
      counts: () => ({
        http: emulator.log.http().length,
        counted: emulator.log.counted().length,
        throttled: emulator.log.all().filter((record) => record.status === 429).length,
      }),
      clear: () => emulator.log.clear(),
      faults: (rules) => emulator.setFaults(rules as FaultRule[]),
      rateLimit: (limit) => emulator.setRateLimit(limit as { requests: number; windowSeconds: number } | null),
      tenant: () => ({
        ids: emulator.data.registrationDetails.map((row) => row.id),
        upns: emulator.data.registrationDetails.map((row) => row.userPrincipalName),
      }),
      startMs: () => startMs,
    },
    stop: () => emulator.stop(),
  };
});
