import { AuthConfigError, ConfigError, loadConfig } from './config';
import { createServer } from './server';

/** `npm start`: read the environment once, start, and stop gracefully on SIGTERM / SIGINT. */
async function main(): Promise<void> {
  let config;
  let server;
  try {
    config = loadConfig(process.env);
    server = await createServer(config);
  } catch (error) {
    // Settings that are unusable (the environment, or the Entra settings checked when auth is built) exit 2.
    if (error instanceof ConfigError || error instanceof AuthConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const where = config.graph.url === 'emulator' ? `the embedded Graph emulator at ${server.graphRoot}` : config.graph.url;
  process.stdout.write(`graph-reports-gateway ready at ${server.url} (upstream: ${where})\n`);
  if (!config.production) process.stdout.write(`Apollo Sandbox: open ${server.url} in a browser (offline: GraphiQL at ${server.url}explorer/)\n`);

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
