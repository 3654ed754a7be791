import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { call } from '../support/call';
import { odataString } from '../support/odataString';
import { walkPages } from '../support/walkPages';

const ALL_ENUMS = { prefer: 'include-unknown-enum-members' };
let emulator: Emulator;
let registrations: string;
let usage: string;

beforeAll(async () => {
  emulator = await startEmulator({ users: 150, seed: 7 });
  registrations = `${emulator.url}/beta/reports/credentialUserRegistrationDetails`;
  usage = `${emulator.url}/beta/reports/userCredentialUsageDetails`;
});
afterAll(() => emulator.stop());

async function ids(url: string): Promise<string[]> {
  return (await walkPages(url, ALL_ENUMS)).flat().map((row) => row.id);
}

function idsOf(rows: readonly { id: string }[]): string[] {
  return rows.map((row) => row.id);
}

describe('GET a report collection with $filter', () => {
  it("finds a name holding a quote through eq with the quote doubled, ignoring case", async () => {
    const expected = idsOf(emulator.data.registrationDetails.filter((r) => r.userDisplayName.toLowerCase() === "zoë o'brien"));
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids(`${registrations}?$filter=userDisplayName eq ${odataString("Zoë O'Brien")}`)).toEqual(expected);
    expect(await ids(`${registrations}?$filter=userDisplayName%20eq%20${odataString("ZOË O'BRIEN")}`)).toEqual(expected);
  });

  it('finds names with %, &, # and + when they are percent-encoded', async () => {
    for (const name of ['50% #1 + more', 'Ana María & Co']) {
      const expected = idsOf(emulator.data.registrationDetails.filter((r) => r.userDisplayName === name));
      expect(expected).toHaveLength(1);
      expect(await ids(`${registrations}?$filter=${encodeURIComponent(`userDisplayName eq '${name}'`)}`)).toEqual(expected);
    }
    const upn = emulator.data.registrationDetails[3]?.userPrincipalName ?? '';
    expect(upn).toContain('#EXT#');
    expect(await ids(`${registrations}?$filter=userPrincipalName eq ${odataString(upn)}`)).toEqual([emulator.data.registrationDetails[3]?.id]);
  });

  it('reads an unencoded + in the query as a space, as Graph does', async () => {
    const expected = idsOf(emulator.data.registrationDetails.filter((r) => r.userDisplayName.toLowerCase().startsWith("zoë o'b")));
    expect(await ids(`${registrations}?$filter=startswith(userDisplayName,'Zo%C3%AB+O''B')`)).toEqual(expected);
    expect(await ids(`${registrations}?$filter=userDisplayName+eq+'50%25+%231+%2B+more'`)).toEqual([emulator.data.registrationDetails[2]?.id]);
  });

  it('matches startswith ignoring case', async () => {
    const expected = idsOf(emulator.data.registrationDetails.filter((r) => r.userPrincipalName.startsWith('adele.')));
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids(`${registrations}?$filter=startsWith(userPrincipalName,'ADELE.')`)).toEqual(expected);
  });

  it("filters collections with any(t:t eq 'x'), an or inside included", async () => {
    const email = idsOf(emulator.data.registrationDetails.filter((r) => r.authMethods.includes('email')));
    expect(await ids(`${registrations}?$filter=authMethods/any(t:t eq 'email')`)).toEqual(email);
    const either = idsOf(emulator.data.registrationDetails.filter((r) => r.authMethods.includes('fido') || r.authMethods.includes('appCode')));
    expect(await ids(`${registrations}?$filter=authMethods/any(t:t eq 'fido' or t eq 'appCode')`)).toEqual(either);
  });

  it('combines booleans with and, or and parentheses, and binds and tighter than or', async () => {
    const rows = emulator.data.registrationDetails;
    const grouped = idsOf(rows.filter((r) => (r.isRegistered && !r.isMfaRegistered) || !r.isCapable));
    expect(await ids(`${registrations}?$filter=(isRegistered eq true and isMfaRegistered eq false) or isCapable eq false`)).toEqual(grouped);
    const precedence = idsOf(rows.filter((r) => !r.isCapable || (r.isRegistered && !r.isMfaRegistered)));
    expect(await ids(`${registrations}?$filter=isCapable eq false or isRegistered eq true and isMfaRegistered eq false`)).toEqual(precedence);
    expect(await ids(`${registrations}?$filter=isEnabled ne true`)).toEqual(idsOf(rows.filter((r) => !r.isEnabled)));
  });

  it('answers the or of eq terms a coalescing client sends', async () => {
    const [a, b] = [emulator.data.registrationDetails[0], emulator.data.registrationDetails[1]];
    const filter = `userPrincipalName eq ${odataString(a?.userPrincipalName ?? '')} or userPrincipalName eq ${odataString(b?.userPrincipalName ?? '')}`;
    expect(await ids(`${registrations}?$filter=${filter}`)).toEqual([a?.id, b?.id]);
  });

  it('compares unquoted date-times and enum literals, plain or type-qualified', async () => {
    const since = Date.parse('2025-06-23T12:00:00Z');
    const until = Date.parse('2025-06-30T12:00:00Z');
    const expected = idsOf(emulator.data.usageDetails.filter((e) => Date.parse(e.eventDateTime) >= since && Date.parse(e.eventDateTime) < until && e.feature === 'reset'));
    expect(expected.length).toBeGreaterThan(0);
    const filter = 'eventDateTime ge 2025-06-23T12:00:00Z and eventDateTime lt 2025-06-30T12:00:00Z and feature eq microsoft.graph.featureType\'reset\'';
    expect(await ids(`${usage}?$filter=${encodeURIComponent(filter)}`)).toEqual(expected);
    const external = idsOf(emulator.data.usageDetails.filter((e) => e.authMethod === 'externalAuthMethod' && !e.isSuccess));
    expect(await ids(`${usage}?$filter=authMethod eq 'externalAuthMethod' and isSuccess eq false`)).toEqual(external);
  });

  it('filters failureReason, non-null in Graph, with eq \'\' (the successful events) and startswith, and refuses eq null', async () => {
    const succeeded = idsOf(emulator.data.usageDetails.filter((e) => e.isSuccess));
    expect(succeeded.length).toBeGreaterThan(0);
    expect(await ids(`${usage}?$filter=failureReason eq ''`)).toEqual(succeeded);
    expect((await call(`${usage}?$filter=failureReason eq null`)).status).toBe(400);
    const timeout = idsOf(emulator.data.usageDetails.filter((e) => e.failureReason?.startsWith('Timeout') === true));
    expect(timeout.length).toBeGreaterThan(0);
    expect(await ids(`${usage}?$filter=startswith(failureReason,'timeout')`)).toEqual(timeout);
  });

  it('filters and counts tenant summaries on any property', async () => {
    const tenants = `${emulator.url}/beta/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries`;
    const reply = await call(`${tenants}?$filter=tenantDisplayName eq ${odataString("O'Reilly Media")}&$count=true`);
    expect(reply.body['@odata.count']).toBe(1);
    expect(reply.body.value[0].tenantDisplayName).toBe("O'Reilly Media");
    const big = idsOf(emulator.data.tenantSummaries.filter((t) => (t.mfaExcludedUserCount ?? 0) > 50));
    expect(await ids(`${tenants}?$filter=mfaExcludedUserCount gt 50`)).toEqual(big);
    // Every tenant property is nullable in Graph's metadata, so eq null is a filter there.
    const unnamed = idsOf(emulator.data.tenantSummaries.filter((t) => t.tenantDisplayName === null));
    expect(unnamed.length).toBeGreaterThan(0);
    expect(await ids(`${tenants}?$filter=tenantDisplayName eq null`)).toEqual(unnamed);
  });
});

describe('GET a report collection with $orderby and $select', () => {
  it('orders by several terms, names ignoring case, ties in stored order', async () => {
    const lower = (s: string): string => s.toLowerCase();
    const expected = [...emulator.data.registrationDetails]
      .sort((a, b) => (lower(a.userDisplayName) < lower(b.userDisplayName) ? 1 : lower(a.userDisplayName) > lower(b.userDisplayName) ? -1 : 0)
        || (lower(a.userPrincipalName) < lower(b.userPrincipalName) ? -1 : lower(a.userPrincipalName) > lower(b.userPrincipalName) ? 1 : 0))
      .map((r) => r.id);
    expect(await ids(`${registrations}?$orderby=userDisplayName desc,userPrincipalName`)).toEqual(expected);
    const byFlag = [...emulator.data.registrationDetails].sort((a, b) => Number(b.isMfaRegistered) - Number(a.isMfaRegistered)).map((r) => r.id);
    expect(await ids(`${registrations}?$orderby=isMfaRegistered%20desc`)).toEqual(byFlag);
  });

  it('orders usage events by date', async () => {
    const expected = [...emulator.data.usageDetails].sort((a, b) => Date.parse(a.eventDateTime) - Date.parse(b.eventDateTime)).map((e) => e.id);
    expect(await ids(`${usage}?$orderby=eventDateTime asc`)).toEqual(expected);
  });

  it('accepts system query options without the $ prefix on beta, as Graph documents', async () => {
    const expected = emulator.data.registrationDetails.filter((r) => r.isMfaRegistered).slice(0, 3).map((r) => r.id);
    const reply = await call(`${registrations}?filter=isMfaRegistered%20eq%20true&top=3`);
    expect(reply.body.value.map((r: { id: string }) => r.id)).toEqual(expected);
  });

  it('returns only the selected properties', async () => {
    const reply = await call(`${registrations}?$select=userPrincipalName,id&$top=2`);
    expect(reply.body.value).toEqual(emulator.data.registrationDetails.slice(0, 2).map((r) => ({ id: r.id, userPrincipalName: r.userPrincipalName })));
  });
});

describe('GET a report collection with unsupported query syntax', () => {
  const cases: [string, string, string][] = [
    ['a property the report does not filter on', "$filter=id eq 'x'", 'Request_UnsupportedQuery'],
    ['a property the type does not have', "$filter=color eq 'red'", 'BadRequest'],
    ['an unsupported function', "$filter=endswith(userDisplayName,'x')", 'Request_UnsupportedQuery'],
    ['not', '$filter=not isRegistered eq true', 'Request_UnsupportedQuery'],
    ['a quoted boolean', "$filter=isRegistered eq 'true'", 'BadRequest'],
    ['an enum value outside the enum', "$filter=authMethods/any(t:t eq 'pigeon')", 'BadRequest'],
    ['all() on a collection', "$filter=authMethods/all(t:t eq 'email')", 'Request_UnsupportedQuery'],
    ['an unclosed string', "$filter=userDisplayName eq 'Zo", 'BadRequest'],
    ['a dangling and', '$filter=isRegistered eq true and', 'BadRequest'],
    ['startswith on a boolean', "$filter=startswith(isRegistered,'t')", 'Request_UnsupportedQuery'],
    ['$skip', '$skip=5', 'Request_UnsupportedQuery'],
    ['$search', '$search=zoe', 'Request_UnsupportedQuery'],
    ['an unknown system option', '$frobnicate=1', 'BadRequest'],
    ['$top=0', '$top=0', 'BadRequest'],
    ['a non-numeric $top', '$top=ten', 'BadRequest'],
    ['ordering by a collection', '$orderby=authMethods', 'Request_UnsupportedQuery'],
    ['a repeated option', '$top=1&$top=2', 'BadRequest'],
  ];
  it.each(cases)('answers 400 with a Graph error body for %s', async (_what, query, code) => {
    const reply = await call(`${registrations}?${query}`, { headers: { 'client-request-id': 'abc-123' } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe(code);
    expect(typeof reply.body.error.message).toBe('string');
    expect(reply.body.error.innerError['client-request-id']).toBe('abc-123');
    expect(reply.body.error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  });

  it('refuses a quoted date and a date without offset on usage events', async () => {
    for (const filter of ["eventDateTime ge '2025-06-01T00:00:00Z'", 'eventDateTime ge 2025-06-01']) {
      const reply = await call(`${usage}?$filter=${encodeURIComponent(filter)}`);
      expect([reply.status, reply.body.error.code]).toEqual([400, 'BadRequest']);
    }
  });
});
