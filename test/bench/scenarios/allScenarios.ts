import type { BenchSettings } from '../settings/BenchSettings';
import { entitiesScenario } from './entitiesScenario';
import { firstPageScenario } from './firstPageScenario';
import { lookupsScenario } from './lookupsScenario';
import type { Scenario } from './Scenario';
import { usageEventsScenario } from './usageEventsScenario';
import { walkScenario } from './walkScenario';

const EVERYONE = ['gateway', 'naive', 'rest', 'mesh'] as const;
const EVERY_THIRD_THROTTLED = [{ status: 429, retryAfter: '1', every: 3 }];

/** Every scenario of `npm run bench`, in the order of the table. */
export function allScenarios(settings: BenchSettings): Scenario[] {
  const budget = `${settings.throttleBudget.requests}/${settings.throttleBudget.windowSeconds}s`;
  const ops = `${settings.sequentialOps} ops in sequence`;
  return [
    firstPageScenario({ id: 'first-page', title: 'first page of registrations (`first: 50`)', mode: 'throughput', contenders: EVERYONE, target: true }),
    firstPageScenario({
      id: 'repeat',
      title: 'the same first page, repeated within the cache TTL (default cache)',
      mode: 'throughput',
      contenders: ['gateway'],
      identical: true,
      target: false,
      env: { GRAPH_CACHE_TTL_SECONDS: null },
    }),
    // The default cache and a budget that never waits, both in Redis: every operation asks Redis for a cache
    // entry and for a budget slot, or, once Redis is killed, the process's own cache and budget.
    ...(['up', 'killed'] as const).map((redis) =>
      firstPageScenario({
        id: `redis-${redis}`,
        title: `the first page, default cache and budget in Redis, Redis ${redis === 'up' ? 'up' : 'killed (breaker open)'}`,
        mode: 'throughput',
        contenders: ['gateway'],
        target: false,
        env: { GRAPH_CACHE_TTL_SECONDS: null, GRAPH_RATE_LIMIT: '100000/1s' },
        redis,
      }),
    ),
    usageEventsScenario({ id: 'usage', title: '50 registrations with their usage events', mode: 'throughput', contenders: EVERYONE, target: true }),
    usageEventsScenario({
      id: 'usage-per-key',
      title: '50 registrations with their usage events, `GRAPH_LINK_PLAN=batch` (one request per user)',
      mode: 'throughput',
      contenders: ['gateway'],
      env: { GRAPH_LINK_PLAN: 'batch' },
      target: false,
    }),
    lookupsScenario(),
    entitiesScenario(),
    firstPageScenario({
      id: 'evolvable',
      title: `first page with \`authMethods\` (values outside the CSDL enum), ${ops}`,
      mode: 'sequential',
      contenders: EVERYONE,
      authMethods: true,
      target: false,
    }),
    usageEventsScenario({
      id: 'throttled-budget',
      title: `throttled by Graph's budget (${budget}, enforced by the emulator): 50 with usage events, ${ops}`,
      mode: 'sequential',
      contenders: EVERYONE,
      budget: true,
      target: false,
    }),
    usageEventsScenario({
      id: 'throttled',
      title: `throttled: every 3rd request 429 \`Retry-After: 1\` on top of the budget: 50 with usage events, ${ops}`,
      mode: 'sequential',
      contenders: EVERYONE,
      faults: EVERY_THIRD_THROTTLED,
      budget: true,
      target: false,
    }),
    walkScenario(settings.walkRows, settings.walkPageCap),
  ];
}
