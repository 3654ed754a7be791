/** The gateway's whole configuration: read once from the environment by `loadConfig`, validated, frozen. */
export interface Config {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly graph: {
    /** `emulator` starts the embedded Graph emulator in-process; otherwise the Graph root without version. */
    readonly url: 'emulator' | string;
    readonly auth: 'app' | 'obo' | 'none';
    readonly rateLimit: { readonly requests: number; readonly windowMs: number } | null;
    readonly timeoutMs: number;
    readonly batchSize: number;
    readonly maxRetries: number;
    readonly maxThrottleRetries: number;
    readonly maxConcurrentEnvelopes: number;
    readonly singleRequest: 'plain' | 'batch';
    readonly linkPlan: 'batch' | 'coalesce';
    /** Upstream pages one connection page may read to fill `first` rows. */
    readonly maxPagesPerPage: number;
    readonly cacheTtlMs: number;
    readonly cacheMaxEntries: number;
    readonly redisUrl: string | null;
    /** `false` is the benchmark's naive mode: one plain call per field, no batching, no cache. */
    readonly dedupe: boolean;
  };
  readonly gateway: {
    readonly auth: 'entra' | 'none';
    readonly audiences: readonly string[];
    readonly requiredRoles: readonly string[];
    readonly corsOrigins: readonly string[] | '*';
    readonly deadlineMs: number;
    readonly cursorSecret: string | null;
    readonly bodyLimitBytes: number;
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxTokens: number;
    readonly maxRootFields: number;
    readonly maxCost: number;
    readonly shutdownGraceMs: number;
  };
  readonly azure: {
    readonly authorityHost: string;
    readonly tenantId: string | null;
    readonly clientId: string | null;
    readonly clientSecret: string | null;
    readonly clientCertificatePath: string | null;
  };
  readonly emulator: { readonly users: number; readonly latencyMs: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}
