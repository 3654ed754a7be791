import { executeGroup } from './batch/executeGroup';
import type { PendingRead } from './batch/PendingRead';
import { splitIntoEnvelopes } from './batch/splitIntoEnvelopes';
import { canonicalKey } from './canonicalKey';
import { GraphRefusedRequestError } from './errors/GraphRefusedRequestError';
import type { GraphCallContext } from './GraphCallContext';
import type { GraphRequest } from './GraphRequest';
import type { GraphResponse } from './GraphResponse';
import type { ReadThroughParts } from './ReadThroughParts';
import { resolveGraphUrl } from './resolveGraphUrl';

interface Leader {
  readonly key: string;
  readonly flight: Promise<GraphResponse>;
  readonly pending: PendingRead;
  /** Answers from the cache: no cache write, so a hit never extends its entry's TTL. */
  hit(response: GraphResponse): void;
}

function lead(key: string, request: GraphRequest, parts: ReadThroughParts): Leader {
  let settle!: { resolve: (response: GraphResponse) => void; reject: (error: unknown) => void };
  const flight = new Promise<GraphResponse>((resolve, reject) => (settle = { resolve, reject }));
  parts.singleFlight.start(key, flight);
  const pending: PendingRead = {
    request,
    resolve: (response) => {
      settle.resolve(response);
      // Only 2xx reads get here; the flight ends once the cache can answer in its place.
      void parts.cache.set(key, response).finally(() => parts.singleFlight.finish(key, flight));
    },
    reject: (error) => {
      settle.reject(error);
      parts.singleFlight.finish(key, flight);
    },
  };
  const hit = (response: GraphResponse): void => {
    settle.resolve(response);
    parts.singleFlight.finish(key, flight);
  };
  return { key, flight, pending, hit };
}

async function fetchMisses(leaders: readonly Leader[], parts: ReadThroughParts, context: GraphCallContext): Promise<void> {
  const cached = await Promise.all(leaders.map((leader) => parts.cache.get(leader.key)));
  const misses: PendingRead[] = [];
  leaders.forEach((leader, index) => {
    const hit = cached[index];
    if (hit === undefined) return misses.push(leader.pending);
    context.stats.cacheHits += 1;
    leader.hit(hit);
  });
  await Promise.all(splitIntoEnvelopes(misses, parts.envelopeSize).map((group) => executeGroup(group, parts, context)));
}

/**
 * The read path of one DataLoader batch: URL allowlist → single-flight → response cache → `$batch`
 * envelopes → retries and budget. Returns one promise per request, in order, each settling as soon as its
 * own envelope answers (not when the slowest envelope of the batch does).
 */
export function readThrough(requests: readonly GraphRequest[], parts: ReadThroughParts, context: GraphCallContext): Promise<GraphResponse>[] {
  const leaders: Leader[] = [];
  const answers = requests.map((request) => {
    try {
      if (request.method !== 'GET') throw new GraphRefusedRequestError(`reads must use GET, but got: ${request.method}`);
      resolveGraphUrl(parts.root, request);
    } catch (error) {
      return Promise.reject(error);
    }
    const key = canonicalKey(request, context.principal);
    const joined = parts.singleFlight.join(key);
    if (joined !== undefined) {
      context.stats.singleFlightJoins += 1;
      return joined;
    }
    const leader = lead(key, request, parts);
    leaders.push(leader);
    return leader.flight;
  });
  if (leaders.length > 0) {
    fetchMisses(leaders, parts, context).catch((error: unknown) => {
      for (const leader of leaders) leader.pending.reject(error);
    });
  }
  // Callers attach their handlers a few microtasks later (through DataLoader); do not report them as unhandled.
  for (const answer of answers) answer.catch(() => undefined);
  return answers;
}
