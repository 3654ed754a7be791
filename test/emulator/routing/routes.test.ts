import { isPrivilegedAdmin } from '../../../src/emulator/data';
import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { call } from '../support/call';
import { walkPages } from '../support/walkPages';

const DAY = 24 * 3600 * 1000;
let emulator: Emulator;
let beta: string;
let v1: string;

beforeAll(async () => {
  emulator = await startEmulator({ users: 80, seed: 3 });
  beta = `${emulator.url}/beta`;
  v1 = `${emulator.url}/v1.0`;
});
afterAll(() => emulator.stop());

function activity(days: number): Map<string, [number, number]> {
  const since = Date.parse(emulator.data.referenceDateTime) - days * DAY;
  const counts = new Map<string, [number, number]>();
  for (const e of emulator.data.usageDetails) {
    const key = `${e.feature}/${e.authMethod}`;
    const entry = counts.get(key) ?? [0, 0];
    if (Date.parse(e.eventDateTime) >= since) entry[e.isSuccess ? 0 : 1]++;
    counts.set(key, entry);
  }
  return counts;
}

describe('the legacy beta reports', () => {
  it('lists registration details, usage events and tenant summaries exactly as stored', async () => {
    const headers = { prefer: 'include-unknown-enum-members' };
    expect((await walkPages(`${beta}/reports/credentialUserRegistrationDetails`, headers)).flat()).toEqual(emulator.data.registrationDetails);
    expect((await walkPages(`${beta}/reports/userCredentialUsageDetails`, headers)).flat()).toEqual(emulator.data.usageDetails);
    const tenants = (await walkPages(`${beta}/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries`)).flat();
    expect(tenants).toEqual(emulator.data.tenantSummaries);
    expect(tenants).toHaveLength(25);
    expect(Object.keys(tenants[0] ?? {})).toEqual(expect.arrayContaining(['tenantId', 'tenantDisplayName', 'mfaExcludedUserCount', 'tenantLicenseType', 'totalUserCount']));
  });

  it('computes getCredentialUsageSummary for D1, D7 and D30 (case-insensitive) and filters it by feature', async () => {
    for (const [period, days] of [['D1', 1], ['d7', 7], ['D30', 30]] as const) {
      const reply = await call(`${beta}/reports/getCredentialUsageSummary(period='${period}')`, { headers: { prefer: 'include-unknown-enum-members' } });
      expect(reply.status).toBe(200);
      const got = new Map((reply.body.value as any[]).map((r) => [`${r.feature}/${r.authMethod}`, [r.successfulActivityCount, r.failureActivityCount]]));
      expect(got).toEqual(activity(days));
    }
    const resets = await call(`${beta}/reports/getCredentialUsageSummary(period='D30')?$filter=feature eq 'registration'`);
    expect(resets.body.value.length).toBeGreaterThan(0);
    expect(new Set(resets.body.value.map((r: { feature: string }) => r.feature))).toEqual(new Set(['registration']));
    for (const bad of ["getCredentialUsageSummary(period='D2')", 'getCredentialUsageSummary()', "getCredentialUsageSummary(days='D1')"]) {
      expect((await call(`${beta}/reports/${bad}`)).status).toBe(400);
    }
  });

  it('computes getCredentialUserRegistrationCount from the registration details and refuses query options', async () => {
    const rows = emulator.data.registrationDetails;
    const reply = await call(`${beta}/reports/getCredentialUserRegistrationCount()`);
    expect(reply.body.value).toHaveLength(1);
    expect(reply.body.value[0]).toMatchObject({
      totalUserCount: 80,
      userRegistrationCounts: [
        { registrationStatus: 'registered', registrationCount: rows.filter((r) => r.isRegistered).length },
        { registrationStatus: 'enabled', registrationCount: rows.filter((r) => r.isEnabled).length },
        { registrationStatus: 'capable', registrationCount: rows.filter((r) => r.isCapable).length },
        { registrationStatus: 'mfaRegistered', registrationCount: rows.filter((r) => r.isMfaRegistered).length },
      ],
    });
    expect((await call(`${beta}/reports/getCredentialUserRegistrationCount?$top=1`)).status).toBe(400);
  });

  it('gets single entities by id, in both key syntaxes, and answers 404 for unknown ids', async () => {
    const registration = emulator.data.registrationDetails[2];
    const event = emulator.data.usageDetails[0];
    const tenant = emulator.data.tenantSummaries[3];
    const headers = { prefer: 'include-unknown-enum-members' };
    expect(await call(`${beta}/reports/credentialUserRegistrationDetails/${registration?.id}`, { headers })).toMatchObject({ status: 200, body: registration });
    expect(await call(`${beta}/reports/credentialUserRegistrationDetails('${registration?.id}')`, { headers })).toMatchObject({ status: 200, body: registration });
    expect(await call(`${beta}/reports/userCredentialUsageDetails/${event?.id}`, { headers })).toMatchObject({ status: 200, body: event });
    expect(await call(`${beta}/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries/${tenant?.id}`)).toMatchObject({ status: 200, body: tenant });
    const missing = await call(`${beta}/reports/userCredentialUsageDetails/00000000-0000-4000-8000-000000000000`);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'Request_ResourceNotFound']);
  });
});

describe('the successors', () => {
  it('serves userRegistrationDetails on v1.0 without defaultMfaMethod and on beta with it, same ids as the legacy rows', async () => {
    const onV1 = (await walkPages(`${v1}/reports/authenticationMethods/userRegistrationDetails`)).flat();
    const onBeta = (await walkPages(`${beta}/reports/authenticationMethods/userRegistrationDetails`)).flat();
    expect(onBeta).toEqual(emulator.data.userRegistrationDetails);
    expect(onV1).toEqual(emulator.data.userRegistrationDetails.map(({ defaultMfaMethod: _omitted, ...rest }) => rest));
    expect(onV1.map((r) => r.id)).toEqual(emulator.data.registrationDetails.map((r) => r.id));
    expect(onV1.map((r) => r.isMfaRegistered)).toEqual(emulator.data.registrationDetails.map((r) => r.isMfaRegistered));
    const one = emulator.data.userRegistrationDetails[5];
    expect((await call(`${v1}/reports/authenticationMethods/userRegistrationDetails/${one?.id}`)).body.userPrincipalName).toBe(one?.userPrincipalName);
  });

  it('filters userRegistrationDetails on documented booleans and collections only', async () => {
    const url = `${v1}/reports/authenticationMethods/userRegistrationDetails`;
    const expected = emulator.data.userRegistrationDetails.filter((u) => u.isSsprCapable && (u.methodsRegistered ?? []).includes('microsoftAuthenticatorPush')).map((u) => u.id);
    const got = (await walkPages(`${url}?$filter=isSsprCapable eq true and methodsRegistered/any(m:m eq 'microsoftAuthenticatorPush')`)).flat();
    expect(got.map((u) => u.id)).toEqual(expected);
    expect((await call(`${url}?$filter=isAdmin eq true`)).status).toBe(400);
    expect((await call(`${url}?$orderby=isMfaCapable`)).status).toBe(400);
  });

  it('counts usersRegisteredByFeature and usersRegisteredByMethod for the requested user types and roles', async () => {
    const users = emulator.data.userRegistrationDetails;
    const all = await call(`${v1}/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='all',includedUserRoles='all')`);
    expect(all.body).toMatchObject({ totalUserCount: 80, userTypes: 'all', userRoles: 'all' });
    expect(all.body.userRegistrationFeatureCounts).toContainEqual({ feature: 'mfaCapable', userCount: users.filter((u) => u.isMfaCapable).length });
    const bare = await call(`${beta}/reports/authenticationMethods/usersRegisteredByFeature`);
    expect(bare.body.userRegistrationFeatureCounts).toEqual(all.body.userRegistrationFeatureCounts);
    const privileged = users.filter((u) => u.userType === 'member' && isPrivilegedAdmin(u));
    expect(privileged.length).toBeGreaterThan(0);
    const scoped = await call(`${v1}/reports/authenticationMethods/usersRegisteredByMethod(includedUserRoles='privilegedAdmin',includedUserTypes='member')`);
    expect(scoped.body).toMatchObject({ totalUserCount: privileged.length, userTypes: 'member', userRoles: 'privilegedAdmin' });
    const mobileCount = privileged.filter((u) => (u.methodsRegistered ?? []).includes('mobilePhone')).length;
    const counted = (scoped.body.userRegistrationMethodCounts as any[]).find((c) => c.authenticationMethod === 'mobilePhone')?.userCount ?? 0;
    expect(counted).toBe(mobileCount);
    expect(mobileCount).toBeGreaterThan(0);
    const bads = [
      "usersRegisteredByMethod(includedUserTypes='robots',includedUserRoles='all')",
      "usersRegisteredByFeature(includedUserTypes='all',includedUserRoles='unknownFutureValue')",
      "usersRegisteredByFeature(color='all')",
      // Graph's overloads take both parameters or neither.
      "usersRegisteredByFeature(includedUserTypes='member')",
      "usersRegisteredByMethod(includedUserRoles='admin')",
    ];
    for (const bad of bads) {
      expect((await call(`${v1}/reports/authenticationMethods/${bad}`)).status).toBe(400);
    }
  });

  it('serves userEventsSummary like usage events and userRegistrationActivity per period with filters', async () => {
    const events = (await walkPages(`${beta}/reports/authenticationMethods/userEventsSummary?$filter=feature eq 'reset'`, { prefer: 'include-unknown-enum-members' })).flat();
    expect(events).toEqual(emulator.data.usageDetails.filter((e) => e.feature === 'reset'));
    const reply = await call(`${beta}/reports/authenticationMethods/userRegistrationActivity(period='d7')?$filter=authMethod eq 'email' and feature eq 'registration'`);
    expect(reply.status).toBe(200);
    const counts = activity(7).get('registration/email') ?? [0, 0];
    expect(reply.body.value.map((r: any) => [r.successfulActivityCount, r.failureActivityCount])).toEqual([counts]);
    expect((await call(`${beta}/reports/authenticationMethods/userRegistrationActivity(period='D7')`)).status).toBe(400);
    expect((await call(`${v1}/reports/authenticationMethods/userEventsSummary`)).status).toBe(400);
  });
});

describe('paths Graph does not serve', () => {
  it.each([
    ['an unknown segment', '/beta/reports/nothingHere', 'GET', 400],
    ['a legacy report on v1.0', '/v1.0/reports/credentialUserRegistrationDetails', 'GET', 400],
    ['a missing version', '/reports/credentialUserRegistrationDetails', 'GET', 400],
    ['an unknown version', '/v2.0/reports/credentialUserRegistrationDetails', 'GET', 400],
    ['a method the resource does not take', '/beta/reports/getCredentialUserRegistrationCount', 'DELETE', 405],
  ])('answers %s with a Graph error', async (_what, path, method, status) => {
    const reply = await call(`${emulator.url}${path}`, { method });
    expect(reply.status).toBe(status);
    expect(typeof reply.body.error.code).toBe('string');
    expect(reply.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
