import type { Logger } from 'pino';
import { UpstreamAuthError } from '../auth/graphTokens';
import type { GraphPipeline } from '../graph/types';

/**
 * The checks `/ready` runs, in the order an operator fixes them:
 * - `configuration`: the settings were validated at start-up, and Entra accepts the gateway's credentials
 *   (a refusal such as `invalid_client` or missing consent is a setting to fix, not an outage);
 * - `tokenEndpoint`: Entra answers the token request (`GRAPH_AUTH=app`; `obo` and `none` need no token to start);
 * - `upstream`: Graph's root answers HTTP at all;
 * - `serving`: the gateway is not shutting down.
 */
export type ReadinessCheck = 'configuration' | 'tokenEndpoint' | 'upstream' | 'serving';

/** One check's verdict; `reason` names what failed without secrets, tokens or upstream response text. */
export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The `/ready` body: 200 when every check is ok, else 503. */
export interface ReadinessReport {
  readonly status: 'ready' | 'not ready';
  /** The checks that failed, in the order above; empty when ready. */
  readonly failed: readonly ReadinessCheck[];
  readonly checks: Readonly<Record<ReadinessCheck, CheckResult>>;
}

export interface ReadinessDeps {
  /** Resolves when an upstream token can be had (see TokenProvider.ready). */
  readonly tokenReady: () => Promise<void>;
  readonly pipeline: Pick<GraphPipeline, 'probe'>;
  /** Graph's root, named in the upstream check's reason. */
  readonly graphRoot: string;
  /** Bound on each check: a probe answers within about this long whatever upstream does. */
  readonly timeoutMs: number;
  readonly isDraining: () => boolean;
  readonly logger: Logger;
}

const OK: CheckResult = { ok: true };

/**
 * Runs the readiness checks, at most one run at a time (concurrent probes share it), each bounded by
 * `timeoutMs`, and logs when the verdict changes (not on every probe: orchestrators probe every few seconds).
 * A token request still running when its check timed out is joined by the next probe, never repeated
 * (the token provider is single-flight).
 */
export class Readiness {
  private running: Promise<ReadinessReport> | undefined;
  private lastVerdict: string | undefined;

  constructor(private readonly deps: ReadinessDeps) {}

  check(): Promise<ReadinessReport> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<ReadinessReport> {
    const [token, upstream] = await Promise.all([this.tokenCheck(), this.upstreamCheck()]);
    const checks: Record<ReadinessCheck, CheckResult> = {
      configuration: token.configuration,
      tokenEndpoint: token.tokenEndpoint,
      upstream,
      serving: this.deps.isDraining() ? { ok: false, reason: 'the gateway is shutting down: in-flight operations are finishing' } : OK,
    };
    const failed = (Object.keys(checks) as ReadinessCheck[]).filter((name) => !checks[name].ok);
    const report: ReadinessReport = { status: failed.length === 0 ? 'ready' : 'not ready', failed, checks };
    this.logChange(report);
    return report;
  }

  private async tokenCheck(): Promise<{ configuration: CheckResult; tokenEndpoint: CheckResult }> {
    const outcome = await withTimeout(this.deps.tokenReady(), this.deps.timeoutMs);
    if (outcome.kind === 'done') return { configuration: OK, tokenEndpoint: OK };
    if (outcome.kind === 'timeout') {
      return { configuration: OK, tokenEndpoint: { ok: false, reason: `the token endpoint gave no token within ${this.deps.timeoutMs} ms` } };
    }
    const { error } = outcome;
    // UpstreamAuthError messages name the credential, the scope and Entra's error code at most: safe to show.
    const reason = error instanceof UpstreamAuthError ? error.message : 'the token request failed unexpectedly';
    if (error instanceof UpstreamAuthError && error.reason === 'refused') {
      return { configuration: { ok: false, reason }, tokenEndpoint: OK };
    }
    return { configuration: OK, tokenEndpoint: { ok: false, reason } };
  }

  private async upstreamCheck(): Promise<CheckResult> {
    const outcome = await withTimeout(this.deps.pipeline.probe(this.deps.timeoutMs), this.deps.timeoutMs + 50);
    if (outcome.kind === 'done' && outcome.value.reachable) return OK;
    const why = outcome.kind === 'done' && !outcome.value.reachable && outcome.value.failure === 'network' ? 'could not be connected to' : `gave no answer within ${this.deps.timeoutMs} ms`;
    return { ok: false, reason: `Graph at ${this.deps.graphRoot} ${why}` };
  }

  private logChange(report: ReadinessReport): void {
    const verdict = JSON.stringify(report.failed.map((name) => [name, report.checks[name]]));
    if (verdict === this.lastVerdict) return;
    this.lastVerdict = verdict;
    if (report.failed.length === 0) return void this.deps.logger.info({ readiness: report }, 'ready: every readiness check passes');
    this.deps.logger.warn({ readiness: report }, `not ready: ${report.failed.join(', ')} failed`);
  }
}

type Outcome<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown } | { kind: 'timeout' };

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome<T>>((resolve) => (timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs)));
  try {
    return await Promise.race([work.then((value): Outcome<T> => ({ kind: 'done', value }), (error: unknown): Outcome<T> => ({ kind: 'failed', error })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
