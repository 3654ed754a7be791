import { readEmulatorEnv } from './config';
import { startEmulator } from './emulator';

/** `npm run emulator`: the Graph reports emulator alone, for frontends and benchmarks. */
async function main(): Promise<void> {
  let options;
  try {
    options = readEmulatorEnv(process.env);
  } catch (error) {
    // Settings to fix exit 2, as the gateway's do.
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error;
    const why = code === 'EADDRINUSE' ? 'is already in use' : code === 'EACCES' ? 'may not be used by this process' : 'is not an address of this machine';
    console.error(`EMULATOR_PORT=${options.port} on EMULATOR_HOST=${options.host} ${why}: stop what holds it or choose another`);
    process.exitCode = 2;
    return;
  }
  const running = emulator;
  const stop = (): void => {
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Announced once the handlers are in place: whoever waits for this line may signal at once.
  const limit = options.rateLimit ? `${options.rateLimit.requests}/${options.rateLimit.windowSeconds}s` : 'off';
  console.log(`Graph reports emulator on ${emulator.url} (beta and v1.0): ${options.users} users, seed ${options.seed}, page ${options.maxPageSize}, rate limit ${limit}`);
}

void main();
