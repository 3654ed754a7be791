import type { FaultRule } from '../FaultRule';

/** What a fault rule sees of a request. */
interface FaultCandidate {
  readonly method: string;
  /** Decoded path and query below the version. */
  readonly path: string;
  readonly rawUrl: string;
  readonly inner: boolean;
  readonly authorization: string;
}

/**
 * Applies fault rules in order. Each rule counts the requests it matches; the first matching rule whose
 * count is a multiple of `every` (and that has faults left under `times`) decides.
 */
export class FaultInjector {
  private rules: { rule: FaultRule; matched: number; faulted: number }[] = [];

  constructor(rules: readonly FaultRule[]) {
    this.set(rules);
  }

  /** Replaces the rules and restarts their counters. */
  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, matched: 0, faulted: 0 }));
  }

  /** The rule that faults this request, if any. */
  pick(request: FaultCandidate): FaultRule | null {
    for (const entry of this.rules) {
      const { match } = entry.rule;
      if (match?.inner !== undefined && match.inner !== request.inner) continue;
      if (match?.method !== undefined && match.method.toUpperCase() !== request.method.toUpperCase()) continue;
      if (match?.pathIncludes !== undefined && !request.path.includes(match.pathIncludes) && !request.rawUrl.includes(match.pathIncludes)) continue;
      if (match?.authorizationIncludes !== undefined && !request.authorization.includes(match.authorizationIncludes)) continue;
      entry.matched++;
      const every = Math.max(1, entry.rule.every ?? 1);
      if (entry.matched % every !== 0) continue;
      if (entry.rule.times !== undefined && entry.faulted >= entry.rule.times) continue;
      entry.faulted++;
      return entry.rule;
    }
    return null;
  }
}
