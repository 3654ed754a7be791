import { chunkKeys, type KnownSize, planCost } from '../../src/operation/planner';
import { credentialUserRegistrationDetails } from '../../src/reports/registrationDetails';
import { userRegistrationDetails } from '../../src/reports/userRegistrationDetails';

const bound = { rows: 5000, bytes: 16 * 1024 * 1024 };
const upns = (n: number) => Array.from({ length: n }, (_, i) => `user.number${i}@contoso.onmicrosoft.com`);
const seen = (rows: number, pageRows = 1000, exact = true): KnownSize => ({ rows, exact, pageRows, bytes: rows * 500 });

describe('planCost, the cost model in budgeted requests', () => {
  it('one key is read on its own: every plan costs one request and per key is the simplest', () => {
    expect(planCost(credentialUserRegistrationDetails, upns(1), null, { scanBound: bound })).toMatchObject({ plan: 'perKey', budgetedRequests: 1 });
  });

  it('many keys of an unknown report: coalesced chunks under the URL limit, unless a one-page scan saves a whole request', () => {
    const keys = upns(100);
    const chunks = chunkKeys(credentialUserRegistrationDetails, 'userPrincipalName', keys);
    expect(chunks.flat()).toEqual(keys);
    expect(chunks.length).toBeGreaterThan(1);
    const choice = planCost(credentialUserRegistrationDetails, keys, null, { scanBound: bound });
    expect(choice.ranked.find((c) => c.plan === 'coalesced')?.budgetedRequests).toBe(chunks.length);
    // A scan of unknown size is priced at its first page, with doubt; it may give up after a quarter of the next
    // plan's cost and leave the keys to it.
    expect(choice).toMatchObject({ plan: 'scan', budgetedRequests: 1, atMost: Math.ceil(chunks.length / 4) + chunks.length });
  });

  it('a report seen whole prices its scan in pages; beyond the bound it is never a candidate', () => {
    expect(planCost(credentialUserRegistrationDetails, upns(100), seen(300, 100), { scanBound: bound })).toMatchObject({ plan: 'scan', budgetedRequests: 3 });
    const big = planCost(credentialUserRegistrationDetails, upns(100), seen(6000), { scanBound: bound });
    expect(big.plan).toBe('coalesced');
    expect(big.ranked.map((c) => c.plan)).not.toContain('scan');
    const unknownButBig = planCost(credentialUserRegistrationDetails, upns(100), seen(5000, 1000, false), { scanBound: bound });
    expect(unknownButBig.ranked.map((c) => c.plan)).not.toContain('scan');
  });

  it('ids cannot be coalesced (Graph does not filter on id): per key or scan', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const choice = planCost(userRegistrationDetails, ids, seen(200, 100), { keyProperty: 'id', scanBound: bound });
    expect(choice.ranked.map((c) => c.plan).sort()).toEqual(['perKey', 'scan']);
    expect(choice).toMatchObject({ plan: 'scan', budgetedRequests: 2 });
  });

  it('a refused or-filter takes the coalesced plan out; a forced plan is chosen while it can serve', () => {
    const refused = planCost(credentialUserRegistrationDetails, upns(100), seen(9000), { scanBound: bound, coalesceRefused: true });
    expect(refused).toMatchObject({ plan: 'perKey', budgetedRequests: 100 });
    expect(planCost(credentialUserRegistrationDetails, upns(100), seen(300, 100), { scanBound: bound, force: 'perKey' }).plan).toBe('perKey');
    expect(planCost(credentialUserRegistrationDetails, upns(100), seen(9000), { scanBound: bound, force: 'scan' }).plan).toBe('coalesced');
  });

  it('estimates from a number of keys alone, as the cost estimate does before any row is read', () => {
    const byNumber = planCost(credentialUserRegistrationDetails, 100, seen(9000), { scanBound: bound });
    expect(byNumber.plan).toBe('coalesced');
    expect(byNumber.budgetedRequests).toBeGreaterThanOrEqual(planCost(credentialUserRegistrationDetails, upns(100), seen(9000), { scanBound: bound }).budgetedRequests);
  });
});
