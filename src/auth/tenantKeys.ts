import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { type Agent, get } from 'node:https';

/** Metadata documents are small; anything bigger is not what we asked for. */
const MAX_BODY_BYTES = 1024 * 1024;

/** GETs an https URL and parses its JSON body; any status but 200 is an error naming the URL and status. */
export function getJson(url: URL, agent: Agent | undefined, timeoutMs: number): Promise<unknown> {
  if (url.protocol !== 'https:') return Promise.reject(new Error(`${url.href} must be an https URL`));
  return new Promise((resolve, reject) => {
    const request = get(url, { agent, timeout: timeoutMs, headers: { accept: 'application/json' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET ${url.href} must answer 200, but answered: ${res.statusCode ?? 'nothing'}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) request.destroy(new Error(`GET ${url.href} answered more than ${MAX_BODY_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          reject(new Error(`GET ${url.href} must answer JSON, but did not`));
        }
      });
      res.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url.href} took more than ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

const METADATA_TIMEOUT_MS = 5_000;
const JWKS_TIMEOUT_MS = 5_000;
/** An unknown `kid` refetches the keys (key rollover), but at most once per this many ms. */
const JWKS_COOLDOWN_MS = 30_000;
/** Keys are refetched at least this often even when every `kid` is known. */
const JWKS_MAX_AGE_MS = 10 * 60_000;

/**
 * After a failed metadata read, the failure is served for 1 s, then 2, 4, … up to 60 s: during an Entra
 * outage every request would otherwise fetch the metadata again (README: Security).
 */
export const METADATA_RETRY_BASE_MS = 1_000;
export const METADATA_RETRY_CAP_MS = 60_000;

/**
 * The tenant's signing keys, found through its OpenID metadata (read once, on first use) and then
 * fetched and cached by jose. A failed metadata read is remembered for a backoff interval (doubling from
 * METADATA_RETRY_BASE_MS to METADATA_RETRY_CAP_MS), in which every token gets the same failure at once.
 */
export function createTenantKeySet(options: {
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly expectedIssuer: string;
  readonly agent?: Agent;
  /** Epoch milliseconds; tests pass a fake clock. @default Date.now */
  readonly now?: () => number;
}): JWTVerifyGetKey {
  const now = options.now ?? Date.now;
  const metadataUrl = new URL(`${options.authorityHost}/${options.tenantId}/v2.0/.well-known/openid-configuration`);
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const load = async (): Promise<JWTVerifyGetKey> => {
    const metadata = await getJson(metadataUrl, options.agent, METADATA_TIMEOUT_MS);
    const { issuer, jwks_uri: jwksUri } = (metadata ?? {}) as { issuer?: unknown; jwks_uri?: unknown };
    if (issuer !== options.expectedIssuer) {
      throw new Error(`the OpenID metadata at ${metadataUrl.href} must name issuer ${options.expectedIssuer}, but names: ${String(issuer)}`);
    }
    // The keys must come from the authority itself, so altered metadata cannot point at other keys.
    const jwksUrl = typeof jwksUri === 'string' && URL.canParse(jwksUri) ? new URL(jwksUri) : undefined;
    if (jwksUrl === undefined || jwksUrl.origin !== metadataUrl.origin) {
      throw new Error(`the OpenID metadata's jwks_uri must be on ${metadataUrl.origin}, but is: ${String(jwksUri)}`);
    }
    return createRemoteJWKSet(jwksUrl, {
      agent: options.agent,
      timeoutDuration: JWKS_TIMEOUT_MS,
      cooldownDuration: JWKS_COOLDOWN_MS,
      cacheMaxAge: JWKS_MAX_AGE_MS,
    });
  };
  let failures = 0;
  let retryAt = 0;
  return async (header, token) => {
    if (keys === undefined || (failures > 0 && now() >= retryAt)) {
      retryAt = Number.POSITIVE_INFINITY; // until this attempt settles, later tokens share it
      const attempt: Promise<JWTVerifyGetKey> = load().then(
        (loaded) => {
          failures = 0;
          return loaded;
        },
        (error: unknown) => {
          failures += 1;
          retryAt = now() + Math.min(METADATA_RETRY_CAP_MS, METADATA_RETRY_BASE_MS * 2 ** (failures - 1));
          throw error;
        },
      );
      // Concurrent tokens share the attempt; a failed one stays here (failing fast) until retryAt.
      attempt.catch(() => undefined);
      keys = attempt;
    }
    return (await keys)(header, token);
  };
}
