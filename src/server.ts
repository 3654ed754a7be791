import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import pino, { type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import { loadExplorerAssets, sandboxLandingPage } from './apollo/explorer';
import { formatError } from './apollo/formatError';
import { upstreamCostPlugin } from './apollo/cost';
import { operationLimits, operationLogPlugin } from './apollo/plugins';
import { buildGatewaySchema } from './apollo/schema';
import { createCallerAuthenticator } from './auth/callers';
import { createTokenProvider } from './auth/graphTokens';
import { type Config, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS, MAX_RESPONSE_BYTES, MAX_SOCKETS } from './config';
import { type Emulator, startEmulator } from './emulator/emulator';
import { createGraphPipeline } from './graph/pipeline';
import { createHttpHandler, createMetricsHandler } from './http';
import { GatewayMetrics, METRICS_PATH } from './observability/metrics';
import { Readiness } from './observability/readiness';
import { operationTelemetryPlugin } from './observability/tracing';
import { createContextFactory, type GatewayContext } from './operation/context';
import { PlannerMemory } from './operation/keyedReads';
import type { PlanRecord } from './operation/upstream';
import { resolvers } from './reports';

export interface GatewayServer {
  /** Where the gateway answers, e.g. `http://127.0.0.1:4000/`. */
  readonly url: string;
  /** The Graph root in use: the in-process emulator's URL when `GRAPH_URL=emulator`. */
  readonly graphRoot: string;
  readonly emulator: Emulator | null;
  /** Where Prometheus scrapes (`…/metrics`), or null when `GATEWAY_METRICS=off`. */
  readonly metricsUrl: string | null;
  /** The gateway's logger: start-up and shutdown lines go through it too, so every line is JSON. */
  readonly logger: Logger;
  /** Stops taking operations, lets in-flight ones finish (up to the grace period), then closes everything. */
  stop(): Promise<void>;
}

/**
 * The gateway could not listen where it was told (the port is taken, or not ours to take). `npm start` exits
 * 2 with this one line, as for a configuration error: it names the variables to change.
 */
export class ListenError extends Error {
  constructor(
    readonly variables: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    const why = code === 'EADDRINUSE' ? 'is already in use' : code === 'EACCES' ? 'may not be used by this process' : code === 'EADDRNOTAVAIL' ? 'is not an address of this machine' : `cannot be listened on (${code})`;
    super(`${variables} ${why}: stop what holds it or choose another`, options);
    this.name = 'ListenError';
  }
}

/** Listens on `port`/`host`, turning the failures an operator can fix into a ListenError naming `variables`. */
async function listen(server: Server, port: number, host: string, variables: (port: number) => string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      reject(['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL', 'ENOTFOUND'].includes(error.code ?? '') ? new ListenError(variables(port), error.code ?? '', { cause: error }) : error);
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  return server.address() as AddressInfo;
}

export interface ServerOptions {
  /** Where JSON logs go. @default stdout */
  readonly logDestination?: DestinationStream;
  /**
   * The TLS trust for Entra (caller keys and upstream tokens). Unset in production, where Node's
   * store and NODE_EXTRA_CA_CERTS apply; tests pass one that trusts their local provider only.
   */
  readonly httpsAgent?: HttpsAgent;
}

/** The one orchestrator: builds every part from `config` and starts listening. Nothing happens at import. */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<GatewayServer> {
  const logger = createLogger(config.logLevel, options.logDestination, config.logFormat);
  if (config.production && config.gateway.auth === 'none') {
    logger.warn(
      { setting: 'GATEWAY_AUTH', value: 'none' },
      "GATEWAY_AUTH=none in production: callers are not authenticated, so anyone who reaches this port reads the tenant's credential reports with the gateway's own Graph permissions; set GATEWAY_AUTH=entra unless a proxy in front authenticates every caller",
    );
  }
  const metrics = config.gateway.metrics.enabled ? new GatewayMetrics() : null;
  const emulator = config.graph.url === 'emulator' ? await startEmulator({ users: config.emulator.users, latencyMs: config.emulator.latencyMs }) : null;
  const graphRoot = emulator ? emulator.url : config.graph.url;
  const pipeline = await createGraphPipeline({
    root: graphRoot,
    timeoutMs: config.graph.timeoutMs,
    batchSize: config.graph.batchSize,
    maxRetries: config.graph.maxRetries,
    maxThrottleRetries: config.graph.maxThrottleRetries,
    maxConcurrentEnvelopes: config.graph.maxConcurrentEnvelopes,
    maxSockets: MAX_SOCKETS,
    maxSocketsPerReport: config.graph.maxSocketsPerReport,
    rateLimit: config.graph.rateLimit,
    cache: {
      ttlMs: config.graph.cacheTtlMs,
      staleMs: config.graph.cacheStaleMs,
      maxEntries: config.graph.cacheMaxEntries,
      maxBytes: config.graph.cacheMaxBytes,
    },
    redis: config.graph.redisUrl ? { url: config.graph.redisUrl, commandTimeoutMs: config.graph.redisTimeoutMs, retryMs: config.graph.redisRetryMs } : null,
    singleRequest: config.graph.singleRequest,
    dedupe: config.graph.dedupe,
    backoff: { baseMs: DEFAULT_BACKOFF_BASE_MS, capMs: DEFAULT_BACKOFF_CAP_MS },
    maxResponseBytes: MAX_RESPONSE_BYTES,
    log: (event) => {
      metrics?.record(event);
      // The Redis breaker's moves are what an operator must see: budget and cache are local while it is open.
      if (event.type === 'redis') logger.warn({ redis: event }, `redis breaker ${event.state}`);
      else if (event.type !== 'cache') logger.debug({ upstream: event }, 'upstream call');
    },
  });
  const authenticator = createCallerAuthenticator({
    mode: config.gateway.auth,
    ...(config.azure.tenantId ? { tenantId: config.azure.tenantId } : {}),
    audiences: config.gateway.audiences,
    requiredRoles: config.gateway.requiredRoles,
    authorityHost: config.azure.authorityHost,
    ...(options.httpsAgent ? { httpsAgent: options.httpsAgent } : {}),
  });
  const tokens = createTokenProvider({
    mode: config.graph.auth,
    graphRoot,
    authorityHost: config.azure.authorityHost,
    ...(options.httpsAgent ? { httpsAgent: options.httpsAgent } : {}),
    ...definedOnly({
      tenantId: config.azure.tenantId,
      clientId: config.azure.clientId,
      clientSecret: config.azure.clientSecret,
      clientCertificatePath: config.azure.clientCertificatePath,
    }),
  });

  const httpServer: Server = createHttpServer();
  const apollo = new ApolloServer<GatewayContext>({
    schema: buildGatewaySchema(resolvers),
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // main.ts owns SIGTERM/SIGINT; a second handler inside Apollo would race it for the same stop.
    stopOnTerminationSignals: false,
    persistedQueries: false,
    validationRules: operationLimits(config),
    parseOptions: { maxTokens: config.gateway.maxTokens },
    // Production answers no "Did you mean …?": field suggestions would reveal the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: config.production,
    formatError,
    plugins: [
      // The drain plugin closes idle sockets, waits for in-flight operations and cuts the rest after the grace period.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.gateway.shutdownGraceMs }),
      // Federated traces would carry resolver errors and timings to any router that asks; our own log has both.
      ApolloServerPluginInlineTraceDisabled(),
      config.production ? ApolloServerPluginLandingPageDisabled() : sandboxLandingPage(),
      operationLogPlugin({ production: config.production, statsRoles: config.gateway.statsRoles }),
      operationTelemetryPlugin(),
      upstreamCostPlugin(config),
    ],
  });
  await apollo.start();

  let draining = false;
  const cursorKey = config.gateway.cursorSecret ? Buffer.from(config.gateway.cursorSecret, 'utf8') : randomBytes(32);
  const readiness = new Readiness({
    tokenReady: () => tokens.ready(), pipeline, graphRoot, timeoutMs: config.gateway.readyTimeoutMs, isDraining: () => draining, logger,
  });
  const metricsPort = config.gateway.metrics.enabled ? config.gateway.metrics.port : null;
  httpServer.on(
    'request',
    createHttpHandler({
      config,
      apollo,
      logger,
      context: createContextFactory({
        config, logger, pipeline, authenticator, tokens, graphRoot, cursorKey, plannerMemory: new PlannerMemory(),
        ...(metrics ? { recordLinkPlan: (plan: PlanRecord['plan']) => metrics.recordLinkPlan(plan) } : {}),
      }),
      readiness,
      metrics,
      metricsOnThisPort: metricsPort === null,
      isDraining: () => draining,
      newRequestId: randomUUID,
      explorer: config.production ? null : loadExplorerAssets(),
    }),
  );
  const metricsServer = metrics && metricsPort !== null ? createHttpServer(createMetricsHandler(metrics)) : null;
  const closeAll = async () => {
    await apollo.stop();
    await new Promise((resolve) => (metricsServer?.listening ? metricsServer.close(resolve) : resolve(undefined)));
    await pipeline.close();
    await emulator?.stop();
  };
  let address: AddressInfo;
  let metricsAddress: AddressInfo | null = null;
  try {
    address = await listen(httpServer, config.port, config.host, (port) => `PORT=${port} on HOST=${config.host}`);
    if (metricsServer && metricsPort !== null) {
      metricsAddress = await listen(metricsServer, metricsPort, config.host, (port) => `GATEWAY_METRICS_PORT=${port} on HOST=${config.host}`);
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  const urlOf = (at: AddressInfo, path: string) => {
    // Show the host the operator configured (`localhost`), unless it is a wildcard.
    const named = ['0.0.0.0', '::'].includes(config.host) ? at.address : config.host;
    return `http://${named.includes(':') ? `[${named}]` : named}:${at.port}${path}`;
  };

  return {
    url: urlOf(address, '/'),
    graphRoot,
    emulator,
    metricsUrl: metrics ? urlOf(metricsAddress ?? address, METRICS_PATH) : null,
    logger,
    async stop() {
      draining = true;
      await closeAll();
      logger.flush();
    },
  };
}

/**
 * Structured JSON logs. Redaction is a second line of defence: nothing upstream (bodies, tokens,
 * URLs with query values) is passed to the logger in the first place.
 */
export function createLogger(level: string, destination?: DestinationStream, format: 'json' | 'pretty' = 'json'): Logger {
  // Lines are written synchronously: an asynchronous write still in flight at exit is overtaken by the exit's
  // own flush, and the shutdown lines reached stdout out of order. One line per operation is cheap to write.
  // Pretty lines are for a developer's terminal (LOG_FORMAT=pretty).
  const target =
    destination ??
    (format === 'pretty' ? pinoPretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }) : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level,
      base: { service: 'graph-reports-gateway' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token', 'accessToken'],
        censor: '[redacted]',
      },
    },
    target,
  );
}

function definedOnly<T extends Record<string, string | null>>(values: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as { [K in keyof T]?: string };
}
