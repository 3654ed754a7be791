import type { EmulatorOptions } from '../../../src/emulator/config';
import { startChild } from '../process/startChild';
import type { EmulatorControl } from './EmulatorControl';

/** Starts the Graph emulator in its own process on 127.0.0.1:0. */
export async function startEmulatorChild(options: EmulatorOptions): Promise<EmulatorControl> {
  const child = await startChild('emulator/emulatorChild.ts', { BENCH_EMULATOR_OPTIONS: JSON.stringify({ ...options, host: '127.0.0.1', port: 0 }) });
  return {
    url: child.url,
    pid: child.pid,
    stop: () => child.stop(),
    counts: () => child.call('counts'),
    clear: () => child.call('clear'),
    setFaults: (rules) => child.call('faults', rules),
    setRateLimit: (limit) => child.call('rateLimit', limit),
    tenant: () => child.call('tenant'),
    startMs: () => child.call('startMs'),
  };
}
