import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { type Caller, type CallerAuthenticator, CallerAuthError, CallerForbiddenError } from '../auth/callers';
import type { TokenProvider } from '../auth/graphTokens';
import type { Config } from '../config';
import { CodedError, ErrorCode, UnauthenticatedError } from '../errors';
import type { GraphPipeline } from '../graph/types';
import type { OperationTelemetry } from '../observability/tracing';
import { ConnectionFetcher, Reports } from './connections';
import { CursorCodec } from './cursor';
import { KeyedReads, type PlannerMemory } from './keyedReads';
import { Links } from './links';
import { createUpstream, OperationStats, type PlanRecord, type Upstream } from './upstream';

/** Everything one GraphQL operation may use; built per request, so loaders never outlive it. */
export interface GatewayContext {
  readonly requestId: string;
  readonly config: Config;
  readonly caller: Caller;
  readonly logger: Logger;
  readonly stats: OperationStats;
  readonly upstream: Upstream;
  readonly connections: ConnectionFetcher;
  readonly reports: Reports;
  readonly links: Links;
  /** The operation's span and metrics (see OperationTelemetry). */
  readonly telemetry: OperationTelemetry;
  /** Logs an upstream enum value the schema does not know, once per process and value. */
  readonly onUnknownEnum: (enumName: string, value: string) => void;
}

export interface ContextDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly pipeline: GraphPipeline;
  readonly authenticator: CallerAuthenticator;
  readonly tokens: TokenProvider;
  readonly graphRoot: string;
  readonly cursorKey: Uint8Array;
  /** What the read planner learned (report sizes, refused filter shapes): process-wide, so each is paid once. */
  readonly plannerMemory: PlannerMemory;
  /** Told which plan answered each batch of keyed reads (metrics). */
  readonly recordLinkPlan?: (plan: PlanRecord['plan']) => void;
}

/**
 * Builds each operation's context: the caller first (a refused caller costs nothing upstream), then
 * the per-operation loaders, so nothing batched or cached in memory outlives the operation.
 */
export function createContextFactory(
  deps: ContextDeps,
): (req: IncomingMessage, requestId: string, telemetry: OperationTelemetry) => Promise<GatewayContext> {
  const { config, pipeline, tokens } = deps;
  const codec = new CursorCodec(deps.cursorKey, { ttlSeconds: config.gateway.cursorTtlSeconds });
  const unknownEnumValues = new Set<string>();

  return async (req, requestId, telemetry) => {
    const { caller, principal } = await authenticate(deps.authenticator, tokens, req.headers.authorization);
    const logger = deps.logger.child({ requestId });
    const stats = new OperationStats();
    const upstream = createUpstream(pipeline, {
      principal,
      tenant: caller.kind === 'anonymous' ? (config.azure.tenantId ?? 'default') : caller.tenantId,
      party: partyOf(caller, requestId),
      getToken: () => tokens.getToken(caller),
      deadline: Date.now() + config.gateway.deadlineMs,
      stats,
      traceContext: telemetry.context,
    });
    const connections = new ConnectionFetcher(upstream, codec, deps.graphRoot, config.graph.maxPagesPerPage);
    const reports = new Reports(upstream, connections, deps.graphRoot, config.graph.maxPagesPerPage, config.graph.auth);
    // Naive mode stands for resolvers that read one key at a time: it plans nothing.
    const planner = {
      plan: config.graph.dedupe ? config.graph.linkPlan : ('batch' as const),
      scanBound: { rows: config.graph.scanMaxRows, bytes: config.graph.scanMaxBytes },
      maxPages: config.graph.maxPagesPerPage,
    };
    const keyed = new KeyedReads(upstream, deps.graphRoot, planner, deps.plannerMemory, principal, stats, deps.recordLinkPlan);
    return {
      requestId,
      config,
      caller,
      logger,
      stats,
      upstream,
      connections,
      reports,
      links: new Links(reports, connections, keyed),
      telemetry,
      onUnknownEnum(enumName, value) {
        const key = `${enumName}.${value}`;
        if (unknownEnumValues.has(key) || unknownEnumValues.size >= 1000) return;
        unknownEnumValues.add(key);
        deps.logger.warn({ enum: enumName, value }, 'upstream sent an enum value the schema does not know; served as UNKNOWN_FUTURE_VALUE');
      },
    };
  };
}

/**
 * Whom the tenant's budget is shared fairly between: each authenticated caller is one party, whatever number of
 * operations it runs; anonymous operations (`GATEWAY_AUTH=none`) cannot be told apart by caller, so each is its own.
 */
function partyOf(caller: Caller, requestId: string): string {
  return caller.kind === 'anonymous' ? `operation:${requestId}` : `caller:${caller.tenantId}:${caller.subject}`;
}

/**
 * The caller, or the refusal as Apollo's own channel carries it: a coded GraphQLError whose
 * `extensions.http` sets the status (401, 403) and, for 401, the RFC 6750 challenge. The context function is
 * the one path by which a request reaches the resolvers, and it runs before the operation is parsed, so a
 * refused caller costs no parsing and no upstream call. The token provider's refusals (`obo`: an app-only
 * caller, a token past `exp` but inside the clock tolerance) are asked here too, through `principalOf`.
 */
async function authenticate(authenticator: CallerAuthenticator, tokens: TokenProvider, header: string | undefined): Promise<{ caller: Caller; principal: string }> {
  try {
    const caller = await authenticator.authenticate(header);
    return { caller, principal: tokens.principalOf(caller) };
  } catch (error) {
    throw callerRefusal(error);
  }
}

/**
 * A caller refusal as the coded error a client sees: 403 FORBIDDEN or 401 UNAUTHENTICATED with its
 * challenge (RFC 6750: a request with no credentials gets a bare challenge, a bad token names the error).
 * Anything else is returned unchanged.
 */
export function callerRefusal(error: unknown): unknown {
  if (error instanceof CallerForbiddenError) {
    return new CodedError(ErrorCode.FORBIDDEN, error.message, { http: { status: 403 } }, error);
  }
  if (error instanceof CallerAuthError) {
    const challenge = error.reason === 'missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="${error.reason}"`;
    return new UnauthenticatedError('A valid bearer token for this gateway is required', error, challenge);
  }
  return error;
}
