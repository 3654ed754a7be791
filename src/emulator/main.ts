import { readEmulatorEnv } from './config';
import { startEmulator } from './emulator';

/** `npm run emulator`: the Graph reports emulator alone, for frontends and benchmarks. */
async function main(): Promise<void> {
  let options;
  try {
    options = readEmulatorEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return;
  }
  const emulator = await startEmulator(options);
  const limit = options.rateLimit ? `${options.rateLimit.requests}/${options.rateLimit.windowSeconds}s` : 'off';
  console.log(`Graph reports emulator on ${emulator.url} (beta and v1.0): ${options.users} users, seed ${options.seed}, page ${options.maxPageSize}, rate limit ${limit}`);
  const stop = (): void => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
