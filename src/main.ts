import { ConfigError, loadConfig } from './config';
import { createServer } from './server';

/** `npm start`: read the environment once, start, and stop gracefully on SIGTERM / SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const server = await createServer(config);
  const where = config.graph.url === 'emulator' ? `the embedded Graph emulator at ${server.graphRoot}` : config.graph.url;
  process.stdout.write(`graph-reports-gateway ready at ${server.url} (upstream: ${where})\n`);
  if (!config.production) process.stdout.write(`Apollo Sandbox: open ${server.url} in a browser\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: finishing in-flight operations (at most ${config.gateway.shutdownGraceMs} ms)\n`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
