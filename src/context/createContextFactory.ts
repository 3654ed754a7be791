import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { CallerAuthError } from '../auth/CallerAuthError';
import type { CallerAuthenticator } from '../auth/CallerAuthenticator';
import { CallerForbiddenError } from '../auth/CallerForbiddenError';
import type { TokenProvider } from '../auth/TokenProvider';
import type { Config } from '../config/Config';
import { ConnectionFetcher } from '../connections/ConnectionFetcher';
import { CursorCodec } from '../connections/CursorCodec';
import { ErrorCode } from '../errors/ErrorCode';
import type { GraphPipeline } from '../graph/GraphPipeline';
import type { HttpError } from '../http/createHttpHandler';
import { createUpstream } from '../loaders/createUpstream';
import { OperationStats } from '../loaders/OperationStats';
import { CoalescedRows } from '../links/CoalescedRows';
import { Links } from '../links/Links';
import { Reports } from '../reports/Reports';
import type { GatewayContext } from './GatewayContext';

export interface ContextDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly pipeline: GraphPipeline;
  readonly authenticator: CallerAuthenticator;
  readonly tokens: TokenProvider;
  readonly graphRoot: string;
  readonly cursorKey: Uint8Array;
  /** Reports whose upstream refused a coalesced `or` filter: process-wide, so the refusal is paid once. */
  readonly coalesceRefusals: Set<string>;
}

/**
 * Builds each operation's context: the caller first (a refused caller costs nothing upstream), then
 * the per-operation loaders, so nothing batched or cached in memory outlives the operation.
 */
export function createContextFactory(deps: ContextDeps): (req: IncomingMessage, requestId: string) => Promise<GatewayContext> {
  const { config, pipeline, tokens } = deps;
  const codec = new CursorCodec(deps.cursorKey);
  const unknownEnumValues = new Set<string>();

  return async (req, requestId) => {
    const caller = await authenticate(deps.authenticator, req.headers.authorization);
    const logger = deps.logger.child({ requestId });
    const stats = new OperationStats();
    const upstream = createUpstream(pipeline, {
      principal: tokens.principalOf(caller),
      tenant: caller.kind === 'anonymous' ? (config.azure.tenantId ?? 'default') : caller.tenantId,
      getToken: () => tokens.getToken(caller),
      deadline: Date.now() + config.gateway.deadlineMs,
      stats,
    });
    const connections = new ConnectionFetcher(upstream, codec, deps.graphRoot, config.graph.maxPagesPerPage);
    const reports = new Reports(upstream, connections, deps.graphRoot, config.graph.maxPagesPerPage);
    const coalesced = new CoalescedRows(upstream, deps.graphRoot, config.graph.maxPagesPerPage, deps.coalesceRefusals);
    return {
      requestId,
      config,
      caller,
      logger,
      stats,
      upstream,
      connections,
      reports,
      links: new Links(config.graph.linkPlan, reports, connections, coalesced),
      onUnknownEnum(enumName, value) {
        const key = `${enumName}.${value}`;
        if (unknownEnumValues.has(key) || unknownEnumValues.size >= 1000) return;
        unknownEnumValues.add(key);
        deps.logger.warn({ enum: enumName, value }, 'upstream sent an enum value the schema does not know; served as UNKNOWN_FUTURE_VALUE');
      },
    };
  };
}

async function authenticate(authenticator: CallerAuthenticator, header: string | undefined) {
  try {
    return await authenticator.authenticate(header);
  } catch (error) {
    if (error instanceof CallerForbiddenError) {
      throw { httpStatus: 403, code: ErrorCode.FORBIDDEN, message: error.message } satisfies HttpError;
    }
    if (error instanceof CallerAuthError) {
      throw {
        httpStatus: 401,
        code: ErrorCode.UNAUTHENTICATED,
        message: 'A valid bearer token for this gateway is required',
        // RFC 6750: a request with no credentials gets a bare challenge, a bad token names the error.
        headers: { 'www-authenticate': error.reason === 'missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="${error.reason}"` },
      } satisfies HttpError;
    }
    throw error;
  }
}
