import type { Emulator } from '../../../../src/emulator/emulator';
import { startEmulator } from '../../../../src/emulator/emulator';
import { call } from '../../support/call';

/** Checks that every opened element is closed in order (the document has no text content or comments). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const [tag] of xml.matchAll(/<[^?][^>]*>/g)) {
    if (tag.endsWith('/>')) continue;
    const name = /^<\/?([\w:.]+)/.exec(tag)?.[1] ?? '';
    if (tag.startsWith('</')) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

describe('GET /$metadata', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ users: 1 });
  });
  afterAll(() => emulator.stop());

  it('describes on beta every served type, function and the evolvable members', async () => {
    const reply = await call(`${emulator.url}/beta/$metadata`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/xml');
    const xml: string = reply.body;
    expect(balanced(xml)).toBe(true);
    for (const type of ['credentialUserRegistrationDetails', 'userCredentialUsageDetails', 'credentialUserRegistrationsSummary', 'userRegistrationDetails', 'userEventsSummary', 'credentialUsageSummary', 'userRegistrationActivitySummary', 'credentialUserRegistrationCount']) {
      expect(xml).toContain(`<EntityType Name="${type}"`);
    }
    expect(xml).toContain('<Function Name="getCredentialUsageSummary" IsBound="true" IsComposable="true">');
    expect(xml).toContain('<Member Name="externalAuthMethod" Value="10"/>');
    expect(xml).toContain('<Property Name="defaultMfaMethod" Type="microsoft.graph.defaultMfaMethodType"/>');
    expect(xml).toContain('<Property Name="totalUserCount" Type="Edm.Int64" Nullable="false"/>');
    expect(xml).toContain('<EntityType Name="credentialUserRegistrationsSummary" BaseType="microsoft.graph.entity" OpenType="true">');
  });

  it('describes on v1.0 only what v1.0 serves', async () => {
    const xml: string = (await call(`${emulator.url}/v1.0/$metadata`)).body;
    expect(balanced(xml)).toBe(true);
    expect(xml).toContain('<EntityType Name="userRegistrationDetails"');
    expect(xml).toContain('<Function Name="usersRegisteredByMethod" IsBound="true" IsComposable="true">');
    expect(xml).not.toContain('credentialUserRegistrationDetails');
    expect(xml).not.toContain('defaultMfaMethod"');
    // v1.0 has none of the legacy or beta-only enums.
    expect(xml).not.toContain('<EnumType Name="usageAuthMethod">');
    expect(xml).not.toContain('<EnumType Name="defaultMfaMethodType">');
  });
});
