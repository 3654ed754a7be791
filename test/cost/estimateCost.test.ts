import { type FragmentDefinitionNode, getVariableValues, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { estimateCost, keyedReadCost, pagesPerPage, type CostSettings } from '../../src/apollo/cost';
import { buildGatewaySchema } from '../../src/apollo/schema';
import { resolvers } from '../../src/reports';
import { doublingFragments } from '../support/doublingFragments';

const schema = buildGatewaySchema(resolvers);
const settings: CostSettings = { maxPagesPerPage: 10, linkPlan: 'batch', scanPages: 0 };

function estimate(query: string, variables: Record<string, unknown> = {}, with_: CostSettings = settings) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.coerced === undefined) throw new Error(coerced.errors.map((e) => e.message).join('; '));
  return estimateCost(schema, operation, fragments, coerced.coerced, with_);
}

describe('estimateCost', () => {
  it.each([26, 40])('walks each of the %i doubling fragments once, and counts a fragment spread twice in one set once, as execution does', (levels) => {
    const cost = estimate(doublingFragments(levels));
    expect(cost.fragmentWalks).toBe(levels + 1);
    expect(cost.slots).toBe(1 + 2);
  });

  it('walks each fragment once per number of parents when the doubling runs through two different fields', () => {
    const lines = ['{ credentialUserRegistrationDetails(first: 1) { nodes { ...G0 } } }'];
    for (let i = 0; i < 30; i += 1) lines.push(`fragment G${i} on CredentialUserRegistrationDetails { a: usageEvents(first: 1) { nodes { registration { ...G${i + 1} } } } b: usageEvents(first: 1) { nodes { registration { ...G${i + 1} } } } }`);
    lines.push('fragment G30 on CredentialUserRegistrationDetails { id }');
    const cost = estimate(lines.join('\n'));
    expect(cost.fragmentWalks).toBe(31);
    expect(cost.slots).toBeGreaterThan(2 ** 30);
  });

  it('counts a connection page by page: pages to fill `first` (at most the page bound), children × `first`', () => {
    const cost = estimate('{ credentialUserRegistrationDetails(first: 40) { nodes { usageEvents(first: 2) { nodes { id } } } } }');
    expect(cost).toMatchObject({ slots: 1 + 40, requests: 10 + 40 * 3 });
  });

  it('applies variable defaults before estimating', () => {
    const query = 'query($n: Int = 30) { credentialUserRegistrationDetails(first: $n) { nodes { registration: usageEvents(first: 1) { nodes { id } } } } }';
    expect(estimate(query).slots).toBe(31);
    expect(estimate(query, { n: 3 }).slots).toBe(4);
  });

  it('counts `_entities` per representation, by its type: a lookup per report entity, a User only for a missing key', () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on UserRegistrationDetails { id isAdmin }
      ... on User { credentialUsageEvents(first: 3) { nodes { id } } }
    } }`;
    const representations = [
      ...Array.from({ length: 4 }, (_, i) => ({ __typename: 'UserRegistrationDetails', id: `u${i}` })),
      ...Array.from({ length: 3 }, (_, i) => ({ __typename: 'User', id: `u${i}`, userPrincipalName: `p${i}` })),
      ...Array.from({ length: 2 }, (_, i) => ({ __typename: 'User', id: `v${i}` })),
    ];
    const cost = estimate(query, { r: representations });
    expect(cost.representations).toBe(9);
    // 4 lookups; 2 key translations; 5 users × one usage connection of up to 4 pages.
    expect(cost.slots).toBe(4 + 2 + 5);
    expect(cost.requests).toBe(4 + 2 + 5 * 4);
  });

  it('costs nothing for `_service` and key-only entities, which read nothing upstream', () => {
    expect(estimate('{ _service { sdl } }').requests).toBe(0);
    expect(estimate('{ _entities(representations: [{ __typename: "User", id: "a", userPrincipalName: "b" }]) { ... on User { id } } }').requests).toBe(0);
  });
});

describe('keyedReadCost and pagesPerPage', () => {
  it('is one request per key in the batch plan; under the read planner one per chunk in slots, its guesses and fallbacks in the bound', () => {
    expect(keyedReadCost({ kind: 'rows', keys: 50, pagesPerKey: 3 }, settings)).toEqual({ requests: 150, slots: 50 });
    // With scans off (scanPages 0) the least a plan needs is one slot per chunk, or per key for ids.
    for (const linkPlan of ['auto', 'coalesce', 'scan'] as const) {
      // A guessed scan of at most a quarter of the 3 chunks, the 3 chunks to the page bound, then per key.
      expect(keyedReadCost({ kind: 'rows', keys: 50, pagesPerKey: 3 }, { ...settings, linkPlan })).toEqual({ requests: 1 + 3 * 10 + 150, slots: 3 });
      // Ids are never coalesced: per key, after a guessed scan of at most a quarter of that.
      expect(keyedReadCost({ kind: 'byId', keys: 7 }, { ...settings, linkPlan })).toEqual({ requests: 2 + 7, slots: 7 });
    }
  });

  it('needs no more slots than a scan within the bound reads, where the planner may scan', () => {
    const scanning: CostSettings = { ...settings, scanPages: 5 };
    for (const linkPlan of ['auto', 'scan'] as const) {
      expect(keyedReadCost({ kind: 'byId', keys: 100 }, { ...scanning, linkPlan })).toEqual({ requests: 25 + 100, slots: 5 });
      expect(keyedReadCost({ kind: 'rows', keys: 200, pagesPerKey: 1 }, { ...scanning, linkPlan })).toEqual({ requests: 3 + 10 * 10 + 200, slots: 5 });
      expect(keyedReadCost({ kind: 'byId', keys: 3 }, { ...scanning, linkPlan }).slots).toBe(3);
    }
    // A forced coalesce never scans, and ids are read per key.
    expect(keyedReadCost({ kind: 'byId', keys: 100 }, { ...scanning, linkPlan: 'coalesce' }).slots).toBe(100);
    expect(keyedReadCost({ kind: 'byId', keys: 100 }, { ...scanning, linkPlan: 'batch' }).slots).toBe(100);
  });

  it('bounds the pages of a connection page by `first` + 1 and by the page bound', () => {
    expect(pagesPerPage(1, settings)).toBe(2);
    expect(pagesPerPage(50, settings)).toBe(10);
  });
});
