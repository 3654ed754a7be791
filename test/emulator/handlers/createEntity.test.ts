import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { call } from '../support/call';
import { odataString } from '../support/odataString';

describe('POST creates', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ users: 5 });
  });
  afterAll(() => emulator.stop());

  const registration = {
    userPrincipalName: "new.o'user@contoso.onmicrosoft.com",
    userDisplayName: "New O'User",
    authMethods: ['email', 'externalAuthMethod'],
    isRegistered: true,
    isEnabled: true,
    isCapable: false,
    isMfaRegistered: true,
  };

  it('answers 201 with the entity and a new id, and later GETs see it', async () => {
    const url = `${emulator.url}/beta/reports/credentialUserRegistrationDetails`;
    const byName = `${url}?$filter=userPrincipalName eq ${odataString(registration.userPrincipalName)}`;
    expect((await call(byName)).body.value).toEqual([]);
    const created = await call(url, { json: registration, headers: { prefer: 'include-unknown-enum-members' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(registration);
    expect(created.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.headers.get('location')).toBe(`${url}/${created.body.id}`);
    expect(emulator.data.registrationDetails).toHaveLength(6);
    const found = await call(byName);
    expect(found.body.value.map((row: { id: string }) => row.id)).toEqual([created.body.id]);
    expect((await call(`${url}/${created.body.id}`)).body.authMethods).toEqual(['email', 'unknownFutureValue']);
    const count = await call(`${emulator.url}/beta/reports/getCredentialUserRegistrationCount`);
    expect(count.body.value[0].totalUserCount).toBe(6);
  });

  it('creates usage events and tenant summaries, visible in their lists', async () => {
    const event = { userPrincipalName: 'x@contoso.onmicrosoft.com', feature: 'reset', isSuccess: false, authMethod: 'email', eventDateTime: '2025-06-30T11:00:00Z', failureReason: 'Nope' };
    const createdEvent = await call(`${emulator.url}/beta/reports/userCredentialUsageDetails`, { json: event });
    expect(createdEvent.status).toBe(201);
    // An omitted string that Graph declares non-null is stored as "", as Graph's examples show.
    expect(createdEvent.body).toMatchObject({ ...event, userDisplayName: '' });
    const { failureReason: _none, ...success } = { ...event, isSuccess: true };
    expect((await call(`${emulator.url}/beta/reports/userCredentialUsageDetails`, { json: success })).body).toMatchObject({ isSuccess: true, failureReason: '' });
    const events = await call(`${emulator.url}/beta/reports/userCredentialUsageDetails?$filter=failureReason eq 'nope'`);
    expect(events.body.value.map((row: { id: string }) => row.id)).toEqual([createdEvent.body.id]);
    const summary = await call(`${emulator.url}/beta/reports/authenticationMethods/userEventsSummary?$filter=failureReason eq 'nope'`);
    expect(summary.body.value.map((row: { id: string }) => row.id)).toEqual([createdEvent.body.id]);
    const tenant = await call(`${emulator.url}/beta/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries`, {
      json: { tenantId: 'abc', tenantDisplayName: 'Fresh # Tenant', mfaExcludedUserCount: 3 },
    });
    expect(tenant.status).toBe(201);
    expect(tenant.body).toMatchObject({ tenantId: 'abc', tenantDisplayName: 'Fresh # Tenant', mfaExcludedUserCount: 3, totalUserCount: null });
    expect(emulator.data.tenantSummaries.at(-1)?.id).toBe(tenant.body.id);
  });

  it.each([
    ['a missing required field', `/beta/reports/credentialUserRegistrationDetails`, { ...registration, isCapable: undefined }],
    ['a mistyped boolean', `/beta/reports/credentialUserRegistrationDetails`, { ...registration, isCapable: 'yes' }],
    ['an unknown enum member', `/beta/reports/credentialUserRegistrationDetails`, { ...registration, authMethods: ['carrierPigeon'] }],
    ['an unknown property', `/beta/reports/credentialUserRegistrationDetails`, { ...registration, favouriteColour: 'blue' }],
    ['a date without offset', `/beta/reports/userCredentialUsageDetails`, { userPrincipalName: 'x', feature: 'reset', isSuccess: true, authMethod: 'email', eventDateTime: '2025-06-30' }],
    ['a missing tenant name', `/beta/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries`, { tenantId: 'abc' }],
    ['a body that is not an object', `/beta/reports/userCredentialUsageDetails`, [1, 2]],
  ])('answers 400 with a Graph error for %s and stores nothing', async (_what, path, json) => {
    const before = JSON.stringify(emulator.data);
    const reply = await call(`${emulator.url}${path}`, { json });
    expect([reply.status, reply.body.error.code]).toEqual([400, 'BadRequest']);
    expect(JSON.stringify(emulator.data)).toBe(before);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const reply = await fetch(`${emulator.url}/beta/reports/userCredentialUsageDetails`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(reply.status).toBe(400);
  });
});
