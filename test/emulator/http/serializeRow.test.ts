import type { Emulator } from '../../../src/emulator/emulator';
import { graphEnums } from '../../../src/emulator/entities';
import { startEmulator } from '../../../src/emulator/emulator';
import { call } from '../support/call';
import { walkPages } from '../support/walkPages';

const evolvable = (members: readonly string[]): string[] => members.slice(members.indexOf('unknownFutureValue') + 1);

describe('evolvable enum members and Prefer: include-unknown-enum-members', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ users: 120 });
  });
  afterAll(() => emulator.stop());

  it('serves members declared after unknownFutureValue as unknownFutureValue without the header', async () => {
    const rows = (await walkPages(`${emulator.url}/beta/reports/userCredentialUsageDetails`)).flat();
    const newer = evolvable(graphEnums.usageAuthMethod);
    const stored = emulator.data.usageDetails.map((e) => e.authMethod);
    expect(stored.some((m) => newer.includes(m))).toBe(true);
    expect(rows.map((row) => row.authMethod)).toEqual(stored.map((m) => (newer.includes(m) ? 'unknownFutureValue' : m)));
  });

  it('serves them as stored with the header, also among other comma-separated preferences', async () => {
    const headers = { prefer: 'odata.maxpagesize=50, include-unknown-enum-members' };
    const rows = (await walkPages(`${emulator.url}/beta/reports/userCredentialUsageDetails`, headers)).flat();
    expect(rows.map((row) => row.authMethod)).toEqual(emulator.data.usageDetails.map((e) => e.authMethod));
    const reply = await call(`${emulator.url}/beta/reports/userCredentialUsageDetails?$top=1`, { headers });
    expect(reply.headers.get('preference-applied')).toBe('include-unknown-enum-members');
  });

  it('hides evolvable members inside collections but serves values outside the enum as stored either way', async () => {
    const user = emulator.data.registrationDetails[1];
    expect(user?.authMethods).toContain('externalAuthMethod');
    const hidden = await call(`${emulator.url}/beta/reports/credentialUserRegistrationDetails/${user?.id}`);
    expect(hidden.body.authMethods).toEqual(user?.authMethods.map((m) => (m === 'externalAuthMethod' ? 'unknownFutureValue' : m)));
    const first = emulator.data.registrationDetails[0];
    expect(first?.authMethods).toContain('mobileSMS');
    for (const headers of [{}, { prefer: 'include-unknown-enum-members' }] as Record<string, string>[]) {
      expect((await call(`${emulator.url}/beta/reports/credentialUserRegistrationDetails/${first?.id}`, { headers })).body.authMethods).toEqual(first?.authMethods);
    }
  });

  it('applies the same rule inside $batch answers, per inner request headers', async () => {
    const id = emulator.data.registrationDetails[1]?.id ?? '';
    const url = `/reports/credentialUserRegistrationDetails/${id}`;
    const reply = await call(`${emulator.url}/beta/$batch`, {
      json: { requests: [{ id: 'plain', method: 'GET', url }, { id: 'all', method: 'GET', url, headers: { Prefer: 'include-unknown-enum-members' } }] },
    });
    const byId = Object.fromEntries((reply.body.responses as any[]).map((r) => [r.id, r.body.authMethods]));
    expect(byId['plain']).toContain('unknownFutureValue');
    expect(byId['all']).toContain('externalAuthMethod');
  });
});
