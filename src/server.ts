import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import pino, { type DestinationStream, type Logger } from 'pino';
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
import { createHttpHandler } from './http';
import { createContextFactory, type GatewayContext } from './operation/context';
import { resolvers } from './reports';

export interface GatewayServer {
  /** Where the gateway answers, e.g. `http://127.0.0.1:4000/`. */
  readonly url: string;
  /** The Graph root in use: the in-process emulator's URL when `GRAPH_URL=emulator`. */
  readonly graphRoot: string;
  readonly emulator: Emulator | null;
  /** Stops taking operations, lets in-flight ones finish (up to the grace period), then closes everything. */
  stop(): Promise<void>;
}

/** The one orchestrator: builds every part from `config` and starts listening. Nothing happens at import. */
export interface ServerOptions {
  /** Where JSON logs go. @default stdout */
  readonly logDestination?: DestinationStream;
  /**
   * The TLS trust for Entra (caller keys and upstream tokens). Unset in production, where Node's
   * store and NODE_EXTRA_CA_CERTS apply; tests pass one that trusts their local provider only.
   */
  readonly httpsAgent?: HttpsAgent;
}

export async function createServer(config: Config, options: ServerOptions = {}): Promise<GatewayServer> {
  const logger = createLogger(config.logLevel, options.logDestination);
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
    cache: { ttlMs: config.graph.cacheTtlMs, maxEntries: config.graph.cacheMaxEntries, ...(config.graph.redisUrl ? { redisUrl: config.graph.redisUrl } : {}) },
    redis: { commandTimeoutMs: config.graph.redisTimeoutMs, retryMs: config.graph.redisRetryMs },
    singleRequest: config.graph.singleRequest,
    dedupe: config.graph.dedupe,
    backoff: { baseMs: DEFAULT_BACKOFF_BASE_MS, capMs: DEFAULT_BACKOFF_CAP_MS },
    maxResponseBytes: MAX_RESPONSE_BYTES,
    // The Redis breaker's moves are what an operator must see: budget and cache are local while it is open.
    log: (event) => (event.type === 'redis' ? logger.warn({ redis: event }, `redis breaker ${event.state}`) : logger.debug({ upstream: event }, 'upstream call')),
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
      upstreamCostPlugin(config),
    ],
  });
  await apollo.start();

  let draining = false;
  const cursorKey = config.gateway.cursorSecret ? Buffer.from(config.gateway.cursorSecret, 'utf8') : randomBytes(32);
  httpServer.on(
    'request',
    createHttpHandler({
      config,
      apollo,
      logger,
      context: createContextFactory({ config, logger, pipeline, authenticator, tokens, graphRoot, cursorKey, coalesceRefusals: new Set() }),
      ready: async () => {
        await tokens.ready();
        return true;
      },
      isDraining: () => draining,
      newRequestId: randomUUID,
      explorer: config.production ? null : loadExplorerAssets(),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const address = httpServer.address() as AddressInfo;
  // Show the host the operator configured (`localhost`), unless it is a wildcard.
  const named = ['0.0.0.0', '::'].includes(config.host) ? address.address : config.host;
  const host = named.includes(':') ? `[${named}]` : named;

  return {
    url: `http://${host}:${address.port}/`,
    graphRoot,
    emulator,
    async stop() {
      draining = true;
      await apollo.stop();
      await pipeline.close();
      await emulator?.stop();
      logger.flush();
    },
  };
}

/**
 * Structured JSON logs. Redaction is a second line of defence: nothing upstream (bodies, tokens,
 * URLs with query values) is passed to the logger in the first place.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'graph-reports-gateway' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token', 'accessToken'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

function definedOnly<T extends Record<string, string | null>>(values: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as { [K in keyof T]?: string };
}
