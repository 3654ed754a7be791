import type { Logger } from 'pino';
import { AuthConfigError, ConfigError, loadConfig } from './config';
import { createLogger, createServer, ListenError } from './server';

/** Exit status for anything the operator must fix in the settings (README: Configuration). */
const EXIT_SETTINGS = 2;

/**
 * `npm start` and `node dist/main.js`: read the environment once, start, and stop gracefully on the first
 * SIGTERM or SIGINT. Every line, start-up and shutdown included, is a log line in the configured format.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // No configuration means no LOG_FORMAT either: the refusal is a JSON line like every other.
    const logger = createLogger('info');
    logger.fatal({ problems: error.problems }, 'invalid configuration: the gateway did not start');
    return exitAfter(logger, EXIT_SETTINGS);
  }
  let server;
  try {
    server = await createServer(config);
  } catch (error) {
    // The Entra settings checked when auth is built, and a port that cannot be listened on, are settings too.
    if (error instanceof AuthConfigError || error instanceof ListenError) {
      const logger = createLogger('info', undefined, config.logFormat);
      if (error instanceof AuthConfigError) logger.fatal({ problems: error.problems }, 'invalid configuration: the gateway did not start');
      else logger.fatal({ code: error.code }, error.message);
      return exitAfter(logger, EXIT_SETTINGS);
    }
    throw error;
  }
  const lifecycle = lifecycleLogger(server.logger);
  // One handler for both signals. Repeats are ignored: Ctrl-C under npm delivers SIGINT twice (from the
  // terminal and forwarded by npm), and a second signal must not cut the in-flight operations short.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    lifecycle.info({ signal, graceMs: config.gateway.shutdownGraceMs }, `${signal}: finishing in-flight operations (at most ${config.gateway.shutdownGraceMs} ms)`);
    server.stop().then(
      () => {
        lifecycle.info({ signal, durationMs: Date.now() - started }, 'stopped');
        exitAfter(lifecycle, 0);
      },
      (error: unknown) => {
        lifecycle.error({ signal, error: { name: error instanceof Error ? error.name : typeof error } }, 'stopped with an error');
        exitAfter(lifecycle, 1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Announced only once the handlers are in place: whoever waits for this line may signal at once.
  lifecycle.info(
    {
      url: server.url,
      upstream: config.graph.url === 'emulator' ? `the embedded Graph emulator at ${server.graphRoot}` : config.graph.url,
      metrics: server.metricsUrl,
      pid: process.pid,
    },
    config.production
      ? `graph-reports-gateway ready at ${server.url}`
      : `graph-reports-gateway ready at ${server.url} (Apollo Sandbox: open it in a browser; offline: GraphiQL at ${server.url}explorer/)`,
  );
}

/** Exits once every line is written (the logger's stream is synchronous; the flush is a guard for others). */
function exitAfter(logger: Logger, code: number): void {
  logger.flush(() => process.exit(code));
}

/** Start-up and shutdown lines are shown at `LOG_LEVEL=warn` too (an operator wants them); only `silent` hides them. */
function lifecycleLogger(logger: Logger): Logger {
  return logger.isLevelEnabled('info') || logger.level === 'silent' ? logger : logger.child({}, { level: 'info' });
}

void main();
