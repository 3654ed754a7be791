import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Config } from '../config';
import { CodedError, ErrorCode } from '../errors';
import { minimumBudgetWaitMs } from '../graph/budget';
import { pageLimits } from '../operation/connections';
import { GUESSED_SCAN_SHARE, LARGEST_PAGE } from '../operation/planner';
import type { GatewayContext } from '../operation/context';
import { entityLookups, linkFields } from '../reports';

/**
 * Budgeted upstream requests. `requests` is an upper bound of what the operation can make: every page a
 * connection may follow to fill `first`, every fallback a plan may take. `slots` is what it needs when each
 * connection page is one upstream page: what the budget must grant at the least, cache and de-duplication aside.
 */
export interface Cost {
  readonly requests: number;
  readonly slots: number;
}

const ZERO: Cost = { requests: 0, slots: 0 };
const plus = (a: Cost, b: Cost): Cost => ({ requests: a.requests + b.requests, slots: a.slots + b.slots });
const max = (a: Cost, b: Cost): Cost => ({ requests: Math.max(a.requests, b.requests), slots: Math.max(a.slots, b.slots) });

/** What the estimate depends on besides the document. */
export interface CostSettings {
  /** `GRAPH_MAX_PAGES_PER_PAGE`: upstream pages one connection page may read. */
  readonly maxPagesPerPage: number;
  /** `GRAPH_LINK_PLAN`. */
  readonly linkPlan: Config['graph']['linkPlan'];
  /** Pages the largest report scan reads (`GRAPH_SCAN_MAX_ROWS` at the planner's page size); 0 when scans are off. */
  readonly scanPages: number;
}

/** The cost settings of a configuration: one place that turns settings into what the estimate needs. */
export function costSettingsOf(config: Config): CostSettings {
  return {
    maxPagesPerPage: config.graph.maxPagesPerPage,
    linkPlan: config.graph.linkPlan,
    scanPages: Math.ceil(config.graph.scanMaxRows / LARGEST_PAGE),
  };
}

/** A batch of keyed reads, as one tick of resolvers asks for them. */
export interface KeyedRead {
  /** `rows`: a connection per key (a user's usage events); `first`: the first row per key; `byId`: `GET …/{id}`. */
  readonly kind: 'rows' | 'first' | 'byId';
  readonly keys: number;
  /** For `rows`: the upstream pages one key's connection page may read. */
  readonly pagesPerKey?: number;
}

/** Keys per coalesced `or` request that the slot estimate assumes; the URL limit fits more for usual names. */
const COALESCED_KEYS_PER_REQUEST = 20;

/**
 * The budgeted requests of a batch of keyed reads under the plan the gateway would choose: the only place
 * the cost analysis knows the read plans.
 *
 * `batch`: one request per key (and per page). Otherwise the read planner chooses per batch (README: The read
 * planner; its cost model is `planCost` in src/operation/planner.ts): never more slots than the cheaper of per
 * key and coalesced (ids are never coalesced: Graph filters no report on `id`). The upper bound adds what the
 * planner can try and fall back from: a scan priced on a guess gives up after a share of what the next plan
 * costs (GUESSED_SCAN_SHARE), then every coalesced chunk read to the page bound, then one request per key.
 */
export function keyedReadCost(read: KeyedRead, settings: CostSettings): Cost {
  const { keys } = read;
  if (keys === 0) return ZERO;
  const perKey = read.kind === 'rows' ? (read.pagesPerKey ?? 1) : 1;
  if (settings.linkPlan === 'batch') return { requests: keys * perKey, slots: keys };
  const guess = (plan: number): number => Math.ceil(plan * GUESSED_SCAN_SHARE);
  // Slots are the least the chosen plan may need (an operation is refused on them only when it cannot finish):
  // a scan within the bound serves any number of keys in at most `scanPages` requests.
  const scannable = settings.linkPlan !== 'coalesce' && settings.scanPages > 0;
  const atLeast = (plan: number): number => (scannable ? Math.min(plan, settings.scanPages) : plan);
  if (read.kind === 'byId') return { requests: guess(keys) + keys, slots: atLeast(keys) };
  const chunks = Math.ceil(keys / COALESCED_KEYS_PER_REQUEST);
  return { requests: guess(chunks) + chunks * settings.maxPagesPerPage + keys * perKey, slots: atLeast(chunks) };
}

/**
 * Upstream pages a connection page of `first` rows may read. A page that carries a nextLink holds at least one
 * row (Graph ends a collection with its last page; only that one may be empty), so `first` rows need at most
 * `first` pages, plus one when a cursor resumes at the end of an upstream page; the page bound caps it.
 */
export function pagesPerPage(first: number, settings: CostSettings): number {
  return Math.max(1, Math.min(settings.maxPagesPerPage, first + 1));
}

/** The estimate of one operation, with what the walk saw. */
export interface CostEstimate extends Cost {
  /** `_entities` representations the operation carries. */
  readonly representations: number;
  /** Fragment bodies walked: each fragment once per type and multiplier it is spread with. */
  readonly fragmentWalks: number;
}

/**
 * Estimates what an operation costs upstream, in one walk over its document: linear in the document, since each
 * fragment's cost is computed once per type it applies to and number of parents it is spread for, and reused
 * for every other spread (documents whose fragments spread the next one twice cost one walk per fragment, not
 * 2^depth). `variables` must be coerced (defaults applied): `getVariableValues`.
 *
 * A root report field or connection costs its pages; a link costs its keyed reads (`keyedReadCost`) for every
 * parent it is resolved for; a connection multiplies its children by `first`; `_entities` counts each
 * representation as its type's lookup plus its selection on that type, descending into the possible types.
 *
 * graphql-js does the coercion (`getVariableValues`, `getArgumentValues`) and the type questions; the walk is
 * our own because the complexity libraries (graphql-query-complexity and its kin) walk every spread anew, which
 * is exponential in a document whose fragments spread the next one twice (README: Cost analysis), and cost a
 * field per parent, where a batch's plan costs per batch.
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
  settings: CostSettings,
): CostEstimate {
  const memo = new Map<string, Cost>();
  let fragmentWalks = 0;
  let representations = 0;

  const applies = (condition: string | undefined, parent: GraphQLObjectType): boolean => {
    if (condition === undefined || condition === parent.name) return true;
    const type = schema.getType(condition);
    return type !== undefined && isAbstractType(type) && schema.isSubType(type, parent);
  };

  const selection = (set: SelectionSetNode, parent: GraphQLObjectType, parents: number, root: boolean): Cost => {
    let total = ZERO;
    // Execution collects a fragment spread twice in one selection set once (graphql's collectFields): so does this.
    const spread = new Set<string>();
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) total = plus(total, field(s, parent, parents, root));
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (applies(s.typeCondition?.name.value, parent)) total = plus(total, selection(s.selectionSet, parent, parents, root));
      } else {
        const fragment = fragments[s.name.value];
        if (fragment === undefined || spread.has(s.name.value) || !applies(fragment.typeCondition.name.value, parent)) continue;
        spread.add(s.name.value);
        const key = `${s.name.value}\n${parent.name}\n${parents}\n${root}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          // Validation has refused fragment cycles already; the placeholder keeps this walk finite regardless.
          memo.set(key, ZERO);
          fragmentWalks += 1;
          cost = selection(fragment.selectionSet, parent, parents, root);
          memo.set(key, cost);
        }
        total = plus(total, cost);
      }
    }
    return total;
  };

  const children = (node: FieldNode, def: GraphQLField<unknown, unknown>, parents: number): Cost => {
    if (node.selectionSet === undefined) return ZERO;
    const named = getNamedType(def.type);
    if (isObjectType(named)) return selection(node.selectionSet, named, parents, false);
    if (!isAbstractType(named)) return ZERO;
    // Any of the possible types may come back: the dearest one bounds them all.
    return schema.getPossibleTypes(named).reduce((worst, type) => max(worst, selection(node.selectionSet!, type, parents, false)), ZERO);
  };

  const entities = (node: FieldNode, reps: readonly unknown[]): Cost => {
    representations += reps.length;
    const byType = new Map<string, { count: number; missingKey: number }>();
    for (const rep of reps) {
      const fields = (rep ?? {}) as Record<string, unknown>;
      const typeName = typeof fields.__typename === 'string' ? fields.__typename : '';
      const group = byType.get(typeName) ?? { count: 0, missingKey: 0 };
      group.count += 1;
      if (fields.id === undefined || fields.userPrincipalName === undefined) group.missingKey += 1;
      byType.set(typeName, group);
    }
    let total = ZERO;
    for (const [typeName, { count, missingKey }] of byType) {
      const type = schema.getType(typeName);
      if (!isObjectType(type) || node.selectionSet === undefined) continue;
      // An entity of a report is read by id; a User carries its keys and reads the directory row only to
      // translate the key it lacks (src/reports/user.ts).
      const lookups = entityLookups.has(typeName) ? count : typeName === 'User' ? missingKey : 0;
      total = plus(total, keyedReadCost({ kind: 'byId', keys: lookups }, settings));
      total = plus(total, selection(node.selectionSet, type, count, false));
    }
    return total;
  };

  const field = (node: FieldNode, parent: GraphQLObjectType, parents: number, root: boolean): Cost => {
    const def = parent.getFields()[node.name.value];
    if (def === undefined || def.name === '_service') return ZERO;
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(def, node, variables as Record<string, unknown>);
    } catch {
      // An argument execution will refuse costs nothing upstream.
    }
    if (root && def.name === '_entities') {
      return entities(node, Array.isArray(args.representations) ? args.representations : []);
    }
    if (getNamedType(def.type).name.endsWith('Connection')) {
      // A `first` outside 1..maxFirst is refused by its resolver (BAD_USER_INPUT, naming the argument) before any
      // read; bounding it here lets that clearer error through instead of a cost refusal.
      const given = typeof args.first === 'number' && args.first > 0 ? args.first : pageLimits.defaultFirst;
      const first = Math.min(given, pageLimits.maxFirst);
      const pages = pagesPerPage(first, settings);
      const own = root ? { requests: pages, slots: 1 } : keyedReadCost({ kind: 'rows', keys: parents, pagesPerKey: pages }, settings);
      return plus(own, children(node, def, parents * first));
    }
    if (root) {
      // A summary collection is read whole, following nextLinks up to the page bound; a function answers once.
      const own = isListType(getNullableType(def.type)) ? { requests: settings.maxPagesPerPage, slots: 1 } : { requests: 1, slots: 1 };
      return plus(own, children(node, def, parents));
    }
    const link = linkFields.get(`${parent.name}.${def.name}`);
    const own = link === undefined ? ZERO : keyedReadCost({ kind: link, keys: parents }, settings);
    return plus(own, children(node, def, parents));
  };

  const rootType = schema.getRootType(operation.operation);
  const cost = rootType ? selection(operation.selectionSet, rootType, 1, true) : ZERO;
  return { ...cost, representations, fragmentWalks };
}

/**
 * Refuses, before any resolver runs and so before any upstream call, an operation that carries more `_entities`
 * representations than `GATEWAY_MAX_REPRESENTATIONS`, may cost more than `GATEWAY_MAX_COST` upstream requests, or
 * needs more budget slots than the budget can grant before the deadline. Variables are coerced first, so their
 * defaults count. The estimate is kept in the operation's stats (`x-gateway-stats`).
 */
export function upstreamCostPlugin(config: Config): ApolloServerPlugin<GatewayContext> {
  const { maxCost, maxRepresentations, deadlineMs } = config.gateway;
  const settings = costSettingsOf(config);
  const rateLimit = config.graph.rateLimit;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, contextValue }) {
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          // Variables that do not coerce fail execution before any resolver runs: nothing to estimate.
          if (coerced.coerced === undefined) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const estimate = estimateCost(schema, operation, fragments, coerced.coerced, settings);
          const cost = estimate.requests;
          contextValue.stats.estimate = { requests: cost, slots: estimate.slots };
          if (estimate.representations > maxRepresentations) {
            throw limitError(
              `An operation may carry at most ${maxRepresentations} \`_entities\` representations, but this one carries ${estimate.representations} (estimated at ${cost} upstream requests)`,
              { representations: estimate.representations, maxRepresentations, cost },
            );
          }
          if (cost > maxCost) {
            throw limitError(
              `An operation may cost at most ${maxCost} upstream requests (a connection counts every page it may follow, one per parent, and multiplies its children by \`first\`), but this one may cost ${cost}`,
              { cost, maxCost },
            );
          }
          if (rateLimit === null) return;
          const waitMs = minimumBudgetWaitMs(estimate.slots, rateLimit);
          if (waitMs > deadlineMs) {
            throw limitError(
              `An operation must finish within ${deadlineMs / 1000} s, but this one needs ${estimate.slots} budget slots (upstream requests), which take at least ${Math.ceil(waitMs / 1000)} s at ${rateLimit.requests} requests per ${rateLimit.windowMs / 1000} s`,
              { cost, slots: estimate.slots, slotWaitMs: waitMs, deadlineMs },
            );
          }
        },
      };
    },
  };
}

function limitError(message: string, extensions: Record<string, unknown>): CodedError {
  return new CodedError(ErrorCode.GRAPHQL_VALIDATION_FAILED, message, { ...extensions, http: { status: 400 } });
}
